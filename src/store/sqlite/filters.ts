import { SERIES_MODALITIES } from '../series.js';
import type { EventQuery, SeriesQuery } from '../store.js';
import { actorFilter, lastWord } from '../merge/parties.js';

/** A piece of SQL with its parameters, built from a query; every value goes through a parameter. */
export interface Clause {
  readonly sql: string;
  readonly params: unknown[];
}

/** a country code or country+sector code, in any case ("usa" finds USA; a name of those letters is matched too) */
const CODE = /^[A-Za-z]{3}([A-Za-z]{3})?$/;

/**
 * SQL that matches a party table row (`alias` has name, code, last columns) against an actor
 * filter. Codes typed in capitals ("IRN", "IRNGOV") are looked up by index; other text is a name,
 * matched in full or as the last words of a longer name ("Khamenei" finds "Ali Khamenei").
 */
export function partyMatch(alias: string, text: string): Clause {
  const { name, code } = partyParts(alias, text);
  return code ? { sql: `(${code.sql} OR ${name.sql})`, params: [...code.params, ...name.params] } : name;
}

/**
 * partyMatch's two halves: the match on the name (and last word) and, for a filter that reads as a
 * code, on the code; the article entities keep the two in tables of their own (migration 12).
 */
function partyParts(alias: string, text: string): { readonly name: Clause; readonly code: Clause | null } {
  const f = actorFilter(text);
  if (CODE.test(text.trim())) {
    // a country is the first three letters of its codes ("IRN" of "IRN", "IRNGOV"): a range of the
    // indexed code finds the country's rows; a six-letter code is the code itself. The name is
    // matched whole only (the filter's last word is the filter)
    const code: Clause = f.code.length === 3
      ? { sql: `(${alias}.code >= ? AND ${alias}.code < ?)`, params: [f.code, `${f.code}\u{10FFFF}`] }
      : { sql: `${alias}.code = ?`, params: [f.code] };
    return { code, name: { sql: `(${alias}.last = ? AND ${alias}.name = ?)`, params: [lastWord(f.name), f.name] } };
  }
  // a name equal to the filter has the filter's last word: the index on `last` finds both forms (the
  // party tables keep no index on the whole name); a filter of no words can only equal an empty name;
  // the indexed last word narrows the rows, the LIKE then checks the filter's earlier words
  const name: Clause = f.name
    ? { sql: `(${alias}.last = ? AND (${alias}.name = ? OR ${alias}.name LIKE ? ESCAPE '\\'))`, params: [lastWord(f.name), f.name, `% ${escapeLike(f.name)}`] }
    : { sql: `${alias}.name = ?`, params: [f.name] };
  return { name, code: null };
}

/**
 * The places an actor appears in, one row an appearance (article_rowid, role, item): parties of
 * events, speakers of quotes, entities of articles; and the date range on their articles (alias a).
 * Both engines run the same SQL: `WITH hits AS (hits.sql)` then `WHERE where.sql` on the article.
 */
export function actorHits(actor: string, range: { readonly from?: string; readonly to?: string }): { readonly hits: Clause; readonly where: Clause } {
  const ev = partyMatch('x', actor);
  const sp = partyMatch('p', actor);
  const en = partyParts('n', actor);
  const sql = `
      SELECT e.article_rowid AS article_rowid, 'actor' AS role, 'e' || e.rowid AS item
        FROM event_actor x JOIN event e ON e.rowid = x.event_rowid WHERE x.role = 'a' AND ${ev.sql}
      UNION ALL
      SELECT e.article_rowid, 'recipient', 'e' || e.rowid FROM event_actor x JOIN event e ON e.rowid = x.event_rowid WHERE x.role = 'r' AND ${ev.sql}
      UNION ALL
      SELECT v.article_rowid, 'speaker', 'q' || v.rowid FROM quote_variant v
        JOIN (SELECT rowid, speaker_key AS name, speaker_code AS code, speaker_last AS last FROM quote) p ON p.rowid = v.quote_rowid WHERE ${sp.sql}
      UNION ALL
      SELECT n.article_rowid, 'entity', 'n' FROM article_entity_name n WHERE ${en.name.sql}${en.code ? `
      UNION ALL
      SELECT n.article_rowid, 'entity', 'n' FROM article_entity_code n WHERE ${en.code.sql}` : ''}`;
  const c: Clause[] = [];
  if (range.from) c.push({ sql: 'a.published >= ?', params: [range.from] });
  if (range.to) c.push({ sql: 'a.published <= ?', params: [range.to] });
  // a role per select: the index on event parties' (role, code) then serves a range of codes
  return { hits: { sql, params: [...ev.params, ...ev.params, ...sp.params, ...en.name.params, ...(en.code?.params ?? [])] }, where: and(c) };
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

/**
 * The conditions of a happening query over `happening h`. What the happening itself carries is
 * filtered on it (its parties are the union of its reports', its dates a span); the rest (outlet,
 * article, confidence) through its reports.
 */
export function happeningConditions(q: EventQuery): Clause {
  const c: Clause[] = [];
  if (q.type) c.push({ sql: 'h.type = ?', params: [q.type.toUpperCase()] });
  if (q.modality) c.push(modalityIn('h', q.modality));
  if (q.quadClass) c.push({ sql: 'h.quad = ?', params: [q.quadClass] });
  if (q.from) c.push({ sql: 'h.date_max >= ?', params: [q.from] });
  if (q.to) c.push({ sql: 'h.date_min <= ?', params: [q.to] });
  c.push(...partyConditions(q, 'h', 'happening_actor', 'happening_rowid'));
  if (q.outlet || q.articleId || q.minConfidence !== undefined) {
    const reports = eventConditions({ outlet: q.outlet, articleId: q.articleId, minConfidence: q.minConfidence });
    c.push({ sql: `h.rowid IN (SELECT e.happening_rowid FROM event e JOIN article a ON a.rowid = e.article_rowid WHERE ${reports.sql})`, params: reports.params });
  }
  return and(c);
}

/** The happenings a series counts, whoever their parties: dated ones of the series' modalities in the range. */
export function seriesBase(q: SeriesQuery): Clause[] {
  const modalities = q.modalities?.length ? q.modalities : SERIES_MODALITIES;
  const c: Clause[] = [{ sql: `${modalityIn('h', modalities).sql} AND h.date IS NOT NULL`, params: [...modalities] }];
  if (q.from) c.push({ sql: 'h.date >= ?', params: [q.from] });
  if (q.to) c.push({ sql: 'h.date <= ?', params: [q.to] });
  return c;
}

/** The happenings a dyad's series counts: seriesBase's, between A and B (from A to B when directed). */
export function seriesConditions(a: string, b: string, q: SeriesQuery): Clause {
  return and([...seriesBase(q), ...partyConditions(q.directed ? { actor: a, recipient: b } : { dyad: [a, b] }, 'h', 'happening_actor', 'happening_rowid')]);
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 10_000;

export function pageOf(q: { limit?: number; offset?: number } | undefined): { limit: number; offset: number } {
  const limit = Math.min(Math.max(Math.trunc(q?.limit ?? DEFAULT_LIMIT), 0), MAX_LIMIT);
  const offset = Math.max(Math.trunc(q?.offset ?? 0), 0);
  return { limit, offset };
}
