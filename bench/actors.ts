/**
 * `node --import tsx --expose-gc bench/actors.ts [--articles N] [--rounds R]`: the actor base with
 * and without the converted dictionaries (data/actors/dictionaries.json): entries, the time to build
 * the base and the memory it holds (each measured in a fresh process, so nothing else is loaded), and
 * analyse throughput of the whole pipeline with each base, in rounds in the same process (the ratio
 * is what to compare: machines are noisy).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readDictionaryLayer, SHIPPED_ACTOR_FILES, type ActorFile } from '../src/actors/index.js';
import { Analyzer } from '../src/analyze.js';
import { Resources } from '../src/core/resources.js';
import { generateCorpus } from './corpus.js';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '200' }, rounds: { type: 'string', default: '5' }, child: { type: 'string' } } });

/** In a child: build the base (with or without the dictionaries), print the build time and the memory it added. */
if (values.child) {
  const { actorBaseOf } = await import('../src/actors/index.js');
  (globalThis as { gc?: () => void }).gc?.();
  const rss0 = process.memoryUsage().rss, heap0 = process.memoryUsage().heapUsed;
  const t0 = process.hrtime.bigint();
  const base = actorBaseOf(new Resources({ dictionaries: values.child === 'with' }));
  base.resolve('Iranian Foreign Minister Javad Zarif', { date: '2018-08-01' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  (globalThis as { gc?: () => void }).gc?.();
  process.stdout.write(JSON.stringify({ ms, rss: process.memoryUsage().rss - rss0, heap: process.memoryUsage().heapUsed - heap0 }));
  process.exit(0);
}

const entries = (files: readonly ActorFile[]) => files.reduce((n, f) => n + [f.countries, f.places, f.igos, f.organisations, f.outlets, f.people, f.sectorWords, f.modifiers]
  .reduce((m, l) => m + (l?.length ?? 0), 0), 0);
const words = (files: readonly ActorFile[]) => files.reduce((n, f) => n + (f.sectorWords ?? []).reduce((m, w) => m + w.words.length, 0), 0);
const today = SHIPPED_ACTOR_FILES, dictionaries = [readDictionaryLayer()];

const here = fileURLToPath(import.meta.url);
const build = (variant: string) => {
  const runs = [0, 1, 2].map(() => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--expose-gc', here, '--child', variant], { encoding: 'utf8' })) as { ms: number; rss: number; heap: number });
  const mid = (k: 'ms' | 'rss' | 'heap') => runs.map((r) => r[k]).sort((a, b) => a - b)[1]!;
  return { ms: mid('ms'), rss: mid('rss'), heap: mid('heap') };
};
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const before = build('without'), after = build('with');
console.log(`actor base today (hand-written):      ${entries(today)} entries (${words(today)} sector words); built in ${before.ms.toFixed(0)} ms, heap +${mb(before.heap)}, RSS +${mb(before.rss)}`);
console.log(`actor base with the dictionaries:     ${entries([...today, ...dictionaries])} entries (${words([...today, ...dictionaries])} sector words); built in ${after.ms.toFixed(0)} ms, heap +${mb(after.heap)}, RSS +${mb(after.rss)}`);
console.log(`start-up cost of the dictionaries (paid on the first resolution, not at import): ${(after.ms - before.ms).toFixed(0)} ms   target <= 150 ms`);

const articles = generateCorpus(Number(values.articles));
const rounds = Number(values.rounds);
const withBase = new Analyzer({ resources: new Resources() });
const withoutBase = new Analyzer({ resources: new Resources({ dictionaries: false }) });
const times: Record<'with' | 'without', number[]> = { with: [], without: [] };
for (let warm = 0; warm < 2; warm++) for (const a of articles) { withBase.analyze(a); withoutBase.analyze(a); }
for (let r = 0; r < rounds; r++) {
  for (const [k, an] of [['without', withoutBase], ['with', withBase]] as const) {
    const t0 = process.hrtime.bigint();
    for (const a of articles) an.analyze(a);
    times[k].push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
}
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ratio = median(times.without.map((t, r) => t / times.with[r]!));
console.log(`analyse throughput, ${articles.length} articles: without ${(articles.length / median(times.without)).toFixed(1)} articles/s, with ${(articles.length / median(times.with)).toFixed(1)} articles/s; ` +
  `speed with / without ${ratio.toFixed(3)} (median of ${rounds} rounds' ratios)   target >= 0.90`);
