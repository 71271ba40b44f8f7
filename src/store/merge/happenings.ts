import type { EventJson } from '../../result/schema.js';
import { keysOf } from './parties.js';

/**
 * When two reports are of the same happening. Rules are data with ids, so a merge can say why.
 * Outlets tell one act in different words: "offered to meet" (asserted), "would meet" (future),
 * "could meet" (hypothetical), "had offered" (historical), a day apart, and the engine may type
 * them AGREE in one and CONSULT in another. Reports merge when
 * - their modalities are of one group (MODALITY_GROUPS: a denial is never the act it denies),
 * - their dates are at most MAX_DAY_GAP days apart, or the report is a recap (RECAP_CUES: "a week
 *   after Iran rejected...", or historical) up to RECAP_MAX_DAYS after the happening,
 * - their actors share a party, and their recipients a party or at least a country,
 * - and the same act is named: the same PLOVER type with a shared trigger stem, the same CAMEO
 *   code or CAMEO root, or another type of the same quad class with a shared trigger stem; or,
 *   when both sides are the very same parties at most DYAD_DAY_GAP days apart, the same type in
 *   any words ("rejected", "vetoed") or a type the engine confuses with it (NEIGHBOUR_TYPES:
 *   "offered to meet Rouhani" AGREE, "could meet Rouhani" CONSULT).
 */
export const MAX_DAY_GAP = 2;
/** how long after a happening a recap of it is still linked to it */
export const RECAP_MAX_DAYS = 31;
/** the window in which one dyad's reports of one quad class are one act whatever their words */
export const DYAD_DAY_GAP = 1;

export const MERGE_RULES = {
  sameStem: 'merge.happening.trigger-stem',
  sameCameo: 'merge.happening.cameo',
  cameoRoot: 'merge.happening.cameo-root',
  quadStem: 'merge.happening.quad-stem',
  dyadQuad: 'merge.happening.dyad-quad',
  recap: 'merge.happening.recap',
} as const;

/** Types that name one act in different outlets' words; each group has an id, so a merge can say why. */
export const NEIGHBOUR_TYPES: readonly { readonly id: string; readonly types: readonly string[] }[] = [
  // an offer or promise to meet (AGREE) and the meeting it offers (CONSULT)
  { id: 'neighbour.agree-consult', types: ['AGREE', 'CONSULT'] },
];

const neighbours = (a: string, b: string) => a === b || NEIGHBOUR_TYPES.some((g) => g.types.includes(a) && g.types.includes(b));

/** Modalities that can be words for one act; a negated report only joins negated ones. */
export const MODALITY_GROUPS: Readonly<Record<string, string>> = {
  asserted: 'act', historical: 'act', future: 'act', hypothetical: 'act', negated: 'negated',
};

/** The modality a happening shows first when its reports differ: the most certain one. */
export const MODALITY_PRECEDENCE = ['asserted', 'historical', 'future', 'hypothetical', 'negated'] as const;

export const modalityGroup = (modality: string) => MODALITY_GROUPS[modality] ?? modality;

/** The more certain of two modalities (MODALITY_PRECEDENCE), which the happening shows. */
export function leadModality(a: string, b: string): string {
  const rank = (m: string) => { const i = (MODALITY_PRECEDENCE as readonly string[]).indexOf(m); return i < 0 ? MODALITY_PRECEDENCE.length : i; };
  return rank(b) < rank(a) ? b : a;
}

/** The modalities of one group, for a candidate query. */
export const modalitiesOfGroup = (modality: string) => Object.keys(MODALITY_GROUPS).filter((m) => modalityGroup(m) === modalityGroup(modality));

