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

/** FNV-1a of a string into the weight table's index space. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return (h >>> 0) & MASK;
}

const QUOTE = /^[“”"‘’'«»]+$/;
const THAT_LIKE = new Set(['that', 'to', ':', 'whether', 'if', 'how', 'why', 'what']);
const stem = (w: string) => w.replace(/(?:ing|ed|es|s)$/, '');

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
  const low = t.low, pos = t.pos;
  const pl = p ? (p.word && /^\p{Lu}/u.test(p.value) && p.pos === 'PROPN' ? '<name>' : p.low) : '<s>';
  const nl = n ? (n.word && /^\p{Lu}/u.test(n.value) && n.pos === 'PROPN' ? '<name>' : n.low) : '</s>';
  let thatSoon = false, quoteBefore = false, quoteAfter = false, colon = false;
  for (let j = i + 1; j < toks.length && j <= i + 6; j++) { if (THAT_LIKE.has(toks[j]!.low)) thatSoon = true; if (toks[j]!.low === ':') colon = true; }
  if (marks.first >= 0) { quoteBefore = marks.first < i; quoteAfter = marks.last > i; }
  const f = [
    'b', `w=${low}`, `s=${stem(low)}`, `p=${pos}`, `wp=${low}|${pos}`, `x3=${low.slice(-3)}`, `pw=${pl}`, `nw=${nl}`, `pp=${p?.pos ?? '<s>'}`, `np=${n?.pos ?? '</s>'}`,
    `pnp=${p?.pos ?? '<s>'}|${pos}|${n?.pos ?? '</s>'}`, `s+nw=${stem(low)}|${nl}`, `s+pw=${stem(low)}|${pl}`, `nn=${nl}|${n2?.low ?? '</s>'}`,
    `that=${thatSoon}`, `s+that=${stem(low)}|${thatSoon}`, `q=${quoteBefore}|${quoteAfter}`, `s+q=${stem(low)}|${quoteBefore}|${quoteAfter}`,
    `colon=${colon}`, `lex=${lexicon}`, `lex+p=${lexicon}|${pos}`, `inq=${quoted}`, `first=${i === 0}`, `pos+pp=${pos}|${p?.pos ?? '<s>'}|${pl === ',' }`,
  ];
  return f.map(hash);
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
