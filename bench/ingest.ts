/**
 * Corpus-mode benchmark: ingest throughput (articles/s, MB/s) on a generated corpus (or the articles
 * of `--input`, e.g. PolNeAR train, the corpus issue 16's store size is measured on) with the
 * analyse-only throughput of the same articles beside it in the same run (the difference is what
 * the store costs), the database size per article, the throughput of re-ingesting the same corpus
 * (all known: fingerprinting only), and query latencies over the full corpus.
 *
 * The database's bytes are broken down by table and index (SQLite's dbstat), largest first.
 *
 *   node --import tsx bench/ingest.ts [--articles 10000 | --input PATH] [--keep DIR]
 */
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync, statSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Analyzer } from '../src/analyze.js';
import type { RawArticle } from '../src/ingest/article.js';
import { readArticles } from '../src/ingest/sources.js';
import { ingest, ingestSources } from '../src/store/ingest.js';
import { openStore } from '../src/store/store.js';
import { generateStories } from './story-corpus.js';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' }, input: { type: 'string' }, keep: { type: 'string' } } });
const dir = values.keep ?? mkdtempSync(path.join(tmpdir(), 'dossier-bench-'));
mkdirSync(dir, { recursive: true });
const corpusFile = path.join(dir, 'corpus.jsonl');
const dbFile = path.join(dir, 'bench.db');
for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });

const articles: readonly { readonly text: string }[] = values.input ? await readInput(values.input) : [...generateStories(Number(values.articles), 11)];
const count = articles.length;
// both phases read the same .jsonl file, whatever the input was
writeFileSync(corpusFile, articles.map((a) => JSON.stringify(a)).join('\n'));
const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0);
console.log(`corpus: ${count} ${values.input ? `articles of ${values.input}` : 'generated articles'}, ${(bytes / 1e6).toFixed(2)} MB of text, in ${corpusFile}`);

async function readInput(input: string): Promise<RawArticle[]> {
  const out: RawArticle[] = [];
  for await (const item of ingestSources([input])) {
    if (!item.ok) throw new Error(`cannot read ${item.origin}: ${item.error.message}`);
    out.push(item.article);
  }
  return out;
}

const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;
// CPU time (user + system of the process) beside wall time: on a shared machine the wall time of two
// phases run a minute apart can differ twofold from others' load alone, their CPU time hardly at all
const cpuSeconds = (since: NodeJS.CpuUsage) => { const u = process.cpuUsage(since); return (u.user + u.system) / 1e6; };
const rate = (label: string, secs: number, cpu?: number) =>
  console.log(`${label.padEnd(38)} ${(count / secs).toFixed(1).padStart(8)} articles/s ${(bytes / 1e6 / secs).toFixed(3).padStart(7)} MB/s   (${secs.toFixed(1)} s` +
    `${cpu === undefined ? '' : `; CPU ${cpu.toFixed(1)} s, ${(count / cpu).toFixed(1)} articles per CPU second`})`);

const analyzer = new Analyzer();
for (const a of articles.slice(0, 50)) analyzer.analyze(a); // warm-up: models load, JIT settles

// analyse only: the same reading path as ingest (the .jsonl file), no store
let t0 = process.hrtime.bigint();
let c0 = process.cpuUsage();
let analysed = 0;
for await (const item of readArticles(corpusFile)) if (item.ok) { analyzer.analyze(item.article); analysed++; }
const analyseSecs = seconds(t0), analyseCpu = cpuSeconds(c0);
if (analysed !== count) throw new Error(`analysed ${analysed} of ${count}`);
rate('analyse only (read + analyse)', analyseSecs, analyseCpu);

