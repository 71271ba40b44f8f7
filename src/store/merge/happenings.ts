import type { EventJson } from '../../result/schema.js';
import { keysOf } from './parties.js';

/**
 * When two reports are of the same happening. Rules are data with ids, so a merge can say why.
 * Reports merge when they have the same PLOVER type and modality, dates at most
 * MAX_DAY_GAP days apart, shared parties, and the same wording of the trigger (a shared word
 * stem) or the same CAMEO code.
 */
export const MAX_DAY_GAP = 2;

export const MERGE_RULES = {
  sameStem: 'merge.happening.trigger-stem',
  sameCameo: 'merge.happening.cameo',
} as const;

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

/**
 * The stems of a trigger's words: the first five letters of each content word, which folds
 * "rejected", "rejects" and "rejection" together without a stemmer's lexicon.
 */
export function triggerStems(trigger: string): string[] {
  const words = trigger.toLowerCase().match(/\p{L}+/gu) ?? [];
  return [...new Set(words.filter((w) => w.length >= 3 && !STOP.has(w)).map((w) => w.slice(0, 5)))];
}

/** What a candidate happening offers for comparison. */
export interface HappeningKey {
  readonly type: string;
  readonly modality: string;
  readonly dateMin: string | null;
  readonly dateMax: string | null;
  readonly actorKeys: ReadonlySet<string>;
  readonly recipientKeys: ReadonlySet<string>;
  readonly stems: ReadonlySet<string>;
  readonly cameo: string | null;
  readonly context: ReadonlySet<string>;
}

export interface ReportKey {
  readonly type: string;
  readonly modality: string;
  readonly date: string | null;
  readonly actorKeys: ReadonlySet<string>;
  readonly recipientKeys: ReadonlySet<string>;
  readonly stems: readonly string[];
  readonly cameo: string | null;
  readonly context: readonly string[];
}

/** `persons`: the article's person names (parties.ts personNames), which key people by name. */
export function reportKey(event: EventJson, date: string | null, persons?: ReadonlySet<string>): ReportKey {
  return {
    type: event.type, modality: event.modality, date,
    actorKeys: keysOf(event.actor, persons), recipientKeys: keysOf(event.recipient, persons),
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

/**
 * How well a report matches a happening: null when it does not, else a score (higher is better)
 * and the rule that joined them. A report needs a date and at least one actor to be merged at
 * all: without them "the same event" cannot be told from a different one.
 */
export function matchScore(report: ReportKey, h: HappeningKey): { score: number; rule: string } | null {
  if (report.type !== h.type || report.modality !== h.modality) return null;
  if (!report.date || !h.dateMin || !h.dateMax) return null;
  const d = dayNumber(report.date);
  const gap = Math.max(dayNumber(h.dateMin) - d, d - dayNumber(h.dateMax), 0);
  if (gap > MAX_DAY_GAP) return null;
  if (report.actorKeys.size === 0 || !overlaps(report.actorKeys, h.actorKeys)) return null;
  const bothRecipients = report.recipientKeys.size > 0 && h.recipientKeys.size > 0;
  if (bothRecipients && !overlaps(report.recipientKeys, h.recipientKeys)) return null;
  const stem = report.stems.some((s) => h.stems.has(s));
  const cameo = report.cameo !== null && report.cameo === h.cameo;
  if (!stem && !cameo) return null;
  // one recipient missing (the engine did not find it in one report) still merges, on shared wording
  // and a shared name in the sentence
  if (!bothRecipients && (!stem || !report.context.some((w) => h.context.has(w)))) return null;
  const score = (stem ? 2 : 0) + (cameo ? 1 : 0) + (bothRecipients ? 1 : 0) - gap * 0.5;
  return { score, rule: stem ? MERGE_RULES.sameStem : MERGE_RULES.sameCameo };
}
