import type { Range } from '../../core/span.js';
import weights from './model/frame-filter.json' with { type: 'json' };

/** What the filter sees of a candidate attribution: its rule, its spans and how much of it is quoted. */
export interface FrameView {
  readonly rule: string;
  readonly cue: Range;
  readonly content: Range;
  readonly source: Range | null;
  readonly kind: string;
}

/** A logistic model over sparse string features: the probability that a candidate is a real attribution. */
export interface FrameFilter {
  readonly threshold: number;
  probability(text: string, f: FrameView): number;
}

export interface FrameFilterWeights { readonly threshold: number; readonly bias: number; readonly weights: Record<string, number> }

const PRONOUN = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who', 'which', 'that']);
const low = (s: string) => { const l = s.toLowerCase(); return l.includes('’') ? l.replace(/’/g, "'") : l; };
const startsUpper = (w: string) => { const c = w.charCodeAt(0); return c >= 65 && c <= 90 ? true : c < 128 ? false : /^\p{Lu}/u.test(w); };
const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c > 127 && /[\p{L}\p{N}]/u.test(String.fromCharCode(c)));
const isInnerChar = (c: number) => isWordChar(c) || c === 39 || c === 0x2019 || c === 46 || c === 45; // ' ’ . -

/**
 * The words of a range as the scorer counts them (a letter or digit, then letters, digits, ' ’ . -):
 * the first `keep` words and how many there are, counting no further than `max`.
 */
function wordsIn(text: string, r: Range, keep: number, max: number): { words: string[]; count: number } {
  const words: string[] = [];
  let count = 0;
  for (let i = r.start; i < r.end && count < max;) {
    if (!isWordChar(text.charCodeAt(i))) { i++; continue; }
    let j = i + 1;
    while (j < r.end && isInnerChar(text.charCodeAt(j))) j++;
    if (words.length < keep) words.push(text.slice(i, j));
    count++;
    i = j;
  }
  return { words, count };
}

const QUOTE_MARKS = new Set(['"', '”', '“', "'", '’', '‘', '»', '«']);

/**
 * The word just before (dir -1) or after (dir 1) an offset, lower case; '<cap>' for a capitalised
 * word (names say nothing general about cues, and a model that learns them overfits), '<q>' for a
 * quotation mark of any kind, '<edge>' at a line or text edge.
 */
