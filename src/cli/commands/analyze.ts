import { createWriteStream } from 'node:fs';
import path from 'node:path';
import type { Analyzer } from '../../analyze.js';
import { DossierError } from '../../core/errors.js';
import { readArticleFile, readArticles, listArticleEntries, type SourceItem } from '../../ingest/sources.js';
import { AnalyzerPool } from '../../parallel/pool.js';
import { MetaTable, UndatedCounter } from '../../ingest/metadata.js';
import type { Result } from '../../result/schema.js';
import { ENGINE_VERSION } from '../../version.js';
import { dateOption, parseJobs, readArgs } from '../args.js';
import { ErrorReport } from '../error-report.js';
import { checkedOutput } from '../output-file.js';
import type { CliIO, Command } from '../command.js';
import { Progress } from '../progress.js';
import { stat } from 'node:fs/promises';

const USAGE = `usage: dossier analyze FILE [--pretty] [--published YYYY-MM-DD] [--outlet NAME]
       dossier analyze --input PATH [--output OUT.jsonl] [--jobs N|auto] [--published YYYY-MM-DD] [--outlet NAME] [--meta FILE]

  FILE            one article: .txt, .html or .json ({"id", "text", "published"?, ...})
  --input PATH    many: a folder of .txt/.html/.json/.jsonl files, or a .jsonl file of articles
  --output FILE   where batch results go, one JSON result a line (default: standard output)
  --jobs N|auto   analyse a batch on N threads, this one and N-1 workers (auto: one a core); the
                  results are the same, in input order (default 1; each worker loads its own models, about 150 MB)
  --errors FILE   write every failed item of a batch to FILE, one JSON line each
                  ({id, origin, code, status, message}); a batch with failed items exits 6
  --pretty        indent the JSON for people
  --published D   publication date for input that does not carry one (dates are read against it)
  --outlet NAME   outlet for input that does not name one
  --meta FILE     metadata for a batch's files (.tsv/.csv/.jsonl: file, published, outlet, url, title);
                  a metadata.tsv/.csv/.jsonl beside the files and front matter atop a .txt are read anyway`;

export const analyzeCommand: Command = {
  name: 'analyze',
  usage: USAGE,
  async run(argv, io) {
    const args = readArgs(analyzeCommand, argv, io, {
      input: { type: 'string' }, output: { type: 'string' }, pretty: { type: 'boolean' }, jobs: { type: 'string' }, errors: { type: 'string' },
      published: { type: 'string' }, outlet: { type: 'string' }, meta: { type: 'string' },
    }, { min: 0, max: 1, what: 'one FILE (or --input PATH)' });
    if (!args) return 0;
    const { values, positionals } = args;
    const defaults = {
      published: dateOption(values.published, '--published') ?? null,
      outlet: values.outlet ?? null,
    };
    if (values.input) {
      if (positionals.length) throw new DossierError('USAGE', 'analyze: give either FILE or --input PATH, not both');
      const meta = values.meta ? await MetaTable.load(path.resolve(io.cwd, values.meta)) : null;
      return runBatch(path.resolve(io.cwd, values.input), values.output ? path.resolve(io.cwd, values.output) : null, { ...defaults, meta },
        parseJobs(values.jobs, 'analyze'), values.errors, io);
    }
    if (values.meta !== undefined) throw new DossierError('USAGE', 'analyze: --meta is for a batch (--input PATH); one file takes front matter or --published/--outlet');
    if (values.jobs !== undefined || values.errors !== undefined) throw new DossierError('USAGE', 'analyze: --jobs and --errors are for a batch (--input PATH)');
    if (positionals.length !== 1) throw new DossierError('USAGE', `analyze: expected one FILE (or --input PATH)\n${USAGE}`);
    const file = path.resolve(io.cwd, positionals[0]!);
    const article = await readArticleFile(file, { defaults });
    const result = (await newAnalyzer()).analyze(article);
    io.stdout.write(`${JSON.stringify(result, null, values.pretty ? 2 : undefined)}\n`);
    return 0;
  },
};

const NEWLINE = Buffer.from('\n');

/** Bytes of results the output file buffers before the batch waits for the disk. */
const OUTPUT_BUFFER_BYTES = 4 * 1024 * 1024;

/** The in-process analyzer, imported when a command analyses (not for --help or a usage error). */
async function newAnalyzer(): Promise<Analyzer> {
  const { Analyzer } = await import('../../analyze.js');
  return new Analyzer();
}

/** An error result: the article's identity and what went wrong, with empty layers. */
export function errorResult(id: string, error: DossierError): Result {
  return {
    article: { id, text: '', published: null, outlet: null, url: null, title: null },
    attributions: [], events: [], entities: [], dates: [], sentences: [], diagnostics: [],
    engine: { name: 'dossier', version: ENGINE_VERSION, stages: [] },
    error: { code: error.code, message: error.message },
  };
}

