/**
 * `npm run bench`: throughput of the whole analysis beside bare wink-nlp tokenisation of the same
 * text, measured in the same run (machines are noisy; the ratio is what to compare), with peak RSS.
 * The corpus is generated (wire-style articles dense with quotes, dates and events) unless --input
 * names a folder of your own articles (.txt, one article each; a YYYY-MM-DD in a file name is taken
 * as its publication date).
 *
 *   node --import tsx bench/run.ts [--articles N] [--rounds R] [--input FOLDER]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { Analyzer } from '../src/analyze.js';
import { generateCorpus } from './corpus.js';

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

interface Measure { readonly label: string; readonly run: () => void; readonly times: number[] }
const measure = (label: string, run: () => void): Measure => ({ label, run, times: [] });
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
      const t0 = process.hrtime.bigint();
      m.run();
      m.times.push(Number(process.hrtime.bigint() - t0) / 1e9);
      sampleRss();
    }
  }
}

function report(m: Measure): number {
  const t = median(m.times);
  console.log(`${m.label.padEnd(34)} ${(bytes / 1e6 / t).toFixed(3).padStart(7)} MB/s ${(articles.length / t).toFixed(1).padStart(8)} articles/s   (median of ${rounds}, ${t.toFixed(2)} s)`);
  return t;
}

const nlp = winkNLP(model);
const its = nlp.its;
const analyzer = new Analyzer();
const names = analyzer.pipeline.stages.map((s) => s.name);

console.log(`corpus: ${articles.length} ${values.input ? `articles from ${values.input}` : 'generated articles'}, ${(bytes / 1e6).toFixed(2)} MB; stages: ${names.join(', ')}`);
const bare = measure('bare wink-nlp tokenisation', () => {
  for (const a of articles) nlp.readDoc(a.text).tokens().out(its.pos);
});
const full = measure('dossier analyze (whole pipeline)', () => {
  for (const a of articles) analyzer.analyze(a);
});
// each stage's cost: the time of the pipeline up to it, less the time up to the stage before
const prefixes = names.map((name, i) => {
  const prefix = new Analyzer({ stages: names.slice(0, i + 1), resources: analyzer.pipeline.resources });
  return measure(`  pipeline up to ${name}`, () => { for (const a of articles) prefix.analyzeDocument(a); });
});
runRounds([bare, full, ...prefixes]);

report(bare);
const fullTime = report(full);
let before = 0;
prefixes.forEach((p, i) => {
  const t = report(p);
  console.log(`    ${names[i]}: ${(((t - before) / fullTime) * 100).toFixed(0)}% of the whole`);
  before = t;
});
const ratios = bare.times.map((t, r) => t / full.times[r]!);
console.log(`ratio (analyze / bare tokenisation speed): ${median(ratios).toFixed(3)} (median of the ${rounds} rounds' ratios; ` +
  `range ${Math.min(...ratios).toFixed(3)}-${Math.max(...ratios).toFixed(3)})   target >= 0.25 (issue 3/5), >= 0.33 (issue 2 spine)`);
console.log(`peak RSS: ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
