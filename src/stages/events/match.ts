import { NON_EVENTS, TRIGGERS, type TriggerEntry } from './triggers.js';

import type { Token } from '../../text/lookup.js';

/**
 * One word slot of a compiled pattern: any of its alternatives, each maybe restricted to verbs or
 * non-verbs. `id` numbers the word among all the words patterns use, so that matching compares numbers.
 */
interface Alternative { readonly word: string; readonly id: number; readonly pos: 'verb' | 'nonverb' | null }
interface Step {
  readonly alts: readonly Alternative[];
  readonly gapBefore: boolean;
  /** the step's number among the lexicon's steps (Present remembers a sentence's answer for each) */
  readonly index: number;
  /**
   * The parts of speech each word number fills the step in (VERB_FILLS, OTHER_FILLS or both), for a
   * step of many alternatives (a dictionary synonym set): one look-up instead of a walk of them all.
   */
  readonly fills: ReadonlyMap<number, number> | null;
}
export interface CompiledPattern<T> { readonly steps: readonly Step[]; readonly entry: T }

/** Up to this many tokens may stand where a pattern says `...`. */
const GAP = 7;

/**
 * The patterns of a lexicon compiled for matching, with what the matcher has learnt about words.
 * It belongs to one events stage (made through `resources.once`), never to the module: the words a
 * pattern set numbers, and the forms remembered for each token string, depend only on the lexicon
 * it was built from, so an article's triggers never depend on what was analysed before it.
 */
export class Lexicon {
  /** Every word some pattern uses, numbered as the patterns compile. */
  private readonly patternWords = new Map<string, number>();
  /**
   * Word forms by normal form, each with the lemma it was computed for (a normal form nearly always
   * comes with one lemma; the rare others are chained after it). The vocabulary of news is small, so
   * most tokens are seen before; one look-up on the token's own string costs less than building a
   * joined key for every token. A pure function of its key: it only saves the work.
   */
  private readonly forms = new Map<string, FormsEntry>();
  /**
   * Compiled steps by their text (with `...` before it when a gap leads to it): the dictionary writes
   * its synonym sets out in every pattern (about 88,000 alternatives in 1,900 distinct steps), so
   * each is compiled once and shared; steps never change once made.
   */
  private readonly steps = new Map<string, Step>();
  /** The pattern words of the sentence being matched (findIn), emptied for each. */
  private readonly present = new Present();
  readonly triggers: PatternSet<TriggerEntry>;
  readonly nonEvents: PatternSet<{ readonly id: string; readonly pattern: string }>;

  /** With `compiled` (a snapshot of a lexicon of the same entries: see LexiconSnapshot), its patterns are read back rather than compiled. */
  constructor(triggers: readonly TriggerEntry[] = TRIGGERS, nonEvents: readonly { readonly id: string; readonly pattern: string }[] = NON_EVENTS, compiled?: LexiconSnapshot) {
    const steps = compiled ? this.restore(compiled) : [];
    this.triggers = new PatternSet(triggers, this, compiled?.triggers.map((list) => list.map((k) => steps[k]!)));
    this.nonEvents = new PatternSet(nonEvents, this, compiled?.nonEvents.map((list) => list.map((k) => steps[k]!)));
  }

  /** The compiled patterns as JSON data (see LexiconSnapshot). */
  snapshot(): LexiconSnapshot {
    return {
      words: [...this.patternWords.keys()],
      steps: [...this.steps].map(([text, step]) => [text, step.gapBefore ? 1 : 0, ...step.alts.flatMap((a) => [a.id, POS_CODES.indexOf(a.pos)])]),
      triggers: this.triggers.patternSteps(), nonEvents: this.nonEvents.patternSteps(),
    };
  }

  /** The pattern words and steps of a snapshot, numbered as they were; the steps in their order. */
  private restore(compiled: LexiconSnapshot): Step[] {
    compiled.words.forEach((word, id) => this.patternWords.set(word, id));
    return compiled.steps.map(([text, gapBefore, ...alternatives]) => {
      const alts: Alternative[] = [];
      for (let k = 0; k < alternatives.length; k += 2) alts.push({ word: compiled.words[alternatives[k]!]!, id: alternatives[k]!, pos: POS_CODES[alternatives[k + 1]!]! });
      const step: Step = { alts, gapBefore: gapBefore === 1, index: this.steps.size, fills: alts.length > FEW_ALTERNATIVES ? fillsOf(alts) : null };
      this.steps.set(text, step);
      return step;
    });
  }

