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

/**
 * The mentions of each entity, by the entity annotation's id, in text order. An entity's mentions
 * are kept once, in the mention layer; this is how readers get them per entity.
 */
export function mentionsByEntity(doc: Document): ReadonlyMap<number, readonly Range[]> {
  const out = new Map<number, Range[]>();
  if (!doc.has('mention')) return out;
  for (const m of doc.layer('mention')) {
    const list = out.get(m.data.entity);
    if (list) list.push(m); else out.set(m.data.entity, [m]);
  }
  for (const list of out.values()) if (!inStartOrder(list)) list.sort((a, b) => a.start - b.start);
  return out;
}

function inStartOrder(list: readonly Range[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i - 1]!.start > list[i]!.start) return false;
  return true;
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
