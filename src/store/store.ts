import type { LearnedActors } from '../actors/learned.js';
import type { RawArticle } from '../ingest/article.js';
import type { ActorRefJson, Result } from '../result/schema.js';
import { isPostgresUrl, PostgresStore } from './postgres/postgres-store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';

/**
 * The corpus store: articles with their analysis results, every event they report, the
 * happenings those events are reports of (one per real-world happening, however many outlets
 * report it), and quotes merged across outlets with their variants. The command line, the HTTP
 * API and the web view only talk to this interface, so another engine can replace SQLite.
 *
 * Actor filters (`actor`, `recipient`, `dyad`, `dyadSeries`, `actorStories`) accept any of:
 * a country code ("IRN"), a country and sector code ("IRNGOV", GDELT style), or a name
 * ("Ali Khamenei", compared without case).
 */
export interface Store {
  /**
   * Stores an article and its result in one transaction. Idempotent by content: an article whose
   * normalised text (or, for long texts, nearly all of it, so that different boilerplate does not
   * count) is already stored is not stored again; `inserted` is false and `id` names the stored one,
   * and the article's URL and outlet are recorded as a copy. Pass the result as a function to have
   * it computed only when the article is new (ingest skips analysis of known articles this way).
   */
  addArticle(article: RawArticle, result: Result | (() => Result)): AddResult;
  /** The stored article with the same content, if any (lets ingest skip analysis of known articles). */
  findDuplicate(article: Pick<RawArticle, 'text'>): string | null;
  getArticle(id: string): StoredArticle | null;
  getResult(id: string): Result | null;
  listArticles(q?: ArticleQuery): Page<StoredArticle>;
  /** Full-text search in dossier's search syntax (search-query.ts: words taken literally, "phrases", OR, NOT, prefix*). */
  search(text: string, q?: PageQuery): Page<SearchHit>;
  /** Every reported event (one per report), newest first. */
  events(q?: EventQuery): Page<StoredEvent>;
  /**
   * Happenings that match the query, newest first: type, modality, quad class and parties of the
   * happening (its parties are those of all its reports), dates overlapping its reports' dates,
   * and, for `outlet`, at least one report from that outlet.
   */
  happenings(q?: EventQuery): Page<Happening>;
  happening(id: string): Happening | null;
  quotes(q?: QuoteQuery): Page<Quote>;
  quote(id: string): Quote | null;
  /**
   * Daily series of happenings between two actors, in either direction (or, `directed`, from a to
   * b only): counts by quad class and the mean Goldstein-style score. Counts happenings, not
   * reports, so ten outlets reporting one rejection count once. Only happenings of the given
   * modalities count (default SERIES_MODALITIES: asserted). With `volume`, each day also carries
   * the count of all happenings of those modalities, whoever the parties (GDELT-style normalisation).
   */
  dyadSeries(a: string, b: string, q?: SeriesQuery): SeriesPoint[];
  /** The articles an actor appears in (as event party, speaker or entity), newest first. */
  actorStories(actor: string, q?: PageQuery & DateRange): Page<ActorStory>;
  stats(): StoreStats;
  /**
   * People learned across the corpus (src/actors LearnedActors), kept in the store; give it to the
   * Analyzer (`new Analyzer({ learnedActors })`) to look people up in it, and teach it each stored
   * article's lessons (`teach`, as ingest does in the article's commit) so that they serve the next.
   */
  learnedActors(): LearnedActors;
  close(): void;
}

export interface PageQuery {
  readonly limit?: number;
  readonly offset?: number;
}

export interface DateRange {
  /** inclusive, YYYY-MM-DD */
  readonly from?: string;
  /** inclusive, YYYY-MM-DD */
  readonly to?: string;
}

export type Page<T> = { items: T[]; total: number; limit: number; offset: number };

export interface SeriesQuery extends DateRange {
  /** only happenings from the first actor to the second */
  readonly directed?: boolean;
  /** the modalities counted (default series.ts SERIES_MODALITIES) */
  readonly modalities?: readonly string[];
  /** also count every happening of each day (SeriesPoint.all), for normalising by the day's volume */
  readonly volume?: boolean;
}

export interface ArticleQuery extends PageQuery, DateRange {
  readonly outlet?: string;
}

export interface EventQuery extends PageQuery, DateRange {
  /** who acted (see the actor filter forms above) */
  readonly actor?: string;
  /** whom it was done to */
  readonly recipient?: string;
  /** both parties, in either direction */
  readonly dyad?: readonly [string, string];
  /** PLOVER type, e.g. REJECT */
  readonly type?: string;
  /** one modality, or any of several */
  readonly modality?: string | readonly string[];
  readonly outlet?: string;
  /** only reports of at least this confidence (0..1); for happenings, at least one such report */
  readonly minConfidence?: number;
  /** quad class 1..4 */
  readonly quadClass?: number;
  readonly articleId?: string;
}

export interface QuoteQuery extends PageQuery, DateRange {
  /** the speaker's name (or country/sector code) */
  readonly speaker?: string;
  /** words the quote contains (full-text) */
  readonly text?: string;
  /** reported by this outlet (compared without case) */
  readonly outlet?: string;
}

