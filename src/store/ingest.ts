import { stat } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { teach } from '../actors/learned.js';
import { BUDGET_EXCEEDED, type Analysis, type Analyzer } from '../analyze.js';
import { DossierError, asDossierError } from '../core/errors.js';
import type { RawArticle } from '../ingest/article.js';
import { isFeedFile, readFeed } from '../ingest/feed.js';
import { isArticleFile, readArticles, readEntries, type IngestOptions, type SourceItem } from '../ingest/sources.js';
import { walkFiles } from '../ingest/walk.js';
import type { Result } from '../result/schema.js';
import type { Store } from './store.js';

/** What one ingest did, for the summary line and for programs. */
export interface IngestTally {
  /** articles read (stored, already stored or failed) */
  read: number;
  stored: number;
  /** already in the store (the same content, maybe under another URL) */
  known: number;
  failed: number;
  /** bytes of article text read */
  bytes: number;
}

export type IngestEvent =
  | { readonly kind: 'progress'; readonly tally: Readonly<IngestTally> }
  | { readonly kind: 'failed'; readonly id: string; readonly error: DossierError };

/**
 * Every article under the given paths: folders (articles and saved feeds inside them), .jsonl
 * files, article files and RSS/Atom feed files. A folder is walked once; what cannot be read in it
 * (a subfolder, a link) is a failed item, never the end of the batch.
 */
export async function* ingestSources(paths: readonly string[], options: IngestOptions = {}): AsyncGenerator<SourceItem> {
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info) throw new DossierError('INPUT_NOT_FOUND', 'no such file or folder', { where: p });
    if (!info.isDirectory()) {
      yield* isFeedFile(p) ? readFeedItems(p, options) : readArticles(p, options);
      continue;
    }
    const entries = await walkFiles(p, (name) => isArticleFile(name) || isFeedFile(name));
    if (!entries.length) throw new DossierError('INPUT_NOT_FOUND', 'the folder holds no article or feed files', { where: p });
    yield* readEntries(entries, options, (file) => (isFeedFile(file) ? readFeedItems(file, options) : readArticles(file, options)));
  }
}

/** A feed's items; a feed that cannot be read at all is one failed item. */
async function* readFeedItems(feed: string, options: IngestOptions): AsyncGenerator<SourceItem> {
  try {
    yield* readFeed(feed, options);
  } catch (e) {
    yield { ok: false, id: path.basename(feed), origin: feed, error: asDossierError(e, feed) };
  }
}

/** How many articles the paths hold, when that is known without reading them (no .jsonl, no feeds). */
export async function countArticles(paths: readonly string[]): Promise<number | null> {
  let total = 0;
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info) return null;
    if (!info.isDirectory()) {
      if (isFeedFile(p) || p.toLowerCase().endsWith('.jsonl')) return null;
      total++;
      continue;
    }
    const entries = await walkFiles(p, (name) => isArticleFile(name) || isFeedFile(name)).catch(() => null);
    if (!entries || entries.some((e) => isFeedFile(e.file) || e.file.toLowerCase().endsWith('.jsonl'))) return null;
    total += entries.length;
  }
  return total;
}

/**
 * The result, if it may be stored: an analysis cut short by its time budget depends on the machine's
 * speed, and a result with an error has nothing to store; both are refused with the reason.
 */
export function storable(result: Result, where: string): Result {
  const over = result.diagnostics.find((d) => d.code === BUDGET_EXCEEDED);
  if (over) throw new DossierError('INPUT_TOO_LARGE', `the analysis took longer than its budget and was stopped (${over.message}); it is not stored`, { where });
  if (result.error) throw new DossierError('INPUT_FORMAT', `the article could not be analysed (${result.error.message}); it is not stored`, { where });
  return result;
}

/** How many times, and after what first pause, a commit that met another writer's lock is tried again. */
export const BUSY_RETRIES = 8;
export const BUSY_FIRST_PAUSE_MS = 50;

/** A pool of analysis workers (src/parallel's AnalyzerPool), as ingest uses it. */
export interface AnalysisPool {
  readonly size: number;
  analyzeWithLessons(article: RawArticle): Promise<Analysis>;
}

/**
 * What analyses articles for ingest: an Analyzer in this thread, or a pool of workers (`--jobs`).
 * Either looks the learned actor layer up at most (give the Analyzer `store.learnedActors()`); what
 * an article teaches comes back with its result and is applied in the article's commit.
 */
