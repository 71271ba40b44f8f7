import type { EvidenceSource, LearnedActors, LearnedPerson } from '../actors/learned.js';

type Lesson = Parameters<LearnedActors['learn']>;

/**
 * The learned-actor layer as ingest gives it to the analyser: look-ups read what the store has
 * committed, and what an article teaches is held until the article is committed, then written in
 * the same transaction (`commit`), or dropped when the article is not stored (`discard`). Analysis
 * then runs outside any transaction, and an article never half-teaches the corpus.
 */
export class StagedLearnedActors implements LearnedActors {
  private pending: Lesson[] = [];

  constructor(private readonly committed: LearnedActors) {}

  lookup(name: string, date?: string | null): LearnedPerson | null {
    return this.committed.lookup(name, date);
  }

  learn(person: string, role: string | null, country: string | null, sector: string | null, date: string | null, evidence: string, source?: EvidenceSource): void {
    this.pending.push([person, role, country, sector, date, evidence, source]);
  }

  /** Writes what was taught since the last commit or discard (call inside the article's transaction). */
  commit(): void {
    const lessons = this.pending;
    this.pending = [];
    for (const lesson of lessons) this.committed.learn(...lesson);
  }

  discard(): void {
    this.pending = [];
  }
}
