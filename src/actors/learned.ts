import { existsSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { keyOf } from './text.js';

/**
 * The corpus-learned actor layer: people the engine has seen introduced with a role ("Ahmad
 * Karimi, Iran's deputy oil minister") are known when a later article names them without one.
 * Each entry keeps the first and last dates it was seen and the words that taught it, so a user
 * can check why the engine believes it. Implementations: in memory, a JSON file; the corpus store
 * can back it with SQLite by implementing the same two methods.
 */
export interface LearnedPerson {
  readonly name: string;
  readonly role: string | null;
  readonly country: string | null;
  readonly sector: string | null;
  /** YYYY-MM-DD or null when the article had no date */
  readonly firstSeen: string | null;
  readonly lastSeen: string | null;
  /** the words of the article that introduced the person with the role */
  readonly evidence: string;
  /** how many articles taught it */
  readonly seen: number;
  /** where the evidence is: the article and the span of the introducing words in its text */
  readonly source?: EvidenceSource;
}

export interface EvidenceSource {
  readonly article: string;
  readonly start: number;
  readonly end: number;
}

export interface LearnedActors {
  /** the person known by this name (full name or surname), as learned up to `date` */
  lookup(name: string, date?: string | null): LearnedPerson | null;
  learn(person: string, role: string | null, country: string | null, sector: string | null, date: string | null, evidence: string, source?: EvidenceSource): void;
}

/** Is `x` something that implements LearnedActors? (ResourceOptions.learnedActors is untyped.) */
export function isLearnedActors(x: unknown): x is LearnedActors {
  return typeof x === 'object' && x !== null && typeof (x as LearnedActors).lookup === 'function' && typeof (x as LearnedActors).learn === 'function';
}

export class MemoryLearnedActors implements LearnedActors {
  protected readonly people = new Map<string, LearnedPerson>();

  constructor(initial: readonly LearnedPerson[] = []) {
    for (const p of initial) this.people.set(keyOf(p.name), p);
  }

  lookup(name: string, date?: string | null): LearnedPerson | null {
    const key = keyOf(name);
    let found = this.people.get(key) ?? null;
    if (!found && !key.includes(' ')) {
      // a surname alone: only when exactly one learned person carries it
      const hits = [...this.people.values()].filter((p) => keyOf(p.name).split(' ').pop() === key);
      found = hits.length === 1 ? hits[0]! : null;
    }
    // knowledge learned later than the article's date is not used: the base is "as of" the date
    if (found && date && found.firstSeen && found.firstSeen > date) return null;
    return found;
  }

  learn(person: string, role: string | null, country: string | null, sector: string | null, date: string | null, evidence: string, source?: EvidenceSource): void {
    const key = keyOf(person);
    const old = this.people.get(key);
    const min = (a: string | null, b: string | null) => (a && b ? (a < b ? a : b) : a ?? b);
    const max = (a: string | null, b: string | null) => (a && b ? (a > b ? a : b) : a ?? b);
    const newer = !old || (date !== null && (old.lastSeen === null || date >= old.lastSeen));
    this.people.set(key, {
      name: old?.name ?? person,
      role: newer ? role ?? old?.role ?? null : old.role,
      country: newer ? country ?? old?.country ?? null : old.country,
      sector: newer ? sector ?? old?.sector ?? null : old.sector,
      firstSeen: min(old?.firstSeen ?? null, date),
      lastSeen: max(old?.lastSeen ?? null, date),
      evidence: newer ? evidence : old.evidence,
      seen: (old?.seen ?? 0) + 1,
      ...(newer ? (source ? { source } : {}) : old.source ? { source: old.source } : {}),
    });
  }

  all(): LearnedPerson[] {
    return [...this.people.values()];
  }
}

/**
 * The learned layer kept in a JSON file: read when opened, written by save(), or after every
 * lesson with `autosave` (what the command line uses, so nothing learned is lost on exit).
 */
export class JsonFileLearnedActors extends MemoryLearnedActors {
  constructor(readonly file: string, private readonly autosave = false) {
    super(existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { people: LearnedPerson[] }).people : []);
  }

  override learn(...args: Parameters<MemoryLearnedActors['learn']>): void {
    super.learn(...args);
    if (this.autosave) this.save();
  }

  save(): void {
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, `${JSON.stringify({ version: 1, people: this.all() }, null, 1)}\n`);
    renameSync(tmp, this.file);
  }
}
