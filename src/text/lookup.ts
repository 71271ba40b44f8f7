import type { LayerAnnotation } from '../core/annotation.js';
import type { Document } from '../core/document.js';
import type { Range } from '../core/span.js';

/** A token and a sentence as stages read them (one name for each, instead of one a file). */
export type Token = LayerAnnotation<'token'>;
export type Sentence = LayerAnnotation<'sentence'>;

/** Index of the first annotation whose end is after `offset` (binary search over sorted, non-overlapping annotations). */
export function firstEndingAfter(list: readonly Range[], offset: number): number {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid]?.end ?? 0) <= offset) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** The tokens that overlap a range, as [first, end) indices into the token layer. */
export function tokenIndexRange(doc: Document, range: Range): [number, number] {
  const tokens = doc.layer('token');
  const first = firstEndingAfter(tokens, range.start);
  return [first, firstStartingAt(tokens, range.end, first)];
}

/** Index of the first annotation from `from` on whose start is at or after `offset` (binary search: the layer is sorted by start). */
function firstStartingAt(list: readonly Range[], offset: number, from: number): number {
  let lo = from, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.start < offset) lo = mid + 1; else hi = mid;
  }
  return lo;
}

export function tokensIn(doc: Document, range: Range): readonly Token[] {
  const [a, b] = tokenIndexRange(doc, range);
  return doc.layer('token').slice(a, b);
}

/** The sentence that contains an offset, if any. */
export function sentenceAt(doc: Document, offset: number): Sentence | undefined {
  const sentences = doc.layer('sentence');
  const i = firstEndingAfter(sentences, offset);
  const s = sentences[i];
  return s && s.start <= offset ? s : undefined;
}
