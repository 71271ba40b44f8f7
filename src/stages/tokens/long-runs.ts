import type { TokenColumns } from './possessive.js';

/**
 * Runs of text without white space longer than this are one opaque token. wink's tokeniser tests
 * every token against regular expressions whose cost grows with the square of the token's length
 * (the model's `isAbbrev`, `/[a-z].*\.$/i`: 100,000 letters take 12 s, 200,000 take 82 s), so one
 * long "word" could hold a batch, or the server, for minutes. Search engines cap token length for
 * the same reason (Lucene's standard tokenizer: 255). No word of real news comes near it (the
 * longest run in the PolNeAR development articles has 39 characters); a longer run, such as a very
 * long URL, becomes one token, which keeps the cost of a run linear in its length.
 */
export const MAX_RUN_CHARS = 256;

/** A run of the text replaced in what wink reads, by [start, end) offsets. */
export interface OpaqueRuns {
  /** the text wink reads: the same length, each long run replaced by "0" and spaces */
  readonly read: string;
  /** start and end offsets of the replaced runs, in text order */
  readonly runs: readonly number[];
}

const LONG_RUN = new RegExp(`\\S{${MAX_RUN_CHARS + 1},}`, 'g');

/**
 * The text wink reads, with every run of more than MAX_RUN_CHARS non-space characters replaced by
 * one digit and spaces (the same length, so offsets hold): wink then reads one short token in
 * linear time, and `restoreRuns` gives that token the run's real extent and text.
 */
export function guardLongRuns(text: string): OpaqueRuns {
  if (text.length <= MAX_RUN_CHARS) return { read: text, runs: [] };
  const runs: number[] = [];
  const read = text.replace(LONG_RUN, (run: string, at: number) => {
    runs.push(at, at + run.length);
    return '0' + ' '.repeat(run.length - 1);
  });
  return { read, runs };
}

/**
 * Gives each placeholder token of a replaced run (the token that starts where a run starts) the
 * run's end and its text, as an opaque word of unknown part of speech. `offsets` are pairs
 * [start, end) a token, as alignTokens gives them.
 */
export function restoreRuns(text: string, runs: readonly number[], columns: TokenColumns, offsets: number[]): void {
  if (!runs.length || !columns.values.length) return;
  // the first run that ends after the first token starts (called once a paragraph: no scan from 0)
  let lo = 0, hi = runs.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[2 * mid + 1]! <= offsets[0]!) lo = mid + 1; else hi = mid;
  }
  let r = 2 * lo;
  for (let t = 0; t < columns.values.length && r < runs.length; t++) {
    const start = offsets[2 * t]!;
    while (r < runs.length && runs[r + 1]! <= start) r += 2;
    if (r >= runs.length || runs[r] !== start) continue;
    const end = runs[r + 1]!;
    const value = text.slice(start, end);
    offsets[2 * t + 1] = end;
    columns.values[t] = value;
    columns.normal[t] = columns.lemma[t] = value.toLowerCase();
    columns.pos[t] = 'X';
    columns.type[t] = 'word';
    r += 2;
  }
}
