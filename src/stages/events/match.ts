import type { LayerAnnotation } from '../../core/annotation.js';
import { NON_EVENTS, TRIGGERS, type TriggerEntry } from './triggers.js';

type Token = LayerAnnotation<'token'>;

/** One word slot of a compiled pattern: any of its alternatives, each maybe restricted to verbs or non-verbs. */
interface Alternative { readonly word: string; readonly pos: 'verb' | 'nonverb' | null }
interface Step { readonly alts: readonly Alternative[]; readonly gapBefore: boolean }
export interface CompiledPattern<T> { readonly steps: readonly Step[]; readonly entry: T }

/** Up to this many tokens may stand where a pattern says `...`. */
const GAP = 7;

function compileAlternative(raw: string): Alternative {
  if (raw.startsWith('~')) return { word: raw.slice(1), pos: 'nonverb' };
  if (raw.startsWith('^')) return { word: raw.slice(1), pos: 'verb' };
  return { word: raw, pos: null };
}

export function compile<T extends { pattern: string }>(entry: T): CompiledPattern<T> {
  const steps: Step[] = [];
  let gap = false;
  for (const part of entry.pattern.trim().split(/\s+/)) {
    if (part === '...') { gap = true; continue; }
    steps.push({ alts: part.split('|').map(compileAlternative), gapBefore: gap });
    gap = false;
  }
  return { steps, entry };
}

/**
 * The forms a token can be matched by: its lemma, its normal form, and a crude singular / base form,
 * because wink leaves capitalised words ("Protesters" at the start of a sentence) unlemmatised.
 */
export function formsOf(t: Token): readonly string[] {
  const key = `${t.data.lemma}\u0000${t.data.normal}`;
  let forms = FORMS.get(key);
  if (!forms) {
    if (FORMS.size > 50_000) FORMS.clear();
    forms = computeForms(t.data.lemma.toLowerCase(), t.data.normal);
    FORMS.set(key, forms);
  }
  return forms;
}

/** forms by lemma and normal form: the vocabulary of news is small, so most tokens are seen before */
const FORMS = new Map<string, readonly string[]>();

function computeForms(lemma: string, normal: string): readonly string[] {
  const forms = [lemma, normal];
  if (lemma === normal) {
    if (normal.endsWith('ies')) forms.push(normal.slice(0, -3) + 'y');
    else if (normal.endsWith('es')) forms.push(normal.slice(0, -2), normal.slice(0, -1));
    else if (normal.endsWith('s')) forms.push(normal.slice(0, -1));
    if (normal.endsWith('ed')) forms.push(normal.slice(0, -2), normal.slice(0, -1));
    if (normal.endsWith('ing')) forms.push(normal.slice(0, -3), normal.slice(0, -3) + 'e');
  }
  return forms;
}

/** Whether any pattern of the set can start with one of these forms: most tokens cannot, and are skipped. */
function startsAny<T extends { pattern: string }>(set: PatternSet<T>, forms: readonly string[]): boolean {
  for (const f of forms) if (set.starts(f)) return true;
  return false;
}

