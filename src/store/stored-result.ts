import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Result } from '../result/schema.js';

/**
 * How both engines store a result: its JSON without the article's text (the store keeps the text
 * once, in its full-text table) and with every span's `text` that is exactly the article's text
 * between its offsets replaced by 0, deflated. A result repeats the article's words in every
 * mention, quote, cue, trigger and sentence it points at: that was a third of the stored bytes.
 * Reading puts the words back from the text, so a stored result reads back equal to the one
 * analysed. A span whose text is anything else (none is, today) keeps it as written, and results
 * stored before this packing (strings everywhere) read back as they were.
 */
export function packResult(result: Result): Buffer {
  const text = result.article.text;
  const json = JSON.stringify({ ...result, article: { ...result.article, text: '' } }, function (this: unknown, key, value: unknown) {
    if (key === 'text' && typeof value === 'string' && isSpanOf(this, value, text)) return 0;
    return value;
  });
  return deflateRawSync(json);
}

/** The result stored by packResult, with the article's text (and every span's words) back in place. */
export function unpackResult(stored: Buffer | Uint8Array, text: string): Result {
  const result = JSON.parse(inflateRawSync(stored).toString('utf8'), function (this: unknown, key, value: unknown) {
    if (key === 'text' && value === 0) {
      const { start, end } = this as { start: number; end: number };
      return text.slice(start, end);
    }
    return value;
  }) as Result;
  return { ...result, article: { ...result.article, text } };
}

function isSpanOf(holder: unknown, value: string, text: string): boolean {
  const span = holder as { start?: unknown; end?: unknown };
  return typeof span.start === 'number' && typeof span.end === 'number' && text.slice(span.start, span.end) === value;
}
