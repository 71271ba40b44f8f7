import assert from 'node:assert/strict';
import path from 'node:path';
import { after, test } from 'node:test';
import { createApiServer, listen } from '../../src/api/server.js';
import { openStore, type Page, type SearchHit, type Store } from '../../src/store/store.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { gramHash } from '../../src/store/sqlite/quote-writer.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { corpusStore } from '../api/corpus.js';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, dropTestDatabase, pgUnavailable } from '../helpers/postgres.js';
import { tempDir } from '../helpers/tmp.js';
import { snapshot } from './snapshot.js';

const unavailable = await pgUnavailable();

/** what a search found, in an order of its own: each engine ranks, and cuts snippets, its own way */
const hits = (page: Page<SearchHit>) => ({ total: page.total, ids: page.items.map((h) => h.article.id).sort(),
  marked: page.items.every((h) => /\[[^\]]+\]/.test(h.snippet)) });
const skip = unavailable ?? false;

test('the API answers the same from a PostgreSQL store as from a SQLite one', { skip }, async () => {
  const url = await createTestDatabase();
  after(() => dropTestDatabase(url));
  const sqlite = corpusStore(path.join(tempDir(), 'api.db')).store;
  const postgres = corpusStore(url).store;
  const servers = await Promise.all([sqlite, postgres].map((store) => listen(createApiServer({ store }), 0)));
  try {
    // search is compared by its hits below: the engines rank and cut snippets each their own way
    const paths = ['/api/stats', '/api/articles', '/api/happenings', '/api/events?dyad=IRN,USA', '/api/quotes', '/api/quotes?speaker=Araghchi',
      '/api/dyads/series?a=IRN&b=USA', '/api/actors/IRN/stories', '/api/happenings/h1', '/api/quotes/q1'];
    for (const p of paths) {
      const [a, b] = await Promise.all(servers.map(async (s) => {
        const res = await fetch(`${s.url}${p}`);
        // when each article was ingested differs between the two stores, nothing else does
        return { status: res.status, body: JSON.parse((await res.text()).replace(/"ingestedAt":"[^"]*"/g, '"ingestedAt":""')) as unknown };
      }));
      assert.equal(a!.status, 200, p);
      assert.deepEqual(b, a, p);
    }
    for (const q of ['talks', '"nuclear talks"', 'Araghchi OR sanctions', 'nucl*', 'talks NOT sanctions', 'title:offer']) {
      assert.deepEqual(hits(postgres.search(q)), hits(sqlite.search(q)), q);
    }
    assert.ok(hits(sqlite.search('talks')).ids.length > 1);
  } finally {
    for (const s of servers) await s.close();
    sqlite.close();
    postgres.close();
  }
});

test('migrate copies a corpus from SQLite to PostgreSQL and back with the same answers, and refuses a target that is not empty', { skip }, async () => {
  const dir = tempDir();
  const url = await createTestDatabase();
  after(() => dropTestDatabase(url));
  const first = path.join(dir, 'first.db'), back = path.join(dir, 'back.db');
  corpusStore(first).store.close();
  const there = await runCli(['migrate', '--from', first, '--to', url]);
  assert.equal(there.status, 0, there.stderr);
  assert.match(there.stderr, /copied .* articles/);
  const again = await runCli(['migrate', '--from', first, '--to', url]);
  assert.equal(again.status, 2);
  assert.match(again.stderr, /already holds a corpus/);
  const home = await runCli(['migrate', '--from', url, '--to', back]);
  assert.equal(home.status, 0, home.stderr);
  const stores = [first, url, back].map((db) => openStore(db, { readonly: true }));
  try {
    const [a, b, c] = stores.map(snapshot);
    assert.ok(a!.stats.happenings > 0 && a!.stats.quotes > 0);
    assert.deepEqual(b, a);
    assert.deepEqual(c, a);
    // the quote candidate index (SQLite: a full-text table of sketches; PostgreSQL: a keyed table) holds the same pairs
    const [ga, gb, gc] = stores.map(candidatePairs);
    assert.ok(ga!.length > 0);
    assert.deepEqual(gb, ga);
    assert.deepEqual(gc, ga);
    // the rebuilt text indexes answer as the originals do
    assert.deepEqual(hits(stores[1]!.search('"nuclear talks"')), hits(stores[0]!.search('"nuclear talks"')));
    assert.deepEqual(stores[2]!.search('Araghchi OR sanctions'), stores[0]!.search('Araghchi OR sanctions'));
  } finally {
    for (const s of stores) s.close();
  }
});

/** the (hash, quote rowid) pairs of a store's quote candidate index, in order */
function candidatePairs(store: Store): string[] {
  const pairs = store instanceof SqliteStore
    ? (store.db.prepare('SELECT term, doc FROM quote_gram_pairs').all() as { term: string; doc: number }[]).map((r) => `${gramHash(r.term)} ${r.doc}`)
    : (store as PostgresStore).db.query<{ hash: number; quote_rowid: number | string }>('SELECT hash, quote_rowid FROM quote_gram').map((r) => `${r.hash} ${r.quote_rowid}`);
  return pairs.sort();
}

test('queries take the store from DOSSIER_DB; worker and ingest --queue refuse a SQLite store', { skip }, async () => {
  const dir = tempDir();
  const url = await createTestDatabase();
  after(() => dropTestDatabase(url));
  corpusStore(url).store.close();
  const saved = process.env['DOSSIER_DB'];
  process.env['DOSSIER_DB'] = url;
  try {
    const found = await runCli(['happenings', '--dyad', 'IRN,USA', '--json']);
    assert.equal(found.status, 0, found.stderr);
    assert.ok((JSON.parse(found.stdout) as { total: number }).total > 0);
  } finally {
    if (saved === undefined) delete process.env['DOSSIER_DB'];
    else process.env['DOSSIER_DB'] = saved;
  }
  const worker = await runCli(['worker', '--db', path.join(dir, 'x.db'), '--exit-when-empty']);
  assert.equal(worker.status, 2);
  assert.match(worker.stderr, /needs a PostgreSQL store/);
  const queued = await runCli(['ingest', dir, '--db', path.join(dir, 'y.db'), '--queue']);
  assert.equal(queued.status, 2);
  assert.match(queued.stderr, /needs a PostgreSQL store/);
});