export type IngestAnalysis =
  | { readonly analyzer: Analyzer }
  | { readonly pool: AnalysisPool };

/**
 * Analyses and stores every article of the sources: analysis first, outside any transaction, then
 * a short write transaction for the article (Store.addArticle), so another writer (a second ingest,
 * the API) waits milliseconds for the lock, never an analysis. A commit that still meets the lock
 * is tried again after a growing pause; a store that stays locked ends the ingest with a STORE error
 * that names the first cause. A killed ingest keeps what it committed and a re-run skips it without
 * analysing it again. With a pool, articles are analysed in parallel and committed in input order.
 */
export async function ingest(store: Store, analysis: IngestAnalysis, sources: AsyncIterable<SourceItem>,
  report: (e: IngestEvent) => void = () => {}): Promise<IngestTally> {
  const tally: IngestTally = { read: 0, stored: 0, known: 0, failed: 0, bytes: 0 };
  const fail = (id: string, error: DossierError) => { tally.failed++; report({ kind: 'failed', id, error }); };
  const analyse = async (article: RawArticle): Promise<Analysis> => {
    const analysed = 'pool' in analysis ? await analysis.pool.analyzeWithLessons(article) : analysis.analyzer.analyzeWithLessons(article);
    storable(analysed.result, article.origin);
    return analysed;
  };
  type Prepared = { item: SourceItem; known: boolean; result: Promise<Analysis> | null };
  const prepare = (item: SourceItem): Prepared => {
    if (!item.ok) return { item, known: false, result: null };
    // a re-run after an interruption skips what was committed without analysing it
    if (store.findDuplicate(item.article)) return { item, known: true, result: null };
    const result = analyse(item.article);
    result.catch(() => {}); // awaited in order below; this only keeps it from counting as unhandled meanwhile
    return { item, known: false, result };
  };
  const commit = async ({ item, result }: Prepared): Promise<void> => {
    tally.read++;
    if (!item.ok) { fail(item.id, item.error); return; }
    const article = item.article;
    tally.bytes += Buffer.byteLength(article.text);
    let analysed: Analysis | null = null;
    if (result) {
      try {
        analysed = await result;
      } catch (e) {
        fail(article.id, asDossierError(e, article.origin));
        return;
      }
    }
    const added = await withBusyRetry(() => store.addArticle(article, () => {
      // called inside the transaction, only when the article is new: what it teaches is committed with it
      if (!analysed) throw new DossierError('INTERNAL', 'an article found new at commit was not analysed', { where: article.origin });
      teach(store.learnedActors(), analysed.lessons);
      return analysed.result;
    }), article.origin).catch((e: unknown) => {
      const error = asDossierError(e, article.origin);
      if (error.code === 'STORE') throw error;
      fail(article.id, error);
      return null;
    });
    if (added) {
      if (added.inserted) tally.stored++;
      else tally.known++;
    }
  };
  const window = 'pool' in analysis ? analysis.pool.size * 4 : 1;
  const inFlight: Prepared[] = [];
  for await (const item of sources) {
    inFlight.push(prepare(item));
    while (inFlight.length >= window) {
      await commit(inFlight.shift()!);
      report({ kind: 'progress', tally });
    }
  }
  while (inFlight.length) {
    await commit(inFlight.shift()!);
    report({ kind: 'progress', tally });
  }
  return tally;
}

/**
 * Runs a write, trying it again while another writer holds the lock (SQLITE_BUSY past the
 * connection's own busy timeout), with pauses that double; after the last try the error is a
 * STORE error whose message says it was the lock, with the first error as its cause.
 */
export async function withBusyRetry<T>(write: () => T, where: string, retries = BUSY_RETRIES, firstPauseMs = BUSY_FIRST_PAUSE_MS): Promise<T> {
  let first: unknown = null;
  for (let attempt = 0; ; attempt++) {
    try {
      return write();
    } catch (e) {
      if (!isBusy(e)) throw e;
      first ??= e;
      if (attempt >= retries) {
        throw new DossierError('STORE', `the database stayed locked by another writer through ${retries + 1} tries (${(first as Error).message}); nothing of this article was written`, { where }, { cause: first });
      }
      await sleep(firstPauseMs * 2 ** attempt * (0.5 + Math.random() / 2));
    }
  }
}

/** SQLite's "another connection holds the lock" (better-sqlite3 gives the code on the error). */
export function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED' ||
    (e instanceof DossierError && e.cause !== undefined && isBusy(e.cause));
}
