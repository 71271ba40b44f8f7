import type { Range } from '../../core/span.js';
import type { Tok } from './frames.js';
import { fnv, mixHash, stem } from './tagger.js';
import model from './model/sequence-tagger.json' with { type: 'json' };

/**
 * The sequence tagger of attributions: every token of a sentence gets one of seven labels (BIO over
 * source, cue and content, the scheme PolNeAR's sentence-level taggers use, CofeNet among them) from
 * a first-order linear chain decoded by Viterbi. Weights come from an averaged structured perceptron
 * (scripts/train-attribution-sequence.ts, PolNeAR train only) over hashed features of each token:
 * its form, stem, part of speech and shape, its neighbours, the cue lexicon's word on it and on the
 * words near it, whether it lies inside a quotation, and the role the rule frames gave it, so the
 * model learns where the rules are right and where PolNeAR draws the line elsewhere.
 */

export const LABELS = ['O', 'B-source', 'I-source', 'B-cue', 'I-cue', 'B-content', 'I-content'] as const;
export const N_LABELS = LABELS.length;
export type Role = 'source' | 'cue' | 'content';
/** The role numbers of `SentenceView.rule` and of a label (label 2r-1 is B-role, 2r is I-role). */
export const ROLES: readonly Role[] = ['source', 'cue', 'content'];
export const roleNumber = (role: Role): number => ROLES.indexOf(role) + 1;

/** What the tagger reads of one sentence. */
export interface SentenceView {
  readonly toks: readonly Tok[];
  /** the cue lexicon's precision of each token's form in tenths, -1 for a form it does not know */
  readonly lexicon: Int8Array;
  /** 1 for a token inside quotation marks */
  readonly quoted: Uint8Array;
  /** the role the rule frames gave each token: 0 none, else roleNumber; 4 more for the first token of a rule span */
  readonly rule: Uint8Array;
}

/** A token that is only quotation marks. */
export const QUOTE_MARK = /^[“”"‘’'«»`]+$/;
const START = fnv('<s>'), END = fnv('</s>');

/** The shape of a word: "Xx", "x", "X", "d" (digits), "x-x", or the punctuation itself. */
function shapeOf(t: Tok): string {
  if (!t.word) return t.value.length <= 2 ? t.value : 'p';
  const v = t.value;
  // most words are ASCII: their shape is read off character codes, the same answer as the Unicode
  // classes below give them, without a regular expression per word
  let ascii = true;
  for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) > 0x7f) { ascii = false; break; }
  if (!ascii) return unicodeShapeOf(v);
  const upper = (c: number) => c >= 65 && c <= 90;
  const c0 = v.charCodeAt(0), c1 = v.charCodeAt(1);
  if (upper(c0) && c1 >= 97 && c1 <= 122) return 'Xx';
  if (v.length > 0) { let all = true; for (let i = 0; i < v.length; i++) if (!upper(v.charCodeAt(i))) { all = false; break; } if (all) return 'X'; }
  if (c0 >= 48 && c0 <= 57) return 'd';
  return v.includes('-') ? 'x-x' : 'x';
}
function unicodeShapeOf(v: string): string {
  if (/^\p{Lu}\p{Ll}/u.test(v)) return 'Xx';
  if (/^\p{Lu}+$/u.test(v)) return 'X';
  if (/^\p{N}/u.test(v)) return 'd';
  return v.includes('-') ? 'x-x' : 'x';
}

/** The hashes of what a token's features read of its form alone. */
interface FormHashes { readonly lowForm: string; readonly low: number; readonly stem: number; readonly shape: number; readonly suffix: number }

/**
 * The form hashes of every spelling met so far: the same few thousand forms recur in every article, so
 * a look-up replaces a stem, a shape and four string hashes per token (the same numbers either way).
 */
