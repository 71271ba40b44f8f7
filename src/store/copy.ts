import { DossierError } from '../core/errors.js';
import { pgSchemaVersion } from './postgres/migrations.js';
import { PostgresStore } from './postgres/postgres-store.js';
import { packText } from './sqlite/article-text.js';
import { gramHash, gramToken } from './sqlite/quote-writer.js';
import { schemaVersion } from './sqlite/migrations.js';
import { SqliteStore, entityWords } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

/**
 * Copies a corpus from one engine to the other (`dossier migrate`), table by table with the rows'
 * ids, so happening and quote ids stay the same. Both stores are at the same schema version, so a
 * table has the same columns on both; only the texts and their indexes differ: SQLite's article
 * text (deflated in article.text_z) and FTS5 tables (article_fts, quote_fts), and PostgreSQL's
 * article_text and its tsvector column, rebuilt on the way.
 * The target must be empty; the copy is one transaction, so a failed copy leaves it empty.
 */
const TABLES = [
  'article', 'article_copy', 'article_band', 'article_entity_name', 'article_entity_code', 'happening', 'event', 'event_actor',
  'quote', 'quote_variant', 'quote_gram', 'quote_source', 'learned_person',
] as const;

const BATCH = 1000;

type Row = Record<string, unknown>;

export interface CopyTally { readonly table: string; readonly rows: number }

/** Copies every row of `from` into `to`; reports each table as it is done. */
export function copyCorpus(from: Store, to: Store, report: (t: CopyTally) => void = () => {}): void {
  const sqlite = from instanceof SqliteStore ? from : to instanceof SqliteStore ? to : null;
  const pg = from instanceof PostgresStore ? from : to instanceof PostgresStore ? to : null;
  if (sqlite && pg && schemaVersion(sqlite.db) !== pgSchemaVersion(pg.db)) {
    throw new DossierError('STORE', `the SQLite store has schema version ${schemaVersion(sqlite.db)} and the PostgreSQL one ${pgSchemaVersion(pg.db)}; migrate needs the same`);
  }
  if (from instanceof SqliteStore && to instanceof PostgresStore) sqliteToPostgres(from, to, report);
  else if (from instanceof PostgresStore && to instanceof SqliteStore) postgresToSqlite(from, to, report);
  else throw new DossierError('USAGE', 'migrate copies between a SQLite file and a PostgreSQL database (one of each)');
}

function checkEmpty(to: Store): void {
  const s = to.stats();
  if (s.articles || s.events || s.happenings || s.quotes) {
    throw new DossierError('USAGE', `the target already holds a corpus (${s.articles} articles); migrate copies into an empty store`);
  }
}

/** JSON for json_populate_recordset: bytes as bytea's hex form. */
const toJson = (rows: Row[]) => JSON.stringify(rows, (_k, v: unknown) => (isBytes(v) ? `\\x${Buffer.from(v).toString('hex')}` : v));
const isBytes = (v: unknown): v is Uint8Array => v instanceof Uint8Array || (typeof v === 'object' && v !== null && (v as { type?: string }).type === 'Buffer');

function sqliteToPostgres(from: SqliteStore, to: PostgresStore, report: (t: CopyTally) => void): void {
  checkEmpty(to);
  to.transaction(() => {
    const insert = (table: string, rows: Row[], select = '*') => {
      if (rows.length) to.db.run(`INSERT INTO ${table} SELECT ${select} FROM json_populate_recordset(null::${table}, ?::json) r`, [toJson(rows)]);
    };
    for (const table of TABLES) {
      const columns = to.db.query<{ name: string }>(`SELECT attname AS name FROM pg_attribute WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`, [table]).map((c) => c.name);
      // the tsvector is built from the text, not copied
      const select = columns.map((c) => (c === 'tsv' ? `to_tsvector('dossier_text', r.text)` : `r.${c}`)).join(', ');
      // a quote variant's words, which SQLite reads from its article's text between its offsets, PostgreSQL keeps
      const read = (c: string) => (table === 'quote_variant' && c === 'text'
        ? `coalesce(text, (SELECT dossier_span(a.text_z, span_start, span_end) FROM article a WHERE a.rowid = article_rowid)) AS text` : c);
      // SQLite's quote candidate index is a full-text table of the sketches (quote-writer.ts gramToken), PostgreSQL's a keyed table
      const source = table === 'quote_gram'
        ? mapRows(from.db.prepare('SELECT term, doc FROM quote_gram_pairs').iterate() as Iterable<{ term: string; doc: number }>,
          (r) => ({ hash: gramHash(r.term), quote_rowid: r.doc }))
        : from.db.prepare(`SELECT ${columns.filter((c) => c !== 'tsv').map(read).join(', ')} FROM ${table}`).iterate() as Iterable<Row>;
      const n = copyRows(source, (rows) => insert(table, rows, select));
      report({ table, rows: n });
    }
    const n = copyRows(from.db.prepare('SELECT rowid, title, text FROM article_fts').iterate() as Iterable<Row>, (rows) => insert('article_text', rows,
      `r.rowid, r.title, r.text, setweight(to_tsvector('dossier_text', r.title), 'A') || setweight(to_tsvector('dossier_text', r.text), 'B')`));
    report({ table: 'article_text', rows: n });
  });
}

