import type { Lesson } from '../actors/learned.js';
import type { ArticleInput } from '../analyze.js';
import type { Result } from '../result/schema.js';

/**
 * One article for a worker to analyse. `json` asks for the result as its JSON text: a string crosses
 * the thread boundary as one copy, where a Result object is cloned field by field on both sides (for a
 * batch written as JSON lines that clone was most of the main thread's work, and the main thread
 * shares the cores with the workers).
 */
export interface WorkerRequest {
  readonly id: number;
  readonly article: ArticleInput;
  readonly json: boolean;
}

/**
 * A worker's answer: the result (or its JSON text) with what the article teaches the learned actor
 * layer (Analyzer.analyzeWithLessons), or the error the in-process analyzer would have thrown.
 */
export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly result: Result | string; readonly lessons: readonly Lesson[] }
  | { readonly id: number; readonly ok: false; readonly code: string; readonly message: string; readonly where?: string };