const formCache = new Map<string, FormHashes>();
function formHashes(t: Tok): FormHashes {
  let h = formCache.get(t.value);
  if (h === undefined || h.lowForm !== t.low) {
    h = { lowForm: t.low, low: fnv(t.low), stem: fnv(stem(t.low)), shape: fnv(shapeOf(t)), suffix: fnv(t.low.slice(-3)) };
    if (formCache.size > 50000) formCache.clear();
    formCache.set(t.value, h);
  }
  return h;
}
const posCache = new Map<string, number>();
const posHash = (p: string): number => { let h = posCache.get(p); if (h === undefined) { h = fnv(p); posCache.set(p, h); } return h; };

/** How many features a token has (the templates of sentenceFeatures). */
const N_FEATURES = 36;

/** A distance in tokens, in buckets: 1, 2, 3, 4-6, 7-12, further or none. */
const bucket = (d: number): number => (d <= 3 ? d : d <= 6 ? 4 : d <= 12 ? 5 : 6);

/**
 * The hashed features of every token of a sentence (32-bit hashes; the model folds them into its
 * table). Linear in the sentence's length: the distances to the nearest cue come from two sweeps.
 */
export function sentenceFeatures(v: SentenceView): Uint32Array[] {
  const flat = featureTable(v);
  return Array.from({ length: v.toks.length }, (_, i) => flat.subarray(i * N_FEATURES, (i + 1) * N_FEATURES));
}

/** sentenceFeatures in one array, token-major (N_FEATURES a token): what the tagger reads, with no view a token. */
function featureTable(v: SentenceView): Uint32Array {
  const { toks, lexicon, quoted, rule } = v;
  const n = toks.length;
  const low = new Array<number>(n), pos = new Array<number>(n), st = new Array<number>(n), sh = new Array<number>(n), x3 = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const t = toks[i]!, h = formHashes(t);
    low[i] = h.low; st[i] = h.stem; sh[i] = h.shape; x3[i] = h.suffix; pos[i] = posHash(t.pos);
  }
  // nearest lexicon cue of precision >= 0.3 to the left and to the right (as a bucketed distance)
  const cueLeft = new Int8Array(n), cueRight = new Int8Array(n);
  for (let i = 0, last = -1; i < n; i++) { cueLeft[i] = last < 0 ? 7 : bucket(i - last); if (lexicon[i]! >= 3) last = i; }
  for (let i = n - 1, last = -1; i >= 0; i--) { cueRight[i] = last < 0 ? 7 : bucket(last - i); if (lexicon[i]! >= 3) last = i; }
  // the first and last quotation mark: before, between or after them
  let firstMark = -1, lastMark = -1;
  for (let i = 0; i < n; i++) if (!toks[i]!.word && QUOTE_MARK.test(toks[i]!.value)) { if (firstMark < 0) firstMark = i; lastMark = i; }
  const out = new Uint32Array(n * N_FEATURES);
  for (let i = 0; i < n; i++) {
    const w = low[i]!, p = pos[i]!;
    const pw = i > 0 ? low[i - 1]! : START, nw = i + 1 < n ? low[i + 1]! : END;
    const pp = i > 0 ? pos[i - 1]! : START, np = i + 1 < n ? pos[i + 1]! : END;
    const pw2 = i > 1 ? low[i - 2]! : START, nw2 = i + 2 < n ? low[i + 2]! : END;
    const r = rule[i]!, rp = i > 0 ? rule[i - 1]! : 9, rn = i + 1 < n ? rule[i + 1]! : 9;
    const lex = lexicon[i]! + 2, lexPrev = i > 0 ? lexicon[i - 1]! + 2 : 0, lexNext = i + 1 < n ? lexicon[i + 1]! + 2 : 0;
    const markSide = firstMark < 0 ? 0 : i < firstMark ? 1 : i > lastMark ? 3 : 2;
    const f = i * N_FEATURES;
    out[f] = mixHash(0, 0); out[f + 1] = mixHash(1, w); out[f + 2] = mixHash(2, st[i]!); out[f + 3] = mixHash(3, p);
    out[f + 4] = mixHash(4, sh[i]!); out[f + 5] = mixHash(5, x3[i]!); out[f + 6] = mixHash(6, pw); out[f + 7] = mixHash(7, nw);
    out[f + 8] = mixHash(8, pw2); out[f + 9] = mixHash(9, nw2); out[f + 10] = mixHash(10, pp); out[f + 11] = mixHash(11, np);
    out[f + 12] = mixHash(12, pp, p, np); out[f + 13] = mixHash(13, w, nw); out[f + 14] = mixHash(14, pw, w); out[f + 15] = mixHash(15, p, sh[i]!);
    out[f + 16] = mixHash(16, lex); out[f + 17] = mixHash(17, lex, p); out[f + 18] = mixHash(18, lexPrev); out[f + 19] = mixHash(19, lexNext);
    out[f + 20] = mixHash(20, cueLeft[i]!); out[f + 21] = mixHash(21, cueRight[i]!); out[f + 22] = mixHash(22, cueLeft[i]!, cueRight[i]!); out[f + 23] = mixHash(23, cueRight[i]!, p);
    out[f + 24] = mixHash(24, quoted[i]!); out[f + 25] = mixHash(25, quoted[i]!, p); out[f + 26] = mixHash(26, markSide); out[f + 27] = mixHash(27, markSide, quoted[i]!, lex);
    out[f + 28] = mixHash(28, r); out[f + 29] = mixHash(29, r, rp, rn); out[f + 30] = mixHash(30, r, p); out[f + 31] = mixHash(31, r, w);
    out[f + 32] = mixHash(32, r, quoted[i]!); out[f + 33] = mixHash(33, i === 0 ? 1 : i === n - 1 ? 2 : 0); out[f + 34] = mixHash(34, i === 0 ? 1 : 0, p, r); out[f + 35] = mixHash(35, st[i]!, nw);
  }
  return out;
}

