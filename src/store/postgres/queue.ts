import { hostname } from 'node:os';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Lesson } from '../../actors/learned.js';
import type { Analyzer } from '../../analyze.js';
import { asDossierError, DossierError } from '../../core/errors.js';
import type { RawArticle } from '../../ingest/article.js';
import type { SourceItem } from '../../ingest/sources.js';
import type { Result } from '../../result/schema.js';
import type { IngestEvent, IngestTally } from '../ingest.js';
import { ArticleLearnedLookup } from './learned-actors.js';
import type { PostgresStore } from './postgres-store.js';
import { PgError } from './sync-client.js';

/**
 * Distributed ingest on PostgreSQL. `ingest --queue` records the articles in work_queue, in the
 * order it reads them; workers on any number of machines claim them (FOR UPDATE SKIP LOCKED, with
 * a lease), analyse them in parallel and save each analysis in its queue row; then the lowest
 * waiting article, once analysed, is committed into the corpus with its row deleted, in one
 * transaction under the store's write lock. Committing in queue order makes the corpus (happening
 * and quote merging, ids) the same as a single-process ingest of the same articles in the same
 * order. A worker killed mid-analysis loses nothing: its lease expires and another takes the
 * article; killed mid-commit, its transaction rolls back and the next commit redoes it.
 *
 * One difference from a single process remains: an analysis consults the learned-actors layer as
 * committed when it runs, so a person introduced by an article still in flight elsewhere is not yet
 * known to it. What each article teaches is committed with it, in order, so the learned table itself
 * ends the same.
 */
/** how many times an article may be claimed before it counts as failed (a worker that dies on it every time) */
export const MAX_ATTEMPTS = 5;
const ENQUEUE_BATCH = 200;

/** An analysis saved in its queue row: the result, and what the article teaches the learned actor layer (applied at its commit). */
interface Saved { result: Result | null; lessons: readonly Lesson[] }

/** Records the sources' articles to analyse (no analysis here); reports unreadable items as ingest does. */
export async function enqueue(store: PostgresStore, sources: AsyncIterable<SourceItem>,
  report: (e: IngestEvent) => void = () => {}): Promise<IngestTally> {
  const tally: IngestTally = { read: 0, stored: 0, known: 0, failed: 0, bytes: 0 };
  let pending: RawArticle[] = [];
  const flush = () => {
    if (!pending.length) return;
    store.db.run('INSERT INTO work_queue (article) SELECT * FROM unnest(?::json[])', [pending.map((a) => JSON.stringify(a))]);
    tally.stored += pending.length;
    pending = [];
  };
  for await (const item of sources) {
    tally.read++;
    if (!item.ok) {
      tally.failed++;
      report({ kind: 'failed', id: item.id, error: item.error });
    } else {
      tally.bytes += Buffer.byteLength(item.article.text);
      pending.push(item.article);
      if (pending.length >= ENQUEUE_BATCH) flush();
    }
    report({ kind: 'progress', tally });
  }
  flush();
  return tally;
}

export interface QueueCounts { waiting: number; analysed: number; failed: number }

export function queueCounts(store: PostgresStore): QueueCounts {
  const rows = store.db.query<{ state: keyof QueueCounts; n: number }>('SELECT state, count(*) AS n FROM work_queue GROUP BY state');
  const counts: QueueCounts = { waiting: 0, analysed: 0, failed: 0 };
  for (const r of rows) counts[r.state] = r.n;
  return counts;
}

export interface WorkerOptions {
  /** seconds an analysis may take before another worker may take the article over */
  readonly leaseSeconds: number;
  /** stop once nothing is left to analyse or commit (else wait for more) */
  readonly exitWhenEmpty: boolean;
  /** milliseconds between looks at the queue when there is nothing to do */
  readonly pollMs?: number;
  /** a name for this worker in the queue table */
  readonly name?: string;
  /** checked between articles: stop when it returns true */
  readonly stopping?: () => boolean;
}

export interface WorkerTally { analysed: number; committed: number; failed: number }

export type WorkerEvent =
  | { readonly kind: 'analysed' | 'committed'; readonly tally: Readonly<WorkerTally> }
  | { readonly kind: 'failed'; readonly id: string; readonly error: DossierError };

