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

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*/gu;
const PRONOUN = /^(he|she|they|it|we|i|you|who|which|that)$/;
const low = (s: string) => s.toLowerCase().replace(/’/g, "'");

function wordsIn(text: string, r: Range, max = 40): string[] {
  const out: string[] = [];
  WORD.lastIndex = 0;
  const slice = text.slice(r.start, r.end);
  for (let m = WORD.exec(slice); m && out.length < max; m = WORD.exec(slice)) out.push(m[0]);
  return out;
}

/** The word just before (dir -1) or after (dir 1) an offset, lower case, or a marker at a line or text edge. */
function wordBeside(text: string, at: number, dir: -1 | 1): string {
  let i = dir < 0 ? at - 1 : at;
  while (i >= 0 && i < text.length && (text[i] === ' ' || text[i] === '\t')) i += dir;
  if (i < 0 || i >= text.length || text[i] === '\n') return '<edge>';
  if (!/[\p{L}\p{N}]/u.test(text[i]!)) return text[i]!;
  let j = i;
  while (j + dir >= 0 && j + dir < text.length && /[\p{L}\p{N}'’-]/u.test(text[j + dir]!)) j += dir;
  return low(dir < 0 ? text.slice(j, i + 1) : text.slice(i, j + 1));
}

const bucket = (n: number) => (n <= 2 ? String(n) : n <= 4 ? '3-4' : n <= 8 ? '5-8' : n <= 16 ? '9-16' : '17+');

/**
 * The features of a candidate: the rule that found it, the cue word and its neighbours, what the
 * source looks like, how long the content is and how it starts. Shared with the training script
 * (scripts/train-attributions.mjs), which computes them on the stage's unfiltered output.
 */
export function frameFeatures(text: string, f: FrameView): string[] {
  const dot = f.rule.lastIndexOf('.');
  const shape = f.rule.startsWith('cue.headline') || f.rule.startsWith('cue.transcript') || f.rule.startsWith('cue.dash') || f.rule.startsWith('cue.quoted-as') ? f.rule : f.rule.slice(dot + 1);
  const cueWords = wordsIn(text, f.cue, 4);
  const cue = low(cueWords[0] ?? text.slice(f.cue.start, f.cue.end));
  const content = wordsIn(text, f.content);
  const source = f.source ? wordsIn(text, f.source, 12) : [];
  const src0 = source[0] ?? '';
  const srcKind = !f.source ? 'none' : source.length === 1 && PRONOUN.test(low(src0)) ? 'pron' : source.some((w) => /^\p{Lu}/u.test(w)) ? 'cap' : 'lower';
  const c0 = low(content[0] ?? '');
  const prev = wordBeside(text, f.cue.start, -1), next = wordBeside(text, f.cue.end, 1);
  const len = bucket(content.length);
  return [
    `shape=${shape}`, `cue=${cue}`, `cue+shape=${cue}|${shape}`, `kind=${f.kind}`, `kind+shape=${f.kind}|${shape}`,
    `prev=${prev}`, `next=${next}`, `cue+next=${cue}|${next}`, `cue+prev=${cue}|${prev}`,
    `src=${srcKind}`, `src+shape=${srcKind}|${shape}`, `cue+src=${cue}|${srcKind}`, ...(srcKind === 'pron' || srcKind === 'lower' ? [`src0=${low(src0)}`] : []),
    `len=${len}`, `len+shape=${len}|${shape}`, `cue+len=${cue}|${len}`, `c0=${c0}`, `cue+c0=${cue}|${c0 === 'that' ? 'that' : ''}`,
    `capcue=${/^\p{Lu}/u.test(cueWords[0] ?? '')}`, `cuewords=${Math.min(3, cueWords.length)}`,
  ];
}

/** The filter in model/frame-filter.json (trained by scripts/train-attributions.mjs on PolNeAR train). */
export function loadFrameFilter(): FrameFilter | null {
  const w = weights as Weights;
  if (!w.weights || !Object.keys(w.weights).length) return null;
  const table = new Map(Object.entries(w.weights));
  return {
    threshold: w.threshold,
    probability(text, f) {
      let z = w.bias;
      for (const k of frameFeatures(text, f)) z += table.get(k) ?? 0;
      return 1 / (1 + Math.exp(-z));
    },
  };
}
