import { DossierError } from '../core/errors.js';

/**
 * Turns the bytes of a file into text. Accepted: UTF-8 with or without a byte order mark, and
 * UTF-16 (LE or BE) with a byte order mark. Anything else is refused with a message that says what
 * was found and where, so no input is silently mangled into replacement characters.
 */
export function decodeText(bytes: Uint8Array, where: string): string {
  if (bytes.length === 0) throw new DossierError('INPUT_EMPTY', 'the file is empty', { where });
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeUtf8(bytes.subarray(3), where);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le', where);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be', where);
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const looksUtf16 = bytes.length > 3 && (bytes[1] === 0 || bytes[0] === 0) && countNul(bytes) > bytes.length / 4;
    if (looksUtf16) {
      throw new DossierError('INPUT_ENCODING', 'the file looks like UTF-16 without a byte order mark; save it as UTF-8 (or UTF-16 with a BOM)', { where });
    }
    throw new DossierError('INPUT_BINARY', `the file is binary, not text (a NUL byte at byte ${nul})`, { where });
  }
  const controls = countControls(bytes, 4096);
  if (controls.ratio > 0.1) throw new DossierError('INPUT_BINARY', `the file is binary, not text (${Math.round(controls.ratio * 100)}% control bytes in its first ${controls.seen} bytes)`, { where });
  return decodeUtf8(bytes, where);
}

/** Bytes that must be UTF-8 (a .jsonl line, the body of a file after its byte order mark), or INPUT_ENCODING. */
export function decodeUtf8(bytes: Uint8Array, where: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const byte = bytes[at] ?? 0;
    const hint = byte >= 0x80 ? ` (byte 0x${byte.toString(16).padStart(2, '0')}; the file may be Latin-1 or Windows-1252: convert it to UTF-8)` : '';
    throw new DossierError('INPUT_ENCODING', `the text is not valid UTF-8 at byte ${at}${hint}`, { where });
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', where: string): string {
  if (bytes.length % 2 !== 0) throw new DossierError('INPUT_ENCODING', `the file has a ${encoding.toUpperCase()} byte order mark but an odd number of bytes`, { where });
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new DossierError('INPUT_ENCODING', `the file has a ${encoding.toUpperCase()} byte order mark but is not valid ${encoding.toUpperCase()}`, { where });
  }
}

function countNul(bytes: Uint8Array): number {
  let n = 0;
  const limit = Math.min(bytes.length, 4096);
  for (let i = 0; i < limit; i++) if (bytes[i] === 0) n++;
  return (n * bytes.length) / limit;
}

function countControls(bytes: Uint8Array, limit: number): { ratio: number; seen: number } {
  const seen = Math.min(bytes.length, limit);
  let n = 0;
  for (let i = 0; i < seen; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) n++;
  }
  return { ratio: seen ? n / seen : 0, seen };
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += len;
  }
  return i;
}
