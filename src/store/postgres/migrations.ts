import { DossierError } from '../../core/errors.js';
import { party, personNames } from '../merge/parties.js';
import { quoteSketch, quoteWording, wordPairHashes } from '../merge/quotes.js';
import { eventWords, packSpeaker } from '../event-rows.js';
import { packResult, unpackResult } from '../stored-result.js';
import type { ActorRefJson } from '../../result/schema.js';
import type { SyncPg } from './sync-client.js';

/**
 * The PostgreSQL schema, built by the same numbered migrations as the SQLite one (the same
 * numbers and names; SQL in PostgreSQL's dialect). The differences, each for a reason:
 * - rowids are plain bigint keys given as max + 1 by the writer (as SQLite does for INTEGER PRIMARY
 *   KEY), not sequences: sequences skip numbers when a transaction rolls back, and happening and
 *   quote ids (h12, q7) must come out the same as a SQLite ingest of the same corpus;
 * - full text lives in tsvector columns with GIN indexes (article_text.tsv; quote_variant's words by an expression index, migration 9) in
 *   the `dossier_text` configuration (unaccent + simple: case and accents folded, no stemming, like
 *   FTS5's unicode61 tokenizer with remove_diacritics);
 * - text columns use the "C" collation, comparing and sorting byte by byte as SQLite's BINARY does;
 * - `COLLATE NOCASE` is a case-insensitive ICU collation called nocase, so queries read the same.
 * The version lives in dossier_schema.
 */
interface PgMigration {
  readonly version: number;
  readonly sql: string;
  readonly backfill?: (db: SyncPg) => void;
}

