/**
 * Where a one-line `dossier analyze` spends its start-up: each phase timed in a fresh process (the
 * module cache and the JIT cold, as a user meets them; bench/startup-child.mjs), the median of several
 * processes. Phases: importing the analyze command's modules, importing the engine (src/analyze.ts
 * and its stages), building each shared resource (Resources.once, by key: wink's model, the actor base,
 * lexicons), the pipeline's build in total, and the first analysis. Runs the compiled engine (dist/):
 * `npm run build` first. bench/cli.ts times the whole command from the shell.
 *
 *   node --import tsx bench/startup.ts [--runs N]
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** phase -> [wall ms, CPU ms] */
type Phases = Record<string, [number, number]>;
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const child = fileURLToPath(new URL('startup-child.mjs', import.meta.url));
const runs = Array.from({ length: Number(values.runs) }, () =>
  JSON.parse(execFileSync(process.execPath, [child], { encoding: 'utf8' })) as Phases);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`start-up phases of the compiled engine, median of ${runs.length} fresh processes (ms):`);
console.log(`${'wall'.padStart(7)}${'CPU'.padStart(7)}`);
const keys = [...new Set(runs.flatMap((r) => Object.keys(r)))];
const at = (key: string, i: 0 | 1) => median(runs.map((r) => r[key]?.[i] ?? 0)).toFixed(0);
for (const key of keys) console.log(`${at(key, 0).padStart(7)}${at(key, 1).padStart(7)}  ${key}`);
