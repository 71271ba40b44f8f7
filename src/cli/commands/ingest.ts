import path from 'node:path';
import { Analyzer } from '../../analyze.js';
import { checkedDate } from '../../ingest/record.js';
import { countArticles, ingest, ingestSources } from '../../store/ingest.js';
import { readArgs } from '../args.js';
import type { Command } from '../command.js';
import { Progress } from '../progress.js';
import { openDb } from './db-option.js';

const USAGE = `usage: dossier ingest PATH... [--db FILE] [--published YYYY-MM-DD] [--outlet NAME]

  PATH            folders (articles and saved RSS/Atom feeds inside), .jsonl files of articles,
                  .txt/.html/.json article files, .rss/.atom/.xml feed files
  --db FILE       the corpus database (default ./dossier.db)
  --published D   publication date for input that does not carry one
  --outlet NAME   outlet for input that does not name one

Each article is analysed and stored in its own transaction; an article already stored (the same
text, also under another URL or with different boilerplate) is skipped, so running an ingest
again, or after it was interrupted, stores only what is missing.`;

export const ingestCommand: Command = {
  name: 'ingest',
  usage: USAGE,
  async run(argv, io) {
    const args = readArgs(ingestCommand, argv, io, {
      db: { type: 'string' }, published: { type: 'string' }, outlet: { type: 'string' },
    }, { min: 1, max: Infinity, what: 'at least one PATH' });
    if (!args) return 0;
    const { values, positionals } = args;
    const defaults = {
      published: values.published ? checkedDate(values.published, '--published') : null,
      outlet: values.outlet ?? null,
    };
    const paths = positionals.map((p) => path.resolve(io.cwd, p));
    const total = await countArticles(paths);
    const store = openDb(values.db, io);
    try {
      const progress = new Progress(io.stderr, total);
      const started = process.hrtime.bigint();
      const tally = await ingest(store, new Analyzer({ learnedActors: store.learnedActors() }), ingestSources(paths, { defaults }), (e) => {
        if (e.kind === 'progress') progress.update(e.tally.read, e.tally.failed, e.tally.bytes);
        else { progress.clear(); io.stderr.write(`dossier: skipped ${e.id}: ${e.error.message}\n`); }
      });
      progress.clear();
      const secs = Math.max(Number(process.hrtime.bigint() - started) / 1e9, 1e-9);
      const s = store.stats();
      io.stderr.write(`dossier: read ${tally.read} articles in ${secs.toFixed(1)} s (${(tally.read / secs).toFixed(1)} articles/s, ` +
        `${(tally.bytes / 1e6 / secs).toFixed(2)} MB/s): ${tally.stored} stored, ${tally.known} already stored, ${tally.failed} failed; ` +
        `the corpus has ${s.articles} articles, ${s.events} events, ${s.happenings} happenings, ${s.quotes} quotes\n`);
      return 0;
    } finally {
      store.close();
    }
  },
};
