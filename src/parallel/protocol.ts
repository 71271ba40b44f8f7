import type { Lesson } from '../actors/learned.js';
import type { ArticleInput } from '../analyze.js';
import type { Result } from '../result/schema.js';

/**
 * One article for a worker to analyse. `json` asks for the result as the UTF-8 bytes of its JSON text
 * (`JSON.stringify(result)`), moved to the asking thread without a copy: a Result object is cloned
 * field by field on both sides, and even a string is copied and then encoded again by the thread that
 * writes it out (for a batch written as JSON lines that was most of the main thread's work besides
 * analysing, and the main thread shares the cores with the workers).
 */
export interface WorkerRequest {
  readonly id: number;
  readonly article: ArticleInput;
  readonly json: boolean;
}

/**
 * A worker's answer: the result (or its JSON text in UTF-8) with what the article teaches the learned
 * actor layer (Analyzer.analyzeWithLessons), or the error the in-process analyzer would have thrown.
 */
export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly result: Result | Uint8Array; readonly lessons: readonly Lesson[] }
  | { readonly id: number; readonly ok: false; readonly code: string; readonly message: string; readonly where?: string };

/**
 * Several requests in one message, answered by one message of their replies in the same order: a
 * batch pays one message each way and one wake-up of each thread, instead of one an article. A
 * worker also takes single requests (the API server sends those, one task at a time).
 */
export interface WorkerBatch { readonly batch: readonly WorkerRequest[] }
export interface WorkerBatchReply { readonly batch: readonly WorkerReply[] }