/** The model's weights: `emission[(hash & mask) * N_LABELS + label]` and `transition[(prev + 1) * N_LABELS + label]` (prev -1 opens the sentence). */
export interface SequenceWeights {
  readonly bits: number;
  readonly emission: ArrayLike<number>;
  /** what an emission weight is multiplied by (the shipped ones are signed bytes: a quarter of the memory to read per token) */
  readonly emissionScale?: number;
  readonly transition: ArrayLike<number>;
}

/** Whether label `b` may follow label `a` (-1 the sentence's start): an I- label continues its own role only. */
export function allowed(a: number, b: number): boolean {
  if (b === 0 || b % 2 === 1) return true;
  return a === b || a === b - 1;
}

/** The emission scores of every token and label, in one array (token-major). */
export function emissions(w: SequenceWeights, feats: readonly Uint32Array[]): Float64Array {
  const s = new Float64Array(feats.length * N_LABELS);
  for (let i = 0; i < feats.length; i++) addWeights(w, feats[i]!, 0, feats[i]!.length, s, i * N_LABELS);
  return scaled(w, s);
}

/** emissions of a featureTable of n tokens. */
function tableEmissions(w: SequenceWeights, table: Uint32Array, n: number): Float64Array {
  const s = new Float64Array(n * N_LABELS);
  for (let i = 0; i < n; i++) addWeights(w, table, i * N_FEATURES, (i + 1) * N_FEATURES, s, i * N_LABELS);
  return scaled(w, s);
}

/**
 * The sum of the weights of features [from, to) for each label, written at `s[o..o+7)`. Seven running
 * sums in locals (the labels are seven): the same additions in the same order as a loop over labels,
 * without a read and a write of the array per weight.
 */
