import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Analysis, ArticleInput } from '../analyze.js';
import { DossierError, type ErrorCode } from '../core/errors.js';
import type { Result } from '../result/schema.js';
import type { WorkerBatch, WorkerBatchReply, WorkerReply, WorkerRequest } from './protocol.js';
import { spawnModuleWorker } from './spawn.js';

/** The module of an analysis worker (protocol.ts): one Analyzer, an article or a batch of them a message. */
export const ANALYSIS_WORKER = new URL('./worker.js', import.meta.url);

/** `--jobs auto`: one worker a core, but no more than this (each holds its own models, ~150 MB). */
const MAX_AUTO_JOBS = 8;

/**
 * Articles a message to a worker carries at most (protocol.ts, WorkerBatch), and batches a worker
 * holds at once: one it analyses, one waiting in its port. With one article at a time a worker sat
 * idle from each answer until the main thread woke to send the next (a fifth of its time on a busy
 * machine), and every article cost a message and a wake-up of both threads each way. A batch is sent
 * with what the queue holds, never waiting to fill, so a trickle of articles is not held back.
 */
const BATCH_ARTICLES = 4;
const BATCHES_PER_WORKER = 2;

export function autoJobs(): number {
  return Math.max(1, Math.min(MAX_AUTO_JOBS, availableParallelism()));
}

interface Pending { resolve(r: Result | Uint8Array, lessons: Analysis['lessons']): void; reject(e: Error): void }
interface Slot { readonly worker: Worker; batchesInFlight: number }

/** What the pool needs of an in-process analyzer (the Analyzer class; a type here, so that the pool does not load the pipeline). */
interface LocalAnalyzer { analyzeWithLessons(article: ArticleInput): Analysis }

export interface PoolOptions {
  /**
   * An analyzer of the calling thread that counts as one of the pool's `size`: it takes an article
   * whenever every worker has its fill. A batch then loads the models and warms the JIT once less
   * (each worker pays both in full: on 5,000 short articles that was a quarter of the CPU time of a
   * second worker), and the thread that reads articles and writes results, which is on the cores
   * anyway, analyses too.
   */
  readonly local?: LocalAnalyzer;
}

/**
 * Analyses articles on several threads, each with its own Analyzer, so that a batch uses every core.
 * `analyze` resolves with the same Result the in-process Analyzer gives; callers that need input
 * order keep their promises in order. Without a local analyzer, articles wait in a queue while all
 * workers are busy.
 */
export class AnalyzerPool {
  /** analyzers in all: the workers, and the local analyzer if there is one */
  readonly size: number;
  private readonly local: LocalAnalyzer | null;
  private readonly slots: Slot[] = [];
  private readonly queue: WorkerRequest[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | null = null;
  /** whether the calling thread's next article is already scheduled (setImmediate) */
  private localTurn = false;

  constructor(size: number, options: PoolOptions = {}) {
    if (!Number.isInteger(size) || size < 1) throw new DossierError('USAGE', `a pool needs at least one worker, not ${size}`);
    this.size = size;
    this.local = options.local ?? null;
    for (let i = this.local ? 1 : 0; i < size; i++) this.slots.push(this.spawn());
  }

  async analyze(article: ArticleInput): Promise<Result> {
    return (await this.analyzeWithLessons(article)).result;
  }

  /** The result with what the article teaches the learned actor layer (Analyzer.analyzeWithLessons), from whichever thread analysed it. */
  analyzeWithLessons(article: ArticleInput): Promise<Analysis> {
    return this.submit(article, false) as Promise<Analysis>;
  }

  /**
   * The result as the UTF-8 bytes of its JSON text (`JSON.stringify(result)`), for callers that only
   * write it out: the cheapest to pass between threads, and written without encoding it again.
   */
  async analyzeJson(article: ArticleInput): Promise<Uint8Array> {
    return (await this.submit(article, true)).result as Uint8Array;
  }

  private submit(article: ArticleInput, json: boolean): Promise<{ result: Result | Uint8Array; lessons: Analysis['lessons'] }> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: (result, lessons) => resolve({ result, lessons }), reject });
      this.queue.push({ id, article, json });
      this.dispatch();
    });
  }

  /** Ends the workers once every article given so far has its result. */
  async close(): Promise<void> {
    while (this.pending.size && !this.failure) await new Promise((r) => setTimeout(r, 5));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = spawnModuleWorker(ANALYSIS_WORKER);
    const slot: Slot = { worker, batchesInFlight: 0 };
    worker.on('message', ({ batch }: WorkerBatchReply) => {
      slot.batchesInFlight--;
      for (const reply of batch) this.settle(reply);
      this.dispatch();
    });
    // a worker that dies takes no article with it silently: everything still waiting is refused
    worker.on('error', (e: Error) => this.fail(new DossierError('INTERNAL', `an analysis worker failed: ${e.message}`)));
    worker.on('exit', (code) => { if (code !== 0 && this.pending.size) this.fail(new DossierError('INTERNAL', `an analysis worker stopped with code ${code}`)); });
    return slot;
  }

  private settle(reply: WorkerReply): void {
    const waiting = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if (!waiting) return;
    if (reply.ok) waiting.resolve(reply.result, reply.lessons);
    else waiting.reject(new DossierError(reply.code as ErrorCode, reply.message, reply.where ? { where: reply.where } : {}));
  }

  private dispatch(): void {
    // the least loaded worker first, so that articles spread evenly
    while (this.queue.length && this.slots.length) {
      let slot = this.slots[0]!;
      for (const s of this.slots) if (s.batchesInFlight < slot.batchesInFlight) slot = s;
      if (slot.batchesInFlight >= BATCHES_PER_WORKER) break;
      slot.batchesInFlight++;
      slot.worker.postMessage({ batch: this.queue.splice(0, BATCH_ARTICLES) } satisfies WorkerBatch);
    }
    // what the workers cannot take now, the calling thread analyses: one article per turn of the
    // event loop, so the workers' answers are read (and the workers given more) between two of its
    // articles. Analysing inline, as submit() once did, kept the event loop from turning for as
    // long as the caller submitted: the workers' answers waited, the workers went idle with their
    // few articles done, and the calling thread ended up analysing nearly all of a batch.
    if (this.queue.length && this.local && !this.localTurn) {
      this.localTurn = true;
      setImmediate(() => this.analyzeLocally());
    }
  }

  private analyzeLocally(): void {
    this.localTurn = false;
    const request = this.queue.shift();
    if (!request) return;
    const waiting = this.pending.get(request.id);
    this.pending.delete(request.id);
    try {
      const { result, lessons } = this.local!.analyzeWithLessons(request.article);
      waiting?.resolve(request.json ? Buffer.from(JSON.stringify(result)) : result, lessons);
    } catch (e) {
      waiting?.reject(e as Error);
    }
    this.dispatch();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
    this.queue.length = 0;
  }
}
