import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { DossierError } from '../../src/core/errors.js';
import { MIGRATIONS, SCHEMA_VERSION, migrate, schemaVersion } from '../../src/store/sqlite/migrations.js';
import { openStore } from '../../src/store/store.js';
import { QUOTE_SKETCH_SIZE, wordPairHashes } from '../../src/store/merge/quotes.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { tempDir } from '../helpers/tmp.js';
import { actor, article, resultFor } from './results.js';
import { upgradeCorpus } from './upgrade-corpus.js';

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'index') ORDER BY name").pluck().all() as string[]);

test('migrations are numbered 1, 2, 3... with a name each', () => {
  assert.deepEqual(MIGRATIONS.map((m) => m.version), MIGRATIONS.map((_, i) => i + 1));
  assert.ok(MIGRATIONS.every((m) => m.name.length > 5));
  assert.equal(SCHEMA_VERSION, MIGRATIONS.length);
});

test('migrating step by step gives the same schema as migrating at once, and migrating again does nothing', () => {
  const stepwise = new Database(':memory:');
  for (const m of MIGRATIONS) assert.equal(migrate(stepwise, m.version), m.version);
  const atOnce = new Database(':memory:');
  assert.equal(migrate(atOnce), SCHEMA_VERSION);
  assert.deepEqual(tables(stepwise), tables(atOnce));
  assert.equal(migrate(atOnce), SCHEMA_VERSION);
  assert.ok(tables(atOnce).includes('quote_variant'));
});

test('a database at an older version keeps its articles when a store opens and migrates it', () => {
  const file = path.join(tempDir(), 'old.db');
  const old = new Database(file);
  migrate(old, 1);
  old.prepare(`INSERT INTO article (id, source_id, content_hash, ingested_at, n_events, n_attributions, n_entities, result)
    VALUES ('abc', 'old-1', 'hash', '2026-01-01T00:00:00Z', 0, 0, 0, x'')`).run();
  old.close();
  const store = openStore(file);
  assert.equal(store.stats().articles, 1);
  assert.equal(store.getArticle('abc')!.sourceId, 'old-1');
  const a = article('new', 'A new article arrives after the upgrade.');
  assert.equal(store.addArticle(a, resultFor(a)).inserted, true);
  store.close();
  const db = new Database(file, { readonly: true });
  assert.equal(schemaVersion(db), SCHEMA_VERSION);
  db.close();
});

test('a database newer than this dossier is refused with a store error', () => {
  const file = path.join(tempDir(), 'new.db');
  const db = new Database(file);
  db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
  db.close();
  assert.throws(() => openStore(file), (e: unknown) => e instanceof DossierError && e.code === 'STORE' && /newer/.test(e.message));
});

test('migration 6 fills the last word of names stored before it, so surname filters find old rows', () => {
  const file = path.join(tempDir(), 'v5.db');
  const db = new Database(file);
  migrate(db, 5);
  db.prepare(`INSERT INTO quote (speaker_json, speaker_key, text, n_variants, n_sources, min_fidelity)
    VALUES ('{"name":"Ali Khamenei","country":"IRN","sector":"GOV"}', 'ali khamenei', 'We will never yield to pressure', 0, 0, 1)`).run();
  db.close();
  const store = openStore(file);
  assert.equal(store.quotes({ speaker: 'Khamenei' }).total, 1);
  assert.equal(store.quotes({ speaker: 'Ali Khamenei' }).total, 1);
  assert.equal(store.quotes({ speaker: 'Mohammad Khamenei' }).total, 0);
  // and migration 11 packs the speaker stored as JSON, which reads back the same
  assert.deepEqual(store.quotes().items[0]!.speaker, { name: 'Ali Khamenei', country: 'IRN', sector: 'GOV' });
  store.close();
});

test('migration 9 indexes the quote variants stored before it, and the index keeps no copy of their words', () => {
  const db = new Database(':memory:');
  migrate(db, 8);
  db.prepare(`INSERT INTO quote (rowid, speaker_key, text, n_variants, n_sources, min_fidelity) VALUES (1, 'x', 'talks will resume soon', 1, 1, 1)`).run();
  db.prepare(`INSERT INTO article (rowid, id, source_id, content_hash, ingested_at, n_events, n_attributions, n_entities, result)
    VALUES (1, 'a', 'a', 'h', '2026-01-01T00:00:00Z', 0, 1, 0, x'')`).run();
  db.prepare(`INSERT INTO quote_variant (rowid, quote_rowid, article_rowid, idx, kind, text, fidelity, changes_json) VALUES (7, 1, 1, 0, 'direct', 'talks will resume soon', 1, '[]')`).run();
  db.prepare('INSERT INTO quote_fts (rowid, text) VALUES (7, ?)').run('talks will resume soon');
  migrate(db, 9);
  assert.deepEqual(db.prepare("SELECT rowid FROM quote_fts WHERE quote_fts MATCH 'resume'").pluck().all(), [7]);
  assert.ok(!tables(db).includes('quote_fts_content'), 'an external-content index has no content table');
});

