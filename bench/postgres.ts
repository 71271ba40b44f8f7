/**
 * The PostgreSQL engine beside SQLite, in one run (machines are noisy: compare within a run).
 *
 * 1. Ingest throughput: the same generated stories (bench/story-corpus.ts) ingested by one
 *    `dossier ingest` process into SQLite, and queued into PostgreSQL (`ingest --queue`) for 1, 2
 *    and 4 `dossier worker` processes; articles/s over the whole job, start-up included.
 * 2. Query latency on a large corpus: --corpus N articles (default 100,000) written straight into
 *    a SQLite store's tables with what ingest would make of templated reports (who did what to whom;
 *    a third report the happening before) instead of running the analysis, which would take hours
 *    (writeTemplated); the store then copied to PostgreSQL as `dossier migrate` does. Median latency of a dyad series and of
 *    happening queries on each engine.
 *
 *   npm run build && node --import tsx bench/postgres.ts [--articles N] [--corpus N] [--workers 1,2,4] [--pg URL]
 *
 * Needs a PostgreSQL server (default postgres://postgres@127.0.0.1:5432/test, where it creates and
 * drops its own databases).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { deflateRawSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { copyCorpus } from '../src/store/copy.js';
import type { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { openStore, type Store } from '../src/store/store.js';
import { ENGINE_VERSION } from '../src/version.js';
import { random, storiesJsonl } from './story-corpus.js';

const { values } = parseArgs({ options: {
  articles: { type: 'string', default: '120' }, corpus: { type: 'string', default: '100000' },
  pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' }, workers: { type: 'string', default: '1,2,4' },
} });
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = path.join(ROOT, 'bin/dossier.js');
const dir = mkdtempSync(path.join(tmpdir(), 'dossier-bench-pg-'));
const databases: string[] = [];

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: values.pg });
  await c.connect();
  try { await c.query(sql); } finally { await c.end(); }
}

async function createDatabase(): Promise<string> {
  const name = `dossier_bench_${process.pid}_${databases.length}`;
  await admin(`CREATE DATABASE ${name}`);
  databases.push(name);
  const url = new URL(values.pg);
  url.pathname = `/${name}`;
  return url.href;
}

function dossier(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`dossier ${args[0]} exited ${code}: ${err}`))));
  });
}

const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;

async function ingestThroughput(): Promise<void> {
  const n = Number(values.articles);
  const corpus = path.join(dir, 'stories.jsonl');
  writeFileSync(corpus, storiesJsonl(n, 5));
  console.log(`ingest of ${n} generated stories (articles/s over the whole job, process start-up included)`);
  let t0 = process.hrtime.bigint();
  await dossier(['ingest', corpus, '--db', path.join(dir, 'ingest.db')]);
  const sqlite = n / seconds(t0);
  console.log(`  SQLite, one process              ${sqlite.toFixed(1).padStart(7)} articles/s`);
  for (const k of values.workers.split(',').map(Number)) {
    const url = await createDatabase();
    t0 = process.hrtime.bigint();
    await dossier(['ingest', corpus, '--db', url, '--queue']);
    await Promise.all(Array.from({ length: k }, () => dossier(['worker', '--db', url, '--exit-when-empty'])));
    const rate = n / seconds(t0);
    console.log(`  PostgreSQL, ${k} worker${k > 1 ? 's' : ' '}             ${rate.toFixed(1).padStart(7)} articles/s   (${(rate / sqlite).toFixed(2)} x SQLite)`);
  }
}

// ---- a large corpus without analysis -------------------------------------------------------------

const PARTIES: readonly [string, string, string][] = [
  ['Iran', 'IRN', 'Abbas Araghchi'], ['the United States', 'USA', 'Marco Rubio'], ['Russia', 'RUS', 'Sergei Lavrov'],
  ['Ukraine', 'UKR', 'Andrii Sybiha'], ['China', 'CHN', 'Wang Yi'], ['India', 'IND', 'Subrahmanyam Jaishankar'],
  ['Pakistan', 'PAK', 'Ishaq Dar'], ['Israel', 'ISR', 'Gideon Saar'], ['Turkey', 'TUR', 'Hakan Fidan'],
  ['France', 'FRA', 'Jean-Noel Barrot'], ['Germany', 'DEU', 'Johann Wadephul'], ['Egypt', 'EGY', 'Badr Abdelatty'],
];
const ACTS: readonly [string, string, number, number][] = [
  // PLOVER type, trigger, quad class, score
  ['REJECT', 'rejected', 3, -4], ['ACCUSE', 'accused', 3, -2], ['THREATEN', 'threatened', 3, -6], ['CONSULT', 'met', 1, 1],
  ['SUPPORT', 'praised', 1, 3.5], ['AID', 'offered aid to', 2, 7], ['DEMAND', 'demanded', 3, -5], ['SANCTION', 'imposed tariffs on', 4, -8],
];
const OUTLETS = ['Gulf Wire', 'Daily Ledger', 'Evening Post', 'Continental Times', 'Harbour Herald', 'Capital Dispatch'];
const QUOTES = [
  'We will not accept any agreement that ignores our legitimate security interests',
  'The door to dialogue remains open, but patience is not unlimited',
  'These measures are a direct response to repeated provocations',
  'There can be no lasting peace without respect for international law',
];

/**
 * Writes `count` templated articles straight into the SQLite store's tables, with what ingest would
 * have made of them: one event each (who did what to whom, from the templates), a third of them a
 * second report of the happening before (another outlet, a day later), merged into it as the
 * happening merger would. Going through Store.addArticle costs minutes per ten thousand articles on
 * a busy machine, as the merger looks at every happening of the actor in the window; this part
 * measures queries, not writing.
 */
