/**
 * Finds where each token of a tokenizer's output stands in the original text. Tokenizers such as
 * wink report token values and the spaces before them, not offsets, and may split contractions
 * ("didn't" -> "did", "n't"); searching forward from a cursor recovers exact UTF-16 offsets.
 * A token that cannot be found (a tokenizer that rewrote it) takes at most its own length, stopping
 * where the next token begins.
 */
export function alignTokens(text: string, values: readonly string[], from = 0, to = text.length): number[] {
  // a plain array of small integers: a typed array of this size keeps its elements off the heap,
  // which costs an allocation and a release by the garbage collector for every paragraph
  const offsets: number[] = new Array<number>(values.length * 2).fill(0);
  let cursor = from;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? '';
    let at = v ? text.indexOf(v, cursor) : -1;
    // a token is never further than a stretch of white space away; beyond that it was rewritten
    if (at >= 0 && at < to && onlySpaceBetween(text, cursor, at)) {
      offsets[2 * i] = at;
      offsets[2 * i + 1] = Math.min(at + v.length, to);
      cursor = at + v.length;
      continue;
    }
    at = cursor;
    while (at < to && isSpace(text.charCodeAt(at))) at++;
    // a rewritten token ends where the next token begins, and never covers more than its own length
    const next = values[i + 1];
    const nextAt = next ? text.indexOf(next, at + 1) : -1;
    let end = Math.min(to, at + Math.max(1, v.length));
    if (nextAt > at && nextAt < end) end = nextAt;
    while (end > at + 1 && isSpace(text.charCodeAt(end - 1))) end--;
    offsets[2 * i] = at;
    offsets[2 * i + 1] = end;
    cursor = end;
  }
  return offsets;
}

// character tests instead of a regular expression on a slice: this runs once per token of every article
function onlySpaceBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** The characters JavaScript's \s matches (white space and line terminators). */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
