import type { LayerAnnotation } from '../../core/annotation.js';

/** A word of a sentence as the actor base sees it: hyphenated names joined, possessives split off. */
export interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly pos: string;
  /** followed by 's or ’s */
  readonly possessive: boolean;
  /** index of the word in its sentence */
  readonly index: number;
  /** a break (punctuation, a conjunction, a verb ...) separates this word from the one before */
  readonly breakBefore: boolean;
}

const POSSESSIVE = /^['’]s?$/;

/**
 * The words of a sentence from its tokens. wink splits "Jong-Un" into three tokens and "Trump’s"
 * into two; the actor base knows "Kim Jong-Un" and "Trump", so hyphen joins are glued back and the
 * possessive becomes a flag on the word before it.
 */
export function wordsOfSentence(text: string, tokens: readonly LayerAnnotation<'token'>[]): Word[] {
  const out: Word[] = [];
  let pendingBreak = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const v = t.data.value;
    const prev = out[out.length - 1];
    if (POSSESSIVE.test(v) && prev && prev.end === t.start) {
      out[out.length - 1] = { ...prev, possessive: true, end: prev.end };
      continue;
    }
    // glue "Jong" "-" "Un" (no spaces) into one word
    if (v === '-' && prev && prev.end === t.start && tokens[i + 1] && tokens[i + 1]!.start === t.end && /^[\p{L}\p{N}]/u.test(tokens[i + 1]!.data.value)) {
      const next = tokens[i + 1]!;
      out[out.length - 1] = { ...prev, text: text.slice(prev.start, next.end), end: next.end, pos: prev.pos === 'PROPN' || next.data.pos === 'PROPN' ? 'PROPN' : prev.pos };
      i++;
      continue;
    }
    if (t.data.type === 'punctuation' || t.data.pos === 'PUNCT' || t.data.pos === 'SYM') { pendingBreak = true; continue; }
    out.push({ text: v, start: t.start, end: t.end, pos: t.data.pos, possessive: false, index: out.length, breakBefore: pendingBreak || !prev });
    pendingBreak = false;
  }
  return out;
}
