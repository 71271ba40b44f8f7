/**
 * `npm run bench`: throughput of the whole analysis beside bare wink-nlp on the same text, measured in
 * the same run (machines are noisy; the ratio is what to compare), with peak RSS. wink is timed with
 * the pipe dossier runs (sentences and part of speech) and with its full default pipe. Cold figures
 * come first: the first pass over the corpus in this process (the JIT not yet warm), which is what a
 * one-off batch pays; then warm rounds. Start-up (loading the engine and its models) is timed apart.
 * The command line as users run it, with process start-up, is bench/cli.ts.
 * The corpus is generated (wire-style articles dense with quotes, dates and events) unless --input
 * names a folder of your own articles (.txt, one article each; a YYYY-MM-DD in a file name is taken
 * as its publication date).
 *
 *   node --import tsx bench/run.ts [--articles N] [--rounds R] [--input FOLDER]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus.js';

// start-up: wink and its model alone, then the engine's modules (through tsx here: bench/cli.ts times
// the compiled command), then its models and tables (the first Analyzer builds them)
let t0 = process.hrtime.bigint();
const { default: winkNLP } = await import('wink-nlp');
const { default: model } = await import('wink-eng-lite-web-model');
const winkImport = seconds(t0);
t0 = process.hrtime.bigint();
const { Analyzer } = await import('../src/analyze.js');
const { WINK_PIPE } = await import('../src/stages/tokens/nlp.js');
const engineImport = seconds(t0);
t0 = process.hrtime.bigint();
const startupAnalyzer = new Analyzer();
startupAnalyzer.analyze({ text: 'The minister said on Monday that talks would resume.', published: '2024-01-01' });
const engineStartup = seconds(t0);

function seconds(from: bigint): number {
  return Number(process.hrtime.bigint() - from) / 1e9;
}

const { values } = parseArgs({ options: {
  articles: { type: 'string', default: '400' }, rounds: { type: 'string', default: '5' }, input: { type: 'string' },
} });
const articles = values.input ? readFolder(values.input) : generateCorpus(Number(values.articles));
const rounds = Number(values.rounds);

function readFolder(folder: string) {
  const files = readdirSync(folder).filter((f) => f.endsWith('.txt')).sort();
  if (!files.length) throw new Error(`bench: no .txt articles in ${folder}`);
  // a date in the file name ("outlet_2016-09-12_title.txt") stands for the publication date
  return files.map((f) => ({ id: f, text: readFileSync(path.join(folder, f), 'utf8'), published: /\d{4}-\d{2}-\d{2}/.exec(f)?.[0] ?? null }));
}
const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0);

let peakRss = process.memoryUsage().rss;
const sampleRss = () => { peakRss = Math.max(peakRss, process.memoryUsage().rss); };

/**
 * Each run's wall time and its CPU time (user + system of the whole process, so the garbage
 * collector's helper threads count). On a machine shared with other work the CPU time barely moves
 * while the wall time doubles; ratios are given by both.
 */
interface Measure { readonly label: string; readonly run: () => void; readonly times: number[]; readonly cpu: number[] }
const measure = (label: string, run: () => void): Measure => ({ label, run, times: [], cpu: [] });
const cpuSeconds = (since: NodeJS.CpuUsage) => { const u = process.cpuUsage(since); return (u.user + u.system) / 1e6; };
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Runs every measure a few times to warm up (models load, caches fill, the JIT settles), then in rounds,
 * one after another within each round: a burst of load from elsewhere then slows neighbours alike
 * instead of one measure, and the ratio of two measures is taken round by round.
 */
function runRounds(measures: readonly Measure[]): void {
  // the JIT needs a few passes over the whole pipeline before its times settle
  for (let warm = 0; warm < 3; warm++) for (const m of measures) m.run();
  for (let r = 0; r < rounds; r++) {
    for (const m of measures) {
      const t0 = process.hrtime.bigint(), c0 = process.cpuUsage();
      m.run();
      m.times.push(Number(process.hrtime.bigint() - t0) / 1e9);
      m.cpu.push(cpuSeconds(c0));
      sampleRss();
    }
  }
}

const rate = (t: number) => `${(bytes / 1e6 / t).toFixed(3).padStart(7)} MB/s ${(articles.length / t).toFixed(1).padStart(8)} articles/s`;

function report(m: Measure): number {
  const t = median(m.times);
  console.log(`${m.label.padEnd(40)} ${rate(t)}   (median of ${rounds}, ${t.toFixed(2)} s; CPU ${median(m.cpu).toFixed(2)} s)`);
  return t;
}

