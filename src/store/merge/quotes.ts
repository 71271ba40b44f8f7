import type { WordChange } from '../store.js';

/**
 * Quote merging and fidelity. Two attributions are one quote when they have the same speaker
 * and their words mostly agree (Dice over word tokens at least QUOTE_MATCH_DICE); the variants'
 * differences from the first reported wording are recorded word by word.
 */
export const QUOTE_MATCH_DICE = 0.6;
/** shorter contents ("scare quotes", single words) are not quotes worth merging */
export const MIN_QUOTE_WORDS = 4;
/**
 * Words agreeing this much (Dice), in a quote of at least SAME_WORDS_MIN_WORDS words, are one quote
 * whoever the engine took for the speaker in each outlet: a tweet printed by three outlets ("he
 * wrote", "Trump's message to Rouhani") is one quote, under its first speaker.
 */
export const SAME_WORDS_DICE = 0.9;
export const SAME_WORDS_MIN_WORDS = 8;
/** word diffs are computed on at most this many words (quotes are short; this bounds the work) */
const MAX_DIFF_WORDS = 400;

export const quoteWords = (text: string): string[] =>
  (text.normalize('NFKC').toLowerCase().replace(/[\u2018\u2019']/g, '').match(/[\p{L}\p{N}]+/gu) ?? []);

export function dice(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of b) {
    const n = counts.get(w) ?? 0;
    if (n > 0) { shared++; counts.set(w, n - 1); }
  }
  return (2 * shared) / (a.length + b.length);
}

/**
 * The word-level changes that turn `canonical` into `variant` (longest common subsequence), with
 * neighbouring deletions and insertions joined into replacements, and the fidelity: the share of
 * words kept, 1 when the wording is the same.
 */
export function wordChanges(canonical: string, variant: string): { changes: WordChange[]; fidelity: number } {
  const a = quoteWords(canonical).slice(0, MAX_DIFF_WORDS);
  const b = quoteWords(variant).slice(0, MAX_DIFF_WORDS);
  const n = a.length, m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const changes: WordChange[] = [];
  let del: string[] = [], ins: string[] = [];
  const flush = () => {
    if (del.length || ins.length) {
      changes.push({ op: del.length && ins.length ? 'replace' : del.length ? 'delete' : 'insert', from: del.join(' '), to: ins.join(' ') });
    }
    del = []; ins = [];
  };
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) { flush(); i++; j++; }
    else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) ins.push(b[j++]!);
    else del.push(a[i++]!);
  }
  flush();
  const kept = lcs[0]?.[0] ?? 0;
  const fidelity = Math.max(n, m) === 0 ? 1 : kept / Math.max(n, m);
  return { changes, fidelity: Math.round(fidelity * 1000) / 1000 };
}

/**
 * Hashes of a quote's word pairs ("never negotiate", "negotiate under"): the candidate index for
 * merging. A variant with a few words changed still shares most pairs with the first wording.
 */
export function wordPairHashes(text: string): number[] {
  const words = quoteWords(text);
  const out = new Set<number>();
  for (let i = 0; i + 1 < words.length; i++) {
    const pair = `${words[i]} ${words[i + 1]}`;
    let h = 0x811c9dc5;
    for (let k = 0; k < pair.length; k++) h = Math.imul(h ^ pair.charCodeAt(k), 0x01000193);
    out.add(h | 0);
  }
  return [...out];
}

/**
 * How many of a quote's word-pair hashes the candidate index keeps (quote_gram, migration 11): a
 * bottom-k sketch, the smallest ones. A new quote still looks up all its pairs; a stored wording it
 * repeats in the main (Dice >= QUOTE_MATCH_DICE) shares most pairs with it, so some of any 8 of
 * them; quotes of up to 9 words keep all their pairs. The index was an eighth of the store.
 */
export const QUOTE_SKETCH_SIZE = 8;

/** The word-pair hashes of a quote that the candidate index keeps: the QUOTE_SKETCH_SIZE smallest. */
export function quoteSketch(text: string): number[] {
  return wordPairHashes(text).sort((a, b) => a - b).slice(0, QUOTE_SKETCH_SIZE);
}

/**
 * A quote's wording as a variant keeps it: the content's words without the spaces around them, and
 * their offsets in the article's text (the SQLite store reads the words back from there).
 */
export function quoteWording(content: { readonly start: number; readonly text: string }): { text: string; start: number; end: number } {
  const text = content.text.trim();
  const start = content.start + (content.text.length - content.text.trimStart().length);
  return { text, start, end: start + text.length };
}