function writeTemplated(store: SqliteStore, count: number): void {
  const rnd = random(7);
  const db = store.db;
  const insertArticle = db.prepare(`INSERT INTO article (rowid, id, source_id, title, outlet, url, published, content_hash, signature, ingested_at,
    n_events, n_attributions, n_entities, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, 1, 0, 0, ?)`);
  const insertText = db.prepare('INSERT INTO article_fts (rowid, title, text) VALUES (?, ?, ?)');
  const insertHappening = db.prepare(`INSERT INTO happening (rowid, type, mode, modality, date, date_min, date_max, actor_json, recipient_json,
    quad, score, cameo, stems, n_reports, n_sources, context) VALUES (?, ?, NULL, 'asserted', ?, ?, ?, ?, ?, ?, ?, NULL, ?, 1, 1, '')`);
  const joinHappening = db.prepare('UPDATE happening SET date_max = ?, n_reports = n_reports + 1, n_sources = n_sources + 1 WHERE rowid = ?');
  const insertParty = db.prepare('INSERT INTO happening_actor (happening_rowid, role, name, country, code, key, last) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertEvent = db.prepare(`INSERT INTO event (rowid, article_rowid, idx, type, mode, modality, date, quad, score, cameo, trigger, sentence,
    confidence, actor_json, recipient_json, happening_rowid) VALUES (?, ?, 0, ?, NULL, 'asserted', ?, ?, ?, NULL, ?, ?, 1, ?, ?, ?)`);
  const insertEventParty = db.prepare('INSERT INTO event_actor (event_rowid, role, name, country, code, last) VALUES (?, ?, ?, ?, ?, ?)');
  const ingestedAt = new Date().toISOString();
  let prev: { a: number; b: number; act: number; day: number; happening: number } | null = null;
  let happenings = 0;
  db.transaction(() => {
    for (let i = 1; i <= count; i++) {
      const repeat: boolean = prev !== null && rnd() < 0.33;
      const a: number = repeat ? prev!.a : Math.floor(rnd() * PARTIES.length);
      let b: number = repeat ? prev!.b : Math.floor(rnd() * PARTIES.length);
      if (b === a) b = (a + 1) % PARTIES.length;
      const act: number = repeat ? prev!.act : Math.floor(rnd() * ACTS.length);
      const day: number = repeat ? prev!.day : Math.floor(rnd() * 3 * 365);
      const [aName, aCode, aLeader] = PARTIES[a]!, [bName, bCode] = PARTIES[b]!, [type, trigger, quad, score] = ACTS[act]!;
      const date = new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
      const published = new Date(Date.UTC(2024, 0, 1) + (day + (repeat ? 1 : 0)) * 86_400_000).toISOString().slice(0, 10);
      const lead = `${aName[0]!.toUpperCase()}${aName.slice(1)} ${trigger} ${bName}, officials said (report ${i}).`;
      const text = `${lead}\n\n"${QUOTES[i % QUOTES.length]}," ${aLeader} said.`;
      const outlet = OUTLETS[(i + (repeat ? 1 : 0)) % OUTLETS.length]!;
      const actor = [{ name: aName, country: aCode, sector: 'GOV' }], recipient = [{ name: bName, country: bCode, sector: 'GOV' }];
      const id = i.toString(16).padStart(16, '0');
      const result = { article: { id: `big-${i}`, text: '', published, outlet, url: null, title: lead }, attributions: [], events: [], entities: [],
        dates: [], sentences: [], diagnostics: [], engine: { name: 'dossier', version: ENGINE_VERSION, stages: [] } };
      insertArticle.run(i, id, `big-${i}`, lead, outlet, `https://news.example/${i}`, published, id.padEnd(64, '0'), ingestedAt,
        deflateRawSync(JSON.stringify(result)));
      insertText.run(i, lead, text);
      let happening: number;
      if (repeat) {
        happening = prev!.happening;
        joinHappening.run(published, happening);
      } else {
        happening = ++happenings;
        insertHappening.run(happening, type, date, date, date, JSON.stringify(actor), JSON.stringify(recipient), quad, score, trigger.slice(0, 5));
        for (const [role, name, code] of [['a', aName, aCode], ['r', bName, bCode]] as const) {
          insertParty.run(happening, role, name.toLowerCase(), code, `${code}GOV`, code, name.toLowerCase().split(' ').pop());
        }
      }
      insertEvent.run(i, i, type, date, quad, score, trigger, lead, JSON.stringify(actor), JSON.stringify(recipient), happening);
      insertEventParty.run(i, 'a', aName.toLowerCase(), aCode, `${aCode}GOV`, aName.toLowerCase().split(' ').pop());
      insertEventParty.run(i, 'r', bName.toLowerCase(), bCode, `${bCode}GOV`, bName.toLowerCase().split(' ').pop());
      prev = { a, b, act, day, happening };
    }
  })();
}

