import type { Modality } from '../../core/layers.js';

import type { Token } from '../../text/lookup.js';

/**
 * The modality of an event from the words of its clause (PLOVER's auxiliary modes):
 *   negated       "did not meet", "there were no plans for talks", "neither ... nor ... embraced"
 *   hypothetical  "would only consider talks if ...", "the possibility of an alliance", "could meet"
 *   future        "will meet", "sanctions are to be re-imposed", "on the verge of", "plans to visit"
 *   historical    what the article recalls: "had withdrawn", "the summit in June" (a date well
 *                 before publication), "during his campaign", "former"
 * Each rule is data with an id; the first that fires decides, in the order negated, hypothetical,
 * future, historical.
 */
export interface ModalityRule {
  readonly id: string;
  readonly modality: Exclude<Modality, 'asserted'>;
  /** words (normal forms) that must occur before the trigger in its clause, at most `window` tokens before */
  readonly before?: readonly string[];
  /** words that may occur anywhere in the clause, before or after the trigger */
  readonly clause?: readonly string[];
  /** a phrase (normal forms) before the trigger, within `window` tokens */
  readonly phrase?: readonly string[];
  readonly window: number;
}

/** The words that negate what follows them in their clause ("did not meet", "a pledge not to pardon"). */
export const NEGATION_WORDS: readonly string[] = ['not', "n't", 'never', 'neither', 'nor', 'no', 'without'];

export const MODALITY_RULES: readonly ModalityRule[] = [
  { id: 'modality.negated.not', modality: 'negated', before: NEGATION_WORDS, window: 4 },
  { id: 'modality.negated.neither-nor', modality: 'negated', before: ['nor'], window: 12 },
  { id: 'modality.negated.no-plans', modality: 'negated', phrase: ['no', 'plan'], window: 6 },
  { id: 'modality.negated.no-plans-plural', modality: 'negated', phrase: ['no', 'plans'], window: 6 },
  { id: 'modality.hypothetical.condition', modality: 'hypothetical', clause: ['if', 'unless', 'provided', 'whether'], window: 12 },
  { id: 'modality.hypothetical.depends', modality: 'hypothetical', clause: ['depend', 'depends', 'conditional', 'conditioned'], window: 0 },
  { id: 'modality.hypothetical.modal', modality: 'hypothetical', before: ['could', 'might', 'may', 'should'], window: 4 },
  { id: 'modality.hypothetical.prospect', modality: 'hypothetical', before: ['possibility', 'possible', 'likelihood', 'prospect', 'prospects', 'potential', 'consider', 'considering', 'chance', 'hope', 'hopes'], window: 6 },
  { id: 'modality.future.will', modality: 'future', before: ['will', "'ll", 'shall', 'would'], window: 4 },
  { id: 'modality.future.going-to', modality: 'future', phrase: ['going', 'to'], window: 3 },
  { id: 'modality.future.set-to', modality: 'future', phrase: ['set', 'to'], window: 3 },
  { id: 'modality.future.plan', modality: 'future', before: ['plan', 'plans', 'planned', 'planning', 'intends', 'intend', 'scheduled', 'upcoming', 'next'], window: 4 },
  { id: 'modality.future.verge', modality: 'future', phrase: ['verge', 'of'], window: 8 },
  { id: 'modality.future.to-be', modality: 'future', phrase: ['to', 'be'], window: 2 },
  { id: 'modality.historical.pluperfect', modality: 'historical', before: ['had'], window: 3 },
  { id: 'modality.historical.recalled', modality: 'historical', before: ['former', 'previously', 'campaign'], window: 6 },
  // a long period up to now is background the article recalls ("the past several months of protests",
  // "over the past two years"); "the past week" is the news itself
  { id: 'modality.historical.past-several', modality: 'historical', phrase: ['past', 'several'], window: 6 },
  { id: 'modality.historical.past-months', modality: 'historical', phrase: ['past', 'months'], window: 6 },
  { id: 'modality.historical.past-year', modality: 'historical', phrase: ['past', 'year'], window: 6 },
  { id: 'modality.historical.past-years', modality: 'historical', phrase: ['past', 'years'], window: 6 },
  { id: 'modality.historical.past-decade', modality: 'historical', phrase: ['past', 'decade'], window: 6 },
];

export interface ClauseView {
  readonly tokens: readonly Token[];
  /** token index range of the clause, and of the trigger, in `tokens` */
  readonly clause: readonly [number, number];
  readonly trigger: readonly [number, number];
  /** a noun trigger: its verb follows it ("new sanctions are on the verge of being imposed") */
  readonly nominal?: boolean;
}

