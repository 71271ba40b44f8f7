import { DossierError } from '../core/errors.js';

/**
 * The search syntax of the command line, the API and the web page (one definition, for every store
 * engine). Text is taken literally unless it uses an operator:
 *
 *   words            all must occur; punctuation inside a word is part of it: U.S., Trump's, Jong-Un
 *   "a phrase"       the words in this order
 *   word*            words that begin with it (at least MIN_PREFIX letters before the *)
 *   A OR B           either (OR, AND and NOT are operators only in capitals, between two terms)
 *   A NOT B          A without B
 *
 * Nothing else is syntax: a lone *, parentheses, colons and dashes are text. A query is parsed into
 * terms and operators; `toFts5` writes SQLite FTS5's form, where every term is a quoted string so
 * that no user text reaches FTS5's own syntax.
 */
export const MIN_PREFIX = 3;
export const MAX_TERMS = 32;

export type SearchItem =
  | { readonly kind: 'term'; readonly text: string; readonly prefix: boolean }
  | { readonly kind: 'op'; readonly op: 'AND' | 'OR' | 'NOT' };

export interface SearchQuery {
  readonly items: readonly SearchItem[];
}

const OPERATORS = new Set(['AND', 'OR', 'NOT']);
const WORDISH = /[\p{L}\p{N}]/u;

/** Parses a query; a query with no words, or an operator without a term on each side, is a USAGE error. */
export function parseSearch(raw: string): SearchQuery {
  const text = raw.normalize('NFC');
  const items: SearchItem[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/u.test(c)) { i++; continue; }
    if (c === '"') {
      const end = text.indexOf('"', i + 1);
      const phrase = text.slice(i + 1, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end + 1;
      const prefix = text[i] === '*';
      if (prefix) i++;
      if (WORDISH.test(phrase)) items.push({ kind: 'term', text: phrase.trim(), prefix: prefix && prefixOk(phrase) });
      continue;
    }
    let j = i;
    while (j < text.length && text[j] !== '"' && !/\s/u.test(text[j]!)) j++;
    const word = text.slice(i, j);
    i = j;
    if (OPERATORS.has(word)) { items.push({ kind: 'op', op: word as 'AND' | 'OR' | 'NOT' }); continue; }
    const prefix = word.endsWith('*') && prefixOk(word.slice(0, -1));
    const body = prefix ? word.slice(0, -1) : word;
    if (WORDISH.test(body)) items.push({ kind: 'term', text: body, prefix });
  }
  return { items: check(items, raw) };
}

// a prefix of one or two letters matches a large part of the vocabulary: such a * is text
const prefixOk = (s: string) => (s.match(/[\p{L}\p{N}]/gu) ?? []).length >= MIN_PREFIX && /^[\p{L}\p{N}]+$/u.test(s);

function check(items: SearchItem[], raw: string): SearchItem[] {
  const terms = items.filter((t) => t.kind === 'term').length;
  if (!terms) throw new DossierError('USAGE', `the search "${clip(raw)}" has no words to look for`);
  if (terms > MAX_TERMS) throw new DossierError('USAGE', `the search has ${terms} terms; at most ${MAX_TERMS} are allowed`);
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    if (item.kind !== 'op') continue;
    if (items[k - 1]?.kind !== 'term' || items[k + 1]?.kind !== 'term') {
      throw new DossierError('USAGE', `in the search "${clip(raw)}", ${item.op} must stand between two terms (write it in lower case to search for the word)`);
    }
  }
  return items;
}

/** The FTS5 form of a parsed query: every term a quoted string, "" doubled inside it. */
export function toFts5(q: SearchQuery): string {
  return q.items.map((t) => (t.kind === 'op' ? t.op : `"${t.text.replace(/"/g, '""')}"${t.prefix ? '*' : ''}`)).join(' ');
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}...` : s);
