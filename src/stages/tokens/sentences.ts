/**
 * wink ends a sentence at some abbreviations it does not know: "Sen. Claire McCaskill (D-Mo.) | said
 * the plan would fail", "Rep. Trey Gowdy (R-S. | C.) said", "the Rev. | Peter Wherry". A break is
 * false when the next sentence opens with a lower-case word, when the sentence before it ends with
 * a title or an initial, or when it leaves a bracket open; such sentences are joined again.
 *
 * `sentences` are [first, last] token indices (inclusive); `offsets` holds each token's start and
 * end as pairs. Returns the sentences with false breaks removed (the same array when there are none).
 */
export function joinFalseBreaks(text: string, offsets: ArrayLike<number>, sentences: [number, number][]): [number, number][] {
  if (sentences.length < 2) return sentences;
  let out: [number, number][] | null = null;
  let current = sentences[0]!;
  for (let s = 1; s < sentences.length; s++) {
    const next = sentences[s]!;
    if (isFalseBreak(text, offsets[2 * current[0]]!, offsets[2 * current[1] + 1]!, offsets[2 * next[0]]!)) {
      out ??= sentences.slice(0, s - 1).map((x) => [x[0], x[1]]);
      current = [current[0], next[1]];
      continue;
    }
    out?.push(current);
    current = next;
  }
  if (!out) return sentences;
  out.push(current);
  return out;
}

// a title or an initial that never ends a sentence: "the Rev. | Peter Wherry", "R-S. | C."
const TITLE_BEFORE_BREAK = /(?:^|[\s(-])(?:Mr|Mrs|Ms|Dr|Rev|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Msgr|Hon|[A-Z])\.$/;

function isFalseBreak(text: string, start: number, end: number, nextStart: number): boolean {
  const c = text.charCodeAt(nextStart);
  // a lower-case letter after the break: the sentence goes on ("(D-Mo.) said ...")
  if (c >= 97 && c <= 122) return true;
  if (nextStart - end < 3 && TITLE_BEFORE_BREAK.test(text.slice(Math.max(start, end - 6), end))) return true;
  // a bracket opened and not closed before the break ("(R-S. | C.)")
  let depth = 0;
  for (let i = start; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 40) depth++;
    else if (ch === 41 && depth > 0) depth--;
  }
  return depth > 0 && nextStart - end < 3;
}