/**
 * Upgrades a copy of a fixture store written by an older version's code from upgradeCorpus and
 * checks that every answer is the one a store ingesting the same articles today gives, also after
 * a new article merges with the upgraded ones.
 */
function upgradeGivesTodaysAnswers(fixture: string, version: number): void {
  const dir = tempDir();
  const file = path.join(dir, `v${version}.db`);
  copyFileSync(path.join(import.meta.dirname, '../fixtures', fixture), file);
  const before = new Database(file, { readonly: true });
  assert.equal(schemaVersion(before), version);
  before.close();
  const upgraded = openStore(file);
  const today = openStore(path.join(dir, 'today.db'));
  for (const { article: a, result } of upgradeCorpus()) today.addArticle(a, result);
  // what differs by nature: when each was ingested
  const same = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v: unknown) => (k === 'ingestedAt' ? undefined : v))) as unknown;
  const answers = (s: typeof today) => same({
    stats: s.stats(), articles: s.listArticles(), results: upgradeCorpus().map(({ article: a }) => s.getResult(s.findDuplicate(a)!)),
    events: s.events({ limit: 100 }), happenings: s.happenings(), quotes: s.quotes(),
    happening: ['h1', 'h2', 'h3'].map((id) => s.happening(id)), quote: ['q1', 'q2'].map((id) => s.quote(id)),
    search: s.search('proposal'), byActor: s.events({ actor: 'Iran' }), byCountry: s.happenings({ dyad: ['IRN', 'USA'] }),
    byCode: s.events({ recipient: 'PAKGOV' }), bySurname: s.events({ actor: 'Holloway' }), speaker: s.quotes({ speaker: 'Araghchi' }),
    words: s.quotes({ text: 'pressure' }), series: s.dyadSeries('IRN', 'USA'), stories: [s.actorStories('IRN'), s.actorStories('Araghchi')],
  });
  const got = answers(upgraded), want = answers(today);
  const counts = got as { events: { total: number }; happenings: { total: number }; quotes: { total: number } };
  assert.deepEqual([counts.events.total, counts.happenings.total, counts.quotes.total], [4, 3, 2], 'two outlets\' reports are one happening, and their quotes one quote');
  assert.deepEqual(got, want);
  // new articles merge with the upgraded ones as with those stored today
  const late = article('up-4', 'Iran rejected the American proposal again on Tuesday, officials said.', { outlet: 'Wire C', published: '2026-03-03' });
  const lateResult = resultFor(late, [{ type: 'REJECT', trigger: 'rejected', actor: [actor('Iran', 'IRN', 'GOV')], recipient: [actor('the United States', 'USA', 'GOV')], cameo: '12' }]);
  for (const s of [upgraded, today]) s.addArticle(late, lateResult);
  assert.deepEqual(same(upgraded.happening('h1')), same(today.happening('h1')));
  assert.equal(upgraded.happening('h1')!.reportCount, 3);
  // and a new wording of the stored quote joins it, found through the upgraded candidate index
  const again = article('up-5', 'Araghchi said "we will never negotiate under pressure from anyone at all" on Wednesday.', { outlet: 'Wire D', published: '2026-03-04' });
  const againResult = resultFor(again, [], [{ content: 'we will never negotiate under pressure from anyone at all', speaker: actor('Abbas Araghchi', 'IRN', 'GOV') }]);
  for (const s of [upgraded, today]) s.addArticle(again, againResult);
  assert.deepEqual(same(upgraded.quotes()), same(today.quotes()));
  assert.equal(upgraded.quotes({ speaker: 'Araghchi' }).items[0]!.variantCount, 3);
  upgraded.close();
  today.close();
}

test('migration 10 upgrades a store written at version 9: every answer is the one a store ingesting the same articles today gives', () => {
  upgradeGivesTodaysAnswers('store-v9.db', 9);
});

test('migration 11 upgrades a store written at version 10: every answer is the one a store ingesting the same articles today gives', () => {
  upgradeGivesTodaysAnswers('store-v10.db', 10);
});

