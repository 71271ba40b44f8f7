/**
 * The events stage's own speed beside bare wink-nlp tokenisation of the same text (the bar:
 * at least a quarter of tokenisation speed). The documents are analysed once by the stages before
 * events; then the events stage alone runs over them, interleaved with tokenisation runs, and the
 * fastest run of each counts (on a shared machine the fastest is the least disturbed).
 *
 * A third line runs the stage as it was before the CAMEO dictionary and the type model (the project's
 * own lexicon, each candidate taken with its pattern's type) over the same documents, so that what
 * the dictionary and the model cost reads as a ratio of the same run. The steadiest form of that
 * ratio on a shared machine: the documents in chunks of CHUNK, the two stages run back to back on
 * each chunk (in alternating order), and the fastest CPU time of each stage on each chunk summed.
 *
 *   node --import tsx bench/events.ts [--articles N] [--rounds R]
 */
import { parseArgs } from 'node:util';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { Analyzer } from '../src/analyze.js';
import { Resources } from '../src/core/resources.js';
import { Lexicon } from '../src/stages/events/match.js';
import { TRIGGERS } from '../src/stages/events/triggers.js';
import { TypeModel } from '../src/stages/events/type-model.js';
import type { StageOutput } from '../src/core/stage.js';
import { generateCorpus } from './corpus.js';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '200' }, rounds: { type: 'string', default: '21' } } });
const articles = generateCorpus(Number(values.articles));
const rounds = Number(values.rounds);

const analyzer = new Analyzer();
const docs = articles.map((a) => analyzer.analyzeDocument(a));
const events = analyzer.pipeline.stages.find((s) => s.name === 'events');
if (!events) throw new Error('the events stage is not in the default pipeline');
// the stage's writes are discarded: the documents already hold their event layer
const discard: StageOutput = { add: () => 0, reserve: () => 0, fill: () => {}, diagnose: () => {} };
// the stage before the dictionary and the model: the own lexicon, the pattern's type taken as it is
const types = ['NONE', 'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];
const before = new Resources();
before.once('events.lexicon', () => new Lexicon(TRIGGERS));
before.once('events.type-model', () => new TypeModel({ classes: types, weights: Object.fromEntries(types.map((t, k) => [`lex=${t}`, [k, 1]])) }));
const eventsBefore = new Analyzer({ resources: before }).pipeline.stages.find((s) => s.name === 'events')!;
const nlp = winkNLP(model);
const its = nlp.its;

/** CPU milliseconds (user + system) of the process since `c`: on a shared machine wall time moves with others' load. */
const cpuSince = (c: NodeJS.CpuUsage) => { const d = process.cpuUsage(c); return (d.user + d.system) / 1000; };
// the fastest run of each, by wall time and by CPU time
const wall = { stage: Infinity, bare: Infinity, old: Infinity };
const cpu = { stage: Infinity, bare: Infinity, old: Infinity };
/** each round's CPU time of the stage over that of the stage before the dictionary: neighbours in time share the machine's load */
const roundRatios: number[] = [];
const time = (key: keyof typeof wall, r: number, work: () => void): number => {
  const t0 = performance.now(), c0 = process.cpuUsage();
  work();
  const used = cpuSince(c0);
  if (r === 0) return used;
  wall[key] = Math.min(wall[key], performance.now() - t0);
  cpu[key] = Math.min(cpu[key], used);
  return used;
};
for (let r = 0; r <= rounds; r++) {
  const o = time('old', r, () => { for (const d of docs) eventsBefore.run(d, discard); });
  const n = time('stage', r, () => { for (const d of docs) events.run(d, discard); });
  if (r > 0) roundRatios.push(n / o);
  time('bare', r, () => { for (const a of articles) nlp.readDoc(a.text).tokens().out(its.pos); });
}
/** Documents a chunk: a few milliseconds of work, short enough that both stages of a pair see the same load. */
const CHUNK = 10;
const chunkFastest = { stage: [] as number[], old: [] as number[] };
for (let r = 0; r < rounds; r++) {
  for (let k = 0, c = 0; k < docs.length; k += CHUNK, c++) {
    const chunk = docs.slice(k, k + CHUNK);
    const order = (r + c) % 2 ? (['old', 'stage'] as const) : (['stage', 'old'] as const);
    for (const key of order) {
      const stageRun = key === 'old' ? eventsBefore : events;
      const c0 = process.cpuUsage();
      for (const d of chunk) stageRun.run(d, discard);
      chunkFastest[key][c] = Math.min(chunkFastest[key][c] ?? Infinity, cpuSince(c0));
    }
  }
}
const summed = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
roundRatios.sort((a, b) => a - b);
const medianRatio = roundRatios[Math.floor(roundRatios.length / 2)]!;
const { stage, bare, old } = wall;
console.log(`${docs.length} articles: events stage ${(stage / docs.length).toFixed(3)} ms/article, bare tokenisation ${(bare / docs.length).toFixed(3)} ms/article`);
console.log(`events speed / tokenisation speed: ${(bare / stage).toFixed(2)} (bar >= 0.25); by CPU time ${(cpu.bare / cpu.stage).toFixed(2)}`);
console.log(`before the dictionary and the model: events stage ${(old / docs.length).toFixed(3)} ms/article, speed / tokenisation speed ${(bare / old).toFixed(2)}; now ${(stage / old).toFixed(2)}x its time, by CPU time ${(cpu.stage / cpu.old).toFixed(2)}x, median of the rounds' CPU ratios ${medianRatio.toFixed(2)}x (bar <= 1.10)`);
console.log(`chunks of ${CHUNK} articles, each stage's fastest CPU time on each summed: now ${(summed(chunkFastest.stage) / summed(chunkFastest.old)).toFixed(2)}x the stage before the dictionary and the model (bar <= 1.10)`);
