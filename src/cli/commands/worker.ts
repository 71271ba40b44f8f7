import { Analyzer } from '../../analyze.js';
import { DossierError } from '../../core/errors.js';
import type { SourceItem } from '../../ingest/sources.js';
import { PostgresStore } from '../../store/postgres/postgres-store.js';
import { enqueue, queueCounts, runWorker } from '../../store/postgres/queue.js';
import type { Store } from '../../store/store.js';
import { readArgs } from '../args.js';
import type { CliIO, Command } from '../command.js';
import { dbLabel, dbLocation, openDb } from './db-option.js';

const USAGE = `usage: dossier worker --db postgres://USER@HOST/DB [--exit-when-empty] [--lease SECONDS]

  --db URL            the PostgreSQL corpus (default $DOSSIER_DB)
  --exit-when-empty   stop once every queued article is analysed and stored (else wait for more)
  --lease SECONDS     how long an article stays with this worker before another may take it
                      over (default 300; longer than the slowest article's analysis)

Analyses the articles "dossier ingest --db URL --queue" recorded and stores them. Start as many
workers as you like, on as many machines: each takes the next article nobody holds; the corpus
ends as a single-process ingest of the same articles would leave it. A worker that is killed loses
nothing: its article goes to another worker when the lease runs out. Ctrl-C stops after the
article in hand.`;

const DEFAULT_LEASE_SECONDS = 300;

/** The store as PostgreSQL, or a usage error naming the command that needs it. */
export function postgresOnly(store: Store, what: string): PostgresStore {
  if (store instanceof PostgresStore) return store;
  store.close();
  throw new DossierError('USAGE', `${what} needs a PostgreSQL store (--db postgres://...); SQLite has one writer, use "dossier ingest"`);
}

/** ingest --queue: records the articles for workers. */
export async function queueArticles(store: Store, sources: AsyncIterable<SourceItem>, io: CliIO, warning: () => string | null): Promise<number> {
  const pg = postgresOnly(store, 'ingest --queue');
  try {
    const tally = await enqueue(pg, sources, (e) => {
      if (e.kind === 'failed') io.stderr.write(`dossier: skipped ${e.id}: ${e.error.message}\n`);
    });
    io.stderr.write(warning() ?? '');
    const counts = queueCounts(pg);
    io.stderr.write(`dossier: queued ${tally.stored} articles (${tally.failed} unreadable); ${counts.waiting} wait for analysis; ` +
      `start workers with "dossier worker --db URL"\n`);
    return 0;
  } finally {
    pg.close();
  }
}

export const workerCommand: Command = {
  name: 'worker',
  usage: USAGE,
  async run(argv, io) {
    const args = readArgs(workerCommand, argv, io, { db: { type: 'string' }, 'exit-when-empty': { type: 'boolean' }, lease: { type: 'string' } });
    if (!args) return 0;
    const { values } = args;
    const leaseSeconds = values.lease === undefined ? DEFAULT_LEASE_SECONDS : Number(values.lease);
    if (!Number.isFinite(leaseSeconds) || leaseSeconds <= 0) throw new DossierError('USAGE', `worker: --lease must be a positive number of seconds, not "${values.lease}"`);
    const store = postgresOnly(openDb(values.db, io), 'worker');
    let stop = false;
    const onSignal = () => { stop = true; };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      const started = process.hrtime.bigint();
      io.stderr.write(`dossier: worker on ${dbLabel(dbLocation(values.db, io))}\n`);
      const tally = await runWorker(store, (learnedActors) => new Analyzer({ learnedActors }),
        { leaseSeconds, exitWhenEmpty: values['exit-when-empty'] === true, stopping: () => stop }, (e) => {
          if (e.kind === 'failed') io.stderr.write(`dossier: failed ${e.id}: ${e.error.message}\n`);
        });
      const secs = Math.max(Number(process.hrtime.bigint() - started) / 1e9, 1e-9);
      const s = store.stats();
      io.stderr.write(`dossier: worker analysed ${tally.analysed} articles in ${secs.toFixed(1)} s (${(tally.analysed / secs).toFixed(1)} articles/s), ` +
        `committed ${tally.committed}, ${tally.failed} failed; the corpus has ${s.articles} articles, ${s.events} events, ` +
        `${s.happenings} happenings, ${s.quotes} quotes\n`);
      return 0;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      store.close();
    }
  },
};
