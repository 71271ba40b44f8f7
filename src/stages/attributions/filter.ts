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

/** The word just before (dir -1) or after (dir 1) an offset, lower case, or a marker at a line or text edge. */
function wordBeside(text: string, at: number, dir: -1 | 1): string {
  let i = dir < 0 ? at - 1 : at;
  while (i >= 0 && i < text.length && (text[i] === ' ' || text[i] === '\t')) i += dir;
  if (i < 0 || i >= text.length || text[i] === '\n') return '<edge>';
  if (!isWordChar(text.charCodeAt(i))) return text[i]!;
  let j = i;
  while (j + dir >= 0 && j + dir < text.length && (isWordChar(text.charCodeAt(j + dir)) || /['’-]/.test(text[j + dir]!))) j += dir;
  return low(dir < 0 ? text.slice(j, i + 1) : text.slice(i, j + 1));
}

const bucket = (n: number) => (n <= 2 ? String(n) : n <= 4 ? '3-4' : n <= 8 ? '5-8' : n <= 16 ? '9-16' : '17+');

const SHAPES = new Map<string, string>();
/** The shape of a rule id: the frame rule ("content-after"), or the whole id for rules of their own. */
function shapeOf(rule: string): string {
  let shape = SHAPES.get(rule);
  if (shape === undefined) {
    const own = rule.startsWith('cue.headline') || rule.startsWith('cue.transcript') || rule.startsWith('cue.dash') || rule.startsWith('cue.quoted-as');
    shape = own ? rule : rule.slice(rule.lastIndexOf('.') + 1);
    if (SHAPES.size > 10000) SHAPES.clear();
    SHAPES.set(rule, shape);
  }
  return shape;
}

/** The feature templates, by the number visitFeatures gives each; a "+" joins two values. */
const TEMPLATES = ['shape', 'cue', 'cue+shape', 'kind', 'kind+shape', 'prev', 'next', 'cue+next', 'cue+prev', 'src', 'src+shape', 'cue+src', 'src0', 'len', 'len+shape', 'cue+len', 'c0', 'cue+c0', 'capcue', 'cuewords'] as const;

/** Receives one feature: a template (its index in TEMPLATES) and its value, or a pair of values for a conjoined template. */
type Emit = (template: number, a: string, b?: string) => void;

/**
 * The features of a candidate: the rule that found it, the cue word and its neighbours, what the
 * source looks like, how long the content is and how it starts. Shared with the training script
 * (scripts/train-attributions.mjs) through frameFeatures.
 */
function visitFeatures(text: string, f: FrameView, emit: Emit): void {
  const shape = shapeOf(f.rule);
  const cueWords = wordsIn(text, f.cue, 1, 4);
  const cue = low(cueWords.words[0] ?? text.slice(f.cue.start, f.cue.end));
  const content = wordsIn(text, f.content, 1, 17);
  const source = f.source ? wordsIn(text, f.source, 12, 12).words : [];
  const src0 = source[0] ?? '';
  const srcKind = !f.source ? 'none' : source.length === 1 && PRONOUN.has(low(src0)) ? 'pron' : source.some(startsUpper) ? 'cap' : 'lower';
  const c0 = low(content.words[0] ?? '');
  const prev = wordBeside(text, f.cue.start, -1), next = wordBeside(text, f.cue.end, 1);
  const len = bucket(content.count);
  emit(0 /* shape */, shape); emit(1 /* cue */, cue); emit(2 /* cue+shape */, cue, shape); emit(3 /* kind */, f.kind); emit(4 /* kind+shape */, f.kind, shape);
  emit(5 /* prev */, prev); emit(6 /* next */, next); emit(7 /* cue+next */, cue, next); emit(8 /* cue+prev */, cue, prev);
  emit(9 /* src */, srcKind); emit(10 /* src+shape */, srcKind, shape); emit(11 /* cue+src */, cue, srcKind);
  if (srcKind === 'pron' || srcKind === 'lower') emit(12 /* src0 */, low(src0));
  emit(13 /* len */, len); emit(14 /* len+shape */, len, shape); emit(15 /* cue+len */, cue, len); emit(16 /* c0 */, c0); emit(17 /* cue+c0 */, cue, c0 === 'that' ? 'that' : '');
  emit(18 /* capcue */, cueWords.words.length && startsUpper(cueWords.words[0]!) ? 'true' : 'false'); emit(19 /* cuewords */, String(Math.min(3, cueWords.count)));
}

/** The features of a candidate as strings ("cue+shape=said|content-after"), as the training script sees them. */
export function frameFeatures(text: string, f: FrameView): string[] {
  const out: string[] = [];
  visitFeatures(text, f, (t, a, b) => out.push(b === undefined ? `${TEMPLATES[t]}=${a}` : `${TEMPLATES[t]}=${a}|${b}`));
  return out;
}

/** Weights by template index, then value, then (for conjoined templates) second value: no strings built per look-up. */
type Table = Map<string, number | Map<string, number>>[];

function tableOf(weights: Record<string, number>): Table {
  const table: Table = TEMPLATES.map(() => new Map());
  for (const [key, w] of Object.entries(weights)) {
    const eq = key.indexOf('=');
    const t = (TEMPLATES as readonly string[]).indexOf(key.slice(0, eq)), value = key.slice(eq + 1);
    if (t < 0) continue;
    const byValue = table[t]!;
    if (!TEMPLATES[t]!.includes('+')) { byValue.set(value, w); continue; }
    const bar = value.indexOf('|');
    const a = value.slice(0, bar), b = value.slice(bar + 1);
    let byB = byValue.get(a);
    if (!(byB instanceof Map)) byValue.set(a, (byB = new Map()));
    byB.set(b, w);
  }
  return table;
}

/** The filter in model/frame-filter.json (trained by scripts/train-attributions.mjs on PolNeAR train). */
export function loadFrameFilter(): FrameFilter | null {
  const w = weights as Weights;
  if (!w.weights || !Object.keys(w.weights).length) return null;
  const table = tableOf(w.weights);
  return {
    threshold: w.threshold,
    probability(text, f) {
      let z = w.bias;
      visitFeatures(text, f, (t, a, b) => {
        const v = table[t]!.get(a);
        z += (b === undefined ? (typeof v === 'number' ? v : 0) : v instanceof Map ? v.get(b) ?? 0 : 0);
      });
      return 1 / (1 + Math.exp(-z));
    },
  };
}
