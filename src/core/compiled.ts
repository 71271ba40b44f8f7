import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Data that `npm run build` compiles into dist/ so that start-up reads it rather than derives it (the
 * actor base's indexes, the events lexicon's patterns). Such a file is JSON in ASCII, other characters
 * written as \u escapes: read as Latin-1, which is exact for ASCII and cheaper than UTF-8 (one
 * character outside ASCII makes a whole text a two-byte string, slower to decode and to parse). It
 * says what it was compiled from (`source`): a file compiled from other inputs is not read.
 */
export function writeCompiledJson(file: string, source: string, value: object): void {
  writeFileSync(file, asciiJson({ source, ...value }), 'latin1');
}

/** JSON in ASCII, other characters written as \u escapes. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The compiled file's content, if it is there and was compiled from `source`; else null (then the caller derives it). */
export function readCompiledJson<T extends object>(file: string, source: string): T | null {
  let text: string;
  try {
    text = readFileSync(file, 'latin1');
  } catch {
    return null;
  }
  // the stamp opens the file: a stale one is known without parsing the rest
  if (!text.startsWith(`{"source":${asciiJson(source)},`)) return null;
  return JSON.parse(text) as T;
}