function postgresToSqlite(from: PostgresStore, to: SqliteStore, report: (t: CopyTally) => void): void {
  checkEmpty(to);
  const fetchAll = (sql: string, each: (rows: Row[]) => void): number => {
    // a cursor, so a large table streams instead of coming back in one piece
    from.db.batch([{ sql: 'BEGIN ISOLATION LEVEL REPEATABLE READ', params: [] }, { sql: `DECLARE copy_rows NO SCROLL CURSOR FOR ${sql}`, params: [] }]);
    let n = 0;
    try {
      for (;;) {
        const rows = from.db.query(`FETCH ${BATCH} FROM copy_rows`);
        if (!rows.length) break;
        each(rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Uint8Array ? Buffer.from(v) : v]))));
        n += rows.length;
      }
    } finally {
      from.db.run('COMMIT');
    }
    return n;
  };
  to.db.transaction(() => {
    for (const table of TABLES) {
      if (table === 'quote_gram') {
        // each quote's sketch, as one row of SQLite's full-text candidate index (quote-writer.ts gramToken)
        const insert = to.db.prepare('INSERT INTO quote_gram (rowid, pairs) VALUES (?, ?)');
        let pairs = 0;
        fetchAll(`SELECT quote_rowid, string_agg(hash::text, ' ' ORDER BY hash) AS hashes FROM quote_gram GROUP BY quote_rowid ORDER BY quote_rowid`, (rows) => {
          for (const r of rows) {
            const hashes = (r.hashes as string).split(' ');
            insert.run(r.quote_rowid, hashes.map((h) => gramToken(Number(h))).join(' '));
            pairs += hashes.length;
          }
        });
        report({ table, rows: pairs });
        continue;
      }
      if (table === 'article_entity_name') {
        // a view on SQLite over article_entity_words, which keeps the last word once
        const insert = to.db.prepare('INSERT INTO article_entity_words (last, head, article_rowid) VALUES (?, ?, ?)');
        report({ table, rows: fetchAll('SELECT name, article_rowid FROM article_entity_name', (rows) => {
          for (const r of rows) insert.run(...entityWords(r.name as string), r.article_rowid);
        }) });
        continue;
      }
      // the text SQLite keeps in the article row (text_z) is PostgreSQL's article_text, copied below
      const columns = (to.db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).filter((c) => c !== 'text_z');
      const insert = to.db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
      const n = fetchAll(`SELECT ${columns.join(', ')} FROM ${table}`, (rows) => { for (const r of rows) insert.run(r); });
      report({ table, rows: n });
    }
    const text = to.db.prepare('UPDATE article SET text_z = ? WHERE rowid = ?');
    const article = to.db.prepare('INSERT INTO article_fts (rowid, title, text) VALUES (@rowid, @title, @text)');
    report({ table: 'article_fts', rows: fetchAll('SELECT rowid, title, text FROM article_text', (rows) => {
      for (const r of rows) { text.run(packText(r.text as string), r.rowid); article.run(r); }
    }) });
    const quote = to.db.prepare('INSERT INTO quote_fts (rowid, text) VALUES (@rowid, @text)');
    report({ table: 'quote_fts', rows: fetchAll('SELECT rowid, text FROM quote_variant', (rows) => { for (const r of rows) quote.run(r); }) });
  })();
}

function* mapRows<T>(rows: Iterable<T>, f: (row: T) => Row): Iterable<Row> {
  for (const row of rows) yield f(row);
}

function copyRows(rows: Iterable<Row>, write: (batch: Row[]) => void): number {
  let batch: Row[] = [];
  let n = 0;
  for (const row of rows) {
    batch.push(row);
    n++;
    if (batch.length >= BATCH) { write(batch); batch = []; }
  }
  write(batch);
  return n;
}
