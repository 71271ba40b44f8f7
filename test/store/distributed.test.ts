import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { storiesJsonl } from '../../bench/story-corpus.js';
import { openStore } from '../../src/store/store.js';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, dropTestDatabase, pgUnavailable } from '../helpers/postgres.js';
import { tempDir } from '../helpers/tmp.js';
import { snapshot } from './snapshot.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const unavailable = await pgUnavailable();

/** a `dossier worker` process run from the sources */
function worker(url: string): { child: ChildProcess; exited: Promise<{ code: number | null; signal: string | null }>; stderr: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/store/run-dossier.ts'),
    'worker', '--db', url, '--exit-when-empty', '--lease', '3'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, stderr: () => stderr };
}

test('three workers, one killed by SIGKILL mid-article, leave a PostgreSQL store equal row by row to a single-process SQLite ingest',
  { skip: unavailable ?? false }, async () => {
    const dir = tempDir();
    const corpus = path.join(dir, 'corpus.jsonl');
    // stories written for the tests (bench/story-corpus.ts): a third report what another outlet reported the day before
    writeFileSync(corpus, storiesJsonl(30, 11));
    const url = await createTestDatabase();
    after(() => dropTestDatabase(url));

    const queued = await runCli(['ingest', corpus, '--db', url, '--queue']);
    assert.equal(queued.status, 0, queued.stderr);
    assert.match(queued.stderr, /queued 30 articles/);

    const workers = [worker(url), worker(url), worker(url)];
    const victim = workers[0]!;
    // kill the first worker while it holds an article: its lease is in the queue and unexpired
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    let held = 0;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && victim.child.exitCode === null) {
      held = Number((await admin.query(`SELECT count(*) AS n FROM work_queue WHERE worker LIKE $1 AND state = 'waiting' AND lease_until > now()`,
        [`%:${victim.child.pid}`])).rows[0].n);
      if (held) break;
      await sleep(20);
    }
    assert.ok(held && victim.child.kill('SIGKILL'), `the worker ended before it could be killed: ${victim.stderr()}`);
    assert.equal((await victim.exited).signal, 'SIGKILL');
    for (const w of workers.slice(1)) assert.equal((await w.exited).code, 0, w.stderr());
    // the killed worker's article was taken over by another worker once its lease ran out
    const left = (await admin.query('SELECT count(*) AS n FROM work_queue')).rows[0].n;
    await admin.end();
    assert.equal(Number(left), 0);

    // the same corpus through one process into SQLite
    const file = path.join(dir, 'single.db');
    const single = await runCli(['ingest', corpus, '--db', file]);
    assert.equal(single.status, 0, single.stderr);

    const expected = openStore(file, { readonly: true });
    const actual = openStore(url, { readonly: true });
    try {
      const want = snapshot(expected), got = snapshot(actual);
      assert.equal(got.stats.articles, 30);
      assert.ok(want.stats.happenings < want.stats.events && want.quotes.some((q) => q.variantCount > 1), 'the corpus merges reports and quotes');
      assert.deepEqual(got.stats, want.stats);
      assert.deepEqual(got.articles, want.articles);
      assert.deepEqual(got.events, want.events);
      assert.deepEqual(got.happenings, want.happenings);
      assert.deepEqual(got.quotes, want.quotes);
    } finally {
      expected.close();
      actual.close();
    }
  });
