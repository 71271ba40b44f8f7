import path from 'node:path';
import { Analyzer } from '../../analyze.js';
import { MetaTable, UndatedCounter } from '../../ingest/metadata.js';
import { AnalyzerPool } from '../../parallel/pool.js';
import { countArticles, ingest, ingestSources, type IngestAnalysis } from '../../store/ingest.js';
import { StagedLearnedActors } from '../../store/staged-learned.js';
import { dateOption, parseJobs, readArgs } from '../args.js';
import type { Command } from '../command.js';
import { ErrorReport } from '../error-report.js';
import { Progress } from '../progress.js';
import { openDb } from './db-option.js';
import { queueArticles } from './worker.js';

const USAGE = `usage: dossier ingest PATH... [--db FILE|URL] [--queue] [--published YYYY-MM-DD] [--outlet NAME] [--meta FILE]
                      [--jobs N|auto] [--errors FILE]

  PATH            folders (articles and saved RSS/Atom feeds inside), .jsonl files of articles,
                  .txt/.html/.json article files, .rss/.atom/.xml feed files
  --db FILE|URL   the corpus database: a SQLite file or a postgres:// URL (default $DOSSIER_DB,
                  else ./dossier.db)
  --queue         PostgreSQL only: record the articles for workers to analyse ("dossier worker")
                  instead of analysing them here
  --published D   publication date for input that does not carry one
  --outlet NAME   outlet for input that does not name one
  --meta FILE     metadata for the files: .tsv/.csv with a header (file, published, outlet, url,
                  title) or .jsonl records with those keys; a metadata.tsv/.csv/.jsonl beside the
                  files and front matter (---, published: YYYY-MM-DD, ---) atop a .txt are read anyway.
                  An article's own metadata comes first, then its front matter, the sidecar, the flags.
  --jobs N|auto   analyse on N worker threads (auto: one a core); articles are stored in input order.
                  Above 1, the workers analyse without the corpus-learned actor layer (it is neither
                  read nor taught), so a result never depends on which worker ran first
  --errors FILE   write every failed item to FILE, one JSON line each ({id, origin, code, status, message})

Each article is analysed, then stored in its own short transaction; an article already stored (the
same text, also under another URL or with different boilerplate) is skipped, so running an ingest
again, or after it was interrupted, stores only what is missing. Another writer (a second ingest, the
API) is waited for. Exit status: 0 all stored or already stored, 6 the batch finished but some items
failed (each named on stderr and in --errors FILE), 5 the store failed (nothing after that was read).`;

export const ingestCommand: Command = {
  name: 'ingest',
  usage: USAGE,
  async run(argv, io) {
    const args = readArgs(ingestCommand, argv, io, {
      db: { type: 'string' }, queue: { type: 'boolean' }, published: { type: 'string' }, outlet: { type: 'string' }, meta: { type: 'string' },
      jobs: { type: 'string' }, errors: { type: 'string' },
    }, { min: 1, max: Infinity, what: 'at least one PATH' });
    if (!args) return 0;
    const { values, positionals } = args;
    const defaults = {
      published: dateOption(values.published, '--published') ?? null,
      outlet: values.outlet ?? null,
    };
    const jobs = parseJobs(values.jobs, 'ingest');
    const meta = values.meta ? await MetaTable.load(path.resolve(io.cwd, values.meta)) : null;
    const paths = positionals.map((p) => path.resolve(io.cwd, p));
    const undated = new UndatedCounter();
    const total = await countArticles(paths);
    const progress = new Progress(io.stderr, total);
    const errors = new ErrorReport(io, values.errors, () => progress.clear());
    const store = openDb(values.db, io);
    const sources = undated.count(ingestSources(paths, { defaults, meta }));
    if (values.queue) { errors.close(); return queueArticles(store, sources, io, () => undated.warning()); }
    const pool = jobs > 1 ? new AnalyzerPool(jobs) : null;
    try {
      const learned = new StagedLearnedActors(store.learnedActors());
      const analysis: IngestAnalysis = pool ? { pool } : { analyzer: new Analyzer({ learnedActors: learned }), learned };
      const started = process.hrtime.bigint();
      const tally = await ingest(store, analysis, sources, (e) => {
        if (e.kind === 'progress') progress.update(e.tally.read, e.tally.failed, e.tally.bytes);
        else errors.add(e.id, e.error.where ?? e.id, e.error);
      });
      progress.clear();
      io.stderr.write(undated.warning() ?? '');
      const secs = Math.max(Number(process.hrtime.bigint() - started) / 1e9, 1e-9);
      const s = store.stats();
      io.stderr.write(`dossier: read ${tally.read} articles in ${secs.toFixed(1)} s (${(tally.read / secs).toFixed(1)} articles/s, ` +
        `${(tally.bytes / 1e6 / secs).toFixed(2)} MB/s): ${tally.stored} stored, ${tally.known} already stored, ${tally.failed} failed; ` +
        `the corpus has ${s.articles} articles, ${s.events} events, ${s.happenings} happenings, ${s.quotes} quotes\n`);
      return errors.close();
    } finally {
      await pool?.close();
      store.close();
    }
  },
};