/** The median over rounds of one measure's speed relative to another's (how many times as fast as `base` it runs). */
function ratio(m: Measure, base: Measure, by: 'times' | 'cpu' = 'times'): { median: number; min: number; max: number } {
  const rs = base[by].map((t, r) => t / m[by][r]!);
  return { median: median(rs), min: Math.min(...rs), max: Math.max(...rs) };
}

// wink as dossier runs it (WINK_PIPE), and wink's full default pipe; each its own instance
const winkOurs = winkNLP(model, [...WINK_PIPE]);
const winkFull = winkNLP(model);
const analyzer = startupAnalyzer;
const names = analyzer.pipeline.stages.map((s) => s.name);

console.log(`corpus: ${articles.length} ${values.input ? `articles from ${values.input}` : 'generated articles'}, ${(bytes / 1e6).toFixed(2)} MB; stages: ${names.join(', ')}`);
console.log(`start-up in this process: wink-nlp and its model imported in ${winkImport.toFixed(2)} s; the engine's other modules ` +
  `${engineImport.toFixed(2)} s; its first Analyzer and one article ${engineStartup.toFixed(2)} s`);
const bare = measure(`bare wink-nlp, dossier's pipe (${WINK_PIPE.join(', ')})`, () => {
  for (const a of articles) winkOurs.readDoc(a.text).tokens().out(winkOurs.its.pos);
});
const bareFull = measure('bare wink-nlp, full pipe', () => {
  for (const a of articles) winkFull.readDoc(a.text).tokens().out(winkFull.its.pos);
});
const full = measure('dossier analyze (whole pipeline)', () => {
  for (const a of articles) analyzer.analyze(a);
});
// the same pipeline with the attributions' sequence tagger switched off (its own resources: the
// tagger is a resource), so the tagger's cost is read off the same rounds
const { Resources } = await import('../src/core/resources.js');
const untaggedResources = new Resources();
untaggedResources.once('attributions.sequenceTagger', () => null);
const untaggedAnalyzer = new Analyzer({ resources: untaggedResources });
const untagged = measure('  dossier analyze, no sequence tagger', () => {
  for (const a of articles) untaggedAnalyzer.analyze(a);
});

// cold: one pass each, before any warm-up, in the order a user meets them
const cold = [bare, bareFull, full].map((m) => { const t = process.hrtime.bigint(), c = process.cpuUsage(); m.run(); return { wall: seconds(t), cpu: cpuSeconds(c) }; });
console.log('cold (first pass in this process):');
for (const [i, m] of [bare, bareFull, full].entries()) console.log(`  ${m.label.padEnd(38)} ${rate(cold[i]!.wall)}   (${cold[i]!.wall.toFixed(2)} s; CPU ${cold[i]!.cpu.toFixed(2)} s)`);
console.log(`  ratio, cold: ${(cold[0]!.wall / cold[2]!.wall).toFixed(3)} of wink's same pipe, ${(cold[1]!.wall / cold[2]!.wall).toFixed(3)} of wink's full pipe; ` +
  `by CPU time ${(cold[0]!.cpu / cold[2]!.cpu).toFixed(3)} and ${(cold[1]!.cpu / cold[2]!.cpu).toFixed(3)}`);

// each stage's cost: the time of the pipeline up to it, less the time up to the stage before
const prefixes = names.map((name, i) => {
  const prefix = new Analyzer({ stages: names.slice(0, i + 1), resources: analyzer.pipeline.resources });
  return measure(`  pipeline up to ${name}`, () => { for (const a of articles) prefix.analyzeDocument(a); });
});
runRounds([bare, bareFull, full, untagged, ...prefixes]);

console.log('warm:');
report(bare);
report(bareFull);
const fullTime = report(full);
const untaggedTime = report(untagged);
console.log(`    the sequence tagger: ${(((fullTime - untaggedTime) / fullTime) * 100).toFixed(1)}% of the whole`);
let before = 0;
prefixes.forEach((p, i) => {
  const t = report(p);
  console.log(`    ${names[i]}: ${(((t - before) / fullTime) * 100).toFixed(0)}% of the whole`);
  before = t;
});
for (const [base, target] of [[bare, ''], [bareFull, '   target >= 0.5 (issue 16)']] as const) {
  const r = ratio(full, base), c = ratio(full, base, 'cpu');
  console.log(`ratio, warm (analyze / ${base.label}): ${r.median.toFixed(3)} (median of the ${rounds} rounds' ratios; ` +
    `range ${r.min.toFixed(3)}-${r.max.toFixed(3)}); by CPU time ${c.median.toFixed(3)} (range ${c.min.toFixed(3)}-${c.max.toFixed(3)})${target}`);
}
console.log(`peak RSS: ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
