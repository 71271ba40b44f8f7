/**
 * Finds where each token of a tokenizer's output stands in the original text. Tokenizers such as
 * wink report token values and the spaces before them, not offsets, and may split contractions
 * ("didn't" -> "did", "n't"); searching forward from a cursor recovers exact UTF-16 offsets.
 * A token that cannot be found (a tokenizer that rewrote it) takes the gap up to the next token.
 */
export function alignTokens(text: string, values: readonly string[], from = 0, to = text.length): Int32Array {
  const offsets = new Int32Array(values.length * 2);
  let cursor = from;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? '';
    let at = v ? text.indexOf(v, cursor) : -1;
    // a token is never further than a stretch of white space away; beyond that it was rewritten
    if (at >= 0 && at < to && /^\s*$/u.test(text.slice(cursor, at))) {
      offsets[2 * i] = at;
      offsets[2 * i + 1] = Math.min(at + v.length, to);
      cursor = at + v.length;
      continue;
    }
    at = cursor;
    while (at < to && /\s/u.test(text[at] ?? '')) at++;
    const end = Math.min(to, Math.max(at + 1, at + v.length));
    offsets[2 * i] = at;
    offsets[2 * i + 1] = end;
    cursor = end;
  }
  return offsets;
}
