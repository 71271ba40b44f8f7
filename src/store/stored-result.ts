import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Result } from '../result/schema.js';
import dictionary1 from './data/result-dictionary-1.json' with { type: 'json' };

/**
 * How both engines store a result (migration 12): without the article's text (the store keeps the
 * text once), its JSON written compactly (compactJson), then deflated with a preset dictionary. The
 * compact JSON is the result's with
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
 * The dictionary (data/result-dictionary-1.json, made by scripts/make-result-dictionary.ts from the
 * project's own articles) holds the compact JSON of results: the keys, stage names, rule ids and
 * names a result repeats are then found in it, and a result deflates to four fifths of its size
 * without one. A stored result names its dictionary, which therefore never changes: a new one is a
 * new number beside it.
 *
 * Results stored before (migration 10's format: the JSON with span texts as 0, raw deflate) still
 * read back: a stored result of this format starts with FORMAT_COMPACT, a byte a raw deflate stream
 * never starts with (block type 3 is reserved), then the number of its dictionary.
 */
export function packResult(result: Result): Buffer {
  return Buffer.concat([Buffer.from([FORMAT_COMPACT, CURRENT_DICTIONARY]), deflateRawSync(compactJson(result), { level: 9, dictionary: DICTIONARIES[CURRENT_DICTIONARY] })]);
}

/** The result's compact JSON, as packResult stores it (before it is deflated). */
export function compactJson(result: Result): Buffer {
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
  return Buffer.from(`[[${[...shapes.keys()].join(',')}],${JSON.stringify(body)}]`);
}

/** The result stored by packResult, with the article's text (and every span's words) back in place. */
export function unpackResult(stored: Buffer | Uint8Array, text: string): Result {
  const result = stored[0] === FORMAT_COMPACT ? unpackCompact(stored, text) : unpackDeflated(stored, text);
  return { ...result, article: { ...result.article, text } };
}

const FORMAT_COMPACT = 0xff;
/** the preset dictionaries of the compact format, by number; a stored result names the one it was deflated with */
const DICTIONARIES: readonly (Buffer | undefined)[] = [undefined, Buffer.from(dictionary1)];
const CURRENT_DICTIONARY = 1;
/** the tags of a packed array that is not an object: an array, a span of the text, a {start, end} pair */
const ARRAY = -1, SPAN = -2, RANGE = -3;

function unpackCompact(stored: Buffer | Uint8Array, text: string): Result {
  const dictionary = DICTIONARIES[stored[1]!];
  if (!dictionary) throw new Error(`a stored result names dictionary ${stored[1]}, which this dossier does not have; upgrade dossier`);
  const [shapes, body] = JSON.parse(inflateRawSync(stored.subarray(2), { dictionary }).toString('utf8')) as [string[][], unknown];
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