export interface AddResult {
  readonly id: string;
  readonly inserted: boolean;
  /** how the duplicate was recognised when not inserted */
  readonly duplicate?: 'exact' | 'near';
}

export interface ArticleCounts {
  readonly events: number;
  readonly attributions: number;
  readonly entities: number;
}

export interface StoredArticle {
  /** content-derived: the same text always gets the same id */
  readonly id: string;
  /** the id the article came with (file name, record id) */
  readonly sourceId: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly url: string | null;
  readonly published: string | null;
  readonly contentHash: string;
  /** ISO timestamp */
  readonly ingestedAt: string;
  readonly counts: ArticleCounts;
  /** other URLs/outlets the same content was seen under */
  readonly copies: readonly { url: string | null; outlet: string | null; sourceId: string }[];
}

export interface SearchHit {
  readonly article: StoredArticle;
  /** an excerpt with the matched words between [ and ] */
  readonly snippet: string;
}

/** Where a report comes from. */
export interface ReportSource {
  readonly articleId: string;
  readonly outlet: string | null;
  readonly url: string | null;
  readonly published: string | null;
  readonly title: string | null;
}

export interface StoredEvent {
  /** `${articleId}.e${index}` */
  readonly id: string;
  readonly articleId: string;
  /** index into the article result's events */
  readonly index: number;
  readonly type: string;
  readonly mode: string | null;
  readonly modality: string;
  readonly actor: ActorRefJson[];
  readonly recipient: ActorRefJson[];
  /** the event's date, else the article's publication date */
  readonly date: string | null;
  readonly quadClass: number;
  readonly score: number;
  readonly cameo: string | null;
  readonly trigger: string;
  readonly sentence: string;
  readonly confidence: number;
  readonly happeningId: string | null;
  readonly source: ReportSource;
}

/** One real-world happening and the reports of it. */
export interface Happening {
  readonly id: string;
  readonly type: string;
  readonly mode: string | null;
  /** the most certain of its reports' modalities (asserted, historical, future, hypothetical; negated stays apart) */
  readonly modality: string;
  /** every modality its reports give, most certain first: outlets word one act differently */
  readonly modalities: string[];
  /** the ids of its later reports: recaps that recall it after the days it happened on */
  readonly recaps: string[];
  /** the earliest report's date */
  readonly date: string | null;
  readonly actor: ActorRefJson[];
  readonly recipient: ActorRefJson[];
  /** GDELT-style codes of the parties (country + sector), e.g. ["IRNGOV"] */
  readonly actorCodes: string[];
  readonly recipientCodes: string[];
  readonly quadClass: number;
  readonly score: number;
  readonly cameo: string | null;
  /** the number of distinct outlets that report it (an article with no outlet counts as its own) */
  readonly sources: number;
  readonly outlets: string[];
  readonly reportCount: number;
  /** filled by happening(id); lists leave it empty to stay small */
  readonly reports: StoredEvent[];
}

/** One difference of a variant from the quote's canonical wording, word by word. */
export interface WordChange {
  readonly op: 'insert' | 'delete' | 'replace';
  /** the canonical words */
  readonly from: string;
  /** the variant's words */
  readonly to: string;
}

export interface QuoteVariant {
  readonly articleId: string;
  /** index into the article result's attributions */
  readonly index: number;
  readonly kind: string;
  readonly text: string;
  /** 1 = word for word the canonical wording */
  readonly fidelity: number;
  readonly changes: WordChange[];
  readonly source: ReportSource;
}

/** A quote merged across the articles that report it. */
export interface Quote {
  readonly id: string;
  readonly speaker: ActorRefJson | null;
  /** the first reported wording */
  readonly text: string;
  readonly sources: number;
  readonly variantCount: number;
  /** the lowest fidelity among the variants: 1 when every outlet quotes the same words */
  readonly minFidelity: number;
  readonly firstPublished: string | null;
  /** filled by quote(id) and quotes() */
  readonly variants: QuoteVariant[];
}

export interface SeriesPoint {
  readonly date: string;
  readonly quad: { 1: number; 2: number; 3: number; 4: number };
  readonly total: number;
  readonly meanScore: number;
  /** with `volume`: all happenings of the day (of the counted modalities), whoever the parties */
  readonly all?: number;
}

export interface ActorStory {
  readonly article: StoredArticle;
  /** how the actor appears: 'actor', 'recipient', 'speaker', 'entity' */
  readonly roles: string[];
  readonly events: number;
  readonly quotes: number;
}

export interface StoreStats {
  readonly articles: number;
  readonly events: number;
  readonly happenings: number;
  readonly quotes: number;
}

export interface OpenOptions {
  readonly readonly?: boolean;
}

export const DEFAULT_DB_FILE = 'dossier.db';

/**
 * Opens (creating and migrating if needed) the store: a SQLite file, or the PostgreSQL database a
 * postgres:// URL names.
 */
export function openStore(db: string, options: OpenOptions = {}): Store {
  return isPostgresUrl(db) ? PostgresStore.open(db, options) : SqliteStore.open(db, options);
}
