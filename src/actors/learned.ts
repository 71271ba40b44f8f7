import { existsSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import type { Document } from '../core/document.js';
import { keyOf } from './text.js';

/**
 * The corpus-learned actor layer: people the engine has seen introduced with a role ("Ahmad
 * Karimi, Iran's deputy oil minister") are known when a later article names them without one.
 * Each entry keeps the first and last dates it was seen and the words that taught it, so a user
 * can check why the engine believes it. Implementations: in memory, a JSON file; the corpus store
 * can back it with SQLite by implementing the same two methods.
 *
 * During an analysis the layer is read-only (LearnedLookup): the entities stage marks on its output
 * the people an article introduces with a role (EntityData.teaches), `lessonsOf` reads them off the
 * analysed document, and whoever runs the articles applies them between two of them (`teach`), as
 * ingest does in each article's commit. So an article's result never depends on what the same
 * process analysed before unless a caller chose to teach it.
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

/** What an article teaches about one person: the arguments of LearnedActors.learn, as data. */
export interface Lesson {
  readonly person: string;
  readonly role: string | null;
  readonly country: string | null;
  readonly sector: string | null;
  /** the article's date, YYYY-MM-DD, or null */
  readonly date: string | null;
  /** the words that introduced the person with the role */
  readonly evidence: string;
  readonly source?: EvidenceSource;
}

/** The learned layer as an analysis sees it: look-ups only. */
export interface LearnedLookup {
  /** the person known by this name (full name or surname), as learned up to `date` */
  lookup(name: string, date?: string | null): LearnedPerson | null;
}

/** The learned layer as its owner sees it: look-ups, and the lessons it is taught between articles. */
export interface LearnedActors extends LearnedLookup {
  learn(person: string, role: string | null, country: string | null, sector: string | null, date: string | null, evidence: string, source?: EvidenceSource): void;
}

/** Is `x` something that can be looked up in? (ResourceOptions.learnedActors is untyped.) */
export function isLearnedLookup(x: unknown): x is LearnedLookup {
  return typeof x === 'object' && x !== null && typeof (x as LearnedLookup).lookup === 'function';
}

/** Is `x` something that implements LearnedActors (look-ups and learning)? */
export function isLearnedActors(x: unknown): x is LearnedActors {
  return isLearnedLookup(x) && typeof (x as LearnedActors).learn === 'function';
}

/**
 * The lessons of an analysed article: the people its entities stage marked as introduced with a
 * role (EntityData.teaches), in the order of the entity layer, with the introducing words and where
 * they are. The same document gives the same lessons, whatever layer was attached.
 */
export function lessonsOf(doc: Pick<Document, 'text' | 'meta' | 'layer'>): Lesson[] {
  const lessons: Lesson[] = [];
  for (const e of doc.layer('entity')) {
    const span = e.data.teaches;
    if (!span) continue;
    lessons.push({
      person: e.data.name, role: e.data.role, country: e.data.country, sector: e.data.sector, date: doc.meta.published ?? null,
      evidence: doc.text.slice(span.start, span.end), source: { article: doc.meta.id, start: span.start, end: span.end },
    });
  }
  return lessons;
}

/** Applies an article's lessons to a layer, in order (the explicit step between two articles). */
export function teach(learned: LearnedActors, lessons: readonly Lesson[]): void {
  for (const l of lessons) learned.learn(l.person, l.role, l.country, l.sector, l.date, l.evidence, l.source);
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

  /** Applies an article's lessons (`lessonsOf`, `Analyzer.analyzeWithLessons`). */
  teach(lessons: readonly Lesson[]): void {
    teach(this, lessons);
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