function wordBeside(text: string, at: number, dir: -1 | 1): string {
  let i = dir < 0 ? at - 1 : at;
  while (i >= 0 && i < text.length && (text[i] === ' ' || text[i] === '\t')) i += dir;
  if (i < 0 || i >= text.length || text[i] === '\n') return '<edge>';
  if (!isWordChar(text.charCodeAt(i))) return QUOTE_MARKS.has(text[i]!) ? '<q>' : text[i]!;
  let j = i;
  while (j + dir >= 0 && j + dir < text.length && (isWordChar(text.charCodeAt(j + dir)) || /['’-]/.test(text[j + dir]!))) j += dir;
  const word = dir < 0 ? text.slice(j, i + 1) : text.slice(i, j + 1);
  return startsUpper(word) ? '<cap>' : low(word);
}

const bucket = (n: number) => (n <= 2 ? String(n) : n <= 4 ? '3-4' : n <= 8 ? '5-8' : n <= 16 ? '9-16' : '17+');

// frame shapes newer than the filter's training, read as the shape they refine
const TRAINED_SHAPE: Readonly<Record<string, string>> = { 'content-before-hearer': 'content-before', 'with-noun': 'participle' };
const SHAPES = new Map<string, string>();
/** The shape of a rule id: the frame rule ("content-after"), or the whole id for rules of their own. */
function shapeOf(rule: string): string {
  let shape = SHAPES.get(rule);
  if (shape === undefined) {
    const own = rule.startsWith('cue.headline') || rule.startsWith('cue.transcript') || rule.startsWith('cue.dash') || rule.startsWith('cue.quoted-as');
    shape = own ? rule : rule.slice(rule.lastIndexOf('.') + 1);
    shape = TRAINED_SHAPE[shape] ?? shape;
    if (SHAPES.size > 10000) SHAPES.clear();
    SHAPES.set(rule, shape);
  }
  return shape;
}

/** What the features of a candidate are made of: the rule's shape, the cue word and its neighbours, the source, the content. */
interface Traits {
  readonly shape: string;
  readonly cue: string;
  readonly kind: string;
  readonly prev: string;
  readonly next: string;
  /** none, pron (a lone pronoun), cap (a capitalised word in it) or lower */
  readonly src: string;
  /** the source's first word, for pronoun and lower-case sources */
  readonly src0: string | null;
  readonly len: string;
  readonly c0: string;
  readonly capcue: string;
  readonly cuewords: string;
}

/** The content's first word: lower case, or '<cap>' for a capitalised word other than a pronoun or an article. */
function contentOpener(word: string | undefined): string {
  if (!word) return '';
  const lower = low(word);
  return startsUpper(word) && !PRONOUN.has(lower) && !OPENERS.has(lower) ? '<cap>' : lower;
}
const OPENERS = new Set(['the', 'a', 'an', 'this', 'that', 'there', 'it\'s', 'we\'re', 'i\'m', 'if', 'but', 'and', 'our', 'my', 'his', 'her', 'their']);

/** The source's kind and, for pronoun and lower-case sources, its first word. */
function sourceTraits(text: string, source: Range | null): { src: string; src0: string | null } {
  if (!source) return { src: 'none', src0: null };
  const { words, count } = wordsIn(text, source, 12, 12);
  const first = words[0] ?? '';
  if (count === 1 && PRONOUN.has(low(first))) return { src: 'pron', src0: low(first) };
  return words.some(startsUpper) ? { src: 'cap', src0: null } : { src: 'lower', src0: low(first) };
}

/** The traits of a candidate, shared by the filter and the training script (scripts/train-attributions.mjs, through frameFeatures). */
function traitsOf(text: string, f: FrameView): Traits {
  const cueWords = wordsIn(text, f.cue, 1, 4);
  const content = wordsIn(text, f.content, 1, 17);
  const { src, src0 } = sourceTraits(text, f.source);
  return {
    shape: shapeOf(f.rule), cue: low(cueWords.words[0] ?? text.slice(f.cue.start, f.cue.end)), kind: f.kind,
    prev: wordBeside(text, f.cue.start, -1), next: wordBeside(text, f.cue.end, 1), src, src0,
    len: bucket(content.count), c0: contentOpener(content.words[0]),
    capcue: cueWords.words.length && startsUpper(cueWords.words[0]!) ? 'true' : 'false', cuewords: String(Math.min(3, cueWords.count)),
  };
}

/** The features of a candidate as strings ("cue+shape=said|content-after"), as the training script sees them. */
export function frameFeatures(text: string, f: FrameView): string[] {
  const t = traitsOf(text, f);
  const out = [
    `shape=${t.shape}`, `cue=${t.cue}`, `cue+shape=${t.cue}|${t.shape}`, `kind=${t.kind}`, `kind+shape=${t.kind}|${t.shape}`,
    `prev=${t.prev}`, `next=${t.next}`, `cue+next=${t.cue}|${t.next}`, `cue+prev=${t.cue}|${t.prev}`,
    `src=${t.src}`, `src+shape=${t.src}|${t.shape}`, `cue+src=${t.cue}|${t.src}`,
  ];
  if (t.src0 !== null) out.push(`src0=${t.src0}`);
  out.push(`len=${t.len}`, `len+shape=${t.len}|${t.shape}`, `cue+len=${t.cue}|${t.len}`, `c0=${t.c0}`, `cue+c0=${t.cue}|${t.c0 === 'that' ? 'that' : ''}`,
    `capcue=${t.capcue}`, `cuewords=${t.cuewords}`);
  return out;
}

/**
 * The sum of a candidate's feature weights, each looked up by its feature's name as frameFeatures
 * writes it (every name holds a "=", so none is a property of Object.prototype). The weights are
 * looked up as the file gives them, not rearranged into tables first: arranging 13,600 weights cost
 * more of the start-up (some 50 ms) than the look-ups of all the candidates of a long batch.
 */
function scoreOf(w: Readonly<Record<string, number>>, t: Traits): number {
  const { shape, cue, kind, src, len } = t;
  let z = (w[`shape=${shape}`] ?? 0) + (w[`kind=${kind}`] ?? 0) + (w[`kind+shape=${kind}|${shape}`] ?? 0)
    + (w[`prev=${t.prev}`] ?? 0) + (w[`next=${t.next}`] ?? 0)
    + (w[`src=${src}`] ?? 0) + (w[`src+shape=${src}|${shape}`] ?? 0) + (t.src0 !== null ? w[`src0=${t.src0}`] ?? 0 : 0)
    + (w[`len=${len}`] ?? 0) + (w[`len+shape=${len}|${shape}`] ?? 0) + (w[`c0=${t.c0}`] ?? 0)
    + (w[`capcue=${t.capcue}`] ?? 0) + (w[`cuewords=${t.cuewords}`] ?? 0);
  // the cue's own weight and its pairs: all nought for a cue the model never saw
  z += (w[`cue=${cue}`] ?? 0) + (w[`cue+shape=${cue}|${shape}`] ?? 0) + (w[`cue+next=${cue}|${t.next}`] ?? 0) + (w[`cue+prev=${cue}|${t.prev}`] ?? 0)
    + (w[`cue+src=${cue}|${src}`] ?? 0) + (w[`cue+len=${cue}|${len}`] ?? 0) + (w[`cue+c0=${cue}|${t.c0 === 'that' ? 'that' : ''}`] ?? 0);
  return z;
}

/** The filter in model/frame-filter.json (trained by scripts/train-attributions.mjs on PolNeAR train). */
export function loadFrameFilter(): FrameFilter | null {
  return frameFilterFrom(weights as FrameFilterWeights);
}

/** A filter from its trained weights (null when there are none). */
export function frameFilterFrom(w: FrameFilterWeights): FrameFilter | null {
  if (!hasAny(w.weights)) return null;
  return {
    threshold: w.threshold,
    probability: (text, f) => 1 / (1 + Math.exp(-(w.bias + scoreOf(w.weights, traitsOf(text, f))))),
  };
}

/** Whether an object has a key (without listing all its keys). */
function hasAny(o: object | undefined): boolean {
  for (const key in o) if (Object.hasOwn(o!, key)) return true;
  return false;
}
