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

function time(label: string, fn: () => void): number {
  fn(); // warm-up: loads models, fills caches, lets the JIT settle
  const runs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    runs.push(Number(process.hrtime.bigint() - t0) / 1e9);
    sampleRss();
  }
  runs.sort((a, b) => a - b);
  const median = runs[Math.floor(runs.length / 2)]!;
  console.log(`${label.padEnd(34)} ${(bytes / 1e6 / median).toFixed(3).padStart(7)} MB/s ${(articles.length / median).toFixed(1).padStart(8)} articles/s   (median of ${rounds}, ${median.toFixed(2)} s)`);
  return median;
}

const nlp = winkNLP(model);
const its = nlp.its;
const analyzer = new Analyzer();

console.log(`corpus: ${articles.length} ${values.input ? `articles from ${values.input}` : 'generated articles'}, ${(bytes / 1e6).toFixed(2)} MB; stages: ${analyzer.pipeline.stages.map((s) => s.name).join(', ')}`);
const bare = time('bare wink-nlp tokenisation', () => {
  for (const a of articles) nlp.readDoc(a.text).tokens().out(its.pos);
});
const full = time('dossier analyze (whole pipeline)', () => {
  for (const a of articles) analyzer.analyze(a);
});
// each stage's cost: the time of the pipeline up to it, less the time up to the stage before
const names = analyzer.pipeline.stages.map((s) => s.name);
let before = 0;
for (let i = 0; i < names.length; i++) {
  const prefix = new Analyzer({ stages: names.slice(0, i + 1), resources: analyzer.pipeline.resources });
  const t = time(`  pipeline up to ${names[i]}`, () => { for (const a of articles) prefix.analyzeDocument(a); });
  console.log(`    ${names[i]}: ${(((t - before) / full) * 100).toFixed(0)}% of the whole`);
  before = t;
}
console.log(`ratio (analyze / bare tokenisation speed): ${(bare / full).toFixed(3)}   target >= 0.25 (issue 3/5), >= 0.33 (issue 2 spine)`);
console.log(`peak RSS: ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
