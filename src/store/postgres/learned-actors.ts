import type { EvidenceSource, LearnedActors, LearnedPerson } from '../../actors/learned.js';
import { keyOf } from '../../actors/text.js';
import type { SyncPg } from './sync-client.js';

interface PersonRow {
  name: string; role: string | null; country: string | null; sector: string | null;
  first_seen: string | null; last_seen: string | null; evidence: string; seen: number;
  source_article: string | null; source_start: number | null; source_end: number | null;
}

const toPerson = (r: PersonRow): LearnedPerson => ({
  name: r.name, role: r.role, country: r.country, sector: r.sector, firstSeen: r.first_seen, lastSeen: r.last_seen,
  evidence: r.evidence, seen: r.seen,
  ...(r.source_article !== null && r.source_start !== null && r.source_end !== null
    ? { source: { article: r.source_article, start: r.source_start, end: r.source_end } } : {}),
});

const surnameOf = (key: string) => key.split(' ').pop() ?? key;

/** The arguments of one LearnedActors.learn call, kept to be replayed later (a worker commits what an article taught with it). */
export type LearnCall = Parameters<LearnedActors['learn']>;

/**
 * The learned-actors layer in PostgreSQL, with the rules of sqlite/learned-actors.ts (lookup by full
 * name, or by a surname one person carries; nothing learned after the article's date; the latest
 * article's role wins). A read-only store learns nothing.
 */
export class PgLearnedActors implements LearnedActors {
  constructor(private readonly db: SyncPg, private readonly readonly: boolean) {}

  lookup(name: string, date?: string | null): LearnedPerson | null {
    const key = keyOf(name);
    let row = this.db.get<PersonRow>('SELECT * FROM learned_person WHERE key = ?', [key]);
    if (!row && !key.includes(' ')) {
      const hits = this.db.query<PersonRow>('SELECT * FROM learned_person WHERE surname = ? LIMIT 2', [key]);
      row = hits.length === 1 ? hits[0] : undefined;
    }
    if (!row) return null;
    if (date && row.first_seen && row.first_seen > date) return null;
    return toPerson(row);
  }

  learn(person: string, role: string | null, country: string | null, sector: string | null, date: string | null, evidence: string,
    source?: EvidenceSource): void {
    if (this.readonly) return;
    const key = keyOf(person);
    const old = this.db.get<PersonRow>('SELECT last_seen FROM learned_person WHERE key = ?', [key]);
    // what the latest article says wins; an undated article only fills gaps
    const newer = !old || (date !== null && (old.last_seen === null || date >= old.last_seen));
    this.db.run(`INSERT INTO learned_person
        (key, surname, name, role, country, sector, first_seen, last_seen, evidence, seen, source_article, source_start, source_end)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, 1, $9, $10, $11)
      ON CONFLICT (key) DO UPDATE SET
        role = CASE WHEN $12 THEN coalesce($4, learned_person.role) ELSE learned_person.role END,
        country = CASE WHEN $12 THEN coalesce($5, learned_person.country) ELSE learned_person.country END,
        sector = CASE WHEN $12 THEN coalesce($6, learned_person.sector) ELSE learned_person.sector END,
        evidence = CASE WHEN $12 THEN $8 ELSE learned_person.evidence END,
        source_article = CASE WHEN $12 THEN $9 ELSE learned_person.source_article END,
        source_start = CASE WHEN $12 THEN $10::integer ELSE learned_person.source_start END,
        source_end = CASE WHEN $12 THEN $11::integer ELSE learned_person.source_end END,
        first_seen = CASE WHEN learned_person.first_seen IS NULL OR ($7::text IS NOT NULL AND $7 < learned_person.first_seen)
          THEN coalesce($7, learned_person.first_seen) ELSE learned_person.first_seen END,
        last_seen = CASE WHEN learned_person.last_seen IS NULL OR ($7::text IS NOT NULL AND $7 > learned_person.last_seen)
          THEN coalesce($7, learned_person.last_seen) ELSE learned_person.last_seen END,
        seen = learned_person.seen + 1`,
    [key, surnameOf(key), person, role, country, sector, date, evidence, source?.article ?? null, source?.start ?? null, source?.end ?? null, newer]);
  }
}

/**
 * Looks people up in the store as it is, and keeps what an analysis teaches instead of writing it:
 * a queue worker analyses outside the store's write transaction and commits what the article
 * taught together with the article, in queue order (postgres/queue.ts).
 */
export class RecordingLearnedActors implements LearnedActors {
  readonly calls: LearnCall[] = [];
  constructor(private readonly store: LearnedActors) {}
  lookup(name: string, date?: string | null): LearnedPerson | null { return this.store.lookup(name, date); }
  learn(...args: LearnCall): void { this.calls.push(args); }
}