  /** The compiled step of a pattern's part (`gapBefore`: `...` stood before it), made once for each text. */
  stepOf(part: string, gapBefore: boolean): Step {
    const key = gapBefore ? `... ${part}` : part;
    let step = this.steps.get(key);
    if (!step) {
      const alts = part.split('|').map((a) => compileAlternative(a, this));
      this.steps.set(key, (step = { alts, gapBefore, index: this.steps.size, fills: alts.length > FEW_ALTERNATIVES ? fillsOf(alts) : null }));
    }
    return step;
  }

  /** The number of a pattern word (numbered on first use). */
  idOf(word: string): number {
    let id = this.patternWords.get(word);
    if (id === undefined) {
      id = this.patternWords.size;
      this.patternWords.set(word, id);
      // word forms computed before this word existed do not know its number
      if (this.forms.size) this.forms.clear();
    }
    return id;
  }

  /** What the matcher needs to know about a token's word (see WordForms). */
  wordFormsOf(t: Token): WordForms {
    const { normal, lemma } = t.data;
    const head = this.forms.get(normal);
    for (let e = head; e; e = e.next) if (e.lemma === lemma) return e;
    if (this.forms.size > 50_000) this.forms.clear();
    const forms = computeForms(lemma.toLowerCase(), normal);
    // the entry is the word forms themselves: one object less to reach for each token
    const entry: FormsEntry = {
      forms, ids: this.idsOf(forms), triggerStarts: this.triggers.startingWith(forms), nonEventStarts: this.nonEvents.startingWith(forms), lemma, next: head,
    };
    this.forms.set(normal, entry);
    return entry;
  }

  private idsOf(forms: readonly string[]): readonly number[] {
    let ids: number[] | null = null;
    for (const f of forms) {
      const id = this.patternWords.get(f);
      if (id !== undefined) (ids ??= []).push(id);
    }
    return ids ?? NO_IDS;
  }

  /** The word forms of tokens `from` to `to` (half-open). */
  wordsIn(tokens: readonly Token[], from: number, to: number): WordForms[] {
    const words: WordForms[] = [];
    for (let i = from; i < to; i++) words.push(this.wordFormsOf(tokens[i]!));
    return words;
  }

  /**
   * The triggers of a sentence: at each token the longest match wins (more words, then the wider
   * span), and tokens already used by a longer trigger cannot start or join another one.
   * `words` are the tokens' word forms, when the caller has them already.
   */
  findTriggers(tokens: readonly Token[], words: readonly WordForms[] = this.wordsIn(tokens, 0, tokens.length)): PatternMatch<TriggerEntry>[] {
    return findIn(tokens, words, this.present);
  }
}

/**
 * A lexicon's compiled patterns as JSON data (Lexicon.snapshot), for `npm run build` to write and
 * start-up to read back (compiling the 6,600 patterns of the dictionary cost some 100 ms): the
 * pattern words in the order they were numbered, the steps in theirs (the text they were compiled
 * from, 1 for a gap before, then each alternative's word number and part of speech, POS_CODES), and
 * each entry's steps by number. Read back for the same entries, it is the lexicon they compile to.
 */
export interface LexiconSnapshot {
  readonly words: readonly string[];
  readonly steps: readonly (readonly [string, number, ...number[]])[];
  readonly triggers: readonly (readonly number[])[];
  readonly nonEvents: readonly (readonly number[])[];
}
const POS_CODES = [null, 'verb', 'nonverb'] as const;

/** A step of more alternatives than this is matched through its word numbers (Step.fills); fewer are walked. */
const FEW_ALTERNATIVES = 4;
/** Step.fills: a verb (or auxiliary) fills an alternative marked `^` or unmarked, any other word one marked `~` or unmarked. */
const VERB_FILLS = 1, OTHER_FILLS = 2;

function fillsOf(alts: readonly Alternative[]): Map<number, number> {
  const fills = new Map<number, number>();
  for (const a of alts) fills.set(a.id, (fills.get(a.id) ?? 0) | (a.pos === 'verb' ? VERB_FILLS : a.pos === 'nonverb' ? OTHER_FILLS : VERB_FILLS | OTHER_FILLS));
  return fills;
}

