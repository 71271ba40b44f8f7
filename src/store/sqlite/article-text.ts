import type Database from 'better-sqlite3';
import { brotliCompressSync, brotliDecompressSync, constants, inflateRawSync } from 'node:zlib';

/**
 * The SQLite store keeps each article's text once, compressed, in `article.text_z` (migration 10):
 * uncompressed in the full-text table it was an eighth of the file. The full-text index reads it
 * through the view `article_text`, which inflates it with `dossier_inflate`, a function every
 * connection registers (registerTextFunctions) before it reads the index's text or snippets; a
 * plain `sqlite3` shell lacks it, and can still run MATCH queries, only not snippets.
 * `dossier_span(text_z, start, end)` is the words of the text between two offsets: a quote variant
 * keeps its offsets only (migration 12), and the quote full-text index reads its words through the
 * view `quote_variant_text` with it.
 */
export function packText(text: string): Buffer {
  const params = { [constants.BROTLI_PARAM_QUALITY]: TEXT_QUALITY, [constants.BROTLI_PARAM_LGWIN]: TEXT_WINDOW_BITS,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(text) };
  return Buffer.concat([FORMAT_BROTLI_BYTE, brotliCompressSync(text, { params })]);
}

export function unpackText(stored: Buffer | Uint8Array): string {
  return (stored[0] === FORMAT_BROTLI ? brotliDecompressSync(stored.subarray(1)) : inflateRawSync(stored)).toString('utf8');
}

/**
 * Texts are brotli-compressed (since migration 13; those stored before, raw deflate, still read back):
 * on PolNeAR train a text of 4.5 KB takes 1.98 KB at quality 9 instead of deflate's 2.10 KB, for
 * about 0.3 ms of one core an article, as deflate. Quality 10 would take 1.67 KB but 2 ms an article,
 * a tenth of an ingest's store work, which issue 16's throughput floor cannot spare; quality 9 needs
 * a window of 64 KB or less to stay fast (its larger windows cost 30 ms a text of a few KB). A brotli
 * text starts with FORMAT_BROTLI, a byte a raw deflate stream never starts with (block type 3 is
 * reserved).
 */
const FORMAT_BROTLI = 0x07;
const FORMAT_BROTLI_BYTE = Buffer.from([FORMAT_BROTLI]);
const TEXT_QUALITY = 9;
const TEXT_WINDOW_BITS = 16;

export function registerTextFunctions(db: Database.Database): void {
  db.function('dossier_inflate', { deterministic: true }, (stored: unknown) =>
    (stored instanceof Uint8Array ? unpackText(stored) : null));
  db.function('dossier_span', { deterministic: true }, (stored: unknown, start: unknown, end: unknown) =>
    (stored instanceof Uint8Array && typeof start === 'number' && typeof end === 'number' ? unpackText(stored).slice(start, end) : null));
}
