import type { LayerAnnotation } from '../../core/annotation.js';

type Token = LayerAnnotation<'token'>;

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
 * dashes and quotation marks. Commas do not split: appositives and lists live between them. Each
 * clause is [start, end) in token indices; the opener belongs to the clause it opens, and so does a
 * preposition that goes with a relative pronoun ("from which he withdrew": the relative clause's own
 * words, not the clause before, whose condition or tense they do not share).
 */
export function clauses(tokens: readonly Token[]): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 1; i < tokens.length; i++) {
    if (opensClause(tokens[i]!)) {
      const at = i - 1 > start && RELATIVE_PRONOUNS.has(tokens[i]!.data.normal) && tokens[i - 1]!.data.pos === 'ADP' ? i - 1 : i;
      if (at > start) out.push([start, at]);
      start = at;
    }
  }
  if (tokens.length > start) out.push([start, tokens.length]);
  return out;
}

export function clauseIndexOf(list: readonly [number, number][], token: number): number {
  for (let i = 0; i < list.length; i++) if (token >= list[i]![0] && token < list[i]![1]) return i;
  return -1;
}