function compileAlternative(raw: string, lexicon: Lexicon): Alternative {
  const pos = raw.startsWith('~') ? 'nonverb' : raw.startsWith('^') ? 'verb' : null;
  const word = pos ? raw.slice(1) : raw;
  return { word, id: lexicon.idOf(word), pos };
}

export function compile<T extends { pattern: string }>(entry: T, lexicon: Lexicon): CompiledPattern<T> {
  const steps: Step[] = [];
  let gap = false;
  for (const part of entry.pattern.trim().split(/\s+/)) {
    if (part === '...') { gap = true; continue; }
    steps.push(lexicon.stepOf(part, gap));
    gap = false;
  }
  return { steps, entry };
}

/**
 * What the matcher needs to know about a word: the forms it can be matched by, and the patterns of
 * each set that can start with one of them (in the order the forms and the lexicon give them).
 */
export interface WordForms {
  readonly forms: readonly string[];
  /** the numbers of the forms that some pattern uses (most words: none) */
  readonly ids: readonly number[];
  readonly triggerStarts: Starts<TriggerEntry>;
  readonly nonEventStarts: Starts<{ pattern: string }>;
}

interface FormsEntry extends WordForms { readonly lemma: string; readonly next: FormsEntry | undefined }

const NO_IDS: readonly number[] = [];

/**
 * The pattern words of one sentence, as numbers: a word is present when its mark holds the current
 * stamp, and emptying the set takes a new stamp, so that membership costs one array read and no set
 * is built for each sentence.
 */
export class Present {
  private marks = new Int32Array(1024);
  /** by step number: the stamp of the sentence whose answer `stepHas` holds (stepPresent) */
  private stepMarks = new Int32Array(1024);
  private stepHas = new Uint8Array(1024);
  private stamp = 1;
  /** the words of the sentence whose pattern words are yet to be added (forSentence) */
  private pending: readonly WordForms[] | null = null;
  /** the numbers present, in the order they were added */
  readonly list: number[] = [];

  /**
   * Empties the set for a sentence whose pattern words are those of `words`, added when the set is
   * first asked about (most sentences' patterns end at their second word, which needs no set).
   */
  forSentence(words: readonly WordForms[]): void {
    this.clear();
    this.pending = words;
  }

  private takePending(): void {
    const words = this.pending!;
    this.pending = null;
    for (const w of words) for (const id of w.ids) this.add(id);
  }

  clear(): void {
    this.pending = null;
    this.list.length = 0;
    if (++this.stamp < 0x7fffffff) return;
    this.marks.fill(0);
    this.stepMarks.fill(0);
    this.stamp = 1;
  }

  /**
   * Whether the sentence holds a word of the step (any of its alternatives, whatever its part of
   * speech), worked out once a sentence for each step: the dictionary's synonym sets recur in many
   * of a word's patterns.
   */
  stepPresent(step: Step): boolean {
    if (this.pending) this.takePending();
    const k = step.index;
    if (k >= this.stepMarks.length) {
      const marks = new Int32Array(Math.max(k + 1, 2 * this.stepMarks.length));
      marks.set(this.stepMarks);
      this.stepMarks = marks;
      const has = new Uint8Array(marks.length);
      has.set(this.stepHas);
      this.stepHas = has;
    }
    const has = this.stepHas;
    if (this.stepMarks[k] === this.stamp) return has[k] === 1;
    let any = 0;
    for (const a of step.alts) if (this.marks[a.id] === this.stamp) { any = 1; break; }
    this.stepMarks[k] = this.stamp;
    has[k] = any;
    return any === 1;
  }

  has(id: number): boolean {
    if (this.pending) this.takePending();
    return this.marks[id] === this.stamp;
  }

  add(id: number): void {
    if (id >= this.marks.length) {
      const marks = new Int32Array(Math.max(id + 1, 2 * this.marks.length));
      marks.set(this.marks);
      this.marks = marks;
    }
    if (this.marks[id] === this.stamp) return;
    this.marks[id] = this.stamp;
    this.list.push(id);
  }
}

/**
 * The forms a token can be matched by: its lemma, its normal form, and a crude singular / base form,
 * because wink leaves capitalised words ("Protesters" at the start of a sentence) unlemmatised.
 */
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

const isVerb = (t: Token) => t.data.pos === 'VERB' || t.data.pos === 'AUX';
/** gaps never run across clause punctuation: "lifted the ban, and curfew" is not one phrase */
const stopsGap = (t: Token) => t.data.pos === 'PUNCT' && hasGapStop(t.data.value);
/** The characters of clause punctuation (stopsGap). */
const GAP_STOPS = ',;:()"“”';

