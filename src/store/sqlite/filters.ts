import type { EventQuery } from '../store.js';
import { actorFilter, lastWord } from '../merge/parties.js';

/** A piece of SQL with its parameters, built from a query; every value goes through a parameter. */
export interface Clause {
  readonly sql: string;
  readonly params: unknown[];
}

/** a country code or country+sector code, in any case ("usa" finds USA; a name of those letters is matched too) */
const CODE = /^[A-Za-z]{3}([A-Za-z]{3})?$/;

/**
 * SQL that matches a party table row (`alias` has name, country, code, last columns) against an actor
 * filter. Codes typed in capitals ("IRN", "IRNGOV") are looked up by index; other text is a name,
 * matched in full or as the last words of a longer name ("Khamenei" finds "Ali Khamenei").
 */
export function partyMatch(alias: string, text: string): Clause {
  const f = actorFilter(text);
  if (CODE.test(text.trim())) {
    return { sql: `(${alias}.country = ? OR ${alias}.code = ? OR ${alias}.name = ?)`, params: [f.code, f.code, f.name] };
  }
  // the indexed last word narrows the rows; the LIKE then checks the filter's earlier words
  return {
    sql: `(${alias}.name = ? OR (${alias}.last = ? AND ${alias}.name LIKE ? ESCAPE '\\'))`,
    params: [f.name, lastWord(f.name), `% ${escapeLike(f.name)}`],
  };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** rowids (of events or happenings) whose party table has a party in `role` matching `text` */
function roleIn(table: 'event_actor' | 'happening_actor', idColumn: string, role: 'a' | 'r', text: string): Clause {
  const m = partyMatch('x', text);
  return { sql: `(SELECT x.${idColumn} FROM ${table} x WHERE x.role = '${role}' AND ${m.sql})`, params: m.params };
}

/**
 * Conditions on parties. `dyad` matches either direction, and also reciprocal events whose
 * parties are both listed as actors (meetings, agreements).
 */
export function partyConditions(q: Pick<EventQuery, 'actor' | 'recipient' | 'dyad'>, owner: string,
  table: 'event_actor' | 'happening_actor', idColumn: string): Clause[] {
  const out: Clause[] = [];
  const inRole = (role: 'a' | 'r', text: string): Clause => {
    const c = roleIn(table, idColumn, role, text);
    return { sql: `${owner}.rowid IN ${c.sql}`, params: c.params };
  };
  if (q.actor) out.push(inRole('a', q.actor));
  if (q.recipient) out.push(inRole('r', q.recipient));
  if (q.dyad) {
    const [a, b] = q.dyad;
    const forward = and([inRole('a', a), inRole('r', b)]);
    const backward = and([inRole('a', b), inRole('r', a)]);
    const together = and([inRole('a', a), inRole('a', b)]);
    out.push({ sql: `(${forward.sql} OR ${backward.sql} OR ${together.sql})`, params: [...forward.params, ...backward.params, ...together.params] });
  }
  return out;
}

/** `alias.modality` is the one given or any of several. */
export function modalityIn(alias: string, modality: string | readonly string[]): Clause {
  const list = typeof modality === 'string' ? [modality] : [...modality];
  return { sql: `${alias}.modality IN (${list.map(() => '?').join(', ')})`, params: list };
}

export function and(clauses: readonly Clause[]): Clause {
  // a comparison, not a bare 1: PostgreSQL (which shares these filters) wants a boolean
  if (!clauses.length) return { sql: '1 = 1', params: [] };
  return { sql: clauses.map((c) => `(${c.sql})`).join(' AND '), params: clauses.flatMap((c) => c.params) };
}

/** The conditions of an event query over `event e JOIN article a`. */
export function eventConditions(q: EventQuery): Clause {
  const c: Clause[] = [];
  if (q.type) c.push({ sql: 'e.type = ?', params: [q.type.toUpperCase()] });
  if (q.modality) c.push(modalityIn('e', q.modality));
  if (q.minConfidence !== undefined) c.push({ sql: 'e.confidence >= ?', params: [q.minConfidence] });
  if (q.quadClass) c.push({ sql: 'e.quad = ?', params: [q.quadClass] });
  if (q.from) c.push({ sql: 'e.date >= ?', params: [q.from] });
  if (q.to) c.push({ sql: 'e.date <= ?', params: [q.to] });
  if (q.outlet) c.push({ sql: 'a.outlet = ? COLLATE NOCASE', params: [q.outlet] });
  if (q.articleId) c.push({ sql: 'a.id = ?', params: [q.articleId] });
  c.push(...partyConditions(q, 'e', 'event_actor', 'event_rowid'));
  return and(c);
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 10_000;

export function pageOf(q: { limit?: number; offset?: number } | undefined): { limit: number; offset: number } {
  const limit = Math.min(Math.max(Math.trunc(q?.limit ?? DEFAULT_LIMIT), 0), MAX_LIMIT);
  const offset = Math.max(Math.trunc(q?.offset ?? 0), 0);
  return { limit, offset };
}
