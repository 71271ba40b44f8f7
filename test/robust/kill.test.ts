import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { storiesJsonl } from '../../bench/story-corpus.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';
import { registerTextFunctions } from '../../src/store/sqlite/article-text.js';
import { unpackResult } from '../../src/store/stored-result.js';

// Finding 9: an ingest killed and resumed must give the store a clean ingest gives, row by row and
// result by result, not only the same counts.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SIZE = 30;
const KILLS = 20;
const SEED = 20261205;
// the built engine when `npm test` has just built it (its pretest), which starts in a fraction of the
// time the sources through tsx take; the sources otherwise
const BUILT = path.join(ROOT, 'dist/cli/main.js');
const DOSSIER = existsSync(BUILT) && process.env['npm_lifecycle_event'] === 'test'
  ? [path.join(ROOT, 'bin/dossier.js')] : ['--import', 'tsx', path.join(ROOT, 'test/store/run-dossier.ts')];

/**
 * Every row of every table (FTS shadow tables aside: the FTS table itself is compared, and the quote
 * candidate index, an FTS5 table of sketches since migration 13, by its (term, doc) pairs), in rowid
 * order; results inflated, times left out.
 */
function dump(file: string): Map<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  // the full-text table reads the article text through a function of dossier's (sqlite/article-text.ts)
  registerTextFunctions(db);
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT GLOB '*_fts_*'
      AND name NOT GLOB 'quote_gram*' ORDER BY name`).pluck().all() as string[];
    const out = new Map<string, unknown[]>();
    out.set('quote_gram_pairs', db.prepare('SELECT term, doc FROM quote_gram_pairs ORDER BY term, doc').all());
    for (const t of tables) {
      const withoutRowid = /WITHOUT ROWID/i.test(db.prepare("SELECT sql FROM sqlite_master WHERE name = ?").pluck().get(t) as string);
      const columns = (db.prepare(`SELECT count(*) FROM pragma_table_info('${t}')`).pluck().get() as number);
      const order = withoutRowid ? Array.from({ length: columns }, (_, k) => k + 1).join(', ') : 'rowid';
      const rows = db.prepare(`SELECT ${withoutRowid ? '' : 'rowid AS _rowid, '}* FROM "${t}" ORDER BY ${order}`).all() as Record<string, unknown>[];
      out.set(t, rows.map((r) => {
        const row: Record<string, unknown> = { ...r };
        delete row.ingested_at;
        // the result as stored (stored-result.ts), its spans' words left out (the text is compared as text_z)
        if (Buffer.isBuffer(row.result)) row.result = unpackResult(row.result, '');
        else if (Buffer.isBuffer(row.signature)) row.signature = row.signature.toString('hex');
        for (const [k, v] of Object.entries(row)) if (Buffer.isBuffer(v)) row[k] = v.toString('hex');
        return row;
      }));
    }
    return out;
  } finally { db.close(); }
}

function committed(db: string): number {
  if (!existsSync(db)) return 0;
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try { return conn.prepare('SELECT count(*) FROM article').pluck().get() as number; } catch { return 0; } finally { conn.close(); }
}

test(`an ingest killed at ${KILLS} seeded random points and resumed gives the store of a clean ingest, row by row`, async () => {
  const dir = tempDir();
  const corpus = path.join(dir, 'corpus.jsonl');
  writeFileSync(corpus, storiesJsonl(SIZE, 11));
  const clean = path.join(dir, 'clean.db');
  const run = await runCli(['ingest', corpus, '--db', clean]);
  assert.equal(run.status, 0, run.stderr);

  // the kill points: after how many committed articles, and how long after that (mid-analysis, mid-commit)
  const points = fc.sample(fc.tuple(fc.integer({ min: 0, max: SIZE - 1 }), fc.integer({ min: 0, max: 60 })), { seed: SEED, numRuns: KILLS })
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const killed = path.join(dir, 'killed.db');
  let kills = 0;
  for (const [after, jitterMs] of points) {
    const child = spawn(process.execPath, [...DOSSIER, 'ingest', corpus, '--db', killed], { cwd: ROOT, stdio: ['ignore', 'ignore', 'ignore'] });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const deadline = Date.now() + 120_000;
    while (child.exitCode === null && committed(killed) < after && Date.now() < deadline) await sleep(10);
    await sleep(jitterMs);
    if (child.kill('SIGKILL')) kills++;
    await exited;
  }
  assert.ok(kills >= KILLS / 2, `${kills} of the ${KILLS} runs were killed before they finished`);
  const resumed = await runCli(['ingest', corpus, '--db', killed]);
  assert.equal(resumed.status, 0, resumed.stderr);

  const want = dump(clean), got = dump(killed);
  assert.deepEqual([...got.keys()], [...want.keys()]);
  for (const [table, rows] of want) {
    assert.equal(got.get(table)!.length, rows.length, `${table}: row count`);
    rows.forEach((row, i) => assert.deepEqual(got.get(table)![i], row, `${table} row ${i + 1}`));
  }
});
