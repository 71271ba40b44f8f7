import type Database from 'better-sqlite3';
import { DossierError } from '../../core/errors.js';
import { lastWord, party, personNames } from '../merge/parties.js';
import { quoteSketch, quoteWording, wordPairHashes } from '../merge/quotes.js';
import { eventWords, packSpeaker } from '../event-rows.js';
import { packResult, unpackResult } from '../stored-result.js';
import type { ActorRefJson } from '../../result/schema.js';
import { packText, registerTextFunctions, unpackText } from './article-text.js';
import { gramToken } from './quote-writer.js';

/**
 * Numbered schema migrations. The database's `user_version` says how many have run; opening a
 * store runs the missing ones in order, each in its own transaction. Never edit a released
 * migration: add the next number.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  /** fills new tables from existing rows, after the SQL, in the same transaction */
  readonly backfill?: (db: Database.Database) => void;
  /**
   * makes a table anew and drops the old one, which foreign keys that point at it would forbid: the
   * migration runs with them off (the new table keeps every rowid, so every reference still holds)
   */
  readonly rebuildsTables?: boolean;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, their copies, near-duplicate bands and full-text index',
    sql: `
      CREATE TABLE article (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        source_id TEXT NOT NULL,
        title TEXT, outlet TEXT, url TEXT, published TEXT,
        content_hash TEXT NOT NULL UNIQUE,
        signature BLOB,
        ingested_at TEXT NOT NULL,
        n_events INTEGER NOT NULL,
        n_attributions INTEGER NOT NULL,
        n_entities INTEGER NOT NULL,
        -- the result without article.text (which lives in article_fts), deflated JSON
        result BLOB NOT NULL
      );
      CREATE INDEX article_published ON article(published);
      CREATE INDEX article_outlet ON article(outlet COLLATE NOCASE);
      CREATE TABLE article_copy (
        article_rowid INTEGER NOT NULL REFERENCES article(rowid),
        source_id TEXT NOT NULL, url TEXT NOT NULL, outlet TEXT NOT NULL,
        PRIMARY KEY (article_rowid, source_id, url, outlet)
      ) WITHOUT ROWID;
      CREATE TABLE article_band (
        band INTEGER NOT NULL, hash INTEGER NOT NULL, article_rowid INTEGER NOT NULL,
        PRIMARY KEY (band, hash, article_rowid)
      ) WITHOUT ROWID;
      CREATE TABLE article_entity (
        article_rowid INTEGER NOT NULL, name TEXT NOT NULL, country TEXT, code TEXT
      );
      CREATE INDEX article_entity_name ON article_entity(name);
      CREATE INDEX article_entity_country ON article_entity(country);
      CREATE INDEX article_entity_code ON article_entity(code);
      CREATE VIRTUAL TABLE article_fts USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2');
    `,
  },
  {
    version: 2,
    name: 'events and the happenings they report',
    sql: `
      CREATE TABLE happening (
        rowid INTEGER PRIMARY KEY,
        type TEXT NOT NULL, mode TEXT, modality TEXT NOT NULL,
        date TEXT, date_min TEXT, date_max TEXT,
        actor_json TEXT NOT NULL, recipient_json TEXT NOT NULL,
        quad INTEGER NOT NULL, score REAL NOT NULL, cameo TEXT,
        -- trigger word stems of every report, space separated
        stems TEXT NOT NULL,
        n_reports INTEGER NOT NULL, n_sources INTEGER NOT NULL
      );
      CREATE INDEX happening_match ON happening(type, modality, date_max);
      CREATE INDEX happening_date ON happening(date);
      CREATE TABLE happening_actor (
        happening_rowid INTEGER NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL, country TEXT, code TEXT, key TEXT NOT NULL,
        PRIMARY KEY (happening_rowid, role, key, name)
      ) WITHOUT ROWID;
      CREATE INDEX happening_actor_country ON happening_actor(country, role);
      CREATE INDEX happening_actor_code ON happening_actor(code, role);
      CREATE INDEX happening_actor_name ON happening_actor(name, role);
      CREATE INDEX happening_actor_key ON happening_actor(key, role);
      CREATE TABLE event (
        rowid INTEGER PRIMARY KEY,
        article_rowid INTEGER NOT NULL REFERENCES article(rowid),
        idx INTEGER NOT NULL,
        type TEXT NOT NULL, mode TEXT, modality TEXT NOT NULL, date TEXT,
        quad INTEGER NOT NULL, score REAL NOT NULL, cameo TEXT,
        trigger TEXT NOT NULL, sentence TEXT NOT NULL, confidence REAL NOT NULL,
        actor_json TEXT NOT NULL, recipient_json TEXT NOT NULL,
        happening_rowid INTEGER REFERENCES happening(rowid),
        UNIQUE (article_rowid, idx)
      );
      CREATE INDEX event_date ON event(date);
      CREATE INDEX event_type ON event(type, date);
      CREATE INDEX event_happening ON event(happening_rowid);
      CREATE TABLE event_actor (
        event_rowid INTEGER NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL, country TEXT, code TEXT
      );
      CREATE INDEX event_actor_event ON event_actor(event_rowid);
      CREATE INDEX event_actor_country ON event_actor(country, role);
      CREATE INDEX event_actor_code ON event_actor(code, role);
      CREATE INDEX event_actor_name ON event_actor(name, role);
    `,
  },
  {
    version: 3,
    name: 'quotes merged across outlets, with their variants',
    sql: `
      CREATE TABLE quote (
        rowid INTEGER PRIMARY KEY,
        speaker_json TEXT, speaker_key TEXT NOT NULL, speaker_country TEXT, speaker_code TEXT,
        text TEXT NOT NULL,
        n_variants INTEGER NOT NULL, n_sources INTEGER NOT NULL, min_fidelity REAL NOT NULL,
        first_published TEXT
      );
      CREATE INDEX quote_speaker ON quote(speaker_key);
      CREATE INDEX quote_speaker_country ON quote(speaker_country);
      CREATE INDEX quote_speaker_code ON quote(speaker_code);
      CREATE TABLE quote_variant (
        rowid INTEGER PRIMARY KEY,
        quote_rowid INTEGER NOT NULL REFERENCES quote(rowid),
        article_rowid INTEGER NOT NULL REFERENCES article(rowid),
        idx INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
        fidelity REAL NOT NULL, changes_json TEXT NOT NULL,
        UNIQUE (article_rowid, idx)
      );
      CREATE INDEX quote_variant_quote ON quote_variant(quote_rowid);
      CREATE VIRTUAL TABLE quote_fts USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
    `,
  },
  {
    version: 4,
    name: 'quote candidate index (word pairs of each quote) and per-quote sources, so merging stays fast for much-quoted words',
    sql: `
      CREATE TABLE quote_gram (
        hash INTEGER NOT NULL, quote_rowid INTEGER NOT NULL,
        PRIMARY KEY (hash, quote_rowid)
      ) WITHOUT ROWID;
      CREATE TABLE quote_source (
        quote_rowid INTEGER NOT NULL, source TEXT NOT NULL,
        PRIMARY KEY (quote_rowid, source)
      ) WITHOUT ROWID;
      INSERT OR IGNORE INTO quote_source (quote_rowid, source)
        SELECT v.quote_rowid, coalesce(lower(a.outlet), 'article:' || a.id) FROM quote_variant v JOIN article a ON a.rowid = v.article_rowid;
    `,
    backfill(db) {
      const insert = db.prepare('INSERT OR IGNORE INTO quote_gram (hash, quote_rowid) VALUES (?, ?)');
      for (const row of db.prepare('SELECT rowid, text FROM quote').iterate() as IterableIterator<{ rowid: number; text: string }>) {
        for (const h of wordPairHashes(row.text)) insert.run(h, row.rowid);
      }
    },
  },
  {
    version: 5,
    name: 'people learned across the corpus (the actors LearnedActors layer)',
    sql: `
      CREATE TABLE learned_person (
        key TEXT PRIMARY KEY, surname TEXT NOT NULL,
        name TEXT NOT NULL, role TEXT, country TEXT, sector TEXT,
        first_seen TEXT, last_seen TEXT, evidence TEXT NOT NULL, seen INTEGER NOT NULL
      );
      CREATE INDEX learned_person_surname ON learned_person(surname);
    `,
  },
  {
    version: 6,
    name: 'the last word of every party and speaker name, indexed, so a surname finds its people without a scan',
    sql: `
      ALTER TABLE event_actor ADD COLUMN last TEXT;
      ALTER TABLE happening_actor ADD COLUMN last TEXT;
      ALTER TABLE article_entity ADD COLUMN last TEXT;
      ALTER TABLE quote ADD COLUMN speaker_last TEXT;
    `,
    backfill(db) {
      db.function('dossier_last_word', { deterministic: true }, (name: unknown) => (typeof name === 'string' ? lastWord(name) : null));
      db.exec(`
        UPDATE event_actor SET last = dossier_last_word(name);
        UPDATE happening_actor SET last = dossier_last_word(name);
        UPDATE article_entity SET last = dossier_last_word(name);
        UPDATE quote SET speaker_last = dossier_last_word(speaker_key);
        CREATE INDEX event_actor_last ON event_actor(last, role);
        CREATE INDEX happening_actor_last ON happening_actor(last, role);
        CREATE INDEX article_entity_last ON article_entity(last);
        CREATE INDEX quote_speaker_last ON quote(speaker_last);
      `);
    },
  },
  {
    version: 7,
    name: 'the proper names around each happening (its reports\' sentences), required to merge reports without a recipient',
    sql: `ALTER TABLE happening ADD COLUMN context TEXT NOT NULL DEFAULT '';`,
  },
  {
    version: 8,
    name: 'where a learned person was introduced: the article and the span of the introducing words',
    sql: `
      ALTER TABLE learned_person ADD COLUMN source_article TEXT;
      ALTER TABLE learned_person ADD COLUMN source_start INTEGER;
      ALTER TABLE learned_person ADD COLUMN source_end INTEGER;
    `,
  },
  {
    version: 9,
    name: 'the quote full-text index reads each variant\'s words from quote_variant instead of keeping a second copy of them',
    // an external-content FTS5 table: the index only (the store never changes or deletes a variant's
    // text, which such a table would need told); 'rebuild' indexes the variants already stored
    sql: `
      DROP TABLE quote_fts;
      CREATE VIRTUAL TABLE quote_fts USING fts5(text, content = 'quote_variant', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2');
      INSERT INTO quote_fts (quote_fts) VALUES ('rebuild');
    `,
  },
  {
    version: 10,
    name: 'a smaller store: the article text deflated in its row, parties keyed on the reports (happening_actor a view), no column or index kept twice',
    // - article.text_z: the text, deflated (article-text.ts); article_fts indexes it through the view article_text
    // - event_actor.key: the merge key of each report's party (parties.ts party); a happening's parties
    //   are its reports' (what happening_actor held, a copy), so happening_actor becomes a view over them
    // - the name and country indexes of the party tables go: every name lookup also gives the name's
    //   last word (filters.ts partyMatch), whose index finds it, and a country is the first three
    //   letters of the code, whose index finds it (on events by role first: a range of codes then
    //   stays within one role, as the country index's equality did)
    // - quote.text goes: a quote's wording is its first variant's
    // - an event keeps offsets for its trigger and sentence, and its parties compactly (event-rows.ts);
    //   a happening keeps no mode, CAMEO code or parties: they are its first report's
    sql: `
      ALTER TABLE article ADD COLUMN text_z BLOB;
      ALTER TABLE event_actor ADD COLUMN key TEXT;
      ALTER TABLE event ADD COLUMN trigger_start INTEGER;
      ALTER TABLE event ADD COLUMN trigger_end INTEGER;
      ALTER TABLE event ADD COLUMN sentence_start INTEGER;
      ALTER TABLE event ADD COLUMN sentence_end INTEGER;
      ALTER TABLE event ADD COLUMN words TEXT;
      ALTER TABLE event ADD COLUMN parties TEXT;
    `,
    backfill(db) {
      // from each article's result: the merge key of a party (it depends on the article's people,
      // its result's entities) and the offsets of each event's words
      const setWords = db.prepare(`UPDATE event SET trigger_start = ?, trigger_end = ?, sentence_start = ?, sentence_end = ?, words = ?, parties = ?
        WHERE rowid = ?`);
      const eventsOf = db.prepare('SELECT rowid, idx FROM event WHERE article_rowid = ?');
      const setKey = db.prepare('UPDATE event_actor SET key = ? WHERE rowid = ?');
      const partiesOf = db.prepare(`SELECT x.rowid, x.name, x.country, x.code FROM event_actor x JOIN event e ON e.rowid = x.event_rowid
        WHERE e.article_rowid = ?`);
      const articles = db.prepare(`SELECT a.rowid, a.result, f.text FROM article a JOIN article_fts f ON f.rowid = a.rowid
        WHERE EXISTS (SELECT 1 FROM event e WHERE e.article_rowid = a.rowid)`);
      for (const a of articles.all() as { rowid: number; result: Buffer; text: string }[]) {
        const result = unpackResult(a.result, a.text);
        for (const e of eventsOf.all(a.rowid) as { rowid: number; idx: number }[]) {
          const w = eventWords(result.events[e.idx]!, a.text);
          setWords.run(w.triggerStart, w.triggerEnd, w.sentenceStart, w.sentenceEnd, w.words, w.parties, e.rowid);
        }
        const persons = personNames(result.entities);
        for (const x of partiesOf.all(a.rowid) as { rowid: number; name: string; country: string | null; code: string | null }[]) {
          const sector = x.country && x.code ? x.code.slice(x.country.length) || null : null;
          setKey.run(party({ name: x.name, country: x.country, sector }, persons).key, x.rowid);
        }
      }
      const setText = db.prepare('UPDATE article SET text_z = ? WHERE rowid = ?');
      for (const row of db.prepare('SELECT rowid, text FROM article_fts').all() as { rowid: number; text: string }[]) setText.run(packText(row.text), row.rowid);
      registerTextFunctions(db);
      db.exec(`
        DROP TABLE article_fts;
        CREATE VIEW article_text AS SELECT rowid AS rowid, coalesce(title, '') AS title, dossier_inflate(text_z) AS text FROM article;
        CREATE VIRTUAL TABLE article_fts USING fts5(title, text, content = 'article_text', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2');
        INSERT INTO article_fts (article_fts) VALUES ('rebuild');
        DROP TABLE happening_actor;
        CREATE VIEW happening_actor AS SELECT e.happening_rowid AS happening_rowid, x.role AS role, x.name AS name, x.country AS country,
          x.code AS code, x.key AS key, x.last AS last FROM event_actor x JOIN event e ON e.rowid = x.event_rowid;
        CREATE INDEX event_actor_key ON event_actor(key, role);
        DROP INDEX event_actor_name;
        DROP INDEX event_actor_country;
        DROP INDEX event_actor_code;
        CREATE INDEX event_actor_code ON event_actor(role, code);
        DROP INDEX article_entity_name;
        DROP INDEX article_entity_country;
        DROP INDEX quote_speaker;
        DROP INDEX quote_speaker_country;
        ALTER TABLE quote DROP COLUMN text;
        ALTER TABLE event DROP COLUMN trigger;
        ALTER TABLE event DROP COLUMN sentence;
        ALTER TABLE event DROP COLUMN actor_json;
        ALTER TABLE event DROP COLUMN recipient_json;
        ALTER TABLE happening DROP COLUMN mode;
        ALTER TABLE happening DROP COLUMN cameo;
        ALTER TABLE happening DROP COLUMN actor_json;
        ALTER TABLE happening DROP COLUMN recipient_json;
      `);
    },
  },
  {
    version: 11,
    name: 'a smaller store: the quote candidate index keeps a sketch of each wording\'s word pairs, the quote full-text index no positions, speakers packed',
    // - quote_gram: the QUOTE_SKETCH_SIZE smallest word-pair hashes of each quote's first wording
    //   (merge/quotes.ts quoteSketch) instead of all of them; a new quote still looks up all its pairs
    // - quote_fts: detail = none, columnsize = 0: quote searches ask for words (sqlite-store.ts
    //   ftsWords: each word on its own, no phrase), never rank, snippet or highlight, so the index
    //   needs which variants hold a word, not where nor how many words a variant has
    // - quote.speaker_json: packed without its JSON keys (event-rows.ts packSpeaker)
    sql: `
      DELETE FROM quote_gram;
      DROP TABLE quote_fts;
      CREATE VIRTUAL TABLE quote_fts USING fts5(text, content = 'quote_variant', content_rowid = 'rowid', detail = none, columnsize = 0,
        tokenize = 'unicode61 remove_diacritics 2');
      INSERT INTO quote_fts (quote_fts) VALUES ('rebuild');
    `,
    backfill(db) {
      const insert = db.prepare('INSERT OR IGNORE INTO quote_gram (hash, quote_rowid) VALUES (?, ?)');
      // a quote's wording is its first variant's
      const wordings = db.prepare(`SELECT v.quote_rowid AS rowid, v.text FROM quote_variant v
        WHERE v.rowid = (SELECT min(f.rowid) FROM quote_variant f WHERE f.quote_rowid = v.quote_rowid)`);
      for (const row of wordings.all() as { rowid: number; text: string }[]) {
        for (const h of quoteSketch(row.text)) insert.run(h, row.rowid);
      }
      const setSpeaker = db.prepare('UPDATE quote SET speaker_json = ? WHERE rowid = ?');
      for (const q of db.prepare('SELECT rowid, speaker_json FROM quote WHERE speaker_json IS NOT NULL').all() as { rowid: number; speaker_json: string }[]) {
        setSpeaker.run(packSpeaker(JSON.parse(q.speaker_json) as ActorRefJson), q.rowid);
      }
    },
  },
  {
    version: 12,
    name: 'a smaller store: results packed compactly, quote variants as offsets into their article, sources of outlets only, article entities by name and by code',
    // - article.result: packResult's compact format (stored-result.ts), repacked
    // - quote_variant: the wording's offsets (span_start, span_end) instead of its words, which are
    //   the article's text between them (text keeps the words only when they are not); the quote
    //   full-text index reads them through the view quote_variant_text. Rebuilt without the unique
    //   index on (article_rowid, idx), which no query used
    // - quote_source: the outlets only; an article without an outlet is its own source, which the
    //   writer tells from the variants it adds for the article (quote-writer.ts)
    // - article_entity: two indexes in all, article_entity_name (by last word and name) and
    //   article_entity_code (by code), which are all an actor filter asks of it (filters.ts entityHits);
    //   the table, its rowids and country column are gone
    sql: `
      CREATE TABLE quote_variant_12 (
        rowid INTEGER PRIMARY KEY,
        quote_rowid INTEGER NOT NULL REFERENCES quote(rowid),
        article_rowid INTEGER NOT NULL REFERENCES article(rowid),
        idx INTEGER NOT NULL, kind TEXT NOT NULL,
        span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT,
        fidelity REAL NOT NULL, changes_json TEXT NOT NULL
      );
      DELETE FROM quote_source WHERE source IN (SELECT 'article:' || id FROM article WHERE outlet IS NULL);
      DROP INDEX article_entity_code;
      DROP INDEX article_entity_last;
      CREATE TABLE article_entity_name (
        last TEXT NOT NULL, name TEXT NOT NULL, article_rowid INTEGER NOT NULL,
        PRIMARY KEY (last, name, article_rowid)
      ) WITHOUT ROWID;
      CREATE TABLE article_entity_code (
        code TEXT NOT NULL, article_rowid INTEGER NOT NULL,
        PRIMARY KEY (code, article_rowid)
      ) WITHOUT ROWID;
      INSERT OR IGNORE INTO article_entity_name (last, name, article_rowid) SELECT coalesce(last, name), name, article_rowid FROM article_entity;
      INSERT OR IGNORE INTO article_entity_code (code, article_rowid) SELECT code, article_rowid FROM article_entity WHERE code IS NOT NULL;
      DROP TABLE article_entity;
    `,
    backfill(db) {
      const setResult = db.prepare('UPDATE article SET result = ? WHERE rowid = ?');
      const variantsOf = db.prepare('SELECT rowid, quote_rowid, idx, kind, text, fidelity, changes_json FROM quote_variant WHERE article_rowid = ?');
      const insertVariant = db.prepare(`INSERT INTO quote_variant_12 (rowid, quote_rowid, article_rowid, idx, kind, span_start, span_end, text,
        fidelity, changes_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      // (an article without a result or text has nothing to repack: only a hand-made row can be one)
      for (const a of db.prepare('SELECT rowid, result, text_z FROM article WHERE length(result) > 0').all() as { rowid: number; result: Buffer; text_z: Buffer | null }[]) {
        const text = a.text_z ? unpackText(a.text_z) : '';
        const result = unpackResult(a.result, text);
        setResult.run(packResult(result), a.rowid);
        for (const v of variantsOf.all(a.rowid) as { rowid: number; quote_rowid: number; idx: number; kind: string; text: string; fidelity: number; changes_json: string }[]) {
          const content = result.attributions[v.idx]?.content;
          const { start, end } = content ? quoteWording(content) : { start: 0, end: 0 };
          insertVariant.run(v.rowid, v.quote_rowid, a.rowid, v.idx, v.kind, start, end, text.slice(start, end) === v.text ? null : v.text, v.fidelity, v.changes_json);
        }
      }
      db.exec(`
        DROP TABLE quote_fts;
        DROP TABLE quote_variant;
        ALTER TABLE quote_variant_12 RENAME TO quote_variant;
        CREATE INDEX quote_variant_quote ON quote_variant(quote_rowid);
        CREATE VIEW quote_variant_text AS SELECT v.rowid AS rowid, coalesce(v.text, dossier_span(a.text_z, v.span_start, v.span_end)) AS text
          FROM quote_variant v JOIN article a ON a.rowid = v.article_rowid;
        CREATE VIRTUAL TABLE quote_fts USING fts5(text, content = 'quote_variant_text', content_rowid = 'rowid', detail = none, columnsize = 0,
          tokenize = 'unicode61 remove_diacritics 2');
        INSERT INTO quote_fts (quote_fts) VALUES ('rebuild');
      `);
    },
  },
  {
    version: 13,
    name: 'a smaller store: the content hash as bytes found through the article id, no unused unique index on events, a party\'s country read from its code',
    // - article.content_hash: its 32 bytes instead of 64 hex letters, without an index of its own: the
    //   article id is its first 8 bytes in hex, and the id's index finds the article (sqlite-store.ts
    //   duplicateOf); an article's id was already unique, so no two stored hashes share it. (A hash
    //   that is not hex, which only a hand-made row can have, keeps its letters as bytes.)
    // - event: without the unique index on (article_rowid, idx), which no query used
    // - quote_gram: the sketches in an FTS5 table, which keeps each hash once with its quotes' rowids
    //   delta-coded (quote-writer.ts gramToken), looked up through its vocabulary table quote_gram_pairs
    // - article_entity_name becomes a view over article_entity_words, which keeps a name's last word
    //   once: the name is the words before it (head), a space and it (a folded name's last word is what
    //   follows its last space, merge/parties.ts lastWord)
    // - event_actor.country and quote.speaker_country go: a country is the first three letters of the
    //   party's code (ISO alpha-3 or one of the three-letter groups, result/schema.ts), and the code is
    //   null exactly when the country is; happening_actor reads it so
    // The two tables are rebuilt (SQLite cannot drop a UNIQUE constraint), with foreign keys off
    // (rebuildsTables); the views over them are dropped first and made again after.
    rebuildsTables: true,
    sql: `
      DROP VIEW happening_actor;
      DROP VIEW article_text;
      DROP VIEW quote_variant_text;
      CREATE TABLE article_13 (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        source_id TEXT NOT NULL,
        title TEXT, outlet TEXT, url TEXT, published TEXT,
        content_hash BLOB NOT NULL,
        signature BLOB,
        ingested_at TEXT NOT NULL,
        n_events INTEGER NOT NULL, n_attributions INTEGER NOT NULL, n_entities INTEGER NOT NULL,
        result BLOB NOT NULL,
        text_z BLOB
      );
      INSERT INTO article_13 (rowid, id, source_id, title, outlet, url, published, content_hash, signature, ingested_at, n_events, n_attributions,
        n_entities, result, text_z)
        SELECT rowid, id, source_id, title, outlet, url, published, coalesce(unhex(content_hash), CAST(content_hash AS BLOB)), signature, ingested_at, n_events, n_attributions,
          n_entities, result, text_z FROM article ORDER BY rowid;
      DROP TABLE article;
      ALTER TABLE article_13 RENAME TO article;
      CREATE INDEX article_published ON article(published);
      CREATE INDEX article_outlet ON article(outlet COLLATE NOCASE);
      CREATE TABLE event_13 (
        rowid INTEGER PRIMARY KEY,
        article_rowid INTEGER NOT NULL REFERENCES article(rowid),
        idx INTEGER NOT NULL,
        type TEXT NOT NULL, mode TEXT, modality TEXT NOT NULL, date TEXT,
        quad INTEGER NOT NULL, score REAL NOT NULL, cameo TEXT, confidence REAL NOT NULL,
        happening_rowid INTEGER REFERENCES happening(rowid),
        trigger_start INTEGER, trigger_end INTEGER, sentence_start INTEGER, sentence_end INTEGER, words TEXT, parties TEXT
      );
      INSERT INTO event_13 (rowid, article_rowid, idx, type, mode, modality, date, quad, score, cameo, confidence, happening_rowid,
        trigger_start, trigger_end, sentence_start, sentence_end, words, parties)
        SELECT rowid, article_rowid, idx, type, mode, modality, date, quad, score, cameo, confidence, happening_rowid,
          trigger_start, trigger_end, sentence_start, sentence_end, words, parties FROM event ORDER BY rowid;
      DROP TABLE event;
      ALTER TABLE event_13 RENAME TO event;
      CREATE INDEX event_date ON event(date);
      CREATE INDEX event_type ON event(type, date);
      CREATE INDEX event_happening ON event(happening_rowid);
      ALTER TABLE event_actor DROP COLUMN country;
      ALTER TABLE quote DROP COLUMN speaker_country;
      CREATE TABLE article_entity_words (
        last TEXT NOT NULL, head TEXT NOT NULL, article_rowid INTEGER NOT NULL,
        PRIMARY KEY (last, head, article_rowid)
      ) WITHOUT ROWID;
      INSERT INTO article_entity_words (last, head, article_rowid)
        SELECT last, CASE WHEN name = last THEN '' ELSE substr(name, 1, length(name) - length(last) - 1) END, article_rowid FROM article_entity_name
        ORDER BY 1, 2, 3;
      DROP TABLE article_entity_name;
      CREATE VIEW article_entity_name AS SELECT last, CASE WHEN head = '' THEN last ELSE head || ' ' || last END AS name, article_rowid
        FROM article_entity_words;
      CREATE VIRTUAL TABLE quote_gram_13 USING fts5(pairs, content = '', detail = none, columnsize = 0, tokenize = 'ascii');
      INSERT INTO quote_gram_13 (quote_gram_13, rank) VALUES ('automerge', 2);
      INSERT INTO quote_gram_13 (quote_gram_13, rank) VALUES ('crisismerge', 4);
      CREATE VIEW article_text AS SELECT rowid AS rowid, coalesce(title, '') AS title, dossier_inflate(text_z) AS text FROM article;
      CREATE VIEW quote_variant_text AS SELECT v.rowid AS rowid, coalesce(v.text, dossier_span(a.text_z, v.span_start, v.span_end)) AS text
        FROM quote_variant v JOIN article a ON a.rowid = v.article_rowid;
      CREATE VIEW happening_actor AS SELECT e.happening_rowid AS happening_rowid, x.role AS role, x.name AS name, substr(x.code, 1, 3) AS country,
        x.code AS code, x.key AS key, x.last AS last FROM event_actor x JOIN event e ON e.rowid = x.event_rowid;
    `,
    backfill(db) {
      // the sketches, from the keyed table into the full-text one (quote-writer.ts gramToken)
      const insert = db.prepare('INSERT INTO quote_gram_13 (rowid, pairs) VALUES (?, ?)');
      for (const q of db.prepare('SELECT quote_rowid, json_group_array(hash) AS hashes FROM quote_gram GROUP BY quote_rowid').all() as { quote_rowid: number; hashes: string }[]) {
        insert.run(q.quote_rowid, (JSON.parse(q.hashes) as number[]).map(gramToken).join(' '));
      }
      db.exec(`
        DROP TABLE quote_gram;
        ALTER TABLE quote_gram_13 RENAME TO quote_gram;
        CREATE VIRTUAL TABLE quote_gram_pairs USING fts5vocab(quote_gram, instance);
      `);
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Runs the migrations the database has not had, up to `target` (default: all). */
export function migrate(db: Database.Database, target = SCHEMA_VERSION): number {
  const current = schemaVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new DossierError('STORE', `the database has schema version ${current}, newer than this dossier knows (${SCHEMA_VERSION}); upgrade dossier`);
  }
  registerTextFunctions(db);
  for (const m of MIGRATIONS) {
    if (m.version <= current || m.version > target) continue;
    // (the pragma is a no-op inside a transaction, so it is set around it)
    const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
    if (m.rebuildsTables) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(m.sql);
        m.backfill?.(db);
        db.pragma(`user_version = ${m.version}`);
      })();
    } finally {
      if (m.rebuildsTables) db.pragma(`foreign_keys = ${foreignKeys}`);
    }
  }
  return schemaVersion(db);
}
