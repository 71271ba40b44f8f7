import type { Range } from './span.js';

export type Severity = 'error' | 'warning' | 'info';

/**
 * A problem found in a document, stored with it (never thrown): which stage saw it, a stable code,
 * a message for people, and where in the text, when that is known.
 */
export interface Diagnostic {
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly stage?: string;
  readonly range?: Range;
}
