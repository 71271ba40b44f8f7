/**
 * The command line as users run it: `dossier analyze --input X --jobs N` timed from the shell (start-up,
 * reading, analysis, writing the results; every run cold, in a fresh process) beside a bare wink-nlp
 * script over the same texts (bench/wink-bare.mjs, with wink's full pipe and with the pipe dossier runs),
 * and the start-up of `dossier --help` and of a one-line `dossier analyze`. Each round runs every command
 * once, one after another, so load from elsewhere slows them alike; the ratios are taken round by round.
 * Runs the compiled engine (bin/dossier.js): `npm run build` first.
 *
 *   node --import tsx bench/cli.ts [--input FOLDER|FILE.jsonl | --generate N [--as dir|jsonl]]
 *                                  [--jobs 1,2] [--rounds R] [--skip-wink] [--startups S]
 *
 * Without --input the corpus is N generated articles (bench/corpus.ts, default 5,000) written to a
 * temporary folder of .txt files with front matter (`--as jsonl`: one .jsonl file).
 *
 * Beside each run's wall time it prints its CPU time, and how much of that the main thread took: with
 * --jobs 1 the main thread is the one that analyses, while V8 compiles hot functions and collects
 * garbage on its helper threads, on the other core. What a second thread can gain is measured in the
 * same rounds: N threads spinning through the same pure CPU work (the machine's ceiling for --jobs N).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { frontMatterText, generateCorpus } from './corpus.js';

const { values } = parseArgs({ options: {
  input: { type: 'string' }, generate: { type: 'string', default: '5000' }, as: { type: 'string', default: 'dir' },
  articles: { type: 'string' }, jobs: { type: 'string', default: '1,2' }, rounds: { type: 'string', default: '3' },
  startups: { type: 'string', default: '7' }, 'skip-wink': { type: 'boolean', default: false },
  spin: { type: 'string', default: '2e9' },
} });
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(root, 'bin', 'dossier.js');
const winkScript = path.join(root, 'bench', 'wink-bare.mjs');
const work = mkdtempSync(path.join(tmpdir(), 'dossier-bench-cli-'));
const rounds = Number(values.rounds);

/** The corpus: the user's, or N generated articles written as a folder of .txt files (or one .jsonl file). */
function corpus(): string {
  if (values.input) return path.resolve(values.input);
  const count = Number(values.articles ?? values.generate);
  if (!Number.isInteger(count) || count < 1) throw new Error(`--generate takes a number of articles, not ${values.generate}`);
  const generated = generateCorpus(count);
  if (values.as === 'jsonl') {
    const file = path.join(work, 'corpus.jsonl');
    writeFileSync(file, generated.map((a) => JSON.stringify(a)).join('\n'));
    return file;
  }
  if (values.as !== 'dir') throw new Error(`--as takes dir or jsonl, not ${values.as}`);
  const dir = path.join(work, 'corpus');
  mkdirSync(dir);
  for (const a of generated) writeFileSync(path.join(dir, `${a.id}.txt`), frontMatterText(a));
  return dir;
}
const input = corpus();
const texts = statSync(input).isDirectory()
  ? readdirSync(input).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(path.join(input, f), 'utf8'))
  : readFileSync(input, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text);
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const articles = texts.length;

