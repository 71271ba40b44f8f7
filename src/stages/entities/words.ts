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

// "'s", "’s" or a bare apostrophe (string tests, not a regular expression: this runs on every token)
const isPossessive = (v: string): boolean => v === "'s" || v === '’s' || v === "'" || v === '’';

// one constructor for every word, so that they all share one shape
function word(text: string, start: number, end: number, pos: string, possessive: boolean, index: number, breakBefore: boolean): Word {
  return { text, start, end, pos, possessive, index, breakBefore };
}

/**
 * The words of a sentence from its tokens. wink splits "Jong-Un" into three tokens and "Trump’s"
 * into two; the actor base knows "Kim Jong-Un" and "Trump", so hyphen joins are glued back and the
 * possessive becomes a flag on the word before it.
 */
export function wordsOfSentence(text: string, tokens: readonly LayerAnnotation<'token'>[], from = 0, to = tokens.length): Word[] {
  const out: Word[] = [];
  let pendingBreak = false;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    const v = t.data.value;
    const prev = out[out.length - 1];
    if (v.length <= 2 && isPossessive(v) && prev && prev.end === t.start) {
      out[out.length - 1] = word(prev.text, prev.start, prev.end, prev.pos, true, prev.index, prev.breakBefore);
      continue;
    }
    // glue "Jong" "-" "Un" (no spaces) into one word
    if (v === '-' && prev && prev.end === t.start && i + 1 < to && tokens[i + 1]!.start === t.end && /^[\p{L}\p{N}]/u.test(tokens[i + 1]!.data.value)) {
      const next = tokens[i + 1]!;
      const pos = prev.pos === 'PROPN' || next.data.pos === 'PROPN' ? 'PROPN' : prev.pos;
      out[out.length - 1] = word(text.slice(prev.start, next.end), prev.start, next.end, pos, prev.possessive, prev.index, prev.breakBefore);
      i++;
      continue;
    }
    if (t.data.type === 'punctuation' || t.data.pos === 'PUNCT' || t.data.pos === 'SYM') { pendingBreak = true; continue; }
    out.push(word(v, t.start, t.end, t.data.pos, false, out.length, pendingBreak || !prev));
    pendingBreak = false;
  }
  return out;
}