/** Whether a punctuation token holds a character of GAP_STOPS (read by character, not by a regular expression: it is asked at every token of a gap). */
function hasGapStop(value: string): boolean {
  for (let k = 0; k < value.length; k++) if (GAP_STOPS.includes(value[k]!)) return true;
  return false;
}

/** Whether a token with these word numbers fills the step (a form equals an alternative's word, of the right part of speech). */
function stepMatches(step: Step, t: Token, ids: readonly number[]): boolean {
  if (!ids.length) return false;
  const fills = step.fills;
  if (fills) {
    const need = isVerb(t) ? VERB_FILLS : OTHER_FILLS;
    for (const id of ids) if (((fills.get(id) ?? 0) & need) !== 0) return true;
    return false;
  }
  for (const a of step.alts) {
    if (ids.includes(a.id) && (a.pos === null || (a.pos === 'verb' ? isVerb(t) : !isVerb(t)))) return true;
  }
  return false;
}

export interface PatternMatch<T> {
  readonly entry: T;
  /** token indices (into the sentence's token list) of the matched words */
  readonly tokens: readonly number[];
  /** the entries of shorter matches on the same words that this one won over */
  readonly shadowed?: readonly T[];
}

interface Chosen { readonly entry: TriggerEntry; readonly tokens: readonly number[]; readonly shadowed: TriggerEntry[] }

const NONE: readonly never[] = [];

/** A pattern set indexed by the words its first step can start with. */
export class PatternSet<T extends { pattern: string }> {
  /**
   * The patterns by their first step (shared among patterns: Lexicon.stepOf), each list in lexicon
   * order, and the first steps by the words they accept: a word's patterns are gathered from these
   * when its forms are first met (startingWith), not listed for every word of every pattern at start-up.
   */
  private readonly byFirstStep = new Map<Step, { readonly order: number; readonly c: CompiledPattern<T> }[]>();
  private readonly stepsByWord = new Map<string, Step[]>();

  /** `steps`: each entry's pattern compiled already (Lexicon's snapshot). */
  constructor(entries: readonly T[], lexicon: Lexicon, steps?: readonly (readonly Step[])[]) {
    for (let order = 0; order < entries.length; order++) {
      const c = steps ? { steps: steps[order]!, entry: entries[order]! } : compile(entries[order]!, lexicon);
      const first = c.steps[0];
      if (!first) continue;
      const list = this.byFirstStep.get(first);
      if (list) { list.push({ order, c }); continue; }
      this.byFirstStep.set(first, [{ order, c }]);
      for (const a of first.alts) {
        const steps = this.stepsByWord.get(a.word);
        if (!steps) this.stepsByWord.set(a.word, [first]);
        else if (!steps.includes(first)) steps.push(first);
      }
    }
  }

  /** Each entry's steps by number, in entry order (an entry of no steps has none). */
  patternSteps(): number[][] {
    const out: number[][] = [];
    for (const list of this.byFirstStep.values()) for (const { order, c } of list) out[order] = c.steps.map((step) => step.index);
    return Array.from(out, (steps) => steps ?? []);
  }

  starts(word: string): boolean {
    return this.stepsByWord.has(word);
  }

  /** The patterns that can start with any of these forms, each once, in the order the forms give them, indexed by their second word. */
  startingWith(forms: readonly string[]): Starts<T> {
    let out: CompiledPattern<T>[] | null = null;
    for (const f of forms) {
      for (const c of this.startingWithWord(f)) {
        out ??= [];
        if (!out.includes(c)) out.push(c);
      }
    }
    return out ? new Starts(out) : NO_STARTS;
  }

  /** The patterns whose first step accepts the word, in lexicon order. */
  private startingWithWord(word: string): readonly CompiledPattern<T>[] {
    const steps = this.stepsByWord.get(word);
    if (!steps) return NONE;
    const lists = steps.map((step) => this.byFirstStep.get(step)!);
    const all = lists.length === 1 ? lists[0]! : lists.flat().sort((x, y) => x.order - y.order);
    return all.map((p) => p.c);
  }
}

/**
 * The patterns that can start with one word. The dictionary gives a common verb hundreds of
 * patterns, nearly all wanting a second word the sentence does not hold: they are indexed by the
 * words their second step accepts, so a start looks only at those whose second word stands where
 * that step may find it (the next word, or within a gap's reach).
 */