/** User + system CPU seconds of a thread or process from its /proc stat line (fields 14 and 15, in clock ticks). */
function cpuOfStat(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * A run's wall time, its CPU time, and the CPU time of its main thread and of its busiest other thread
 * (a pool's worker; with --jobs 1, one of V8's helper threads).
 */
interface Timing { readonly wall: number; readonly cpu: number | null; readonly mainCpu: number | null; readonly busiestOtherCpu: number | null }

/**
 * One run of a command, start-up included: its wall time, its CPU time (all its threads, from the
 * process's exit accounting in /proc/self/stat), and its main thread's CPU time (sampled from
 * /proc/PID/task/PID while it runs; Linux only, null elsewhere).
 */
async function timed(args: string[]): Promise<Timing> {
  const before = ownChildrenCpu();
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const threads = new Map<string, number>();
  const sample = () => {
    try {
      for (const tid of readdirSync(`/proc/${child.pid}/task`)) threads.set(tid, cpuOfStat(readFileSync(`/proc/${child.pid}/task/${tid}/stat`, 'utf8')));
    } catch { /* gone, or not Linux */ }
  };
  const sampler = setInterval(sample, 50);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(sampler);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (code !== 0) throw new Error(`${args.join(' ')} exited with ${code}:\n${stderr}`);
  const after = ownChildrenCpu();
  const mainCpu = threads.get(String(child.pid)) ?? null;
  const others = [...threads].filter(([tid]) => tid !== String(child.pid)).map(([, cpu]) => cpu);
  return { wall, cpu: before !== null && after !== null ? after - before : null, mainCpu, busiestOtherCpu: others.length ? Math.max(...others) : null };
}

/** CPU time (user + system) of this process's finished children, from /proc (Linux; null elsewhere). */
function ownChildrenCpu(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // cutime and cstime, the 16th and 17th fields of the line (counted from the pid), in clock ticks
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}
/**
 * The wall time a run would take on cores of its own, from its CPU times: no shorter than its busiest
 * thread, nor than its CPU time spread over every core. On a machine others load, this says what the
 * work itself allows (a --jobs 1 run already spreads V8's compiling and collecting over a second core).
 */
function freeCoresWall(t: Timing): number | null {
  if (t.cpu === null || t.mainCpu === null) return null;
  return Math.max(t.mainCpu, t.busiestOtherCpu ?? 0, t.cpu / availableParallelism());
}
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fixed = (x: number | null, digits = 2) => (x === null ? '?' : x.toFixed(digits));

interface Run { readonly label: string; readonly args: string[]; readonly timings: Timing[]; readonly output?: string }
const jobLevels = values.jobs.split(',').map(Number);
if (!jobLevels.every((j) => Number.isInteger(j) && j > 0)) throw new Error(`--jobs takes numbers of threads, as 1,2; not ${values.jobs}`);
const winkRuns: Run[] = values['skip-wink'] ? [] : [
  { label: 'bare wink, full pipe', args: [winkScript, input, 'full'], timings: [] },
  { label: "bare wink, dossier's pipe", args: [winkScript, input, 'dossier'], timings: [] },
];
const jobRuns: Run[] = jobLevels.map((j) => {
  const output = path.join(work, `out-jobs-${j}.jsonl`);
  return { label: `dossier analyze --jobs ${j}`, args: [bin, 'analyze', '--input', input, '--output', output, '--jobs', String(j)], timings: [], output };
});
// what a second thread can gain on this machine now: N threads each spinning through the same pure
// CPU work, timed in each round beside the commands. On a machine others share, the scheduler may give
// a process's second thread little (two cores, several busy users): then no pool can gain either.
const spinWork = `let x = 0; for (let i = 0; i < ${Number(values.spin)}; i++) x += i % 7; require("node:worker_threads").parentPort.postMessage(x);`;
const spin = (threads: number) => ['-e', `const { Worker } = require('node:worker_threads'); for (let i = 0; i < ${threads}; i++) new Worker(${JSON.stringify(spinWork)}, { eval: true });`];
const spins: Run[] = jobLevels.length > 1 ? jobLevels.map((j) => ({ label: `${j} thread(s) of pure CPU work`, args: spin(j), timings: [] })) : [];

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`corpus: ${articles} ${values.input ? `articles from ${values.input}` : `generated articles (${values.as === 'jsonl' ? 'one .jsonl file' : 'a folder of .txt files'})`}, ` +
  `${(bytes / 1e6).toFixed(2)} MB; ${rounds} rounds; load average before: ${load()}`);
for (let r = 0; r < rounds; r++) {
  for (const run of [...winkRuns, ...jobRuns, ...spins]) run.timings.push(await timed(run.args));
  // the round's figures as they come: a long bench on a shared machine is read while it runs
  const [base, ...others] = jobRuns;
  const parts = jobRuns.map((run) => {
    const t = run.timings[r]!;
    return `--jobs ${run.args.at(-1)} ${t.wall.toFixed(2)} s (CPU ${fixed(t.cpu)} s: main thread ${fixed(t.mainCpu)}, busiest other ${fixed(t.busiestOtherCpu)})`;
  });
  const gains = others.map((run, i) => `--jobs ${run.args.at(-1)} ${(base!.timings[r]!.wall / run.timings[r]!.wall).toFixed(2)}x, ` +
    `ceiling ${spins.length ? (jobLevels[i + 1]! * spins[0]!.timings[r]!.wall / spins[i + 1]!.timings[r]!.wall).toFixed(2) : '?'}x`);
  const estimates = others.map((run) => {
    const [b, x] = [freeCoresWall(base!.timings[r]!), freeCoresWall(run.timings[r]!)];
    return b !== null && x !== null ? `--jobs ${run.args.at(-1)} ${(b / x).toFixed(2)}x` : '';
  }).filter(Boolean);
  console.log(`round ${r + 1}: ${parts.join('; ')}; ${gains.join('; ')}; load ${load()}` +
    (estimates.length ? `; on ${availableParallelism()} free cores (from CPU times) ${estimates.join(', ')}` : ''));
}

