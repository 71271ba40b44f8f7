import type { LayerAnnotation } from '../core/annotation.js';
import type { Document } from '../core/document.js';
import type { Range } from '../core/span.js';

/** A token and a sentence as stages read them (one name for each, instead of one a file). */
export type Token = LayerAnnotation<'token'>;
export type Sentence = LayerAnnotation<'sentence'>;

/**
 * A token as rules that read a sentence word by word see it: a flat record of the layer's token with
 * its lower case and whether it is a word worked out once (the attributions stage's frame rules and
 * cue tagger read these, a sentence at a time).
 */
export interface WordToken extends Range {
  readonly value: string;
  /** lower case, with ’ as ' */
  readonly low: string;
  /** universal part of speech tag */
  readonly pos: string;
  /** the token holds a letter or a digit (is not punctuation) */
  readonly word: boolean;
}

/** The lower case that word rules compare: a typographic apostrophe (’) read as a straight one. */
export const lowerForm = (value: string): string => value.toLowerCase().replace(/’/g, "'");

/** Whether a token holds a letter or a digit. */
export const hasWordCharacter = (value: string): boolean => /[\p{L}\p{N}]/u.test(value);

/** The word view of a token of the layer; `low` and `word` may come from the caller's own look-up of the form. */
export function wordToken(t: Token, low = lowerForm(t.data.value), word = hasWordCharacter(t.data.value)): WordToken {
  return { start: t.start, end: t.end, value: t.data.value, low, pos: t.data.pos, word };
}

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

/** The index in the sentence layer of the sentence that contains an offset, or -1. */
export function sentenceIndexAt(doc: Document, offset: number): number {
  const sentences = doc.layer('sentence');
  const i = firstEndingAfter(sentences, offset);
  const s = sentences[i];
  return s && s.start <= offset ? i : -1;
}

/** The sentence that contains an offset, if any. */
export function sentenceAt(doc: Document, offset: number): Sentence | undefined {
  const i = sentenceIndexAt(doc, offset);
  return i < 0 ? undefined : doc.layer('sentence')[i];
}