const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    sql: `
      CREATE EXTENSION IF NOT EXISTS unaccent;
      DO $$ BEGIN
        CREATE TEXT SEARCH CONFIGURATION dossier_text (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION dossier_text
          ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple;
      EXCEPTION WHEN unique_violation THEN NULL; END $$;
      DO $$ BEGIN
        CREATE COLLATION nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
      EXCEPTION WHEN duplicate_object THEN NULL; END $$;
      CREATE TABLE article (
        rowid bigint PRIMARY KEY,
        id text COLLATE "C" NOT NULL UNIQUE,
        source_id text COLLATE "C" NOT NULL,
        title text COLLATE "C", outlet text COLLATE "C", url text COLLATE "C", published text COLLATE "C",
        content_hash text COLLATE "C" NOT NULL UNIQUE,
        signature bytea,
        ingested_at text COLLATE "C" NOT NULL,
        n_events integer NOT NULL,
        n_attributions integer NOT NULL,
        n_entities integer NOT NULL,
        result bytea NOT NULL
      );
      CREATE INDEX article_published ON article(published);
      CREATE INDEX article_outlet ON article(outlet COLLATE nocase);
      CREATE TABLE article_copy (
        article_rowid bigint NOT NULL REFERENCES article(rowid),
        source_id text COLLATE "C" NOT NULL, url text COLLATE "C" NOT NULL, outlet text COLLATE "C" NOT NULL,
        PRIMARY KEY (article_rowid, source_id, url, outlet)
      );
      CREATE TABLE article_band (
        band integer NOT NULL, hash integer NOT NULL, article_rowid bigint NOT NULL,
        PRIMARY KEY (band, hash, article_rowid)
      );
      CREATE TABLE article_entity (
        article_rowid bigint NOT NULL, name text COLLATE "C" NOT NULL, country text COLLATE "C", code text COLLATE "C"
      );
      CREATE INDEX article_entity_article ON article_entity(article_rowid);
      CREATE INDEX article_entity_name ON article_entity(name);
      CREATE INDEX article_entity_country ON article_entity(country);
      CREATE INDEX article_entity_code ON article_entity(code);
      -- the article's text COLLATE "C" (the stored result leaves it out), weighted A for the title and B for the text COLLATE "C"
      CREATE TABLE article_text (
        rowid bigint PRIMARY KEY REFERENCES article(rowid),
        title text COLLATE "C" NOT NULL, text text COLLATE "C" NOT NULL, tsv tsvector NOT NULL
      );
      CREATE INDEX article_text_tsv ON article_text USING gin(tsv);
    `,
  },
  {
    version: 2,
    sql: `
      CREATE TABLE happening (
        rowid bigint PRIMARY KEY,
        type text COLLATE "C" NOT NULL, mode text COLLATE "C", modality text COLLATE "C" NOT NULL,
        date text COLLATE "C", date_min text COLLATE "C", date_max text COLLATE "C",
        actor_json text COLLATE "C" NOT NULL, recipient_json text COLLATE "C" NOT NULL,
        quad integer NOT NULL, score double precision NOT NULL, cameo text COLLATE "C",
        stems text COLLATE "C" NOT NULL,
        n_reports integer NOT NULL, n_sources integer NOT NULL
      );
      CREATE INDEX happening_match ON happening(type, modality, date_max);
      CREATE INDEX happening_date ON happening(date);
      CREATE TABLE happening_actor (
        happening_rowid bigint NOT NULL, role text COLLATE "C" NOT NULL, name text COLLATE "C" NOT NULL, country text COLLATE "C", code text COLLATE "C", key text COLLATE "C" NOT NULL,
        PRIMARY KEY (happening_rowid, role, key, name)
      );
      CREATE INDEX happening_actor_country ON happening_actor(country, role);
      CREATE INDEX happening_actor_code ON happening_actor(code, role);
      CREATE INDEX happening_actor_name ON happening_actor(name, role);
      CREATE INDEX happening_actor_key ON happening_actor(key, role);
      CREATE TABLE event (
        rowid bigint PRIMARY KEY,
        article_rowid bigint NOT NULL REFERENCES article(rowid),
        idx integer NOT NULL,
        type text COLLATE "C" NOT NULL, mode text COLLATE "C", modality text COLLATE "C" NOT NULL, date text COLLATE "C",
        quad integer NOT NULL, score double precision NOT NULL, cameo text COLLATE "C",
        trigger text COLLATE "C" NOT NULL, sentence text COLLATE "C" NOT NULL, confidence double precision NOT NULL,
        actor_json text COLLATE "C" NOT NULL, recipient_json text COLLATE "C" NOT NULL,
        happening_rowid bigint REFERENCES happening(rowid),
        UNIQUE (article_rowid, idx)
      );
      CREATE INDEX event_date ON event(date);
      CREATE INDEX event_type ON event(type, date);
      CREATE INDEX event_happening ON event(happening_rowid);
      CREATE TABLE event_actor (
        event_rowid bigint NOT NULL, role text COLLATE "C" NOT NULL, name text COLLATE "C" NOT NULL, country text COLLATE "C", code text COLLATE "C"
      );
      CREATE INDEX event_actor_event ON event_actor(event_rowid);
      CREATE INDEX event_actor_country ON event_actor(country, role);
      CREATE INDEX event_actor_code ON event_actor(code, role);
      CREATE INDEX event_actor_name ON event_actor(name, role);
    `,
  },
  {
    version: 3,
    sql: `
      CREATE TABLE quote (
        rowid bigint PRIMARY KEY,
        speaker_json text COLLATE "C", speaker_key text COLLATE "C" NOT NULL, speaker_country text COLLATE "C", speaker_code text COLLATE "C",
        text text COLLATE "C" NOT NULL,
        n_variants integer NOT NULL, n_sources integer NOT NULL, min_fidelity double precision NOT NULL,
        first_published text COLLATE "C"
      );
      CREATE INDEX quote_speaker ON quote(speaker_key);
      CREATE INDEX quote_speaker_country ON quote(speaker_country);
      CREATE INDEX quote_speaker_code ON quote(speaker_code);
      CREATE TABLE quote_variant (
        rowid bigint PRIMARY KEY,
        quote_rowid bigint NOT NULL REFERENCES quote(rowid),
        article_rowid bigint NOT NULL REFERENCES article(rowid),
        idx integer NOT NULL, kind text COLLATE "C" NOT NULL, text text COLLATE "C" NOT NULL,
        fidelity double precision NOT NULL, changes_json text COLLATE "C" NOT NULL,
        tsv tsvector NOT NULL,
        UNIQUE (article_rowid, idx)
      );
      CREATE INDEX quote_variant_quote ON quote_variant(quote_rowid);
      CREATE INDEX quote_variant_tsv ON quote_variant USING gin(tsv);
    `,
  },
  {
    version: 4,
    sql: `
      CREATE TABLE quote_gram (
        hash integer NOT NULL, quote_rowid bigint NOT NULL,
        PRIMARY KEY (hash, quote_rowid)
      );
      CREATE TABLE quote_source (
        quote_rowid bigint NOT NULL, source text COLLATE "C" NOT NULL,
        PRIMARY KEY (quote_rowid, source)
      );
      INSERT INTO quote_source (quote_rowid, source)
        SELECT v.quote_rowid, coalesce(lower(a.outlet), 'article:' || a.id) FROM quote_variant v JOIN article a ON a.rowid = v.article_rowid
        ON CONFLICT DO NOTHING;
    `,
    backfill(db) {
      for (const row of db.query<{ rowid: number; text: string }>('SELECT rowid, text FROM quote')) {
        const hashes = wordPairHashes(row.text);
        if (hashes.length) db.run('INSERT INTO quote_gram (hash, quote_rowid) SELECT unnest(?::integer[]), ? ON CONFLICT DO NOTHING', [hashes, row.rowid]);
      }
    },
  },
  {
    version: 5,
    sql: `
      CREATE TABLE learned_person (
        key text COLLATE "C" PRIMARY KEY, surname text COLLATE "C" NOT NULL,
        name text COLLATE "C" NOT NULL, role text COLLATE "C", country text COLLATE "C", sector text COLLATE "C",
        first_seen text COLLATE "C", last_seen text COLLATE "C", evidence text COLLATE "C" NOT NULL, seen integer NOT NULL
      );
      CREATE INDEX learned_person_surname ON learned_person(surname);
    `,
  },
  {
    version: 6,
    // the last word as merge/parties.ts lastWord takes it: after the last space
    sql: `
      ALTER TABLE event_actor ADD COLUMN last text COLLATE "C";
      ALTER TABLE happening_actor ADD COLUMN last text COLLATE "C";
      ALTER TABLE article_entity ADD COLUMN last text COLLATE "C";
      ALTER TABLE quote ADD COLUMN speaker_last text COLLATE "C";
      UPDATE event_actor SET last = regexp_replace(name, '^.* ', '');
      UPDATE happening_actor SET last = regexp_replace(name, '^.* ', '');
      UPDATE article_entity SET last = regexp_replace(name, '^.* ', '');
      UPDATE quote SET speaker_last = regexp_replace(speaker_key, '^.* ', '');
      CREATE INDEX event_actor_last ON event_actor(last, role);
      CREATE INDEX happening_actor_last ON happening_actor(last, role);
      CREATE INDEX article_entity_last ON article_entity(last);
      CREATE INDEX quote_speaker_last ON quote(speaker_last);
    `,
  },
  {
    version: 7,
    sql: `ALTER TABLE happening ADD COLUMN context text COLLATE "C" NOT NULL DEFAULT '';`,
  },
  {
    version: 8,
    sql: `
      ALTER TABLE learned_person ADD COLUMN source_article text COLLATE "C";
      ALTER TABLE learned_person ADD COLUMN source_start integer;
      ALTER TABLE learned_person ADD COLUMN source_end integer;
    `,
  },
  {
    // as SQLite's 9: the quote full-text index without a second copy of the variants' words (the
    // tsvector column); the index is on the expression, which searches write the same way
    version: 9,
    sql: `
      DROP INDEX quote_variant_tsv;
      ALTER TABLE quote_variant DROP COLUMN tsv;
      CREATE INDEX quote_variant_words ON quote_variant USING gin(to_tsvector('dossier_text'::regconfig, text));
    `,
  },
  {
    // as SQLite's 10 (but the article text, which stays in article_text): parties keyed on the
    // reports, happening_actor a view over them; no name or country index on the party tables; a
    // quote's wording is its first variant's
    version: 10,
    sql: `
      ALTER TABLE event_actor ADD COLUMN key text COLLATE "C";
      DROP TABLE happening_actor;
      CREATE VIEW happening_actor AS SELECT e.happening_rowid, x.role, x.name, x.country, x.code, x.key, x.last
        FROM event_actor x JOIN event e ON e.rowid = x.event_rowid;
      DROP INDEX event_actor_name, event_actor_country, event_actor_code, article_entity_name, article_entity_country, quote_speaker, quote_speaker_country;
      CREATE INDEX event_actor_code ON event_actor(role, code);
      ALTER TABLE quote DROP COLUMN text;
      ALTER TABLE event ADD COLUMN trigger_start integer, ADD COLUMN trigger_end integer, ADD COLUMN sentence_start integer,
        ADD COLUMN sentence_end integer, ADD COLUMN words text COLLATE "C", ADD COLUMN parties text COLLATE "C";
      ALTER TABLE happening DROP COLUMN mode, DROP COLUMN cameo, DROP COLUMN actor_json, DROP COLUMN recipient_json;
    `,
    backfill(db) {
      // from each article's result: the merge key of a party (it depends on the article's people,
      // its result's entities) and the offsets of each event's words
      const articles = db.query<{ rowid: number }>('SELECT DISTINCT article_rowid AS rowid FROM event ORDER BY 1');
      for (const { rowid } of articles) {
        const a = db.get<{ result: Uint8Array; text: string }>('SELECT a.result, t.text FROM article a JOIN article_text t ON t.rowid = a.rowid WHERE a.rowid = ?', [rowid])!;
        const result = unpackResult(a.result, a.text);
        db.batch(db.query<{ rowid: number; idx: number }>('SELECT rowid, idx FROM event WHERE article_rowid = ?', [rowid]).map((e) => {
          const w = eventWords(result.events[e.idx]!, a.text);
          return { sql: `UPDATE event SET trigger_start = ?, trigger_end = ?, sentence_start = ?, sentence_end = ?, words = ?, parties = ? WHERE rowid = ?`,
            params: [w.triggerStart, w.triggerEnd, w.sentenceStart, w.sentenceEnd, w.words, w.parties, e.rowid] };
        }));
        const persons = personNames(result.entities);
        const parties = db.query<{ rowid: string; name: string; country: string | null; code: string | null }>(
          'SELECT x.ctid::text AS rowid, x.name, x.country, x.code FROM event_actor x JOIN event e ON e.rowid = x.event_rowid WHERE e.article_rowid = ?', [rowid]);
        db.batch(parties.map((x) => {
          const sector = x.country && x.code ? x.code.slice(x.country.length) || null : null;
          return { sql: 'UPDATE event_actor SET key = ? WHERE ctid = ?::tid', params: [party({ name: x.name, country: x.country, sector }, persons).key, x.rowid] };
        }));
      }
      db.run('CREATE INDEX event_actor_key ON event_actor(key, role)');
      db.run('ALTER TABLE event DROP COLUMN trigger, DROP COLUMN sentence, DROP COLUMN actor_json, DROP COLUMN recipient_json');
    },
  },
  {
    // as SQLite's 11: the quote candidate index keeps a sketch of each first wording's word pairs
    // (quoteSketch), and speakers are packed (packSpeaker); the quote full-text index (an expression
    // index) keeps no positions to drop
    version: 11,
    sql: 'DELETE FROM quote_gram;',
    backfill(db) {
      const wordings = db.query<{ rowid: number; text: string }>(`SELECT DISTINCT ON (quote_rowid) quote_rowid AS rowid, text FROM quote_variant
        ORDER BY quote_rowid, rowid`);
      // in batches of a thousand quotes: a round trip each, none too large
      for (let i = 0; i < wordings.length; i += 1000) {
        db.batch(wordings.slice(i, i + 1000).map((w) => ({ sql: 'INSERT INTO quote_gram (hash, quote_rowid) SELECT unnest(?::integer[]), ? ON CONFLICT DO NOTHING',
          params: [quoteSketch(w.text), w.rowid] })));
      }
      const speakers = db.query<{ rowid: number; speaker_json: string }>('SELECT rowid, speaker_json FROM quote WHERE speaker_json IS NOT NULL');
      for (let i = 0; i < speakers.length; i += 1000) {
        db.batch(speakers.slice(i, i + 1000).map((q) => ({ sql: 'UPDATE quote SET speaker_json = ? WHERE rowid = ?',
          params: [packSpeaker(JSON.parse(q.speaker_json) as ActorRefJson), q.rowid] })));
      }
    },
  },
  {
    // as SQLite's 12: results repacked (packResult's compact format); quote variants' offsets, beside
    // their words, which stay (the quote full-text index is an expression over them); sources of
    // outlets only; the article entities by name and by code
    version: 12,
    sql: `
      ALTER TABLE quote_variant ADD COLUMN span_start integer, ADD COLUMN span_end integer;
      DELETE FROM quote_source WHERE source IN (SELECT 'article:' || id FROM article WHERE outlet IS NULL);
      DROP INDEX article_entity_code, article_entity_last;
      CREATE TABLE article_entity_name (
        last text COLLATE "C" NOT NULL, name text COLLATE "C" NOT NULL, article_rowid bigint NOT NULL,
        PRIMARY KEY (last, name, article_rowid)
      );
      CREATE TABLE article_entity_code (
        code text COLLATE "C" NOT NULL, article_rowid bigint NOT NULL,
        PRIMARY KEY (code, article_rowid)
      );
      INSERT INTO article_entity_name (last, name, article_rowid) SELECT coalesce(last, name), name, article_rowid FROM article_entity ON CONFLICT DO NOTHING;
      INSERT INTO article_entity_code (code, article_rowid) SELECT code, article_rowid FROM article_entity WHERE code IS NOT NULL ON CONFLICT DO NOTHING;
      DROP TABLE article_entity;
    `,
    backfill(db) {
      const articles = db.query<{ rowid: number }>('SELECT rowid FROM article WHERE length(result) > 0 ORDER BY rowid');
      for (const { rowid } of articles) {
        const a = db.get<{ result: Uint8Array; text: string }>(`SELECT a.result, coalesce(t.text, '') AS text FROM article a LEFT JOIN article_text t ON t.rowid = a.rowid
          WHERE a.rowid = ?`, [rowid])!;
        const result = unpackResult(a.result, a.text);
        const variants = db.query<{ rowid: number; idx: number }>('SELECT rowid, idx FROM quote_variant WHERE article_rowid = ?', [rowid]);
        db.batch([
          { sql: 'UPDATE article SET result = ? WHERE rowid = ?', params: [packResult(result), rowid] },
          ...variants.map((v) => {
            const content = result.attributions[v.idx]?.content;
            const { start, end } = content ? quoteWording(content) : { start: 0, end: 0 };
            return { sql: 'UPDATE quote_variant SET span_start = ?, span_end = ? WHERE rowid = ?', params: [start, end, v.rowid] };
          }),
        ]);
      }
      db.run('ALTER TABLE quote_variant ALTER COLUMN span_start SET NOT NULL, ALTER COLUMN span_end SET NOT NULL');
    },
  },
  {
    // as SQLite's 13: the content hash as its bytes, found through the article id (no index of its
    // own); no unique index on events' (article_rowid, idx); a party's country read from its code
    version: 13,
    sql: `
      DROP VIEW happening_actor;
      ALTER TABLE article DROP CONSTRAINT article_content_hash_key;
      ALTER TABLE article ALTER COLUMN content_hash TYPE bytea USING CASE WHEN content_hash ~ '^([0-9a-f]{2})*$' THEN decode(content_hash, 'hex') ELSE convert_to(content_hash, 'UTF8') END;
      ALTER TABLE event DROP CONSTRAINT event_article_rowid_idx_key;
      ALTER TABLE event_actor DROP COLUMN country;
      ALTER TABLE quote DROP COLUMN speaker_country;
      CREATE VIEW happening_actor AS SELECT e.happening_rowid, x.role, x.name, substr(x.code, 1, 3) AS country, x.code, x.key, x.last
        FROM event_actor x JOIN event e ON e.rowid = x.event_rowid;
    `,
  },
];