function addWeights(w: SequenceWeights, f: Uint32Array, from: number, to: number, s: Float64Array, o: number): void {
  const mask = (1 << w.bits) - 1, e = w.emission;
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
  for (let k = from; k < to; k++) {
    const base = (f[k]! & mask) * N_LABELS;
    s0 += e[base]!; s1 += e[base + 1]!; s2 += e[base + 2]!; s3 += e[base + 3]!; s4 += e[base + 4]!; s5 += e[base + 5]!; s6 += e[base + 6]!;
  }
  s[o] = s0; s[o + 1] = s1; s[o + 2] = s2; s[o + 3] = s3; s[o + 4] = s4; s[o + 5] = s5; s[o + 6] = s6;
}

function scaled(w: SequenceWeights, s: Float64Array): Float64Array {
  const scale = w.emissionScale ?? 1;
  if (scale !== 1) for (let k = 0; k < s.length; k++) s[k] = s[k]! * scale;
  return s;
}

/**
 * The best label sequence and its score. `forbid(i, y)` rules out a label at a token (the margin of a
 * span is the best score minus the best score with its labels forbidden).
 */
export function viterbi(w: SequenceWeights, scores: Float64Array, n: number, forbid?: (i: number, y: number) => boolean): { labels: Uint8Array; score: number } {
  return decode(w, scores, n, forbid ?? null, 0, 0);
}

/** The labels that may precede each label (-1 left out: the start is scored apart), in increasing order. */
const PREDECESSORS: readonly (readonly number[])[] = Array.from({ length: N_LABELS }, (_, y) => Array.from({ length: N_LABELS }, (_, a) => a).filter((a) => allowed(a, y)));

/**
 * Viterbi proper. Besides `forbid`, the labels other than O at tokens [fromTok, toTok) are ruled out
 * (what a margin asks, without a call per token and label).
 */
function decode(w: SequenceWeights, scores: Float64Array, n: number, forbid: ((i: number, y: number) => boolean) | null, fromTok: number, toTok: number): { labels: Uint8Array; score: number } {
  const L = N_LABELS, tr = w.transition;
  const best = new Float64Array(n * L).fill(-Infinity);
  const back = new Int8Array(n * L);
  const ruledOut = (i: number, y: number) => (y !== 0 && i >= fromTok && i < toTok) || (forbid !== null && forbid(i, y));
  for (let y = 0; y < L; y++) if (allowed(-1, y) && !ruledOut(0, y)) best[y] = tr[y]! + scores[y]!;
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * L, here = i * L;
    for (let y = 0; y < L; y++) {
      if (ruledOut(i, y)) continue;
      let top = -Infinity, arg = 0;
      const from = PREDECESSORS[y]!;
      for (let k = 0; k < from.length; k++) {
        const a = from[k]!;
        const v = best[prev + a]! + tr[(a + 1) * L + y]!;
        if (v > top) { top = v; arg = a; }
      }
      best[here + y] = top + scores[here + y]!;
      back[here + y] = arg;
    }
  }
  const labels = new Uint8Array(n);
  if (n === 0) return { labels, score: 0 };
  let arg = 0;
  for (let y = 1; y < L; y++) if (best[(n - 1) * L + y]! > best[(n - 1) * L + arg]!) arg = y;
  const score = best[(n - 1) * L + arg]!;
  for (let i = n - 1; i >= 0; i--) { labels[i] = arg; arg = back[i * L + arg]!; }
  return { labels, score };
}

/** A tagged span: its role and its tokens [a, b) in the sentence. */
export interface TaggedSpan { readonly role: Role; readonly a: number; readonly b: number }

/** The spans of a label sequence, read as CofeNet reads them (an I- that does not continue its role closes the span). */
export function spansOfLabels(labels: ArrayLike<number>): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  let role = 0, from = -1;
  const close = (i: number) => { if (role) out.push({ role: ROLES[role - 1]!, a: from, b: i }); role = 0; };
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i]!;
    if (y === 0) close(i);
    else if (y % 2 === 1) { close(i); role = (y + 1) / 2; from = i; }
    else if (role !== y / 2) close(i);
  }
  close(labels.length);
  return out;
}

