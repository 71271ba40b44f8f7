/**
 * The command line as users run it: `dossier analyze --input X --jobs N` timed from the shell (start-up,
 * reading, analysis, writing the results) beside a bare wink-nlp script over the same texts
 * (bench/wink-bare.mjs, with wink's full pipe and with the pipe dossier runs), and the start-up of
 * `dossier --help` and of a one-line `dossier analyze`. Each round runs every command once, one after
 * another, so load from elsewhere slows them alike; the ratios are taken round by round.
 * Runs the compiled engine (bin/dossier.js): `npm run build` first.
 *
 *   node --import tsx bench/cli.ts [--input FOLDER|FILE.jsonl] [--articles N] [--jobs 1,2] [--rounds R]
 *
 * Without --input the corpus is N generated articles (bench/corpus.ts) written to a temporary .jsonl file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus.js';

const { values } = parseArgs({ options: {
  input: { type: 'string' }, articles: { type: 'string', default: '5000' }, jobs: { type: 'string', default: '1,2' },
  rounds: { type: 'string', default: '3' }, startups: { type: 'string', default: '7' },
} });
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(root, 'bin', 'dossier.js');
const winkScript = path.join(root, 'bench', 'wink-bare.mjs');
const work = mkdtempSync(path.join(tmpdir(), 'dossier-bench-cli-'));
const rounds = Number(values.rounds);

const input = values.input ? path.resolve(values.input) : path.join(work, 'corpus.jsonl');
if (!values.input) writeFileSync(input, generateCorpus(Number(values.articles)).map((a) => JSON.stringify(a)).join('\n'));
const texts = statSync(input).isDirectory()
  ? readdirSync(input).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(path.join(input, f), 'utf8'))
  : readFileSync(input, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text);
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const articles = texts.length;

/**
 * CPU time (user + system) of this process's finished children, from /proc (Linux; null elsewhere):
 * on a machine shared with other work a command's CPU time barely moves while its wall time doubles.
 */
function childrenCpu(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // cutime and cstime, the 16th and 17th fields of the line (counted from the pid), in clock ticks
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

/** Wall time of one run of a command, start-up included (and its CPU time in `cpuOf`). */
const cpuOf = new Map<string[], number[]>();
function wall(args: string[]): number {
  const c0 = childrenCpu();
  const t0 = process.hrtime.bigint();
  execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const t = Number(process.hrtime.bigint() - t0) / 1e9;
  const c1 = childrenCpu();
  if (c0 !== null && c1 !== null) cpuOf.set(args, [...cpuOf.get(args) ?? [], c1 - c0]);
  return t;
}
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Run { readonly label: string; readonly args: string[]; readonly times: number[] }
const out = path.join(work, 'out.jsonl');
const runs: Run[] = [
  { label: 'bare wink, full pipe', args: [winkScript, input, 'full'], times: [] },
  { label: "bare wink, dossier's pipe", args: [winkScript, input, 'dossier'], times: [] },
  ...values.jobs.split(',').map((j) => ({ label: `dossier analyze --jobs ${j}`, args: [bin, 'analyze', '--input', input, '--output', out, '--jobs', j], times: [] })),
];
// what a second thread can gain on this machine now: N threads each spinning through the same pure
// CPU work, timed in each round beside the commands. On a machine others share, the scheduler may give
// a process's second thread little (two cores, several busy users): then no pool can gain either.
const spinWork = 'let x = 0; for (let i = 0; i < 3e8; i++) x += i % 7; require("node:worker_threads").parentPort.postMessage(x);';
const spin = (threads: number) => ['-e', `const { Worker } = require('node:worker_threads'); for (let i = 0; i < ${threads}; i++) new Worker(${JSON.stringify(spinWork)}, { eval: true });`];
const spins: Run[] = jobLevels().map((j) => ({ label: `${j} thread(s) of pure CPU work`, args: spin(j), times: [] }));
function jobLevels(): number[] {
  return values.jobs.split(',').map(Number).filter((j) => Number.isInteger(j) && j > 0);
}
console.log(`corpus: ${articles} ${values.input ? `articles from ${values.input}` : 'generated articles'}, ${(bytes / 1e6).toFixed(2)} MB; ${rounds} rounds`);
for (let r = 0; r < rounds; r++) for (const run of [...runs, ...(spins.length > 1 ? spins : [])]) run.times.push(wall(run.args));

const [full, dossierPipe] = runs;
for (const run of runs) {
  const t = median(run.times);
  const ratios = (base: Run) => median(run.times.map((x, i) => base.times[i]! / x)).toFixed(3);
  console.log(`${run.label.padEnd(28)} ${(bytes / 1e6 / t).toFixed(3).padStart(7)} MB/s ${(articles / t).toFixed(1).padStart(8)} articles/s  ${t.toFixed(2).padStart(7)} s` +
    `   ratio to wink full ${ratios(full!)}, to wink's dossier pipe ${ratios(dossierPipe!)}`);
  const cpu = cpuOf.get(run.args), fullCpu = cpuOf.get(full!.args), pipeCpu = cpuOf.get(dossierPipe!.args);
  if (cpu && fullCpu && pipeCpu) {
    const cpuRatio = (base: number[]) => median(cpu.map((x, i) => base[i]! / x)).toFixed(3);
    console.log(`${''.padEnd(28)} CPU ${median(cpu).toFixed(2)} s; by CPU time, ratio to wink full ${cpuRatio(fullCpu)}, to wink's dossier pipe ${cpuRatio(pipeCpu)}`);
  }
}
const jobRuns = runs.slice(2);
for (const run of jobRuns.slice(1)) {
  const cpu = cpuOf.get(run.args), baseCpu = cpuOf.get(jobRuns[0]!.args);
  console.log(`${run.label} against --jobs ${jobRuns[0]!.args.at(-1)}: ${median(run.times.map((x, i) => jobRuns[0]!.times[i]! / x)).toFixed(2)}x by wall time` +
    (cpu && baseCpu ? `; CPU time ${median(cpu.map((x, i) => x / baseCpu[i]!)).toFixed(2)}x as much (the cost of the extra threads)` : ''));
}
for (const [i, run] of spins.entries()) {
  if (i === 0) continue;
  // N threads did N times the work of one: their speed-up is N times the ratio of the times
  const gain = median(run.times.map((x, r) => (jobLevels()[i]! * spins[0]!.times[r]!) / x));
  console.log(`the machine's gain from ${jobLevels()[i]} threads this run (pure CPU work, same rounds): ${gain.toFixed(2)}x; ` +
    `the --jobs ${jobLevels()[i]} gain above is to be read against it`);
}

// start-up: the smallest runs users make
const one = path.join(work, 'one.txt');
writeFileSync(one, 'The minister said on Monday that talks with Iran would resume next week.\n');
const startups = [
  { label: 'dossier --help', args: [bin, '--help'] },
  { label: 'dossier analyze (one line)', args: [bin, 'analyze', one] },
  { label: 'node -e 0 (node itself)', args: ['-e', '0'] },
];
for (const s of startups) {
  const times = Array.from({ length: Number(values.startups) }, () => wall(s.args));
  const cpu = cpuOf.get(s.args);
  console.log(`start-up: ${s.label.padEnd(28)} ${median(times).toFixed(3)} s (median of ${times.length}; min ${Math.min(...times).toFixed(3)})` +
    (cpu ? `; CPU ${median(cpu).toFixed(3)} s` : ''));
}
rmSync(work, { recursive: true, force: true });
