import type { LayerAnnotation } from '../../core/annotation.js';
import type { Modality } from '../../core/layers.js';

type Token = LayerAnnotation<'token'>;

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

export const MODALITY_RULES: readonly ModalityRule[] = [
  { id: 'modality.negated.not', modality: 'negated', before: ['not', "n't", 'never', 'neither', 'nor', 'no', 'without'], window: 4 },
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
 * The words a rule looks at, refilled for each rule: the function runs for every trigger and every
 * rule, so one buffer serves them all instead of a new array each time. Only the first `lookedCount`
 * entries are this rule's.
 */
const looked: string[] = [];
let lookedCount = 0;

/** Appends the normal forms of tokens `a` to `b` (half-open, clipped to the sentence) to the looked-at words. */
function look(tokens: readonly Token[], a: number, b: number): void {
  const to = Math.min(tokens.length, Math.max(0, b));
  for (let i = Math.max(0, a); i < to; i++) looked[lookedCount++] = tokens[i]!.data.normal;
}

/** Whether the looked-at words hold the phrase, word after word. */
function lookedHasPhrase(phrase: readonly string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= lookedCount; i++) {
    for (let k = 0; k < phrase.length; k++) if (looked[i + k] !== phrase[k]) continue outer;
    return true;
  }
  return false;
}

/** Whether one of the looked-at words is one of `wanted`. */
function lookedHasAny(wanted: readonly string[]): boolean {
  for (let i = 0; i < lookedCount; i++) if (wanted.includes(looked[i]!)) return true;
  return false;
}

/** Whether a word of the clause (tokens `a` to `b`, clipped to the sentence) is one of `wanted`. */
function clauseHas(tokens: readonly Token[], a: number, b: number, wanted: readonly string[]): boolean {
  const to = Math.min(tokens.length, Math.max(0, b));
  for (let i = Math.max(0, a); i < to; i++) if (wanted.includes(tokens[i]!.data.normal)) return true;
  return false;
}

/**
 * Modality from the words around the trigger. wink's own negation scope is not used: it runs on to
 * the end of the sentence, and a wrongly negated event is lost to the record.
 */
export function modalityOf(view: ClauseView): ModalityVerdict {
  const { tokens, clause, trigger } = view;
  // a noun's negation or modal sits before the verb that governs it: "have not embraced regime change"
  let anchor = trigger[0];
  if (view.nominal) {
    for (let i = trigger[0] - 1; i >= clause[0] && i >= trigger[0] - 6; i--) {
      if (tokens[i]!.data.pos === 'VERB') { anchor = i; break; }
    }
  }
  for (const rule of MODALITY_RULES) {
    lookedCount = 0;
    look(tokens, Math.max(clause[0], anchor - rule.window), trigger[0]);
    if (view.nominal) look(tokens, trigger[1] + 1, Math.min(clause[1], trigger[1] + 1 + rule.window));
    if (rule.before && lookedHasAny(rule.before)) return { modality: rule.modality, rule: rule.id };
    if (rule.phrase && lookedHasPhrase(rule.phrase)) return { modality: rule.modality, rule: rule.id };
    if (rule.clause && clauseHas(tokens, clause[0], clause[1], rule.clause)) return { modality: rule.modality, rule: rule.id };
  }
  return { modality: 'asserted', rule: 'modality.asserted' };
}
