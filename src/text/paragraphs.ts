import type { Range } from '../core/span.js';

/**
 * Splits a text into paragraphs. When the text separates paragraphs with blank lines, single
 * newlines inside a block are line wrapping and do not end it; when it has no blank lines at all,
 * every non-empty line is a paragraph (the usual shape of scraped articles and of headlines).
 */
export function paragraphRanges(text: string): Range[] {
  const hasBlankLines = /\n[ \t\r\f\v\u00a0]*\n/.test(text);
  const separator = hasBlankLines ? /\n[ \t\r\f\v\u00a0]*\n\s*/g : /\n\s*/g;
  const out: Range[] = [];
  let from = 0;
  const push = (s: number, e: number) => {
    while (s < e && /\s/u.test(text[s] ?? '')) s++;
    while (e > s && /\s/u.test(text[e - 1] ?? '')) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (const m of text.matchAll(separator)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return out;
}
