import type { Tok } from './frames.js';
import model from './model/cue-tagger.json' with { type: 'json' };

/**
 * The learned cue tagger: for a word the cue lexicon does not know (or knows as too ambiguous to
 * trust on its form alone), the probability that it is the cue of an attribution here, from its
 * form and its context ("plans to", "attacked X for", "is demanding that"). A logistic model over
 * hashed features (scripts/train-attribution-tagger.ts, PolNeAR train only); its proposals go
 * through the same frame rules as the lexicon's cues, so the rules still read source and content.
 */

/** Hashed feature space: 2^BITS weights, one signed byte each once quantised. */
export const TAGGER_BITS = 18;
const MASK = (1 << TAGGER_BITS) - 1;

/** FNV-1a of a string, continued from `h` (no string is built for a feature: parts are hashed in turn). */
export function fnv(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return h;
}
/**
 * A feature's hash (32 bits, as a signed integer): its template number and the hashes of its parts,
 * mixed. Signed, so that V8 keeps it a small integer: as an unsigned number half the hashes were
 * numbers allocated on the heap, a tenth of what a warm analysis allocated. A Uint32Array stores
 * the same bits either way, and a mask of fewer than 32 bits reads the same ones.
 */
export function mixHash(template: number, a: number, b = 0, c = 0): number {
  let h = Math.imul(template + 1, 0x9e3779b1) ^ a;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) ^ c;
  return h ^ (h >>> 16);
}
const mix = (template: number, a: number, b = 0, c = 0): number => mixHash(template, a, b, c) & MASK;

const QUOTE = /^[“”"‘’'«»]+$/;
const THAT_LIKE = new Set(['that', 'to', ':', 'whether', 'if', 'how', 'why', 'what']);
/** The form without an inflection: "demanding", "demanded", "demands" all give "demand". */
export function stem(w: string): string {
  if (w.endsWith('ing') && w.length > 5) return w.slice(0, -3);
  if (w.endsWith('ed') && w.length > 4) return w.slice(0, -2);
  if (w.endsWith('es') && w.length > 4) return w.slice(0, -2);
  if (w.endsWith('s') && w.length > 3) return w.slice(0, -1);
  return w;
}
const START = fnv('<s>'), END = fnv('</s>'), NAME = fnv('<name>'), COMMA = fnv(',');

/** Whether a token is one the tagger looks at: a verb, or a noun or adjective that may be a verb the tagger of parts of speech misread. */
export function taggable(t: Tok): boolean {
  return t.word && (t.pos === 'VERB' || t.pos === 'NOUN' || t.pos === 'AUX' || t.pos === 'ADJ');
}

/**
 * The features of token `i` of a sentence, as indices into the weight table. `lexicon` is what the
 * cue lexicon says of the form (its learned precision in tenths, or -1 when it has no entry).
 */
export function featuresOf(toks: readonly Tok[], i: number, lexicon: number, quoted: boolean, marks: QuoteMarks): number[] {
  const t = toks[i]!, p = toks[i - 1], n = toks[i + 1], n2 = toks[i + 2];
  const isName = (x: Tok) => x.word && x.pos === 'PROPN' && /^\p{Lu}/u.test(x.value);
  const w = fnv(t.low), st = fnv(stem(t.low)), pos = fnv(t.pos), x3 = fnv(t.low.slice(-3));
  const pl = p ? (isName(p) ? NAME : fnv(p.low)) : START;
  const nl = n ? (isName(n) ? NAME : fnv(n.low)) : END;
  const pp = p ? fnv(p.pos) : START, np = n ? fnv(n.pos) : END, n2l = n2 ? fnv(n2.low) : END;
  let thatSoon = 0, colon = 0;
  for (let j = i + 1; j < toks.length && j <= i + 6; j++) { if (THAT_LIKE.has(toks[j]!.low)) thatSoon = 1; if (toks[j]!.low === ':') colon = 1; }
  const qb = marks.first >= 0 && marks.first < i ? 1 : 0, qa = marks.first >= 0 && marks.last > i ? 1 : 0;
  const q = qb * 2 + qa, lex = lexicon + 2;
  return [
    mix(0, 0), mix(1, w), mix(2, st), mix(3, pos), mix(4, w, pos), mix(5, x3), mix(6, pl), mix(7, nl), mix(8, pp), mix(9, np),
    mix(10, pp, pos, np), mix(11, st, nl), mix(12, st, pl), mix(13, nl, n2l),
    mix(14, thatSoon), mix(15, st, thatSoon), mix(16, q), mix(17, st, q),
    mix(18, colon), mix(19, lex), mix(20, lex, pos), mix(21, quoted ? 1 : 0), mix(22, i === 0 ? 1 : 0), mix(23, pos, pp, pl === COMMA ? 1 : 0),
  ];
}

/** The first and last quotation mark of a sentence (token indices, -1 when it has none). */
export interface QuoteMarks { readonly first: number; readonly last: number }
export function quoteMarksOf(toks: readonly Tok[]): QuoteMarks {
  let first = -1, last = -1;
  for (let j = 0; j < toks.length; j++) if (!toks[j]!.word && QUOTE.test(toks[j]!.value)) { if (first < 0) first = j; last = j; }
  return { first, last };
}

interface Shipped { readonly bits: number; readonly scale: number; readonly threshold: number; readonly weights: string }

/** The shipped tagger: its weights (signed bytes times `scale`) and the probability it must reach. */
export interface CueTagger { readonly threshold: number; probability(features: readonly number[]): number }

export function loadCueTagger(): CueTagger | null {
  const m = model as Shipped;
  if (!m.weights || m.bits !== TAGGER_BITS) return null;
  const bytes = Buffer.from(m.weights, 'base64');
  const w = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  const scale = m.scale;
  return {
    threshold: m.threshold,
    probability(features) {
      let z = 0;
      for (const k of features) z += w[k]!;
      return 1 / (1 + Math.exp(-z * scale));
    },
  };
}
