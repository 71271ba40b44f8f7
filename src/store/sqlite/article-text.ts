import type Database from 'better-sqlite3';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * The SQLite store keeps each article's text once, deflated, in `article.text_z` (migration 10):
 * uncompressed in the full-text table it was an eighth of the file. The full-text index reads it
 * through the view `article_text`, which inflates it with `dossier_inflate`, a function every
 * connection registers (registerTextFunctions) before it reads the index's text or snippets; a
 * plain `sqlite3` shell lacks it, and can still run MATCH queries, only not snippets.
 * `dossier_span(text_z, start, end)` is the words of the text between two offsets: a quote variant
 * keeps its offsets only (migration 12), and the quote full-text index reads its words through the
 * view `quote_variant_text` with it.
 */
export const packText = (text: string): Buffer => deflateRawSync(text);

export const unpackText = (stored: Buffer | Uint8Array): string => inflateRawSync(stored).toString('utf8');

export function registerTextFunctions(db: Database.Database): void {
  db.function('dossier_inflate', { deterministic: true }, (stored: unknown) =>
    (stored instanceof Uint8Array ? unpackText(stored) : null));
  db.function('dossier_span', { deterministic: true }, (stored: unknown, start: unknown, end: unknown) =>
    (stored instanceof Uint8Array && typeof start === 'number' && typeof end === 'number' ? unpackText(stored).slice(start, end) : null));
}