/** Claims, analyses and commits articles until stopped (or, with exitWhenEmpty, until the queue is empty). */
export async function runWorker(store: PostgresStore, analyzer: (learned: ArticleLearnedLookup) => Analyzer, options: WorkerOptions,
  report: (e: WorkerEvent) => void = () => {}): Promise<WorkerTally> {
  const name = options.name ?? `${hostname()}:${process.pid}`;
  const learned = new ArticleLearnedLookup(store.learnedActors());
  const engine = analyzer(learned);
  const tally: WorkerTally = { analysed: 0, committed: 0, failed: 0 };
  const poll = options.pollMs ?? 250;
  while (!options.stopping?.()) {
    const job = claim(store, name, options.leaseSeconds);
    if (job) {
      learned.nextArticle();
      analyse(store, engine, job, tally, report);
      commitReady(store, tally, report);
      continue;
    }
    commitReady(store, tally, report);
    const counts = queueCounts(store);
    if (!counts.waiting && !counts.analysed && options.exitWhenEmpty) break;
    // others are analysing (or their leases have yet to expire), or the queue is empty: look again soon
    await new Promise((resolve) => setTimeout(resolve, poll));
  }
  return tally;
}

interface Job { seq: number; article: RawArticle; attempts: number }

function claim(store: PostgresStore, worker: string, leaseSeconds: number): Job | null {
  const row = store.db.get<Job>(`UPDATE work_queue SET lease_until = now() + make_interval(secs => ?), worker = ?, attempts = attempts + 1
    WHERE seq = (SELECT seq FROM work_queue WHERE state = 'waiting' AND (lease_until IS NULL OR lease_until < now())
                 ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING seq, article, attempts`, [leaseSeconds, worker]);
  return row ?? null;
}

function analyse(store: PostgresStore, analyzer: Analyzer, job: Job, tally: WorkerTally,
  report: (e: WorkerEvent) => void): void {
  const fail = (error: DossierError) => {
    store.db.run(`UPDATE work_queue SET state = 'failed', error = ?, lease_until = NULL WHERE seq = ? AND state = 'waiting'`, [error.message, job.seq]);
    tally.failed++;
    report({ kind: 'failed', id: job.article.id, error });
  };
  if (job.attempts > MAX_ATTEMPTS) {
    fail(new DossierError('INTERNAL', `${MAX_ATTEMPTS} workers took this article and none finished it`, { where: job.article.origin }));
    return;
  }
  let saved: Saved;
  try {
    // a known article is not analysed again (as in a single-process ingest); it will be recorded as a copy
    if (store.findDuplicate(job.article)) {
      saved = { result: null, lessons: [] };
    } else {
      const { result, lessons } = analyzer.analyzeWithLessons(job.article);
      if (result.error) throw new DossierError('INPUT_FORMAT', `the article could not be analysed (${result.error.message}); it is not stored`, { where: job.article.origin });
      saved = { result, lessons };
    }
  } catch (e) {
    fail(asDossierError(e, job.article.origin));
    return;
  }
  // a slower worker whose lease ran out may finish the same article: the first saved analysis counts
  store.db.run(`UPDATE work_queue SET state = 'analysed', result = ?, lease_until = NULL WHERE seq = ? AND state = 'waiting'`,
    [deflateRawSync(JSON.stringify(saved)), job.seq]);
  tally.analysed++;
  report({ kind: 'analysed', tally });
}

/**
 * Commits analysed articles while the lowest article still to commit is analysed, each in its own
 * transaction. Whoever saves an analysis calls this after, so the article waiting for it is never
 * left behind.
 */
export function commitReady(store: PostgresStore, tally: WorkerTally, report: (e: WorkerEvent) => void): void {
  for (;;) {
    let done: boolean;
    try {
      done = commitNext(store);
    } catch (e) {
      const error = asDossierError(e);
      if (error.code === 'STORE' || e instanceof PgError) throw e;
      // the article itself cannot be stored (as a single-process ingest would skip it): set it aside, go on
      const seq = store.db.value<number>(`SELECT seq FROM work_queue WHERE state = 'analysed' ORDER BY seq LIMIT 1`);
      store.db.run(`UPDATE work_queue SET state = 'failed', error = ? WHERE seq = ?`, [error.message, seq]);
      tally.failed++;
      report({ kind: 'failed', id: String(seq), error });
      continue;
    }
    if (!done) return;
    tally.committed++;
    report({ kind: 'committed', tally });
  }
}

/** Commits the lowest article still to commit if it is analysed; false when there is none or it is not analysed yet. */
function commitNext(store: PostgresStore): boolean {
  return store.transaction(() => {
    const next = store.db.get<{ seq: number; state: string; article: RawArticle; result: Uint8Array | null }>(
      `SELECT seq, state, article, result FROM work_queue WHERE state <> 'failed' ORDER BY seq LIMIT 1`);
    if (!next || next.state !== 'analysed') return false;
    const saved = JSON.parse(inflateRawSync(next.result!).toString('utf8')) as Saved;
    store.writeArticle(next.article, () => {
      if (!saved.result) throw new DossierError('INTERNAL', 'an article known when analysed is no longer stored', { where: next.article.origin });
      return saved.result;
    }, saved.lessons);
    store.db.run('DELETE FROM work_queue WHERE seq = ?', [next.seq]);
    return true;
  });
}
