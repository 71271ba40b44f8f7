import { brotliCompressSync, brotliDecompressSync, constants as zlib, inflateRawSync } from 'node:zlib';
import type { Result } from '../result/schema.js';

/**
 * How both engines store a result (migration 12): without the article's text (the store keeps the
 * text once), its JSON written compactly, then compressed (brotli). The compact JSON is the
 * result's with
 * - every object an array of its values after the number of its shape (its list of keys, listed
 *   once in front): the keys of thousands of spans, mentions and provenances were a tenth of it;
 * - every span whose `text` is the article's text between its offsets, and every {start, end} pair
 *   (sentences), as [SPAN or RANGE, start - the previous span's start, length]: a result repeats the
 *   article's words in every mention, quote, cue, trigger and sentence it points at, and its offsets
 *   grow through the text, so the differences are short numbers;
 * - every array as [ARRAY, ...items], so that it is never read as an object.
 * A span whose text is anything else (none is, today) keeps it as written. Reading puts the keys,
 * offsets and words back, so a stored result reads back equal to the one analysed.
 *
 * Results stored before (migration 10's format: the JSON with span texts as 0, raw deflate) still
 * read back: a stored result of this format starts with FORMAT_COMPACT, a byte a raw deflate stream
 * never starts with (block type 3 is reserved).
 */
export function packResult(result: Result): Buffer {
  const text = result.article.text;
  const shapes = new Map<string, number>();
  let previous = 0;
  const pack = (value: unknown): unknown => {
    if (Array.isArray(value)) return [ARRAY, ...value.map((v) => (v === undefined ? null : pack(v)))];
    if (value === null || typeof value !== 'object') return value;
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => o[k] !== undefined);
    const range = keys.length >= 2 && keys[0] === 'start' && keys[1] === 'end' && Number.isInteger(o.start) && Number.isInteger(o.end);
    if (range && (keys.length === 2 || (keys.length === 3 && keys[2] === 'text' && o.text === text.slice(o.start as number, o.end as number)))) {
      const start = o.start as number, delta = start - previous;
      previous = start;
      return [keys.length === 2 ? RANGE : SPAN, delta, (o.end as number) - start];
    }
    const shape = JSON.stringify(keys);
    let id = shapes.get(shape);
    if (id === undefined) shapes.set(shape, id = shapes.size);
    return [id, ...keys.map((k) => pack(o[k]))];
  };
  const body = pack({ ...result, article: { ...result.article, text: '' } });
  const json = Buffer.from(`[[${[...shapes.keys()].join(',')}],${JSON.stringify(body)}]`);
  // quality 5: nearly the size of the slower qualities (7 gives 0.3% more, 11 takes 50 times as long)
  const packed = brotliCompressSync(json, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: json.length } });
  return Buffer.concat([FORMAT_COMPACT_BYTE, packed]);
}

/** The result stored by packResult, with the article's text (and every span's words) back in place. */
export function unpackResult(stored: Buffer | Uint8Array, text: string): Result {
  const result = stored[0] === FORMAT_COMPACT ? unpackCompact(stored, text) : unpackDeflated(stored, text);
  return { ...result, article: { ...result.article, text } };
}

const FORMAT_COMPACT = 0xff;
const FORMAT_COMPACT_BYTE = Buffer.from([FORMAT_COMPACT]);
/** the tags of a packed array that is not an object: an array, a span of the text, a {start, end} pair */
const ARRAY = -1, SPAN = -2, RANGE = -3;

function unpackCompact(stored: Buffer | Uint8Array, text: string): Result {
  const [shapes, body] = JSON.parse(brotliDecompressSync(stored.subarray(1)).toString('utf8')) as [string[][], unknown];
  let previous = 0;
  const unpack = (value: unknown): unknown => {
    if (!Array.isArray(value)) return value;
    const tag = value[0] as number;
    if (tag === ARRAY) return value.slice(1).map(unpack);
    if (tag === SPAN || tag === RANGE) {
      const start = previous + (value[1] as number), end = start + (value[2] as number);
      previous = start;
      return tag === SPAN ? { start, end, text: text.slice(start, end) } : { start, end };
    }
    const keys = shapes[tag]!;
    const o: Record<string, unknown> = {};
    keys.forEach((k, i) => { o[k] = unpack(value[i + 1]); });
    return o;
  };
  return unpack(body) as Result;
}

/** migration 10's format: the JSON with every span's text that is the article's text as 0, deflated */
function unpackDeflated(stored: Buffer | Uint8Array, text: string): Result {
  return JSON.parse(inflateRawSync(stored).toString('utf8'), function (this: unknown, key, value: unknown) {
    if (key === 'text' && value === 0) {
      const { start, end } = this as { start: number; end: number };
      return text.slice(start, end);
    }
    return value;
  }) as Result;
}
