import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { ArticleInput } from '../analyze.js';
import { DossierError, type ErrorCode } from '../core/errors.js';
import type { Result } from '../result/schema.js';
import type { WorkerReply, WorkerRequest } from './protocol.js';
import { spawnModuleWorker } from './spawn.js';

/** The module of an analysis worker (protocol.ts): one Analyzer, one article a message. */
export const ANALYSIS_WORKER = new URL('./worker.js', import.meta.url);

/** `--jobs auto`: one worker a core, but no more than this (each holds its own models, ~150 MB). */
const MAX_AUTO_JOBS = 8;

export function autoJobs(): number {
  return Math.max(1, Math.min(MAX_AUTO_JOBS, availableParallelism()));
}

interface Pending { resolve(r: Result): void; reject(e: Error): void }
interface Slot { readonly worker: Worker; busy: number | null }

/**
 * Analyses articles on several worker threads, each with its own Analyzer, so that a batch uses
 * every core. `analyze` resolves with the same Result the in-process Analyzer gives; callers that
 * need input order keep their promises in order. Articles wait in a queue while all workers are busy.
 */
export class AnalyzerPool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: WorkerRequest[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | null = null;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 1) throw new DossierError('USAGE', `a pool needs at least one worker, not ${size}`);
    this.size = size;
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  analyze(article: ArticleInput): Promise<Result> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<Result>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.queue.push({ id, article });
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
    const slot: Slot = { worker, busy: null };
    worker.on('message', (reply: WorkerReply) => {
      slot.busy = null;
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (waiting) {
        if (reply.ok) waiting.resolve(reply.result);
        else waiting.reject(new DossierError(reply.code as ErrorCode, reply.message, reply.where ? { where: reply.where } : {}));
      }
      this.dispatch();
    });
    // a worker that dies takes no article with it silently: everything still waiting is refused
    worker.on('error', (e: Error) => this.fail(new DossierError('INTERNAL', `an analysis worker failed: ${e.message}`)));
    worker.on('exit', (code) => { if (code !== 0 && this.pending.size) this.fail(new DossierError('INTERNAL', `an analysis worker stopped with code ${code}`)); });
    return slot;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.busy !== null) continue;
      const next = this.queue.shift();
      if (!next) return;
      slot.busy = next.id;
      slot.worker.postMessage(next);
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
    this.queue.length = 0;
  }
}
