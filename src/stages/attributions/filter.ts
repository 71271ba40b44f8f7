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

interface Weights { readonly threshold: number; readonly bias: number; readonly weights: Record<string, number> }

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

/** The feature templates; a "+" joins two values. The weights file names features "template=value" or "template=a|b". */
const TEMPLATES = ['shape', 'cue', 'cue+shape', 'kind', 'kind+shape', 'prev', 'next', 'cue+next', 'cue+prev', 'src', 'src+shape', 'cue+src', 'src0', 'len', 'len+shape', 'cue+len', 'c0', 'cue+c0', 'capcue', 'cuewords'] as const;
type Template = (typeof TEMPLATES)[number];

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

/** The weights of the features that pair a cue word with something else: one look-up of the cue finds them all. */
interface CueRow {
  cue: number;
  readonly shape: Map<string, number>;
  readonly next: Map<string, number>;
  readonly prev: Map<string, number>;
  readonly src: Map<string, number>;
  readonly len: Map<string, number>;
  readonly c0: Map<string, number>;
}

/** The weights arranged for scoring: by template and value, pairs by their first value then their second. */
interface Table {
  readonly single: Record<'shape' | 'kind' | 'prev' | 'next' | 'src' | 'src0' | 'len' | 'c0' | 'capcue' | 'cuewords', Map<string, number>>;
  readonly paired: Record<'kind+shape' | 'src+shape' | 'len+shape', Map<string, Map<string, number>>>;
  readonly cues: Map<string, CueRow>;
}

const CUE_PAIRS: Partial<Record<Template, keyof Omit<CueRow, 'cue'>>> = { 'cue+shape': 'shape', 'cue+next': 'next', 'cue+prev': 'prev', 'cue+src': 'src', 'cue+len': 'len', 'cue+c0': 'c0' };

function tableOf(weights: Record<string, number>): Table {
  const map = () => new Map<string, number>();
  const table: Table = {
    single: { shape: map(), kind: map(), prev: map(), next: map(), src: map(), src0: map(), len: map(), c0: map(), capcue: map(), cuewords: map() },
    paired: { 'kind+shape': new Map(), 'src+shape': new Map(), 'len+shape': new Map() },
    cues: new Map(),
  };
  const rowOf = (cue: string) => {
    let row = table.cues.get(cue);
    if (!row) table.cues.set(cue, (row = { cue: 0, shape: map(), next: map(), prev: map(), src: map(), len: map(), c0: map() }));
    return row;
  };
  for (const [key, w] of Object.entries(weights)) {
    const eq = key.indexOf('=');
    const template = key.slice(0, eq) as Template, value = key.slice(eq + 1);
    if (!(TEMPLATES as readonly string[]).includes(template)) continue;
    if (template === 'cue') { rowOf(value).cue = w; continue; }
    if (!template.includes('+')) { table.single[template as keyof Table['single']].set(value, w); continue; }
    const bar = value.indexOf('|');
    const a = value.slice(0, bar), b = value.slice(bar + 1);
    const cuePair = CUE_PAIRS[template];
    if (cuePair) { rowOf(a)[cuePair].set(b, w); continue; }
    const byA = table.paired[template as keyof Table['paired']];
    let byB = byA.get(a);
    if (!byB) byA.set(a, (byB = map()));
    byB.set(b, w);
  }
  return table;
}

/** The sum of a candidate's feature weights. */
function scoreOf(table: Table, t: Traits): number {
  const { single, paired } = table;
  let z = (single.shape.get(t.shape) ?? 0) + (single.kind.get(t.kind) ?? 0) + (paired['kind+shape'].get(t.kind)?.get(t.shape) ?? 0)
    + (single.prev.get(t.prev) ?? 0) + (single.next.get(t.next) ?? 0)
    + (single.src.get(t.src) ?? 0) + (paired['src+shape'].get(t.src)?.get(t.shape) ?? 0) + (t.src0 !== null ? single.src0.get(t.src0) ?? 0 : 0)
    + (single.len.get(t.len) ?? 0) + (paired['len+shape'].get(t.len)?.get(t.shape) ?? 0) + (single.c0.get(t.c0) ?? 0)
    + (single.capcue.get(t.capcue) ?? 0) + (single.cuewords.get(t.cuewords) ?? 0);
  const row = table.cues.get(t.cue);
  if (row) {
    z += row.cue + (row.shape.get(t.shape) ?? 0) + (row.next.get(t.next) ?? 0) + (row.prev.get(t.prev) ?? 0)
      + (row.src.get(t.src) ?? 0) + (row.len.get(t.len) ?? 0) + (row.c0.get(t.c0 === 'that' ? 'that' : '') ?? 0);
  }
  return z;
}

/** The filter in model/frame-filter.json (trained by scripts/train-attributions.mjs on PolNeAR train). */
export function loadFrameFilter(): FrameFilter | null {
  const w = weights as Weights;
  if (!w.weights || !Object.keys(w.weights).length) return null;
  const table = tableOf(w.weights);
  return {
    threshold: w.threshold,
    probability: (text, f) => 1 / (1 + Math.exp(-(w.bias + scoreOf(table, traitsOf(text, f))))),
  };
}