export class Starts<T> {
  readonly length: number;
  /** every pattern, in the order the word's forms and the lexicon give them (which breaks ties between matches) */
  readonly all: readonly CompiledPattern<T>[];
  /**
   * positions in `all`: of the one-step patterns, and of the longer ones by their second step's word
   * numbers, those whose second step must be the next word apart from those that may follow a gap
   */
  private readonly single: readonly number[];
  private readonly byNextWord = new Map<number, number[]>();
  private readonly byGapWord = new Map<number, number[]>();
  /** the patterns at each list's positions, made with the index */
  private readonly patterns = new Map<readonly number[], readonly CompiledPattern<T>[]>();

  constructor(patterns: readonly CompiledPattern<T>[]) {
    this.all = patterns;
    this.length = patterns.length;
    const single: number[] = [];
    for (let k = 0; k < patterns.length; k++) {
      const second = patterns[k]!.steps[1];
      if (!second) { single.push(k); continue; }
      const index = second.gapBefore ? this.byGapWord : this.byNextWord;
      for (const a of second.alts) {
        const list = index.get(a.id);
        if (!list) index.set(a.id, [k]);
        else if (list.at(-1) !== k) list.push(k);
      }
    }
    this.single = single;
    this.patterns.set(single, single.map((k) => patterns[k]!));
    for (const list of this.byNextWord.values()) this.patterns.set(list, list.map((k) => patterns[k]!));
    for (const list of this.byGapWord.values()) this.patterns.set(list, list.map((k) => patterns[k]!));
  }

  /**
   * The patterns that may match at token `i` of a sentence: the one-step ones, and those whose second
   * word stands where their second step looks for it (matchFrom): the next token, or for a step after
   * a gap the tokens within its reach, up to the punctuation that stops a gap. Others cannot match.
   * In the order of `all`.
   */
  possible(tokens: readonly Token[], words: readonly WordForms[], i: number): readonly CompiledPattern<T>[] {
    // most starts find one list (or none): it is returned as it is, made once
    let only: readonly number[] | null = this.single.length ? this.single : null;
    let picked: readonly number[] | null = null;
    if (this.byNextWord.size && i + 1 < words.length) {
      for (const id of words[i + 1]!.ids) {
        const list = this.byNextWord.get(id);
        if (!list || list === only) continue;
        if (!only) only = list;
        else picked = union(picked ?? only, list);
      }
    }
    if (this.byGapWord.size) {
      const limit = Math.min(tokens.length, i + 1 + GAP + 1);
      for (let j = i + 1; j < limit; j++) {
        for (const id of words[j]!.ids) {
          const list = this.byGapWord.get(id);
          if (!list || list === only) continue;
          if (!only) only = list;
          else picked = union(picked ?? only, list);
        }
        if (stopsGap(tokens[j]!)) break;
      }
    }
    if (!only) return NONE;
    if (!picked) return this.patterns.get(only)!;
    // from several lists: in the order of `all`, each pattern once (one with several second words is in several lists)
    const out: CompiledPattern<T>[] = new Array(picked.length);
    for (let k = 0; k < picked.length; k++) out[k] = this.all[picked[k]!]!;
    return out;
  }
}

/** The positions of two ascending lists (each without repeats) in one ascending list, each once. */
function union(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0, j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!, y = b[j]!;
    if (x < y) { out.push(x); i++; } else if (y < x) { out.push(y); j++; } else { out.push(x); i++; j++; }
  }
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

const NO_STARTS = new Starts<never>([]);

/**
 * Every match of a word's patterns that starts at token `i`; with the sentence's pattern words
 * (`present`), only the patterns whose second word stands within reach and whose later words the
 * sentence holds are tried.
 */
function matchAt<T>(
  starts: Starts<T>, tokens: readonly Token[], words: readonly WordForms[], i: number, present?: Present,
): readonly PatternMatch<T>[] {
  const patterns = present ? starts.possible(tokens, words, i) : starts.all;
  // most starts match nothing: no list is made for them
  let found: PatternMatch<T>[] | null = null;
  for (const c of patterns) {
    if (present && !possibleIn(c, present)) continue;
    const m = matchFrom(c, tokens, words, i);
    if (m) (found ??= []).push({ entry: c.entry, tokens: m });
  }
  return found ?? NONE;
}