const articlesPerSecond = (t: number) => (articles / t).toFixed(1);
const [full, dossierPipe] = winkRuns;
for (const run of [...winkRuns, ...jobRuns]) {
  const walls = run.timings.map((t) => t.wall);
  const t = median(walls);
  const cpus = run.timings.map((x) => x.cpu).filter((x): x is number => x !== null);
  const mains = run.timings.map((x) => x.mainCpu).filter((x): x is number => x !== null);
  const seconds = run.timings.map((x) => x.busiestOtherCpu).filter((x): x is number => x !== null);
  const ratios = (base: Run) => median(walls.map((x, i) => base.timings[i]!.wall / x)).toFixed(3);
  console.log(`${run.label.padEnd(28)} ${(bytes / 1e6 / t).toFixed(3).padStart(7)} MB/s ${articlesPerSecond(t).padStart(8)} articles/s  ${t.toFixed(2).padStart(7)} s cold` +
    (cpus.length ? `, CPU ${median(cpus).toFixed(2)} s` : '') + (mains.length && seconds.length ? ` (main thread ${median(mains).toFixed(2)} s, busiest other ${median(seconds).toFixed(2)} s)` : '') +
    (full && dossierPipe ? `   ratio to wink full ${ratios(full)}, to wink's dossier pipe ${ratios(dossierPipe)}` : ''));
}
const [baseRun] = jobRuns;
for (const [i, run] of jobRuns.entries()) {
  if (i === 0) continue;
  const gains = run.timings.map((x, r) => baseRun!.timings[r]!.wall / x.wall);
  const cpuRatios = run.timings.flatMap((x, r) => (x.cpu !== null && baseRun!.timings[r]!.cpu !== null ? [x.cpu / baseRun!.timings[r]!.cpu!] : []));
  console.log(`${run.label} against --jobs ${baseRun!.args.at(-1)}: ${median(gains).toFixed(2)}x the articles/s by wall time ` +
    `(rounds: ${gains.map((g) => g.toFixed(2)).join(', ')})` +
    (cpuRatios.length ? `; CPU time ${median(cpuRatios).toFixed(2)}x as much (the cost of the extra threads)` : ''));
  const estimates = run.timings.flatMap((x, r) => {
    const [b, t] = [freeCoresWall(baseRun!.timings[r]!), freeCoresWall(x)];
    return b !== null && t !== null ? [b / t] : [];
  });
  if (estimates.length) {
    console.log(`${run.label} against --jobs ${baseRun!.args.at(-1)} on ${availableParallelism()} free cores, from the CPU times of each thread: ` +
      `${median(estimates).toFixed(2)}x (rounds: ${estimates.map((g) => g.toFixed(2)).join(', ')})`);
  }
  const same = readFileSync(run.output!).equals(readFileSync(baseRun!.output!));
  console.log(`${run.label}: output ${same ? 'byte-identical to' : 'DIFFERS from'} --jobs ${baseRun!.args.at(-1)}'s`);
}
for (const [i, run] of spins.entries()) {
  if (i === 0) continue;
  // N threads did N times the work of one: their speed-up is N times the ratio of the times
  const gains = run.timings.map((x, r) => (jobLevels[i]! * spins[0]!.timings[r]!.wall) / x.wall);
  console.log(`the machine's gain from ${jobLevels[i]} threads this run (pure CPU work, same rounds): ${median(gains).toFixed(2)}x ` +
    `(rounds: ${gains.map((g) => g.toFixed(2)).join(', ')}); the --jobs ${jobLevels[i]} gain above is to be read against it`);
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
  const timings: Timing[] = [];
  for (let i = 0; i < Number(values.startups); i++) timings.push(await timed(s.args));
  const walls = timings.map((t) => t.wall);
  const cpus = timings.map((t) => t.cpu).filter((x): x is number => x !== null);
  console.log(`start-up: ${s.label.padEnd(28)} ${median(walls).toFixed(3)} s (median of ${walls.length}; min ${Math.min(...walls).toFixed(3)})` +
    (cpus.length ? `; CPU ${median(cpus).toFixed(3)} s` : ''));
}
console.log(`load average after: ${load()}`);
rmSync(work, { recursive: true, force: true });
