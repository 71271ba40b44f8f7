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

/** Wall time of one run of a command, start-up included. */
function wall(args: string[]): number {
  const t0 = process.hrtime.bigint();
  execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  return Number(process.hrtime.bigint() - t0) / 1e9;
}
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Run { readonly label: string; readonly args: string[]; readonly times: number[] }
const out = path.join(work, 'out.jsonl');
const runs: Run[] = [
  { label: 'bare wink, full pipe', args: [winkScript, input, 'full'], times: [] },
  { label: "bare wink, dossier's pipe", args: [winkScript, input, 'dossier'], times: [] },
  ...values.jobs.split(',').map((j) => ({ label: `dossier analyze --jobs ${j}`, args: [bin, 'analyze', '--input', input, '--output', out, '--jobs', j], times: [] })),
];
console.log(`corpus: ${articles} ${values.input ? `articles from ${values.input}` : 'generated articles'}, ${(bytes / 1e6).toFixed(2)} MB; ${rounds} rounds`);
for (let r = 0; r < rounds; r++) for (const run of runs) run.times.push(wall(run.args));

const [full, dossierPipe] = runs;
for (const run of runs) {
  const t = median(run.times);
  const ratios = (base: Run) => median(run.times.map((x, i) => base.times[i]! / x)).toFixed(3);
  console.log(`${run.label.padEnd(28)} ${(bytes / 1e6 / t).toFixed(3).padStart(7)} MB/s ${(articles / t).toFixed(1).padStart(8)} articles/s  ${t.toFixed(2).padStart(7)} s` +
    `   ratio to wink full ${ratios(full!)}, to wink's dossier pipe ${ratios(dossierPipe!)}`);
}
const jobRuns = runs.slice(2);
for (const run of jobRuns.slice(1)) {
  console.log(`${run.label} against --jobs ${jobRuns[0]!.args.at(-1)}: ${median(run.times.map((x, i) => jobRuns[0]!.times[i]! / x)).toFixed(2)}x`);
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
  console.log(`start-up: ${s.label.padEnd(28)} ${median(times).toFixed(3)} s (median of ${times.length}; min ${Math.min(...times).toFixed(3)})`);
}
rmSync(work, { recursive: true, force: true });