/**
 * The work queue of distributed ingest (queue.ts), PostgreSQL's alone and not part of the corpus
 * (migrate does not copy it); created when the store is opened for writing, under the migration lock.
 */
const QUEUE_TABLE = `CREATE TABLE IF NOT EXISTS work_queue (
  seq bigserial PRIMARY KEY,
  -- json, not jsonb: the article comes back exactly as it went in
  article json NOT NULL,
  -- waiting: to analyse; analysed: result saved, to commit; failed: analysis failed (not stored, as in a single-process ingest)
  state text NOT NULL DEFAULT 'waiting',
  result bytea,
  lease_until timestamptz,
  worker text,
  attempts integer NOT NULL DEFAULT 0,
  error text
);
CREATE INDEX IF NOT EXISTS work_queue_pending ON work_queue(seq) WHERE state <> 'failed';`;

export const PG_SCHEMA_VERSION = PG_MIGRATIONS[PG_MIGRATIONS.length - 1]!.version;

/** the advisory lock key under which migrations run, so processes starting together migrate once */
const MIGRATION_LOCK = 0x646f7373; // 'doss'

export function pgSchemaVersion(db: SyncPg): number {
  const exists = db.value<string | null>(`SELECT to_regclass('dossier_schema')::text`);
  return exists ? (db.value<number>('SELECT version FROM dossier_schema') ?? 0) : 0;
}

