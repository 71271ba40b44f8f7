import type Database from 'better-sqlite3';
import type { EvidenceSource, LearnedActors, LearnedPerson } from '../../actors/learned.js';
import { keyOf } from '../../actors/text.js';

export interface PersonRow {
  name: string; role: string | null; country: string | null; sector: string | null;
  first_seen: string | null; last_seen: string | null; evidence: string; seen: number;
  source_article: string | null; source_start: number | null; source_end: number | null;
}

export const toPerson = (r: PersonRow): LearnedPerson => ({
  name: r.name, role: r.role, country: r.country, sector: r.sector, firstSeen: r.first_seen, lastSeen: r.last_seen,
  evidence: r.evidence, seen: r.seen,
  ...(r.source_article !== null && r.source_start !== null && r.source_end !== null
    ? { source: { article: r.source_article, start: r.source_start, end: r.source_end } } : {}),
});

export const surnameOf = (key: string) => key.split(' ').pop() ?? key;

/**
 * The actors' learned layer (src/actors/learned.ts) kept in the corpus database, with the same
 * rules as MemoryLearnedActors: lookup by full name, or by surname when one person carries it,
 * and never knowledge learned after the article's date. During ingest an analysis only looks people
 * up; what the article teaches (its lessons) is applied in the article's transaction, so it is
 * committed with it, or not at all.
 * A read-only store looks people up and learns nothing.
 */
export class SqliteLearnedActors implements LearnedActors {
  private readonly byKey: Database.Statement;
  private readonly bySurname: Database.Statement;
  private readonly upsert: Database.Statement | null;

  constructor(db: Database.Database) {
    this.byKey = db.prepare('SELECT * FROM learned_person WHERE key = ?');
    this.bySurname = db.prepare('SELECT * FROM learned_person WHERE surname = ? LIMIT 2');
    this.upsert = db.readonly ? null : db.prepare(`INSERT INTO learned_person
        (key, surname, name, role, country, sector, first_seen, last_seen, evidence, seen, source_article, source_start, source_end)
        VALUES (@key, @surname, @name, @role, @country, @sector, @date, @date, @evidence, 1, @article, @start, @end)
      ON CONFLICT (key) DO UPDATE SET
        role = CASE WHEN @newer THEN coalesce(@role, role) ELSE role END,
        country = CASE WHEN @newer THEN coalesce(@country, country) ELSE country END,
        sector = CASE WHEN @newer THEN coalesce(@sector, sector) ELSE sector END,
        evidence = CASE WHEN @newer THEN @evidence ELSE evidence END,
        source_article = CASE WHEN @newer THEN @article ELSE source_article END,
        source_start = CASE WHEN @newer THEN @start ELSE source_start END,
        source_end = CASE WHEN @newer THEN @end ELSE source_end END,
        first_seen = CASE WHEN first_seen IS NULL OR (@date IS NOT NULL AND @date < first_seen) THEN coalesce(@date, first_seen) ELSE first_seen END,
        last_seen = CASE WHEN last_seen IS NULL OR (@date IS NOT NULL AND @date > last_seen) THEN coalesce(@date, last_seen) ELSE last_seen END,
        seen = seen + 1`);
  }

  lookup(name: string, date?: string | null): LearnedPerson | null {
    const key = keyOf(name);
    let row = this.byKey.get(key) as PersonRow | undefined;
    if (!row && !key.includes(' ')) {
      const hits = this.bySurname.all(key) as PersonRow[];
      row = hits.length === 1 ? hits[0] : undefined;
    }
    if (!row) return null;
    if (date && row.first_seen && row.first_seen > date) return null;
    return toPerson(row);
  }

  learn(person: string, role: string | null, country: string | null, sector: string | null, date: string | null, evidence: string,
    source?: EvidenceSource): void {
    if (!this.upsert) return;
    const key = keyOf(person);
    const old = this.byKey.get(key) as PersonRow | undefined;
    // what the latest article says wins; an undated article only fills gaps
    const newer = !old || (date !== null && (old.last_seen === null || date >= old.last_seen)) ? 1 : 0;
    this.upsert.run({
      key, surname: surnameOf(key), name: person, role, country, sector, date, evidence, newer,
      article: source?.article ?? null, start: source?.start ?? null, end: source?.end ?? null,
    });
  }
}