test('migration 12 upgrades a store written at version 11: every answer is the one a store ingesting the same articles today gives', () => {
  upgradeGivesTodaysAnswers('store-v11.db', 11);
});

test('migration 13 upgrades a store written at version 12: every answer is the one a store ingesting the same articles today gives', () => {
  upgradeGivesTodaysAnswers('store-v12.db', 12);
});

test('migration 11 keeps a sketch of each quote\'s word pairs, a quote index of words only, which still finds quotes by their words, and packed speakers', () => {
  const store = openStore(path.join(tempDir(), 'sketch.db')) as SqliteStore;
  const words = 'the council will meet again next week to decide whether the new port rules apply to foreign ships and their crews';
  const a = article('s-1', `The minister said "${words}" on Friday.`, { outlet: 'Wire A', published: '2026-03-02' });
  store.addArticle(a, resultFor(a, [], [{ content: words, speaker: actor('Lena Varga', 'HUN', 'GOV') }]));
  // a variant with a few words changed still finds the stored wording through the sketch
  const changed = words.replace('next week', 'on Monday').replace('foreign ships', 'foreign vessels');
  const b = article('s-2', `Varga said "${changed}" in Budapest.`, { outlet: 'Wire B', published: '2026-03-03' });
  store.addArticle(b, resultFor(b, [], [{ content: changed, speaker: actor('Lena Varga', 'HUN', 'GOV') }]));
  assert.equal(store.stats().quotes, 1);
  assert.equal(store.db.prepare('SELECT count(*) FROM quote_gram_pairs').pluck().get(), QUOTE_SKETCH_SIZE);
  assert.ok(wordPairHashes(words).length > QUOTE_SKETCH_SIZE);
  assert.equal(store.quotes({ text: 'Vessels crews' }).total, 1);
  assert.equal(store.quotes({ text: 'vessels submarines' }).total, 0);
  assert.match(store.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'quote_fts'").pluck().get() as string, /detail = none/);
  // the speaker without the keys of its JSON, and its span back in place when read
  assert.equal(store.db.prepare('SELECT speaker_json FROM quote').pluck().get(), '["Lena Varga","HUN","GOV"]');
  assert.deepEqual(store.quotes().items[0]!.speaker, actor('Lena Varga', 'HUN', 'GOV'));
  store.close();
});

test('migration 10 keeps no copy of an article\'s text, nor of a happening\'s parties', () => {
  const db = new Database(':memory:');
  migrate(db);
  const columns = (table: string) => db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
  assert.ok(!tables(db).includes('article_fts_content'), 'the full-text index reads the text from the article row');
  assert.equal(db.prepare("SELECT type FROM sqlite_master WHERE name = 'happening_actor'").pluck().get(), 'view');
  assert.ok(!columns('happening').includes('actor_json'));
  assert.ok(!columns('event').includes('sentence'));
  assert.ok(!columns('quote').includes('text'));
});

test('migration 12 keeps a quote variant\'s and its speaker\'s offsets without their words, outlets alone as sources, article entities by name and by code', () => {
  const store = openStore(path.join(tempDir(), 'offsets.db')) as SqliteStore;
  const words = 'the harbour will stay shut to cargo ships until the inquiry has ended';
  const text = `Harbour master Tomas Reyes said "${words}" on Friday. Reyes repeated it later: "${words}".`;
  const start = text.indexOf('Tomas Reyes');
  const speaker = { name: 'Tomas Reyes', country: 'CHL', sector: 'GOV', span: { start, end: start + 'Tomas Reyes'.length, text: 'Tomas Reyes' } };
  // no outlet: the article is its own source, once however many variants it gives the quote
  const a = article('o-1', text, { published: '2026-03-02' });
  const result = resultFor(a, [], [{ content: words, speaker }], ['Tomas Reyes']);
  const second = text.lastIndexOf(words);
  result.attributions.push({ ...result.attributions[0]!, content: { start: second, end: second + words.length, text: words } });
  store.addArticle(a, result);
  const b = article('o-2', `Reyes told Wire B that "${words}".`, { outlet: 'Wire B', published: '2026-03-03' });
  store.addArticle(b, resultFor(b, [], [{ content: words, speaker: actor('Tomas Reyes', 'CHL', 'GOV') }]));
  const quote = store.quotes().items[0]!;
  assert.deepEqual([quote.variantCount, quote.sources, quote.text, quote.variants.map((v) => v.text)], [3, 2, words, [words, words, words]]);
  assert.deepEqual(quote.speaker, speaker);
  assert.deepEqual(store.getResult(store.findDuplicate(a)!), result);
  const db = store.db;
  assert.deepEqual(db.prepare('SELECT count(text) AS own, count(*) AS n FROM quote_variant').get(), { own: 0, n: 3 });
  assert.equal(db.prepare('SELECT speaker_json FROM quote').pluck().get(), JSON.stringify(['Tomas Reyes', 'CHL', 'GOV', start, start + 11]));
  assert.deepEqual(db.prepare('SELECT source FROM quote_source').pluck().all(), ['wire b']);
  assert.equal(store.quotes({ outlet: 'wire B' }).total, 1);
  assert.equal(store.quotes({ text: 'cargo inquiry' }).total, 1);
  assert.deepEqual(db.prepare('SELECT last, name FROM article_entity_name').all(), [{ last: 'reyes', name: 'tomas reyes' }]);
  assert.equal(store.actorStories('Reyes').total, 2);
  store.close();
});

test('migration 13 keeps the content hash as bytes, a party\'s code without its country, an entity name\'s last word once, quote sketches in a full-text table, and packs the file on close', () => {
  const file = path.join(tempDir(), 'small.db');
  const store = openStore(file) as SqliteStore;
  const words = 'the ferry service to the outer islands will resume on Monday after the storm';
  const text = `Port official Maria Okonkwo said "${words}" on Sunday. Norway thanked Sweden for its help.`;
  const a = article('m-1', text, { outlet: 'Wire A', published: '2026-03-02' });
  store.addArticle(a, resultFor(a, [{ type: 'AGREE', trigger: 'thanked', actor: [actor('Norway', 'NOR', 'GOV')], recipient: [actor('Sweden', 'SWE', null)] }],
    [{ content: words, speaker: actor('Maria Okonkwo', 'NOR', 'GOV') }], ['Maria Okonkwo']));
  const db = store.db;
  const id = store.findDuplicate(a)!;
  const hash = store.getArticle(id)!.contentHash;
  assert.match(hash, /^[0-9a-f]{64}$/);
  assert.equal(id, hash.slice(0, 16));
  assert.equal(db.prepare('SELECT length(content_hash) FROM article').pluck().get(), 32);
  assert.ok(!tables(db).some((t) => /^sqlite_autoindex_(article_2|event)/.test(t)), 'no index on the hash, no unique index on events');
  assert.ok(!(db.prepare("SELECT name FROM pragma_table_info('event_actor')").pluck().all() as string[]).includes('country'));
  assert.deepEqual(db.prepare('SELECT role, country, code FROM happening_actor ORDER BY role').all(),
    [{ role: 'a', country: 'NOR', code: 'NORGOV' }, { role: 'r', country: 'SWE', code: 'SWE' }]);
  assert.equal(store.happenings({ dyad: ['NOR', 'SWE'] }).total, 1);
  assert.deepEqual(db.prepare('SELECT last, head FROM article_entity_words').all(), [{ last: 'okonkwo', head: 'maria' }]);
  assert.equal(store.actorStories('Okonkwo').total, 1);
  assert.equal(db.prepare('SELECT count(*) FROM quote_gram_pairs').pluck().get(), QUOTE_SKETCH_SIZE);
  assert.equal(db.prepare('SELECT length(signature) FROM article').pluck().get() ?? 128, 128);
  // a copy of the article is known by its hash; a new wording of the quote joins it through the sketch
  assert.equal(store.addArticle({ ...a, id: 'm-2', outlet: 'Wire B' }, resultFor(a)).duplicate, 'exact');
  const b = article('m-3', `Okonkwo told reporters "${words.replace('Monday', 'Tuesday')}".`, { outlet: 'Wire C', published: '2026-03-03' });
  store.addArticle(b, resultFor(b, [], [{ content: words.replace('Monday', 'Tuesday'), speaker: actor('Maria Okonkwo', 'NOR', 'GOV') }]));
  assert.equal(store.quotes({ speaker: 'Okonkwo' }).items[0]!.variantCount, 2);
  store.close();
  // closing after the store grew merged each full-text index into one segment (an FTS5 leaf's rowid is its segment's id << 37)
  const after = new Database(file, { readonly: true });
  for (const index of ['article_fts', 'quote_gram']) {
    assert.equal(after.prepare(`SELECT count(DISTINCT id >> 37) FROM ${index}_data WHERE id >> 37 > 0`).pluck().get(), 1, index);
  }
  after.close();
});