export interface ModalityVerdict {
  readonly modality: Modality;
  readonly rule: string;
}

/**
 * The rules compiled for one pass over the words around a trigger (the function runs for every
 * trigger: scanning the window once beats looking at it again for each of sixteen rules):
 * each `before` word with the rules that want it, in rule order; the phrase and clause rules apart.
 */
interface WordRule { readonly rule: number; readonly window: number }
interface CompiledRules {
  readonly beforeWords: ReadonlyMap<string, readonly WordRule[]>;
  readonly clauseWords: ReadonlyMap<string, number>;
  readonly phraseRules: readonly number[];
  /** the widest window any `before` or `phrase` rule looks through */
  readonly widest: number;
}

/** The rule tables indexed by word: made once from the constant rules, never changed after. */
function compileRules(rules: readonly ModalityRule[]): CompiledRules {
  const beforeWords = new Map<string, WordRule[]>();
  const clauseWords = new Map<string, number>();
  const phraseRules: number[] = [];
  let widest = 0;
  rules.forEach((rule, k) => {
    for (const w of rule.before ?? []) {
      const list = beforeWords.get(w) ?? [];
      list.push({ rule: k, window: rule.window });
      beforeWords.set(w, list);
    }
    // a word of several clause rules fires the first of them
    for (const w of rule.clause ?? []) if (!clauseWords.has(w)) clauseWords.set(w, k);
    if (rule.phrase) phraseRules.push(k);
    if (rule.before || rule.phrase) widest = Math.max(widest, rule.window);
  });
  return { beforeWords, clauseWords, phraseRules, widest };
}

const COMPILED = compileRules(MODALITY_RULES);

/**
 * The normal forms a rule with this window looks at, written into `looked` (the caller's, one a
 * trigger): the tokens before the trigger in its clause, at most `window` before the anchor, then for
 * a noun the tokens after it, at most `window` after. Returns how many were written.
 */
function look(looked: string[], tokens: readonly Token[], range: WindowRange, window: number): number {
  let n = 0;
  const beforeTo = Math.min(tokens.length, range.trigger);
  for (let i = Math.max(0, range.clauseStart, range.anchor - window); i < beforeTo; i++) looked[n++] = tokens[i]!.data.normal;
  if (range.nominal) {
    const afterTo = Math.min(tokens.length, range.clauseEnd, range.triggerEnd + 1 + window);
    for (let i = Math.max(0, range.triggerEnd + 1); i < afterTo; i++) looked[n++] = tokens[i]!.data.normal;
  }
  return n;
}

/** Whether the first `n` looked-at words hold the phrase, word after word. */
function lookedHasPhrase(looked: readonly string[], n: number, phrase: readonly string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= n; i++) {
    for (let k = 0; k < phrase.length; k++) if (looked[i + k] !== phrase[k]) continue outer;
    return true;
  }
  return false;
}

/** Where a trigger's rules look: its clause, the anchor the windows before it count from, the trigger. */
interface WindowRange {
  readonly clauseStart: number;
  readonly clauseEnd: number;
  readonly anchor: number;
  readonly trigger: number;
  readonly triggerEnd: number;
  readonly nominal: boolean;
}

/** The first rule (by index) whose `before` words stand within its window; Infinity when none. */
function firstBeforeRule(tokens: readonly Token[], r: WindowRange): number {
  let best = Infinity;
  const beforeTo = Math.min(tokens.length, r.trigger);
  for (let i = Math.max(0, r.clauseStart, r.anchor - COMPILED.widest); i < beforeTo; i++) best = firstReaching(tokens[i]!, r.anchor - i, best);
  if (r.nominal) {
    const afterTo = Math.min(tokens.length, r.clauseEnd, r.triggerEnd + 1 + COMPILED.widest);
    for (let i = Math.max(0, r.triggerEnd + 1); i < afterTo; i++) best = firstReaching(tokens[i]!, i - r.triggerEnd, best);
  }
  return best;
}

/** The first rule, before `best`, that wants this word and whose window reaches `reach` tokens; else `best`. */
function firstReaching(t: Token, reach: number, best: number): number {
  const rules = COMPILED.beforeWords.get(t.data.normal);
  if (rules) for (const wr of rules) if (wr.rule < best && reach <= wr.window) return wr.rule;
  return best;
}

/** The first clause rule (by index) one of whose words the clause holds; Infinity when none. */
function firstClauseRule(tokens: readonly Token[], a: number, b: number): number {
  let best = Infinity;
  const to = Math.min(tokens.length, Math.max(0, b));
  for (let i = Math.max(0, a); i < to; i++) {
    const k = COMPILED.clauseWords.get(tokens[i]!.data.normal);
    if (k !== undefined && k < best) best = k;
  }
  return best;
}