/** Words that mark a sentence as recalling an earlier act rather than reporting a new one. */
export const RECAP_CUES: readonly { readonly id: string; readonly pattern: RegExp }[] = [
  { id: 'recap.time-after', pattern: /\b(?:a|one|two|three|four|five|six|\d+|several|few)\s+(?:days?|weeks?|months?)\s+(?:after|since)\b/i },
  { id: 'recap.last-period', pattern: /\blast\s+(?:week|month|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i },
  { id: 'recap.ago', pattern: /\b(?:days?|weeks?|a\s+week|a\s+month)\s+ago\b/i },
  { id: 'recap.earlier', pattern: /\bearlier\s+this\s+(?:week|month)\b/i },
  { id: 'recap.since', pattern: /\bever\s+since\b|\bsince\s+\p{Lu}/iu },
];

/** The recap cue of a report's sentence (its rule id), or null. A historical report is a recap by its modality. */
export function recapCue(sentence: string, modality: string): string | null {
  if (modality === 'historical') return 'recap.historical';
  return RECAP_CUES.find((c) => c.pattern.test(sentence))?.id ?? null;
}

/** capitalised words that name nothing in particular */
const NOT_NAMES = new Set(['the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'but', 'and', 'or',
  'in', 'on', 'at', 'for', 'as', 'after', 'before', 'when', 'while', 'if', 'this', 'that', 'these', 'those', 'there', 'mr', 'mrs', 'ms', 'dr',
  'sen', 'rep', 'gov', 'president', 'minister', 'secretary', 'officials', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
  'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

/**
 * The proper names of an event's sentence other than its parties' ("Canova" in "Sanders endorsed
 * Canova"): what two reports of one happening without a recipient must share, since a party and
 * a verb alone ("Clinton supports...") recur every day.
 */
export function contextNames(sentence: string, partyNames: readonly string[]): string[] {
  const party = new Set(partyNames.flatMap((n) => n.toLowerCase().match(/\p{L}+/gu) ?? []));
  const words = sentence.match(/\p{Lu}[\p{L}'’-]+/gu) ?? [];
  return [...new Set(words.map((w) => w.toLowerCase().replace(/['’]s$/, '')).filter((w) => w.length >= 3 && !NOT_NAMES.has(w) && !party.has(w)))];
}

const STOP = new Set(['the', 'a', 'an', 'to', 'of', 'and', 'in', 'on', 'for', 'with', 'at', 'by', 'has', 'have', 'had', 'was', 'were', 'is', 'are', 'be', 'been', 'will', 'would', 'not', 'out', 'up', 'off', 'down']);

/** inflections taken off before a word is cut to its stem ("meetings" and "meet" are one stem) */
const SUFFIXES = /(?:ings|ing|ed|es|s)$/;

/**
 * The stems of a trigger's words: each content word without its inflection, cut to five letters,
 * which folds "rejected", "rejects" and "rejection", and "meet" and "meetings", together without
 * a stemmer's lexicon.
 */
export function triggerStems(trigger: string): string[] {
  const words = trigger.toLowerCase().match(/\p{L}+/gu) ?? [];
  return [...new Set(words.filter((w) => w.length >= 3 && !STOP.has(w))
    .map((w) => (w.length > 5 ? w.replace(SUFFIXES, '') : w).slice(0, 5)))];
}

/** What a candidate happening offers for comparison. */
export interface HappeningKey {
  readonly type: string;
  readonly quadClass: number;
  readonly modality: string;
  readonly dateMin: string | null;
  readonly dateMax: string | null;
  readonly actorKeys: ReadonlySet<string>;
  readonly recipientKeys: ReadonlySet<string>;
  readonly recipientCountries: ReadonlySet<string>;
  readonly stems: ReadonlySet<string>;
  readonly cameo: string | null;
  readonly context: ReadonlySet<string>;
}

export interface ReportKey {
  readonly type: string;
  readonly quadClass: number;
  readonly modality: string;
  readonly date: string | null;
  readonly actorKeys: ReadonlySet<string>;
  readonly recipientKeys: ReadonlySet<string>;
  readonly recipientCountries: ReadonlySet<string>;
  /** the rule id of the words that make it a recap (recapCue), or null */
  readonly recap: string | null;
  readonly stems: readonly string[];
  readonly cameo: string | null;
  readonly context: readonly string[];
}

/** `persons`: the article's person names (parties.ts personNames), which key people by name. */
export function reportKey(event: EventJson, date: string | null, persons?: ReadonlySet<string>): ReportKey {
  return {
    type: event.type, quadClass: event.quadClass, modality: event.modality, date,
    actorKeys: keysOf(event.actor, persons), recipientKeys: keysOf(event.recipient, persons),
    recipientCountries: countriesOf(event.recipient), recap: recapCue(event.sentence.text, event.modality),
    stems: triggerStems(event.trigger.text), cameo: event.cameo,
    context: contextNames(event.sentence.text, [...event.actor, ...event.recipient].map((r) => r.name)),
  };
}

const DAY = 86_400_000;
const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY;

export function shiftDay(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY).toISOString().slice(0, 10);
}

const overlaps = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].some((k) => b.has(k));

export const countriesOf = (refs: readonly { country: string | null }[]): Set<string> =>
  new Set(refs.map((r) => r.country).filter((c): c is string => c !== null));

/** A match of a report with a happening: its score (higher is better), the rule, and whether it is a recap (a later report). */
export interface Match {
  readonly score: number;
  readonly rule: string;
  readonly recap: boolean;
}

/**
 * How well a report matches a happening: null when it does not, else the score and the rule that
 * joined them. A report needs a date to be merged at all, and an actor unless it is a recap naming
 * the same recipient in the same words: without them "the same event" cannot be told from another.
 */
export function matchScore(report: ReportKey, h: HappeningKey): Match | null {
  if (modalityGroup(report.modality) !== modalityGroup(h.modality)) return null;
  if (!report.date || !h.dateMin || !h.dateMax) return null;
  const d = dayNumber(report.date);
  const gap = Math.max(dayNumber(h.dateMin) - d, d - dayNumber(h.dateMax), 0);
  const later = d - dayNumber(h.dateMax);
  const recap = gap > MAX_DAY_GAP && report.recap !== null && later > 0 && later <= RECAP_MAX_DAYS;
  if (gap > MAX_DAY_GAP && !recap) return null;
  const stem = report.stems.some((s) => h.stems.has(s));
  const sameType = report.type === h.type;
  const cameo = sameType && report.cameo !== null && report.cameo === h.cameo;
  const cameoRoot = sameType && report.cameo !== null && h.cameo !== null && report.cameo.slice(0, 2) === h.cameo.slice(0, 2);
  const bothRecipients = report.recipientKeys.size > 0 && h.recipientKeys.size > 0;
  const recipientKey = bothRecipients && overlaps(report.recipientKeys, h.recipientKeys);
  const recipientCountry = bothRecipients && overlaps(report.recipientCountries, h.recipientCountries);
  if (recap) {
    // a recap often leaves out the actor ("a week after it rejected the offer"): the same type,
    // wording and recipient say which happening it recalls
    if (!sameType || !stem || !recipientKey) return null;
    if (report.actorKeys.size && !overlaps(report.actorKeys, h.actorKeys)) return null;
    return { score: 1 - later / RECAP_MAX_DAYS, rule: MERGE_RULES.recap, recap: true };
  }
  if (report.actorKeys.size === 0 || !overlaps(report.actorKeys, h.actorKeys)) return null;
  if (bothRecipients && !recipientKey && !recipientCountry) return null;
  // the act: named by the same type in the same words or code, or by a neighbouring type in the same words
  const sameQuad = report.quadClass === h.quadClass;
  // a denial names no act, so only the words of a denial say which one it denies
  const dyad = neighbours(report.type, h.type) && recipientKey && gap <= DYAD_DAY_GAP && modalityGroup(report.modality) !== 'negated';
  const act = (sameType ? stem || cameo || cameoRoot : sameQuad && stem) || dyad;
  if (!act) return null;
  // one recipient missing (the engine did not find it in one report) still merges, on shared wording
  // and a shared name in the sentence
  if (!bothRecipients && (!stem || !report.context.some((w) => h.context.has(w)))) return null;
  const score = (stem ? 2 : 0) + (cameo ? 1 : 0) + (sameType ? 1 : 0) + (recipientKey ? 1 : bothRecipients ? 0.5 : 0)
    + (report.modality === h.modality ? 0.5 : 0) - gap * 0.5;
  const rule = sameType && stem ? MERGE_RULES.sameStem : sameType && cameo ? MERGE_RULES.sameCameo : sameType && cameoRoot ? MERGE_RULES.cameoRoot
    : stem ? MERGE_RULES.quadStem : MERGE_RULES.dyadQuad;
  return { score, rule, recap: false };
}