/** One attribution read off a sentence's labels: a cue, the content and the source nearest it, and its margin. */
export interface TaggedAttribution {
  readonly cue: TaggedSpan;
  readonly content: TaggedSpan;
  readonly source: TaggedSpan | null;
  /** the best path's score minus the best with the cue's labels forbidden (how sure the model is of it); a Viterbi pass each read */
  readonly margin: number;
}

const gap = (x: TaggedSpan, y: TaggedSpan) => (x.b <= y.a ? y.a - x.b : y.b <= x.a ? x.a - y.b : 0);

/**
 * The attributions of a tagged sentence: each cue takes the nearest content span (and source span)
 * that no nearer cue takes; a cue with no content is none.
 */
export function attributionsOf(w: SequenceWeights, scores: Float64Array, n: number, best: { labels: Uint8Array; score: number }): TaggedAttribution[] {
  const spans = spansOfLabels(best.labels);
  const cues = spans.filter((s) => s.role === 'cue');
  const nearest = (c: TaggedSpan, role: Role) => {
    let pick: TaggedSpan | null = null;
    for (const s of spans) {
      if (s.role !== role) continue;
      // the span belongs to the cue nearest it
      const owner = cues.reduce((o, x) => (gap(x, s) < gap(o, s) ? x : o), c);
      if (owner !== c) continue;
      if (!pick || gap(c, s) < gap(c, pick)) pick = s;
    }
    return pick;
  };
  const out: TaggedAttribution[] = [];
  for (const c of cues) {
    const content = nearest(c, 'content');
    if (!content) continue;
    // the margin costs a decoding of its own: only the attributions that may be added read it
    out.push({ cue: c, content, source: nearest(c, 'source'), get margin() { return best.score - decode(w, scores, n, null, c.a, c.b).score; } });
  }
  return out;
}

/** The attributions read with the label O's score lowered by `bias` at every token (the margins too are read so). */
export function proposalsOf(w: SequenceWeights, scores: Float64Array, n: number, bias: number): TaggedAttribution[] {
  const biased = Float64Array.from(scores);
  for (let i = 0; i < n; i++) biased[i * N_LABELS] = biased[i * N_LABELS]! - bias;
  return attributionsOf(w, biased, n, viterbi(w, biased, n));
}

export interface Shipped { readonly bits: number; readonly scale: number; readonly marginScale: number; readonly minMargin: number; readonly additionBias: number; readonly transition: readonly number[]; readonly emission: string }

/** The shipped tagger: weights, the margin an added attribution must reach, and the margin that maps to confidence 0.73. */
export interface SequenceTagger extends SequenceWeights {
  readonly minMargin: number;
  readonly marginScale: number;
  /** the label O's handicap in the reading that proposes attributions the rules lack (recall over precision there) */
  readonly additionBias: number;
  /** the attributions of one sentence as it reads best, and as proposals read with O handicapped */
  tag(v: SentenceView): SentenceReading;
}

/** The tagger's reading of one sentence. */
export interface SentenceReading {
  /** the attributions of the best labelling */
  readonly attributions: TaggedAttribution[];
  /** the attributions read with O handicapped (the ones the rules lack are taken from these) */
  readonly proposals: TaggedAttribution[];
}

/** The tagger from weights (shipped or just trained). */
export function sequenceTaggerOf(w: SequenceWeights, minMargin: number, marginScale: number, additionBias: number): SequenceTagger {
  return {
    ...w, minMargin, marginScale, additionBias,
    tag(v) {
      const n = v.toks.length;
      if (n === 0) return { attributions: [], proposals: [] };
      const scores = tableEmissions(w, featureTable(v), n);
      // the plain reading is decoded when first asked for: it only redraws rule frames' spans, so a
      // sentence the tagger reads for a cue word or a quotation mark alone never needs it
      let plain: TaggedAttribution[] | null = null;
      const attributions = () => (plain ??= attributionsOf(w, scores, n, viterbi(w, scores, n)));
      const proposals = additionBias > 0 ? proposalsOf(w, scores, n, additionBias) : null;
      return { get attributions() { return attributions(); }, get proposals() { return proposals ?? attributions(); } };
    },
  };
}

