import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { HttpError } from '../../src/api/errors.js';
import { createApiServer, listen, type RunningServer } from '../../src/api/server.js';
import { TaskPool } from '../../src/api/task-pool.js';
import type { Store } from '../../src/store/store.js';
import { corpusStore } from '../api/corpus.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

// Finding 6 (the server's one thread blocked by an analysis or a long search) and 7 (search syntax).
const DIR = tempDir('dossier-robust-api-');
const DB = path.join(DIR, 'corpus.db');
let store: Store;
before(() => { ({ store } = corpusStore(DB)); });
after(() => store.close());

async function withServer<T>(workers: Parameters<typeof createApiServer>[0]['workers'], allowIngest: boolean, body: (s: RunningServer) => Promise<T>): Promise<T> {
  const running = await listen(createApiServer({ store, allowIngest, ...(workers ? { workers } : {}) }), 0);
  try { return await body(running); } finally { await running.close(); }
}

const sentence = 'The foreign minister said on Tuesday that the talks with the neighbouring country would resume next week in the capital. ';

test('an analysis that runs past its limit is stopped with 422, and the server answers other requests meanwhile', async () => {
  await withServer({ dbFile: DB, queries: 1, analysisTimeoutMs: 400 }, true, async ({ url }) => {
    assert.equal((await fetch(`${url}/api/stats`)).status, 200, 'the query thread is up');
    const post = fetch(`${url}/api/articles`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'long', text: sentence.repeat(1500) }),
    }).then(async (r) => ({ at: performance.now(), status: r.status, body: await r.json() as { error: { code: string } } }));
    const stats = await fetch(`${url}/api/stats`);
    const statsAt = performance.now();
    assert.equal(stats.status, 200);
    const answer = await post;
    assert.equal(answer.status, 422, JSON.stringify(answer.body));
    assert.equal(answer.body.error.code, 'ANALYSIS_TIMEOUT');
    assert.ok(statsAt < answer.at, 'the stats were answered while the analysis ran');
    assert.equal(store.stats().articles, 6, 'nothing stored');
  });
});

// a worker that takes `ms` milliseconds of busy work a message (a long query stands for itself this way)
const slowWorker = () => new Worker(`const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, ms }) => { const end = Date.now() + ms; while (Date.now() < end); parentPort.postMessage({ id, done: ms }); });`, { eval: true });

test('a task past its time limit is answered with the pool\'s timeout error, and its worker is replaced', async () => {
  const pool = new TaskPool(slowWorker, { size: 1, maxQueue: 4, timeoutMs: 200, onTimeout: () => new HttpError(503, 'QUERY_TIMEOUT', 'too long', { 'retry-after': '5' }) });
  try {
    await assert.rejects(pool.run({ ms: 5_000 }), (e: unknown) => e instanceof HttpError && e.status === 503 && e.headers['retry-after'] === '5');
    assert.deepEqual(await pool.run({ ms: 1 }), { id: 2, done: 1 }, 'the next task runs on a fresh worker');
  } finally { await pool.close(); }
});

test('a full queue is refused at once with 503 BUSY and Retry-After; the queued tasks still run', async () => {
  const pool = new TaskPool(slowWorker, { size: 1, maxQueue: 2, timeoutMs: 30_000, retryAfterSeconds: 3, onTimeout: () => new HttpError(503, 'T', 't') });
  try {
    await pool.run({ ms: 1 }); // the worker is up
    const first = pool.run({ ms: 300 }); // taken at once; two may wait
    const waiting = [pool.run({ ms: 1 }), pool.run({ ms: 1 })];
    await assert.rejects(pool.run({ ms: 1 }), (e: unknown) => e instanceof HttpError && e.status === 503 && e.code === 'BUSY' && e.headers['retry-after'] === '3');
    assert.deepEqual((await Promise.all([first, ...waiting])).map((r) => r.done), [300, 1, 1]);
  } finally { await pool.close(); }
});

test('worker threads answer what the server thread answers', async () => {
  const paths = ['/api/stats', '/api/events?type=reject', '/api/happenings?dyad=USA,IRN', '/api/search?q=Iran', '/api/articles?from=2018-02-30', '/api/nowhere'];
  const direct = await withServer(undefined, false, async ({ url }) => Promise.all(paths.map(async (p) => { const r = await fetch(url + p); return [r.status, await r.text()]; })));
  const pooled = await withServer({ dbFile: DB, queries: 1 }, false, async ({ url }) => Promise.all(paths.map(async (p) => { const r = await fetch(url + p); return [r.status, await r.text()]; })));
  assert.deepEqual(pooled, direct);
});

test('search: plain words are text in the API and the CLI alike; operators are explicit; a lone * is a 400 / exit 2', async () => {
  await withServer({ dbFile: DB, queries: 1 }, false, async ({ url }) => {
    for (const q of ['U.S.', '"Kim Jong-Un"', "Trump's", 'Iran OR Washington', 'sanc*', 'word:x', '(talks']) {
      const api = await fetch(`${url}/api/search?q=${encodeURIComponent(q)}`);
      assert.equal(api.status, 200, `${q}: ${await api.clone().text()}`);
      const cli = await runCli(['search', q, '--db', DB, '--json']);
      assert.equal(cli.status, 0, `${q}: ${cli.stderr}`);
      assert.equal(JSON.parse(cli.stdout).total, ((await api.json()) as { total: number }).total, q);
    }
    for (const q of ['*', 'OR', 'Iran NOT']) {
      const api = await fetch(`${url}/api/search?q=${encodeURIComponent(q)}`);
      assert.equal(api.status, 400, q);
      const cli = await runCli(['search', q, '--db', DB]);
      assert.equal(cli.status, 2, q);
      assert.equal(cli.stderr.split('\n').length, 2, `one line: ${cli.stderr}`);
      assert.ok(!cli.stderr.includes('    at '), 'no stack trace');
    }
  });
});

test('the CLI refuses the filters the API refuses, with the same reason (finding 8)', async () => {
  await withServer(undefined, false, async ({ url }) => {
    const cases: [string, string][] = [['from', '2018-02-30'], ['modality', 'maybe'], ['type', 'FOO'], ['quad', '7']];
    for (const [name, value] of cases) {
      const api = await fetch(`${url}/api/events?${name}=${encodeURIComponent(value)}`);
      assert.equal(api.status, 400, `${name}=${value}`);
      const apiMessage = ((await api.json()) as { error: { message: string } }).error.message;
      const cli = await runCli(['events', `--${name}`, value, '--db', DB]);
      assert.equal(cli.status, 2, `${name}=${value}: ${cli.stderr}`);
      assert.equal(cli.stderr.replace(/^dossier: /, '').trim().replaceAll(`--${name}`, `parameter "${name}"`), apiMessage);
    }
    const range = await runCli(['events', '--from', '2018-03-02', '--to', '2018-03-01', '--db', DB]);
    assert.equal(range.status, 2);
    assert.match(range.stderr, /--from \(2018-03-02\) is after --to \(2018-03-01\)/);
    const api = await fetch(`${url}/api/events?from=2018-03-02&to=2018-03-01`);
    assert.equal(api.status, 400);
  });
});
