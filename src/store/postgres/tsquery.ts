import { DossierError } from '../../core/errors.js';
import { parseSearch } from '../search-query.js';

/**
 * dossier's search syntax (search-query.ts: words, "phrases", OR/NOT, prefix*, implicit AND between
 * terms) translated to a PostgreSQL tsquery, so `dossier search` takes the same queries on both engines. The article's title is
 * weighted A and its text B in the tsvector, so a column filter is a weight restriction.
 * Precedence as in FTS5: NOT binds tighter than AND, AND tighter than OR.
 */
type Token =
  | { kind: 'word'; words: string[]; prefix: boolean }
  | { kind: 'op'; op: 'AND' | 'OR' | 'NOT' }
  | { kind: 'open' } | { kind: 'close' }
  | { kind: 'column'; weight: 'A' | 'B' };

function invalid(text: string, why: string): DossierError {
  return new DossierError('USAGE', `the search "${text}" is not a valid query (${why}); put phrases in double quotes`);
}

const wordsOf = (s: string) => s.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];

// the one search syntax (search-query.ts): terms taken literally and explicit operators; no
// parentheses or column filters, which the translation below still understands
function tokenize(text: string): Token[] {
  return parseSearch(text).items.map((t): Token => (t.kind === 'op' ? { kind: 'op', op: t.op } : { kind: 'word', words: wordsOf(t.text), prefix: t.prefix }));
}

/** A tsquery (for to_tsquery with the dossier_text configuration), or null when the query has no words. */
export function toTsquery(text: string): string | null {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const fail = (why: string) => invalid(text, why);

  const term = (weight: 'A' | 'B' | null): string | null => {
    const t = tokens[pos++];
    if (!t) throw fail('syntax error: the query ends too early');
    if (t.kind === 'column') {
      if (weight) throw fail('two column filters in a row');
      return term(t.weight);
    }
    if (t.kind === 'open') {
      const inner = or();
      if (tokens[pos++]?.kind !== 'close') throw fail('syntax error: unclosed parenthesis');
      return inner;
    }
    if (t.kind !== 'word') throw fail(`syntax error near "${t.kind === 'op' ? t.op : ')'}"`);
    if (!t.words.length) return null;
    const suffix = (last: boolean) => (last && t.prefix ? ':*' : '') + (weight ? (last && t.prefix ? weight : `:${weight}`) : '');
    const lexemes = t.words.map((w, k) => `'${w.replace(/'/g, "''")}'${suffix(k === t.words.length - 1)}`);
    return lexemes.length === 1 ? lexemes[0]! : `(${lexemes.join(' <-> ')})`;
  };
  const not = (): string | null => {
    let left = term(null);
    while (peek()?.kind === 'op' && (peek() as { op: string }).op === 'NOT') {
      pos++;
      const right = term(null);
      if (right) left = left ? `(${left} & !${right})` : null;
    }
    return left;
  };
  const and = (): string | null => {
    const parts: string[] = [];
    const push = (p: string | null) => { if (p) parts.push(p); };
    push(not());
    for (;;) {
      const t = peek();
      if (!t || t.kind === 'close' || (t.kind === 'op' && t.op === 'OR')) break;
      if (t.kind === 'op' && t.op === 'AND') pos++;
      push(not());
    }
    return parts.length ? `(${parts.join(' & ')})` : null;
  };
  function or(): string | null {
    const parts: string[] = [];
    const first = and();
    if (first) parts.push(first);
    while (peek()?.kind === 'op' && (peek() as { op: string }).op === 'OR') {
      pos++;
      const next = and();
      if (next) parts.push(next);
    }
    return parts.length ? `(${parts.join(' | ')})` : null;
  }

  if (!tokens.length) return null;
  const query = or();
  if (pos < tokens.length) throw fail('syntax error near ")"');
  return query;
}

/** Plain words, every one required (what the quote filter does with user text). */
export function allWords(text: string): string | null {
  const words = wordsOf(text);
  return words.length ? words.map((w) => `'${w.replace(/'/g, "''")}'`).join(' & ') : null;
}
