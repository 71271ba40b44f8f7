
import type { Token } from '../../text/lookup.js';

/** Words that open a clause of their own: subordinators, relative pronouns, "but". */
const OPENERS = new Set(['that', 'if', 'unless', 'because', 'while', 'whereas', 'although', 'though', 'who', 'which',
  'whom', 'but', 'when', 'after', 'before', 'since', 'as', 'until', 'provided', 'saying', 'adding', 'where']);
/** Of those, the ones that open a condition. */
export const CONDITIONS = new Set(['if', 'unless', 'provided']);
/** Openers that are also prepositions; they open a clause only when tagged as subordinators ("after talks" does not). */
const ALSO_PREPOSITIONS = new Set(['after', 'before', 'since', 'as', 'until', 'that']);

/** Relative pronouns a preposition may go with: "the deal from which he withdrew", "with whom he met". */
const RELATIVE_PRONOUNS = new Set(['which', 'whom', 'whose']);

/** Punctuation that opens a clause: semicolons, colons, quotation marks and dashes. */
const CLAUSE_MARKS = new Set([';', ':', '"', '“', '”', '\u2014', '--']);

export function opensClause(t: Token): boolean {
  const w = t.data.normal;
  // parentheses hold asides ("the Workers' Union (SSS) stopped work"), not clauses
  if (t.data.pos === 'PUNCT') return CLAUSE_MARKS.has(t.data.value);
  if (!OPENERS.has(w)) return false;
  if (ALSO_PREPOSITIONS.has(w)) return t.data.pos === 'SCONJ' || (w === 'that' && t.data.pos === 'PRON');
  return true;
}

/**
 * Splits a sentence's tokens into clauses at subordinators, relative pronouns, semicolons, colons,
 * dashes (spaced hyphens too: spacedHyphen), quotation marks, a conjunction after a comma that joins a
 * main clause with its own subject (coordinatesClause), and what a reporting verb reports without
 * "that" (reportedAfter). Other commas do not split: appositives and lists live between them. Each
 * clause is [start, end) in token indices; the opener belongs to the clause it opens, and so does a
 * preposition that goes with a relative pronoun ("from which he withdrew": the relative clause's own
 * words, not the clause before, whose condition or tense they do not share).
 */
export function clauses(tokens: readonly Token[]): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 1; i < tokens.length; i++) {
    if (opensClause(tokens[i]!) || spacedHyphen(tokens, i) || coordinatesClause(tokens, start, i) || reportedAfter(tokens, i)) {
      const at = i - 1 > start && RELATIVE_PRONOUNS.has(tokens[i]!.data.normal) && tokens[i - 1]!.data.pos === 'ADP' ? i - 1 : i;
      if (at > start) out.push([start, at]);
      start = at;
    }
  }
  if (tokens.length > start) out.push([start, tokens.length]);
  return out;
}

/**
 * Whether token `i` is a hyphen with space on both sides: a dash ("SINGAPORE - Trump met Kim"), which
 * ends a dateline or sets off an aside, not a hyphen inside a word group ("Bosnia-style").
 */
export function spacedHyphen(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!, before = tokens[i - 1], after = tokens[i + 1];
  return t.data.value === '-' && !!before && !!after && before.end < t.start && t.end < after.start;
}

/** Dashes that may end a dateline: a spaced hyphen (spacedHyphen), an em or en dash, a double hyphen. */
const DATELINE_DASHES = new Set(['\u2014', '\u2013', '--']);
/** How many tokens a dateline may have before its dash ("SINGAPORE, June 12 (Reuters) -" has 8). */
const DATELINE_REACH = 10;

/**
 * The index of the dash that ends a dateline opening the sentence ("SINGAPORE -", "GAZA CITY, May 3
 * (AP) —"), or -1 when the sentence has none. A dateline is capitalised words, numbers and punctuation
 * only (a place, a date, an outlet in parentheses), no verb: it says where the news was written, and
 * the place it names is a location, never a party.
 */
export function datelineEnd(tokens: readonly Token[]): number {
  if (!/^[A-Z]/.test(tokens[0]?.data.value ?? '')) return -1;
  for (let i = 1; i < Math.min(tokens.length - 1, DATELINE_REACH + 1); i++) {
    const t = tokens[i]!;
    if (spacedHyphen(tokens, i) || DATELINE_DASHES.has(t.data.value)) return i;
    if (t.data.pos === 'PUNCT' || t.data.pos === 'NUM') continue;
    if (t.data.pos === 'VERB' || t.data.pos === 'AUX' || !/^[A-Z0-9]/.test(t.data.value)) return -1;
  }
  return -1;
}

/** Reporting verbs whose content may follow without "that" ("Iran said Iraqi troops attacked"); "told" takes its hearer first. */
const SAYING = new Set(['said', 'says', 'say', 'reported', 'reports', 'announced', 'added', 'stated', 'confirmed', 'claimed', 'insisted']);
/** What may begin the reported clause's subject. */
const SUBJECT_START = new Set(['DET', 'PROPN', 'NOUN', 'PRON', 'NUM', 'ADJ']);

/**
 * Whether token `i` begins what a reporting verb right before it reports without "that": "The agency
 * said the rebels seized a convoy" reports a clause whose subject is "the rebels", not the agency.
 */
function reportedAfter(tokens: readonly Token[], i: number): boolean {
  const verb = tokens[i - 1]!;
  if (verb.data.pos !== 'VERB' || !SAYING.has(verb.data.normal) || !SUBJECT_START.has(tokens[i]!.data.pos) || tokens[i]!.data.normal === 'that') return false;
  // a clause: a verb of its own follows its subject ("reported fresh protests in some cities" reports a thing)
  return verbFollows(tokens, i + 1);
}

/** Whether a verb stands within COORDINATED_VERB_REACH tokens from `from`, before any punctuation. */
function verbFollows(tokens: readonly Token[], from: number): boolean {
  for (let k = from; k < Math.min(tokens.length, from + COORDINATED_VERB_REACH); k++) {
    const t = tokens[k]!;
    if (t.data.pos === 'VERB' || t.data.pos === 'AUX') return true;
    if (t.data.pos === 'PUNCT') return false;
  }
  return false;
}

/** Conjunctions that, after a comma, may join two main clauses. */
const COORDINATORS = new Set(['and', 'or', 'yet', 'so']);
/** How far after the conjunction the second clause's verb may stand (its subject comes first). */
const COORDINATED_VERB_REACH = 6;

/**
 * Whether token `i` (", and Ethiopia sent arms") joins a main clause of its own to the clause begun at
 * `start`: a comma and a conjunction after a clause that has its verb already, then a subject (not a
 * verb: ", and agreed to" shares the subject) and its verb before any more punctuation. A list of
 * names ("Iran, Libya, and Sudan agreed") has no verb before the conjunction and stays one clause.
 */
function coordinatesClause(tokens: readonly Token[], start: number, i: number): boolean {
  if (!COORDINATORS.has(tokens[i]!.data.normal) || tokens[i - 1]!.data.value !== ',') return false;
  const next = tokens[i + 1];
  if (!next || next.data.pos === 'VERB' || next.data.pos === 'AUX' || next.data.pos === 'PUNCT') return false;
  let verbBefore = false;
  for (let k = start; k < i && !verbBefore; k++) verbBefore = tokens[k]!.data.pos === 'VERB';
  return verbBefore && verbFollows(tokens, i + 2);
}

export function clauseIndexOf(list: readonly [number, number][], token: number): number {
  for (let i = 0; i < list.length; i++) if (token >= list[i]![0] && token < list[i]![1]) return i;
  return -1;
}
