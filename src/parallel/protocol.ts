import type { ArticleInput } from '../analyze.js';
import type { Result } from '../result/schema.js';

/** One article for a worker to analyse. */
export interface WorkerRequest {
  readonly id: number;
  readonly article: ArticleInput;
}

/** A worker's answer: the result, or the error the in-process analyzer would have thrown. */
export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly result: Result }
  | { readonly id: number; readonly ok: false; readonly code: string; readonly message: string; readonly where?: string };