/** Runs the migrations the database has not had, up to `target` (default: all), each in its own transaction. */
export function migratePg(db: SyncPg, target = PG_SCHEMA_VERSION): number {
  db.run('SELECT pg_advisory_lock(?)', [MIGRATION_LOCK]);
  try {
    const current = pgSchemaVersion(db);
    if (current > PG_SCHEMA_VERSION) {
      throw new DossierError('STORE', `the database has schema version ${current}, newer than this dossier knows (${PG_SCHEMA_VERSION}); upgrade dossier`);
    }
    for (const m of PG_MIGRATIONS) {
      if (m.version <= current || m.version > target) continue;
      try {
        db.batch([{ sql: 'BEGIN', params: [] }, { sql: m.sql, params: [] }]);
        m.backfill?.(db);
        db.batch([
          { sql: 'CREATE TABLE IF NOT EXISTS dossier_schema (version integer NOT NULL)', params: [] },
          { sql: 'DELETE FROM dossier_schema', params: [] },
          { sql: 'INSERT INTO dossier_schema (version) VALUES (?)', params: [m.version] },
          { sql: 'COMMIT', params: [] },
        ]);
      } catch (e) {
        db.run('ROLLBACK');
        throw e;
      }
    }
    db.run(QUEUE_TABLE);
  } finally {
    db.run('SELECT pg_advisory_unlock(?)', [MIGRATION_LOCK]);
  }
  return pgSchemaVersion(db);
}
