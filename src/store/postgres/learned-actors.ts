import type { EvidenceSource, LearnedActors, LearnedLookup, LearnedPerson } from '../../actors/learned.js';
import { keyOf } from '../../actors/text.js';
import { surnameOf, toPerson, type PersonRow } from '../sqlite/learned-actors.js';
import type { SyncPg } from './sync-client.js';

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
 * Looks people up in the store as it is, for a queue worker's analyses: read-only, as every
 * analysis is; what an article teaches comes back with its result (Analyzer.analyzeWithLessons) and
 * is committed with the article, in queue order (postgres/queue.ts).
 */
export class ArticleLearnedLookup implements LearnedLookup {
  /**
   * The answers of this article's lookups: the analysis asks about the same names many times, and
   * each question is a round trip to the server. Cleared for every article (`nextArticle`), so an
   * answer never outlives the article it was given for.
   */
  private readonly answers = new Map<string, LearnedPerson | null>();
  constructor(private readonly store: LearnedLookup) {}

  lookup(name: string, date?: string | null): LearnedPerson | null {
    const key = `${date ?? ''}\u0000${name}`;
    let answer = this.answers.get(key);
    if (answer === undefined) {
      answer = this.store.lookup(name, date);
      this.answers.set(key, answer);
    }
    return answer;
  }

  /** Starts the next article afresh: what the store learned since is seen. */
  nextArticle(): void {
    this.answers.clear();
  }
}