function latency(label: string, stores: [string, Store][], query: (s: Store) => unknown): void {
  const cells = stores.map(([, s]) => {
    query(s);
    const times: number[] = [];
    for (let r = 0; r < 15; r++) {
      const t0 = process.hrtime.bigint();
      query(s);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    return times.sort((x, y) => x - y)[7]!;
  });
  console.log(`  ${label.padEnd(44)} ${cells.map((ms, i) => `${stores[i]![0]} ${ms.toFixed(1).padStart(7)} ms`).join('   ')}`);
}

async function queryLatency(): Promise<void> {
  const n = Number(values.corpus);
  const sqlite = openStore(path.join(dir, 'big.db')) as SqliteStore;
  let t0 = process.hrtime.bigint();
  writeTemplated(sqlite, n);
  console.log(`\nlarge corpus: ${n} templated articles written into SQLite's tables in ${seconds(t0).toFixed(0)} s (no analysis): ` +
    `${JSON.stringify(sqlite.stats())}`);
  sqlite.db.pragma('optimize');
  const url = await createDatabase();
  const postgres = openStore(url);
  t0 = process.hrtime.bigint();
  copyCorpus(sqlite, postgres);
  await admin(`ANALYZE`);
  console.log(`  copied to PostgreSQL (dossier migrate) in ${seconds(t0).toFixed(0)} s`);
  const stores: [string, Store][] = [['SQLite', sqlite], ['PostgreSQL', postgres]];
  console.log('median latency of 15 runs:');
  latency('dyad series IRN-USA (3 years)', stores, (s) => s.dyadSeries('IRN', 'USA'));
  latency('dyad series IRN-USA, one quarter', stores, (s) => s.dyadSeries('IRN', 'USA', { from: '2025-01-01', to: '2025-03-31' }));
  latency('happenings of a dyad, first page of 50', stores, (s) => s.happenings({ dyad: ['IRN', 'USA'], limit: 50 }));
  latency('happenings of a type in a month, first 50', stores, (s) => s.happenings({ type: 'REJECT', from: '2025-06-01', to: '2025-06-30', limit: 50 }));
  latency('one happening with its reports', stores, (s) => s.happening('h5000'));
  latency('full-text search "patience", first 50', stores, (s) => s.search('patience', { limit: 50 }));
  sqlite.close();
  postgres.close();
}

try {
  if (Number(values.articles) > 0) await ingestThroughput();
  if (Number(values.corpus) > 0) await queryLatency();
} finally {
  for (const name of databases) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  rmSync(dir, { recursive: true, force: true });
}