// the ingest's time includes closing the store, as the command's does: a close after an ingest that
// grew the store packs the file (SqliteStore.close)
let store = openStore(dbFile);
t0 = process.hrtime.bigint();
c0 = process.cpuUsage();
const tally = await ingest(store, { analyzer }, ingestSources([corpusFile]));
const t1 = process.hrtime.bigint();
store.close();
const closeSecs = seconds(t1);
const ingestSecs = seconds(t0), ingestCpu = cpuSeconds(c0);
if (tally.stored + tally.known !== count || tally.failed) throw new Error(`ingest lost articles: ${JSON.stringify(tally)}`);
rate('ingest (read + analyse + store + close)', ingestSecs, ingestCpu);
console.log(`of which closing the store ${closeSecs.toFixed(2)} s`);
console.log(`ingest / analyse only: ${(analyseSecs / ingestSecs).toFixed(2)}x by wall time, ${(analyseCpu / ingestCpu).toFixed(2)}x by CPU time (issue 16 asks >= 0.6)`);
// templated articles can come out nearly the same; the store rightly keeps one of such a pair
console.log(`stored ${tally.stored}, recognised as copies of stored ones ${tally.known}`);
console.log(`store share of ingest time: ${(((ingestSecs - analyseSecs) / ingestSecs) * 100).toFixed(0)}%`);

store = openStore(dbFile);
t0 = process.hrtime.bigint();
const again = await ingest(store, { analyzer }, ingestSources([corpusFile]));
if (again.known !== count || again.stored) throw new Error(`re-ingest stored again: ${JSON.stringify(again)}`);
rate('re-ingest (all already stored)', seconds(t0));

const stats = store.stats();
console.log(`stored: ${stats.articles} articles, ${stats.events} events, ${stats.happenings} happenings ` +
  `(${(stats.events / stats.happenings).toFixed(2)} reports each), ${stats.quotes} quotes`);
if (stats.articles !== tally.stored) throw new Error(`the store holds ${stats.articles} articles, ingest stored ${tally.stored}`);
store.close();
// where the bytes are: each table and index, largest first (the WAL is checkpointed by close)
{
  const db = new Database(dbFile, { readonly: true });
  const parts = db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC').all() as { name: string; bytes: number }[];
  db.close();
  console.log(`bytes per stored article by table/index: ${parts.filter((p) => p.bytes / stats.articles >= 64)
    .map((p) => `${p.name} ${(p.bytes / stats.articles / 1024).toFixed(2)} KB`).join(', ')}`);
}
const size = [dbFile, `${dbFile}-wal`].filter(existsSync).reduce((n, f) => n + statSync(f).size, 0);
console.log(`database: ${(size / 1e6).toFixed(1)} MB, ${(size / stats.articles / 1024).toFixed(2)} KB per stored article ` +
  `(text ${(bytes / count / 1024).toFixed(2)} KB per article)`);

const ro = openStore(dbFile, { readonly: true });
function latency(label: string, fn: () => unknown, runs = 30): void {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(52)} median ${times[Math.floor(runs / 2)]!.toFixed(2).padStart(7)} ms   p90 ${times[Math.floor(runs * 0.9)]!.toFixed(2).padStart(7)} ms`);
}
const series = ro.dyadSeries('IRN', 'USA');
console.log(`query latency over ${count} articles (IRN-USA series: ${series.length} days, ${series.reduce((n, p) => n + p.total, 0)} happenings):`);
latency('dyadSeries(IRN, USA)', () => ro.dyadSeries('IRN', 'USA'));
latency('dyadSeries(RUS, UKR, 2026-02-01..2026-03-31)', () => ro.dyadSeries('RUS', 'UKR', { from: '2026-02-01', to: '2026-03-31' }));
latency('happenings({dyad: IRN,USA, limit 50})', () => ro.happenings({ dyad: ['IRN', 'USA'] }));
latency('events({type: REJECT, limit 50})', () => ro.events({ type: 'REJECT' }));
latency('quotes({speaker: Lavrov})', () => ro.quotes({ speaker: 'Lavrov' }));
latency('search("detained sailors")', () => ro.search('"detained sailors"'));
latency('actorStories(Araghchi)', () => ro.actorStories('Araghchi'));
ro.close();
if (!values.keep) rmSync(dir, { recursive: true, force: true });