async function runBatch(input: string, output: string | null, defaults: { published: string | null; outlet: string | null; meta: MetaTable | null },
  jobs: number, errorsFile: string | undefined, io: CliIO): Promise<number> {
  const info = await stat(input).catch(() => null);
  if (!info) throw new DossierError('INPUT_NOT_FOUND', 'no such file or folder', { where: input });
  const entries = info.isDirectory() ? (await listArticleEntries(input)).filter((e) => e.file !== output) : null;
  const total = entries && !entries.some((e) => e.file.endsWith('.jsonl')) ? entries.length : null;
  const progress = new Progress(io.stderr, total);
  const errors = new ErrorReport(io, errorsFile, () => progress.clear());
  // a buffer of many result lines: with the default 16 KB nearly every line (several KB of JSON) filled
  // it, and the analysis waited for each line's write to reach the disk before the next article
  const file = output ? createWriteStream(checkedOutput(output), { highWaterMark: OUTPUT_BUFFER_BYTES }) : null;
  const sink: NodeJS.WritableStream = file ?? io.stdout;
  const sinkClosed = file ? new Promise<void>((resolve, reject) => { file.on('finish', resolve); file.on('error', reject); }) : Promise.resolve();
  // with --jobs N this thread is one of the N analyzers (it reads and writes besides): N-1 workers
  // the workers start first, so that they load their models while this thread loads its own
  let local: Analyzer | null = null;
  const pool = jobs > 1 ? new AnalyzerPool(jobs, { local: { analyzeWithLessons: (article) => local!.analyzeWithLessons(article) } }) : null;
  const analyzer = local = await newAnalyzer().catch(async (e: unknown) => { await pool?.close(); throw e; });
  const started = process.hrtime.bigint();
  let done = 0, failed = 0, bytes = 0;
  const write = async (line: string | Uint8Array) => {
    // a worker's line comes as UTF-8 bytes, written as they are, and its newline beside it
    let room: boolean;
    if (typeof line === 'string') room = sink.write(`${line}\n`);
    else { const lineRoom = sink.write(line); room = sink.write(NEWLINE) && lineRoom; }
    if (!room) await new Promise((r) => sink.once('drain', r));
  };
  /** An article's output line (its JSON text, or a worker's UTF-8 bytes of it), with the error that made it an error result (null when analysed). */
  interface Outcome { readonly line: string | Uint8Array; readonly error: { id: string; origin: string; error: DossierError } | null; readonly bytes: number }
  const failure = (id: string, origin: string, error: DossierError): Outcome => ({ line: JSON.stringify(errorResult(id, error)), error: { id, origin, error }, bytes: 0 });
  const outcomeOf = async (item: SourceItem): Promise<Outcome> => {
    if (!item.ok) return failure(item.id, item.origin, item.error);
    try {
      // the workers hand back the JSON text's bytes: the main thread neither clones, re-serialises nor encodes results
      const line = pool ? await pool.analyzeJson(item.article) : JSON.stringify(analyzer.analyze(item.article));
      return { line, error: null, bytes: Buffer.byteLength(item.article.text) };
    } catch (e) {
      return failure(item.article.id, item.article.origin, e instanceof DossierError ? e : new DossierError('INTERNAL', (e as Error).message, { where: item.article.origin }));
    }
  };
  const emit = async ({ line, error, bytes: size }: Outcome) => {
    if (error) {
      failed++;
      errors.add(error.id, error.origin, error.error);
    }
    done++;
    bytes += size;
    await write(line);
    progress.update(done, failed, bytes);
  };
  // results leave in input order: the oldest is awaited first while the workers go on with the rest
  const undated = new UndatedCounter();
  const inFlight: Promise<Outcome>[] = [];
  // enough queued that a worker never waits for the main thread to read the next article
  const window = pool ? pool.size * 16 : 1;
  try {
    const { meta, ...given } = defaults;
    for await (const item of undated.count(readArticles(input, { defaults: given, meta, ...(output ? { exclude: [output] } : {}) }))) {
      inFlight.push(outcomeOf(item));
      while (inFlight.length >= window) await emit(await inFlight.shift()!);
    }
    while (inFlight.length) await emit(await inFlight.shift()!);
  } finally {
    await pool?.close();
  }
  progress.clear();
  io.stderr.write(undated.warning() ?? '');
  if (file) { file.end(); await sinkClosed; }
  const secs = Number(process.hrtime.bigint() - started) / 1e9;
  io.stderr.write(`dossier: analysed ${done - failed} of ${done} articles (${failed} failed) in ${secs.toFixed(1)} s, ` +
    `${(bytes / 1e6 / Math.max(secs, 1e-9)).toFixed(2)} MB/s${jobs > 1 ? ` on ${jobs} threads` : ''}${output ? `, results in ${output}` : ''}\n`);
  return errors.close();
}
