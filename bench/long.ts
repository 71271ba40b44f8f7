/**
 * Cost in article length: one long article (512 KB by default, articles joined with blank lines)
 * against the same text analysed as the separate articles it was made of, in the same run, warm.
 * Every stage should cost in proportion to the text: the ratio of the two per-KB costs is the figure
 * (issue 16: at most 1.3).
 *
 *   node --import tsx bench/long.ts [--kb 512] [--input FOLDER] [--rounds 3]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Analyzer } from '../src/analyze.js';
import { generateCorpus } from './corpus.js';

const { values } = parseArgs({ options: { kb: { type: 'string', default: '512' }, input: { type: 'string' }, rounds: { type: 'string', default: '3' } } });
const limit = Number(values.kb) * 1024;
const source = values.input
  ? readdirSync(values.input).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(path.join(values.input!, f), 'utf8'))
  : generateCorpus(Math.ceil(limit / 500)).map((a) => a.text);
const parts: string[] = [];
let size = 0;
for (const text of source) {
  if (size + text.length + 2 > limit) break;
  parts.push(text);
  size += text.length + 2;
}
const long = parts.join('\n\n');
const kb = Buffer.byteLength(long) / 1024;
const analyzer = new Analyzer();
const published = '2024-06-01';

// wall and CPU time (user + system of the process): on a shared machine the CPU time is the steadier
const seconds = (run: () => void) => {
  const t0 = process.hrtime.bigint(), c0 = process.cpuUsage();
  run();
  const c = process.cpuUsage(c0);
  return { wall: Number(process.hrtime.bigint() - t0) / 1e9, cpu: (c.user + c.system) / 1e6 };
};
const separate = () => { for (const [i, text] of parts.entries()) analyzer.analyze({ id: `part-${i}`, text, published }); };
const whole = () => { analyzer.analyze({ id: 'long', text: long, published }); };
// warm: models load and the JIT settles on both shapes of input
separate(); whole();
const ratios: number[] = [], cpuRatios: number[] = [];
for (let r = 0; r < Number(values.rounds); r++) {
  const tSeparate = seconds(separate), tWhole = seconds(whole);
  ratios.push(tWhole.wall / tSeparate.wall);
  cpuRatios.push(tWhole.cpu / tSeparate.cpu);
  console.log(`round ${r + 1}: ${parts.length} separate articles ${(1000 * tSeparate.wall / kb).toFixed(2)} ms/KB; one ${kb.toFixed(0)} KB article ${(1000 * tWhole.wall / kb).toFixed(2)} ms/KB; ` +
    `ratio ${(tWhole.wall / tSeparate.wall).toFixed(2)}, by CPU time ${(tWhole.cpu / tSeparate.cpu).toFixed(2)}`);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`long article / separate articles, per KB: ${median(ratios).toFixed(2)} by wall time, ${median(cpuRatios).toFixed(2)} by CPU time ` +
  `(median of ${ratios.length} rounds; target <= 1.3)`);