/**
 * Modality from the words around the trigger. wink's own negation scope is not used: it runs on to
 * the end of the sentence, and a wrongly negated event is lost to the record.
 */
export function modalityOf(view: ClauseView): ModalityVerdict {
  const { tokens, clause, trigger } = view;
  // a noun's negation or modal sits before the verb that governs it: "have not embraced regime change"
  let anchor = trigger[0];
  // a passive told object first ("the curfew will be lifted") has its modal words before its verb, the trigger's last word
  const objectFirst = tokens[trigger[0]]!.data.pos !== 'VERB' && tokens[trigger[1]]?.data.pos === 'VERB' && passiveBetween(tokens, trigger[0], trigger[1]);
  if (objectFirst) anchor = trigger[1];
  else if (view.nominal) {
    for (let i = trigger[0] - 1; i >= clause[0] && i >= trigger[0] - 6; i--) {
      if (tokens[i]!.data.pos === 'VERB') { anchor = i; break; }
    }
  }
  const range: WindowRange = { clauseStart: clause[0], clauseEnd: clause[1], anchor, trigger: objectFirst ? anchor : trigger[0], triggerEnd: trigger[1], nominal: !!view.nominal && !objectFirst };
  // every rule fires or not on its own: the verdict is the first rule, in list order, that fires
  let best = Math.min(firstBeforeRule(tokens, range), firstClauseRule(tokens, clause[0], clause[1]));
  let looked: string[] | null = null;
  for (const k of COMPILED.phraseRules) {
    if (k >= best) break;
    const rule = MODALITY_RULES[k]!;
    looked ??= [];
    if (lookedHasPhrase(looked, look(looked, tokens, range, rule.window), rule.phrase!)) best = k;
  }
  const rule = MODALITY_RULES[best];
  return rule ? { modality: rule.modality, rule: rule.id } : { modality: 'asserted', rule: 'modality.asserted' };
}

/** Whether a form of "be" stands between the tokens `from` and `to` (exclusive): "the curfew has been lifted". */
function passiveBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (tokens[i]!.data.lemma === 'be') return true;
  return false;
}

/** What the stage knows of an event beyond its clause's words, for the overrides below. */
export interface ModalityFacts {
  /** the event stands in reported words (an attribution's content) */
  readonly reported: boolean;
  /** a condition governs the trigger (its clause, the clause before or after, "if ... then") */
  readonly conditional: boolean;
  /** the condition is only inherited: a relative clause dated long ago inside it ("if he rejoined the deal from which he withdrew in May") */
  readonly inheritsCondition: boolean;
  /** the event is a THREATEN or REQUEST: a condition is their content, not a doubt on them */
  readonly conditionIsContent: boolean;
  /** dated well before publication (more than the stage's HISTORICAL_DAYS) */
  readonly recalled: boolean;
  /** dated after publication */
  readonly futureDate: boolean;
}

export interface ModalityOverride {
  /** the rule id (declared in src/pipeline/rules.json with its description) */
  readonly id: string;
  readonly modality: Modality;
  readonly when: (current: ModalityVerdict, facts: ModalityFacts) => boolean;
}

/**
 * The overrides of the words' verdict by what the stage knows besides them, in order; each reads the
 * verdict the ones before it left, and one that fires replaces it (its id goes to the evidence).
 */
export const MODALITY_OVERRIDES: readonly ModalityOverride[] = Object.freeze(([
  // reported speech shifts tenses back: "reported that they had rejected the offer" is the news itself
  { id: 'modality.asserted.backshift', modality: 'asserted', when: (v, f) => v.rule === 'modality.historical.pluperfect' && f.reported },
  { id: 'modality.hypothetical.condition', modality: 'hypothetical', when: (v, f) => f.conditional && !f.inheritsCondition && v.modality !== 'negated' && !f.conditionIsContent },
  { id: 'modality.historical.date', modality: 'historical', when: (v, f) => v.modality === 'asserted' && f.recalled },
  { id: 'modality.future.date', modality: 'future', when: (v, f) => v.modality === 'asserted' && f.futureDate },
] satisfies ModalityOverride[]).map((o) => Object.freeze(o)));

/** The verdict after the overrides (MODALITY_OVERRIDES), in order. */
export function overrideModality(verdict: ModalityVerdict, facts: ModalityFacts): ModalityVerdict {
  let v = verdict;
  for (const o of MODALITY_OVERRIDES) if (o.when(v, facts)) v = { modality: o.modality, rule: o.id };
  return v;
}
