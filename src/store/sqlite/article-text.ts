import type Database from 'better-sqlite3';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * The SQLite store keeps each article's text once, deflated, in `article.text_z` (migration 10):
 * uncompressed in the full-text table it was an eighth of the file. The full-text index reads it
 * through the view `article_text`, which inflates it with `dossier_inflate`, a function every
 * connection registers (registerTextFunctions) before it reads the index's text or snippets; a
 * plain `sqlite3` shell lacks it, and can still run MATCH queries, only not snippets.
 */
export const packText = (text: string): Buffer => deflateRawSync(text);

export const unpackText = (stored: Buffer | Uint8Array): string => inflateRawSync(stored).toString('utf8');

export function registerTextFunctions(db: Database.Database): void {
  db.function('dossier_inflate', { deterministic: true }, (stored: unknown) =>
    (stored instanceof Uint8Array ? unpackText(stored) : null));
}