export const loadSequenceTagger = (): SequenceTagger | null => sequenceTaggerFrom(model as Partial<Shipped>);

/** The tagger of a model file's contents (null when it holds no weights). */
export function sequenceTaggerFrom(m: Partial<Shipped>): SequenceTagger | null {
  if (!m.emission || !m.transition || !m.bits || !m.scale) return null;
  const bytes = Buffer.from(m.emission, 'base64');
  const emission = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  return sequenceTaggerOf({ bits: m.bits, emission, emissionScale: m.scale, transition: m.transition }, m.minMargin ?? 0, m.marginScale ?? 1, m.additionBias ?? 0);
}

/** A margin as a confidence: a logistic of the margin over the model's typical margin. */
export const confidenceOf = (t: SequenceTagger, margin: number): number => 1 / (1 + Math.exp(-margin / t.marginScale));

/** The token range [a, b) of a sentence's tokens as a text range. */
export const rangeOf = (toks: readonly Tok[], s: TaggedSpan): Range => ({ start: toks[s.a]!.start, end: toks[s.b - 1]!.end });

/**
 * The roles of a document's tokens from a list of attributions' spans (cue before source before
 * content where they overlap: an inner report's cue lies inside the outer one's content); the first
 * token of each span has 4 added. `toks` are the document's tokens, sorted.
 */
export function rolesOfSpans(toks: readonly Range[], spans: readonly { readonly role: Role; readonly range: Range }[]): Uint8Array {
  const roles = new Uint8Array(toks.length);
  const rank = (r: number) => (r === 0 ? 9 : [0, 2, 1, 3][r]!);
  for (const { role, range } of spans) {
    const r = roleNumber(role);
    let lo = 0, hi = toks.length;
    while (lo < hi) { const mid = (lo + hi) >>> 1; if (toks[mid]!.end <= range.start) lo = mid + 1; else hi = mid; }
    for (let i = lo; i < toks.length && toks[i]!.start < range.end; i++) {
      const cur = roles[i]! & 3;
      if (rank(r) < rank(cur)) roles[i] = r + (i === lo ? 4 : 0);
      else if (r === cur && i === lo) roles[i] = r + 4;
    }
  }
  return roles;
}

/** 1 for each of a document's tokens that lies inside a quotation (quotes sorted by start). */
export function quotedTokens(toks: readonly Range[], quotes: readonly Range[]): Uint8Array {
  const out = new Uint8Array(toks.length);
  let q = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    while (q < quotes.length && quotes[q]!.end <= t.start) q++;
    // quotations rarely nest: the next few hold every one that may cover the token
    for (let k = q; k < quotes.length && k < q + 3 && quotes[k]!.start <= t.start; k++) if (t.end <= quotes[k]!.end) { out[i] = 1; break; }
  }
  return out;
}

/**
 * Whether a sentence may hold an attribution the tagger should look for: a word of the cue
 * lexicon, a quotation mark, or a span of the rule frames (the tagger runs only there, which keeps
 * its cost to the sentences that can report someone's words).
 */
export const worthTagging = (v: SentenceView): boolean => worthTaggingIn(v.toks, v.lexicon, v.rule, 0, v.toks.length);

/** worthTagging of the sentence of tokens [from, to) of a document's arrays (no sentence view built for the sentences it turns away). */
export function worthTaggingIn(toks: readonly Tok[], lexicon: Int8Array, rule: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (lexicon[i]! >= 0 || rule[i]! > 0) return true;
    const t = toks[i]!;
    if (!t.word && QUOTE_MARK.test(t.value)) return true;
  }
  return false;
}