const isVerb = (t: Token) => t.data.pos === 'VERB' || t.data.pos === 'AUX';
/** gaps never run across clause punctuation: "lifted the ban, and curfew" is not one phrase */
const stopsGap = (t: Token) => t.data.pos === 'PUNCT' && /[,;:()"“”]/.test(t.data.value);

function stepMatches(step: Step, t: Token, forms: readonly string[]): boolean {
  return step.alts.some((a) => forms.includes(a.word)
    && (a.pos === null || (a.pos === 'verb' ? isVerb(t) : !isVerb(t))));
}

export interface PatternMatch<T> {
  readonly entry: T;
  /** token indices (into the sentence's token list) of the matched words */
  readonly tokens: readonly number[];
}

/** A pattern set indexed by the words its first step can start with. */
export class PatternSet<T extends { pattern: string }> {
  private readonly byFirst = new Map<string, CompiledPattern<T>[]>();

  constructor(entries: readonly T[]) {
    for (const entry of entries) {
      const c = compile(entry);
      for (const a of c.steps[0]?.alts ?? []) {
        const list = this.byFirst.get(a.word) ?? [];
        list.push(c);
        this.byFirst.set(a.word, list);
      }
    }
  }

  starts(word: string): boolean {
    return this.byFirst.has(word);
  }

  /** Every match that starts at token `i`. */
  matchAt(tokens: readonly Token[], forms: readonly (readonly string[])[], i: number): PatternMatch<T>[] {
    const found: PatternMatch<T>[] = [];
    const seen = new Set<CompiledPattern<T>>();
    for (const f of forms[i] ?? []) {
      for (const c of this.byFirst.get(f) ?? []) {
        if (seen.has(c)) continue;
        seen.add(c);
        const m = matchFrom(c, tokens, forms, i);
        if (m) found.push({ entry: c.entry, tokens: m });
      }
    }
    return found;
  }
}

function matchFrom<T>(c: CompiledPattern<T>, tokens: readonly Token[], forms: readonly (readonly string[])[], start: number): number[] | null {
  const first = c.steps[0];
  const t0 = tokens[start];
  if (!first || !t0 || !stepMatches(first, t0, forms[start] ?? [])) return null;
  const at: number[] = [start];
  let pos = start + 1;
  for (let s = 1; s < c.steps.length; s++) {
    const step = c.steps[s]!;
    const limit = step.gapBefore ? Math.min(tokens.length, pos + GAP + 1) : Math.min(tokens.length, pos + 1);
    let hit = -1;
    for (let j = pos; j < limit; j++) {
      const t = tokens[j]!;
      if (stepMatches(step, t, forms[j] ?? [])) { hit = j; break; }
      if (stopsGap(t)) break;
    }
    if (hit < 0) return null;
    at.push(hit);
    pos = hit + 1;
  }
  return at;
}

/** "the banned movement", "a disputed region": a participle between a determiner and a noun describes, it does not report an act */
function adjectivalParticiple(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!, before = tokens[i - 1], after = tokens[i + 1];
  return t.data.pos === 'VERB' && /ed$/.test(t.data.normal) && before?.data.pos === 'DET'
    && (after?.data.pos === 'NOUN' || after?.data.pos === 'PROPN');
}

export const TRIGGER_SET = new PatternSet<TriggerEntry>(TRIGGERS);
export const NON_EVENT_SET = new PatternSet(NON_EVENTS);

/**
 * The triggers of a sentence: at each token the longest match wins (more words, then the wider
 * span), and tokens already used by a longer trigger cannot start or join another one.
 */
export function findTriggers(tokens: readonly Token[]): PatternMatch<TriggerEntry>[] {
  const forms = tokens.map(formsOf);
  const blocked = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (!startsAny(NON_EVENT_SET, forms[i]!)) continue;
    for (const m of NON_EVENT_SET.matchAt(tokens, forms, i)) m.tokens.forEach((k) => blocked.add(k));
  }
  const candidates: PatternMatch<TriggerEntry>[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!startsAny(TRIGGER_SET, forms[i]!) || blocked.has(i) || adjectivalParticiple(tokens, i)) continue;
    candidates.push(...TRIGGER_SET.matchAt(tokens, forms, i));
  }
  candidates.sort((a, b) => b.tokens.length - a.tokens.length
    || (b.tokens.at(-1)! - b.tokens[0]!) - (a.tokens.at(-1)! - a.tokens[0]!) || a.tokens[0]! - b.tokens[0]!);
  const used = new Set<number>();
  const chosen: PatternMatch<TriggerEntry>[] = [];
  for (const c of candidates) {
    if (c.tokens.some((k) => used.has(k))) continue;
    c.tokens.forEach((k) => used.add(k));
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.tokens[0]! - b.tokens[0]!);
}
