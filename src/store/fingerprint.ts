import { createHash } from 'node:crypto';
import { BOILERPLATE_RULES } from './boilerplate.js';

/**
 * Content fingerprints for idempotent ingest. Two fingerprints: an exact hash of the normalised
 * text (case, punctuation, spacing and known boilerplate paragraphs removed), and a MinHash
 * signature of word 5-shingles with LSH bands, which finds the same article under different
 * boilerplate (a changed footer, a "Reporting by" line, a related-links box).
 */

/** The paragraphs of a text that are not boilerplate, normalised for comparison. */
export function normalisedBody(text: string): string {
  return text
    .normalize('NFKC')
    .split(/\n\s*\n|\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p && !isBoilerplate(p))
    .map(normaliseWords)
    .filter(Boolean)
    .join(' ');
}

/** The id of the boilerplate rule a paragraph matches, or null. */
export function boilerplateRule(paragraph: string): string | null {
  for (const rule of BOILERPLATE_RULES) {
    if (paragraph.length <= rule.maxChars && rule.pattern.test(paragraph)) return rule.id;
  }
  return null;
}

const isBoilerplate = (p: string) => boilerplateRule(p) !== null;

function normaliseWords(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019']/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export function contentHash(text: string): string {
  return hashOfBody(normalisedBody(text));
}

const hashOfBody = (body: string) => createHash('sha256').update(body).digest('hex');

/** An article's two fingerprints: the exact hash and the MinHash signature (null for a short text). */
export interface Fingerprint {
  readonly hash: string;
  /** shared by callers asking for the same text: read it, never write it */
  readonly signature: Uint32Array | null;
}

let last: { readonly text: string; readonly fingerprint: Fingerprint } | null = null;

/**
 * Both fingerprints from one normalisation of the text. Ingest asks twice for each article (is it
 * known? then, in the commit, is it still new?), and normalising the body was most of the cost of
 * each ask: the last text's fingerprint is kept (a pure function of the text, so it cannot change
 * an answer).
 */
export function fingerprint(text: string): Fingerprint {
  if (last?.text === text) return last.fingerprint;
  const body = normalisedBody(text);
  const fp: Fingerprint = { hash: hashOfBody(body), signature: signatureOfBody(body) };
  last = { text, fingerprint: fp };
  return fp;
}

/**
 * An article's id: the first 16 hex digits (8 bytes) of its content hash, so re-ingesting gives the
 * same ids. The stores find an exact copy through it (its index), then compare the whole hash.
 */
export const articleId = (hash: string): string => hash.slice(0, 16);

export const MINHASH_SIZE = 64;
export const BAND_ROWS = 4;
export const BANDS = MINHASH_SIZE / BAND_ROWS;
const SHINGLE_WORDS = 5;
/** below this many shingles a text is too short for near-duplicate detection; only exact hashes apply */
export const MIN_SHINGLES = 40;
/** estimated Jaccard similarity of shingle sets above which two texts are the same article */
export const NEAR_DUPLICATE_JACCARD = 0.8;

const SEEDS = Array.from({ length: MINHASH_SIZE }, (_, i) => fmix32(0x9e3779b9 ^ Math.imul(i + 1, 0x85ebca6b)));

function fmix32(h: number): number {
  h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The MinHash signature of a text's normalised body, or null when the text is too short. */
export function minhash(text: string): Uint32Array | null {
  return signatureOfBody(normalisedBody(text));
}

function signatureOfBody(body: string): Uint32Array | null {
  const words = body.split(' ').filter(Boolean);
  const count = words.length - SHINGLE_WORDS + 1;
  if (count < MIN_SHINGLES) return null;
  const sig = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  for (let i = 0; i < count; i++) {
    const base = fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' '));
    for (let k = 0; k < MINHASH_SIZE; k++) {
      const h = fmix32(base ^ SEEDS[k]!);
      if (h < sig[k]!) sig[k] = h;
    }
  }
  return sig;
}

/** One hash a band: texts sharing any band are candidates, checked with `similarity`. */
export function bandHashes(sig: Uint32Array): number[] {
  const out: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = fmix32(b + 1);
    for (let r = 0; r < BAND_ROWS; r++) h = fmix32(h ^ sig[b * BAND_ROWS + r]!);
    // signed 32-bit so that SQLite stores it as a small integer
    out.push(h | 0);
  }
  return out;
}

/** Estimated Jaccard similarity of the shingle sets behind two signatures. */
export function similarity(a: Uint32Array | Uint16Array, b: Uint32Array | Uint16Array): number {
  let same = 0;
  for (let k = 0; k < MINHASH_SIZE; k++) if ((a[k]! & STORED_BITS_MASK) === (b[k]! & STORED_BITS_MASK)) same++;
  return same / MINHASH_SIZE;
}

/**
 * A stored signature keeps the low 16 bits of each minimum (b-bit minwise hashing, since migration
 * 13; 128 bytes instead of 256), and similarity compares those bits: two different minima agree on
 * them by chance once in 65,536, which moves a Jaccard estimate by about 1e-5, far below one of 64
 * steps. Signatures stored whole before still read back (and are compared on the same bits).
 */
const STORED_BITS_MASK = 0xffff;

export function signatureToBuffer(sig: Uint32Array): Buffer {
  const low = Uint16Array.from(sig, (h) => h & STORED_BITS_MASK);
  return Buffer.from(low.buffer, low.byteOffset, low.byteLength);
}

export function signatureFromBuffer(buf: Buffer): Uint32Array | Uint16Array {
  const copy = new Uint8Array(buf.byteLength);
  copy.set(buf);
  return buf.byteLength === MINHASH_SIZE * 4 ? new Uint32Array(copy.buffer) : new Uint16Array(copy.buffer);
}
