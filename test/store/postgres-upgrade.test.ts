import assert from 'node:assert/strict';
import path from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { PG_SCHEMA_VERSION, migratePg, pgSchemaVersion } from '../../src/store/postgres/migrations.js';
import { SyncPg } from '../../src/store/postgres/sync-client.js';
import { openStore, type Store } from '../../src/store/store.js';
import { createTestDatabase, dropTestDatabase, pgUnavailable } from '../helpers/postgres.js';
import { upgradeCorpus } from './upgrade-corpus.js';

/**
 * PostgreSQL's migration 10 on a corpus stored at version 9: the version-9 SQLite fixture's rows
 * (migrations.test.ts) loaded into a PostgreSQL database built to version 9, then upgraded; its
 * answers must be those of a PostgreSQL store that ingests the same articles today.
 */
const unavailable = await pgUnavailable();
test('PostgreSQL migration 10 upgrades a store written at version 9 to the answers of one ingesting today', { skip: unavailable ?? false }, async () => {
  const oldUrl = await createTestDatabase(), todayUrl = await createTestDatabase();
  after(async () => { await dropTestDatabase(oldUrl); await dropTestDatabase(todayUrl); });
  const fixture = new Database(path.join(import.meta.dirname, '../fixtures/store-v9.db'), { readonly: true });
  const pg = new SyncPg(oldUrl);
  assert.equal(migratePg(pg, 9), 9);
  const tables = ['article', 'article_copy', 'article_band', 'article_entity', 'happening', 'happening_actor', 'event', 'event_actor',
    'quote', 'quote_variant', 'quote_gram', 'quote_source', 'learned_person'];
  for (const table of tables) {
    const rows = fixture.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
    const json = JSON.stringify(rows, (_k, v: unknown) => (v && typeof v === 'object' && (v as { type?: string }).type === 'Buffer'
      ? `\\x${Buffer.from((v as { data: number[] }).data).toString('hex')}` : v));
    if (rows.length) pg.run(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(null::${table}, ?::json)`, [json]);
  }
  for (const r of fixture.prepare('SELECT rowid, title, text FROM article_fts').all() as { rowid: number; title: string; text: string }[]) {
    pg.run(`INSERT INTO article_text (rowid, title, text, tsv) VALUES (?, ?, ?, setweight(to_tsvector('dossier_text', ?), 'A') || setweight(to_tsvector('dossier_text', ?), 'B'))`,
      [r.rowid, r.title, r.text, r.title, r.text]);
  }
  fixture.close();
  pg.close();
  const upgraded = openStore(oldUrl), today = openStore(todayUrl);
  for (const { article: a, result } of upgradeCorpus()) today.addArticle(a, result);
  const same = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v: unknown) => (k === 'ingestedAt' ? undefined : v))) as unknown;
  const answers = (s: Store) => same({
    stats: s.stats(), articles: s.listArticles(), results: upgradeCorpus().map(({ article: a }) => s.getResult(s.findDuplicate(a)!)),
    events: s.events({ limit: 100 }), happenings: s.happenings(), quotes: s.quotes(),
    happening: ['h1', 'h2', 'h3'].map((id) => s.happening(id)), quote: ['q1', 'q2'].map((id) => s.quote(id)),
    byActor: s.events({ actor: 'Iran' }), byCountry: s.happenings({ dyad: ['IRN', 'USA'] }), byCode: s.events({ recipient: 'PAKGOV' }),
    bySurname: s.events({ actor: 'Holloway' }), speaker: s.quotes({ speaker: 'Araghchi' }), series: s.dyadSeries('IRN', 'USA'),
    stories: [s.actorStories('IRN'), s.actorStories('Araghchi')],
  });
  try {
    const got = answers(upgraded);
    assert.deepEqual((got as { events: { total: number } }).events.total, 4);
    assert.deepEqual(got, answers(today));
    const check = new SyncPg(oldUrl);
    assert.equal(pgSchemaVersion(check), PG_SCHEMA_VERSION);
    check.close();
  } finally {
    upgraded.close();
    today.close();
  }
});
