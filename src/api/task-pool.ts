import type { Worker } from 'node:worker_threads';
import { HttpError } from './errors.js';

/** What a task pool's workers answer: `{ id, ...answer }` for the request `{ id, ...task }`. */
type Reply = { readonly id: number } & Record<string, unknown>;

export interface TaskPoolOptions {
  /** worker threads */
  readonly size: number;
  /** tasks that may wait for a worker; past them a request is answered 503 at once */
  readonly maxQueue: number;
  /** wall-clock milliseconds a task may take, waiting included */
  readonly timeoutMs: number;
  /** the error a task past its time gets (its worker is replaced) */
  readonly onTimeout: () => HttpError;
  /** seconds a client is told to wait when the queue is full */
  readonly retryAfterSeconds?: number;
  /** the workers post `{ ready: true }` once loaded, and get work only then (else from when they are online) */
  readonly readyMessage?: boolean;
}

interface Job { readonly id: number; readonly task: object; resolve(r: Reply): void; reject(e: Error): void; timer: NodeJS.Timeout | null; slot: Slot | null }
interface Slot { worker: Worker; job: Job | null; ready: boolean }

/**
 * Work that would block the server's one thread (an analysis, a long query) runs on worker threads.
 * The queue is bounded (503 with Retry-After when full) and every task has a deadline from when a
 * worker takes it: past it the request is answered with `onTimeout()` and the worker still busy
 * with it is ended and replaced, since a synchronous query or analysis cannot be interrupted any
 * other way.
 */
export class TaskPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly spawn: () => Worker, private readonly options: TaskPoolOptions) {
    for (let i = 0; i < options.size; i++) this.slots.push(this.start({ worker: null as unknown as Worker, job: null, ready: false }));
  }

  run(task: object): Promise<Reply> {
    if (this.closed) return Promise.reject(new HttpError(503, 'SHUTTING_DOWN', 'the server is stopping'));
    // a task that finds every worker busy and the queue full is refused at once
    if (this.queue.length >= this.options.maxQueue && this.slots.every((s) => s.job || !s.ready)) {
      return Promise.reject(new HttpError(503, 'BUSY', `the server is busy (${this.queue.length} requests waiting); try again shortly`,
        { 'retry-after': String(this.options.retryAfterSeconds ?? 1) }));
    }
    return new Promise<Reply>((resolve, reject) => {
      const job: Job = { id: this.nextId++, task, resolve, reject, slot: null, timer: null };
      this.queue.push(job);
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new HttpError(503, 'SHUTTING_DOWN', 'the server is stopping'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private start(slot: Slot): Slot {
    const worker = this.spawn();
    slot.worker = worker;
    slot.job = null;
    slot.ready = false;
    if (!this.options.readyMessage) worker.once('online', () => { slot.ready = true; this.dispatch(); });
    worker.on('message', (reply: Reply) => {
      if ((reply as { ready?: unknown }).ready === true) { slot.ready = true; this.dispatch(); return; }
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      slot.job = null;
      if (job.timer) clearTimeout(job.timer);
      job.resolve(reply);
      this.dispatch();
    });
    // a worker that dies fails only the task it had, and is replaced
    const died = (why: string) => {
      if (slot.worker !== worker || this.closed) return;
      const job = slot.job;
      if (job) { if (job.timer) clearTimeout(job.timer); job.reject(new Error(`a worker stopped: ${why}`)); }
      this.start(slot);
      this.dispatch();
    };
    worker.on('error', (e: Error) => died(e.message));
    worker.on('exit', (code) => died(`exit code ${code}`));
    return slot;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job || !slot.ready) continue;
      const job = this.queue.shift();
      if (!job) return;
      slot.job = job;
      job.slot = slot;
      job.timer = setTimeout(() => this.expire(job), this.options.timeoutMs);
      slot.worker.postMessage({ id: job.id, ...job.task });
    }
  }

  private expire(job: Job): void {
    const waiting = this.queue.indexOf(job);
    if (waiting >= 0) this.queue.splice(waiting, 1);
    const slot = job.slot;
    if (slot && slot.job === job) {
      const old = slot.worker;
      this.start(slot);
      void old.terminate();
    }
    job.reject(this.options.onTimeout());
    this.dispatch();
  }
}
