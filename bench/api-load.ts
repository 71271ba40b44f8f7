/**
 * The HTTP API under load while an ingest writes: `dossier serve` (read-only) and `dossier ingest`
 * run as separate processes on one store, and READERS concurrent clients on loopback read the API
 * (stats, lists, searches, one of them a costly prefix search) until the ingest ends. Prints p50,
 * p99 and max latency and the errors (non-2xx answers and failed connections), in all and by kind.
 *
 *   node --import tsx bench/api-load.ts [--root DIR] [--readers 50] [--seed-articles 300] [--articles 150]
 *
 * --root is the dossier checkout to measure (built: its bin/dossier.js runs dist/); the default is
 * this one. Run it on main's checkout for "before" and on this one for "after", on the same machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { storiesJsonl } from './story-corpus.js';

const { values } = parseArgs({ options: {
  root: { type: 'string' }, readers: { type: 'string' }, 'seed-articles': { type: 'string' }, articles: { type: 'string' },
} });
const ROOT = path.resolve(values.root ?? fileURLToPath(new URL('../', import.meta.url)));
const READERS = Number(values.readers ?? 50);
const SEEDED = Number(values['seed-articles'] ?? 300);
const ARTICLES = Number(values.articles ?? 150);
const BIN = path.join(ROOT, 'bin/dossier.js');

const PATHS: Record<string, string> = {
  stats: '/api/stats',
  events: '/api/events?limit=50',
  happenings: '/api/happenings?dyad=USA,IRN',
  quotes: '/api/quotes?limit=20',
  search: `/api/search?q=${encodeURIComponent('talks')}`,
  'search-prefix': `/api/search?q=${encodeURIComponent('sanc* OR cease* OR talk* OR prop* OR minis*')}`,
};

const dir = mkdtempSync(path.join(tmpdir(), 'dossier-api-load-'));
const db = path.join(dir, 'load.db');
const all = storiesJsonl(SEEDED + ARTICLES, 5).trim().split('\n');
writeFileSync(path.join(dir, 'seed.jsonl'), all.slice(0, SEEDED).join('\n') + '\n');
writeFileSync(path.join(dir, 'more.jsonl'), all.slice(SEEDED).join('\n') + '\n');

const runDossier = (args: string[]): ChildProcess => spawn(process.execPath, [BIN, ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
const finished = (child: ChildProcess) => new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));

try {
  process.stderr.write(`api-load: ${ROOT}: seeding ${SEEDED} articles...\n`);
  if (await finished(runDossier(['ingest', 'seed.jsonl', '--db', db])) > 0 && !(await import('node:fs')).existsSync(db)) throw new Error('seeding failed');
  const server = runDossier(['serve', '--db', db, '--port', '0']);
  const url = await new Promise<string>((resolve, reject) => {
    let err = '';
    server.stderr!.on('data', (d: Buffer) => { err += d.toString(); const m = /at (http:\/\/[^/\s]+)\//.exec(err); if (m) resolve(m[1]!); });
    server.on('exit', () => reject(new Error(`serve ended: ${err}`)));
  });
  // the server's threads are up before the clock starts
  for (let i = 0; i < 100; i++) { if ((await fetch(`${url}/api/stats`).catch(() => null))?.ok) break; await new Promise((r) => setTimeout(r, 100)); }

  const ingest = runDossier(['ingest', 'more.jsonl', '--db', db]);
  let ingesting = true;
  const ingestDone = finished(ingest).then((code) => { ingesting = false; return code; });
  const started = performance.now();
  const samples: { kind: string; ms: number; ok: boolean }[] = [];
  const kinds = Object.keys(PATHS);
  const reader = async (r: number) => {
    for (let k = r; ingesting && performance.now() - started < 180_000; k++) {
      const kind = kinds[k % kinds.length]!;
      const t = performance.now();
      let ok: boolean;
      try {
        const res = await fetch(url + PATHS[kind], { signal: AbortSignal.timeout(30_000) });
        await res.arrayBuffer();
        ok = res.ok;
      } catch { ok = false; }
      samples.push({ kind, ms: performance.now() - t, ok });
    }
  };
  await Promise.all(Array.from({ length: READERS }, (_, r) => reader(r)));
  const ingestCode = await ingestDone;
  const secs = (performance.now() - started) / 1000;
  server.kill('SIGTERM');
  await finished(server);

  const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))]! : NaN; };
  const line = (label: string, list: typeof samples) => {
    const ms = list.map((s) => s.ms);
    return `${label.padEnd(14)} ${String(list.length).padStart(6)} req  p50 ${pct(ms, 0.5).toFixed(0).padStart(6)} ms  p99 ${pct(ms, 0.99).toFixed(0).padStart(6)} ms  max ${Math.max(...ms).toFixed(0).padStart(6)} ms  errors ${list.filter((s) => !s.ok).length}`;
  };
  console.log(`api-load: ${ROOT}\n${READERS} readers while an ingest of ${ARTICLES} articles ran (${secs.toFixed(1)} s, exit ${ingestCode}), on a store of ${SEEDED}:`);
  console.log(line('all', samples));
  for (const kind of kinds) console.log(line(kind, samples.filter((s) => s.kind === kind)));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