/**
 * Whether every later step of a pattern has a word the sentence holds: the dictionary gives a common
 * verb hundreds of patterns, nearly all of which want an object the sentence never mentions.
 */
function possibleIn<T>(c: CompiledPattern<T>, present: Present): boolean {
  // the second step is the index's business (Starts.possible)
  for (let s = 2; s < c.steps.length; s++) if (!present.stepPresent(c.steps[s]!)) return false;
  return true;
}

function matchFrom<T>(c: CompiledPattern<T>, tokens: readonly Token[], words: readonly WordForms[], start: number): number[] | null {
  const first = c.steps[0];
  const t0 = tokens[start];
  if (!first || !t0 || !stepMatches(first, t0, words[start]!.ids)) return null;
  // most tries fail at their second word: the list of positions is made once that one is found
  let at: number[] | null = null;
  let pos = start + 1;
  for (let s = 1; s < c.steps.length; s++) {
    const step = c.steps[s]!;
    const limit = step.gapBefore ? Math.min(tokens.length, pos + GAP + 1) : Math.min(tokens.length, pos + 1);
    let hit = -1;
    for (let j = pos; j < limit; j++) {
      const t = tokens[j]!;
      if (stepMatches(step, t, words[j]!.ids)) { hit = j; break; }
      if (stopsGap(t)) break;
    }
    if (hit < 0) return null;
    (at ??= [start]).push(hit);
    pos = hit + 1;
  }
  return at ?? [start];
}

/** "the banned movement", "a disputed region": a participle between a determiner and a noun describes, it does not report an act */
function adjectivalParticiple(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!, before = tokens[i - 1], after = tokens[i + 1];
  return t.data.pos === 'VERB' && t.data.normal.endsWith('ed') && before?.data.pos === 'DET'
    && (after?.data.pos === 'NOUN' || after?.data.pos === 'PROPN');
}

/** Whether any of these words can start a trigger: most sentences hold none, and need no more work. */
export function mayStartTrigger(words: readonly WordForms[]): boolean {
  for (const w of words) if (w.triggerStarts.length > 0) return true;
  return false;
}

/** Lexicon.findTriggers, given the sentence's word forms. */
function findIn(tokens: readonly Token[], words: readonly WordForms[], present: Present): PatternMatch<TriggerEntry>[] {
  if (!mayStartTrigger(words)) return [];
  let blocked: Uint8Array | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const starts = words[i]!.nonEventStarts;
    if (!starts.length) continue;
    for (const m of matchAt(starts, tokens, words, i)) {
      blocked ??= new Uint8Array(tokens.length);
      for (const k of m.tokens) blocked[k] = 1;
    }
  }
  present.forSentence(words);
  const candidates: PatternMatch<TriggerEntry>[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const starts = words[i]!.triggerStarts;
    if (!starts.length || blocked?.[i] || adjectivalParticiple(tokens, i)) continue;
    for (const m of matchAt(starts, tokens, words, i, present)) candidates.push(m);
  }
  // one candidate (most sentences that have any): nothing to choose between
  if (candidates.length < 2) return candidates;
  candidates.sort(longestFirst);
  // the token's owner: the chosen match that uses it
  const owner: (Chosen | undefined)[] = [];
  const chosen: Chosen[] = [];
  for (const c of candidates) {
    let over: Chosen | undefined;
    for (const k of c.tokens) if ((over = owner[k])) break;
    if (over) {
      // the patterns a longer one shadowed still say what they would have made of the words: evidence for the type model
      if (!over.shadowed.includes(c.entry)) over.shadowed.push(c.entry);
      continue;
    }
    const kept: Chosen = { entry: c.entry, tokens: c.tokens, shadowed: [] };
    for (const k of c.tokens) owner[k] = kept;
    chosen.push(kept);
  }
  // a single trigger (most sentences with several candidates: the others were shadowed) needs no order
  return chosen.length < 2 ? chosen : chosen.sort((a, b) => a.tokens[0]! - b.tokens[0]!);
}

/** Candidates' order of choice: more words first, then the wider span, then the earlier start (a stable sort keeps the rest in order). */
function longestFirst(a: PatternMatch<TriggerEntry>, b: PatternMatch<TriggerEntry>): number {
  const x = a.tokens, y = b.tokens;
  return y.length - x.length || (y[y.length - 1]! - y[0]!) - (x[x.length - 1]! - x[0]!) || x[0]! - y[0]!;
}
