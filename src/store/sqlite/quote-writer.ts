import type Database from 'better-sqlite3';
import type { ActorRefJson, AttributionJson } from '../../result/schema.js';
import { actorCode, foldName, lastWord } from '../merge/parties.js';
import { packSpeaker, unpackSpeaker } from '../event-rows.js';
import { MIN_QUOTE_WORDS, QUOTE_MATCH_DICE, SAME_WORDS_DICE, SAME_WORDS_MIN_WORDS, dice, quoteSketch, quoteWording, quoteWords, wordChanges, wordPairHashes } from '../merge/quotes.js';
import { unpackText } from './article-text.js';

/** the quotes sharing the most word pairs with a new one are compared with it */
export const MAX_CANDIDATES = 20;
/** a quote whose speaker is unknown on one side merges only when the words agree this much */
export const UNKNOWN_SPEAKER_DICE = 0.8;

/** a candidate quote and its first wording: its own words, or its offsets in its article (migration 12) */
interface CandidateRow {
  quote_rowid: number; speaker_json: string | null; text: string | null; span_start: number; span_end: number; article_rowid: number; article_id: string;
}

/** The article whose attributions are being stored, as the quote writer needs it. */
export interface QuotedArticle {
  readonly rowid: number;
  /** content-derived: the same id is the same text, so the words found at its offsets can be remembered by it */
  readonly id: string;
  readonly text: string;
  readonly outlet: string | null;
  readonly published: string | null;
  /** the quotes it has given a variant so far: an article without an outlet is a new source of a quote once */
  readonly quoted: Set<number>;
}

/**
 * The quote candidate index on SQLite (migration 13): an FTS5 table, `quote_gram`, with a row per
 * quote (its rowid) whose words are its sketch's pair hashes (quoteSketch) in base 36, and
 * `quote_gram_pairs`, its fts5vocab table of (term, doc) instances, which the look-up counts. FTS5
 * keeps each hash once with the delta-coded rowids of its quotes, where a (hash, quote) row of a
 * keyed table took 13 bytes: 0.8 KB an article on PolNeAR train instead of 1.6. The table merges its
 * segments more eagerly than FTS5's default (automerge 2, crisismerge 4): each article's commit
 * adds one, and a look-up reads every segment. PostgreSQL keeps the (hash, quote_rowid) table.
 */
export const gramToken = (hash: number): string => (hash >>> 0).toString(36);
export const gramHash = (token: string): number => parseInt(token, 36) | 0;

/** a bound on the remembered word lists: a long ingest sees each much-quoted wording many times, most others once */
const MAX_REMEMBERED_WORDINGS = 50_000;

/**
 * Merges each attribution into a quote: the same words (mostly) from the same speaker, found
 * through the word-pair index of the quotes' first wordings (quote_gram: a sketch of each, quoteSketch;
 * the new quote looks up all its pairs), or a new quote. Records the variant's fidelity to the first
 * reported wording. Runs inside the article's transaction.
 */
export class QuoteWriter {
  private readonly candidates: Database.Statement;
  private readonly insertGram: Database.Statement;
  private readonly insertSource: Database.Statement;
  private readonly insertQuote: Database.Statement;
  private readonly insertVariant: Database.Statement;
  private readonly insertFts: Database.Statement;
  private readonly update: Database.Statement;
  /**
   * The first wordings of candidate quotes and their words, by the wording's place (its article's
   * content-derived id and offsets) or its own words, either a pure function of what it names: every
   * new quote is compared with up to MAX_CANDIDATES stored ones, and re-tokenising each of them every
   * time was a fifth of the store's work on an ingest; reading each from its article's text would be
   * more.
   */
  private readonly wordings = new Map<string, { text: string; words: string[] }>();
  private readonly articleText: Database.Statement;

  constructor(db: Database.Database) {
    // json_each: the word-pair hashes of the new quote, as one parameter; ties broken by rowid, so that both
    // engines (SQLite and PostgreSQL) compare the same candidates in the same order
    // a quote's wording is its first variant's
    this.candidates = db.prepare(`SELECT q.rowid AS quote_rowid, q.speaker_json, v.text, v.span_start, v.span_end, v.article_rowid, a.id AS article_id FROM
        (SELECT g.doc AS quote_rowid, count(*) AS shared FROM quote_gram_pairs g WHERE g.term IN (SELECT value FROM json_each(?))
         GROUP BY g.doc ORDER BY shared DESC, g.doc LIMIT ${MAX_CANDIDATES}) c
      JOIN quote q ON q.rowid = c.quote_rowid
      JOIN quote_variant v ON v.rowid = (SELECT f.rowid FROM quote_variant f WHERE f.quote_rowid = q.rowid ORDER BY f.rowid LIMIT 1)
      JOIN article a ON a.rowid = v.article_rowid
      ORDER BY c.shared DESC, c.quote_rowid`);
    this.articleText = db.prepare('SELECT text_z FROM article WHERE rowid = ?').pluck();
    this.insertGram = db.prepare('INSERT INTO quote_gram (rowid, pairs) VALUES (?, ?)');
    this.insertSource = db.prepare('INSERT OR IGNORE INTO quote_source (quote_rowid, source) VALUES (?, lower(?))');
    this.insertQuote = db.prepare(`INSERT INTO quote (speaker_json, speaker_key, speaker_code, n_variants, n_sources,
      min_fidelity, first_published, speaker_last) VALUES (?, ?, ?, 0, 0, 1, ?, ?)`);
    this.insertVariant = db.prepare(`INSERT INTO quote_variant (quote_rowid, article_rowid, idx, kind, span_start, span_end, text, fidelity, changes_json)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertFts = db.prepare('INSERT INTO quote_fts (rowid, text) VALUES (?, ?)');
    // counts kept incrementally: a much-quoted sentence can have thousands of variants
    this.update = db.prepare(`UPDATE quote SET
        n_variants = n_variants + 1,
        n_sources = n_sources + @newSource,
        min_fidelity = min(min_fidelity, @fidelity),
        first_published = CASE WHEN @published IS NOT NULL AND (first_published IS NULL OR @published < first_published) THEN @published ELSE first_published END
      WHERE rowid = @id`);
  }

  /** Stores the attribution as a variant of its quote; returns the quote's rowid, or null when it is too short to be a quote. */
  add(article: QuotedArticle, index: number, attribution: AttributionJson): number | null {
    const { text, start, end } = quoteWording(attribution.content);
    const published = article.published;
    const words = quoteWords(text);
    if (words.length < MIN_QUOTE_WORDS) return null;
    const match = this.findQuote(text, words, attribution.speaker);
    let rowid: number, fidelity = 1, changes: unknown[] = [];
    if (match) {
      rowid = match.rowid;
      ({ fidelity, changes } = wordChanges(match.text, text));
    } else {
      const s = attribution.speaker;
      rowid = Number(this.insertQuote.run(s ? packSpeaker(s, article.text) : null, s ? foldName(s.name) : '',
        s ? actorCode(s) : null, published, s ? lastWord(foldName(s.name)) : null).lastInsertRowid);
      this.insertGram.run(rowid, quoteSketch(text).map(gramToken).join(' '));
    }
    // the words are the article's text between the offsets, but for a content whose text is not (none is, today)
    const own = article.text.slice(start, end) === text ? null : text;
    if (own === null && !match) this.remember(`${article.id}:${start}:${end}`, text, words);
    const variant = Number(this.insertVariant.run(rowid, article.rowid, index, attribution.kind, start, end, own, fidelity, JSON.stringify(changes)).lastInsertRowid);
    this.insertFts.run(variant, text);
    const newSource = article.outlet !== null ? this.insertSource.run(rowid, article.outlet).changes : article.quoted.has(rowid) ? 0 : 1;
    article.quoted.add(rowid);
    this.update.run({ id: rowid, fidelity, published, newSource });
    return rowid;
  }

  private findQuote(text: string, words: string[], speaker: ActorRefJson | null): { rowid: number; text: string } | null {
    const rows = this.candidates.all(JSON.stringify(wordPairHashes(text).map(gramToken))) as CandidateRow[];
    let best: { rowid: number; text: string; score: number } | null = null;
    for (const row of rows) {
      const wording = this.wording(row);
      const score = dice(words, wording.words);
      const other = row.speaker_json ? unpackSpeaker(row.speaker_json) : null;
      const needed = speaker && other ? (sameSpeaker(speaker, other) ? QUOTE_MATCH_DICE : words.length >= SAME_WORDS_MIN_WORDS ? SAME_WORDS_DICE : Infinity)
        : speaker || other ? UNKNOWN_SPEAKER_DICE : QUOTE_MATCH_DICE;
      if (score >= needed && (!best || score > best.score)) best = { rowid: row.quote_rowid, text: wording.text, score };
    }
    return best;
  }

  private wording(row: CandidateRow): { text: string; words: string[] } {
    const key = row.text !== null ? `\u0000${row.text}` : `${row.article_id}:${row.span_start}:${row.span_end}`;
    const known = this.wordings.get(key);
    if (known) return known;
    const text = row.text ?? unpackText(this.articleText.get(row.article_rowid) as Buffer).slice(row.span_start, row.span_end);
    return this.remember(key, text, quoteWords(text));
  }

  private remember(key: string, text: string, words: string[]): { text: string; words: string[] } {
    if (this.wordings.size >= MAX_REMEMBERED_WORDINGS) this.wordings.clear();
    const wording = { text, words };
    this.wordings.set(key, wording);
    return wording;
  }
}

/**
 * Outlets name a speaker differently ("Ali Khamenei", "Khamenei", "Ayatollah Ali Khamenei"):
 * the same speaker when the names share a word of three letters or more.
 */
export function sameSpeaker(a: ActorRefJson, b: ActorRefJson): boolean {
  const wa = nameWords(a.name);
  for (const w of nameWords(b.name)) if (wa.has(w)) return true;
  return false;
}

/**
 * The words of three letters or more of a name, remembered by the name (a pure function of it): a new
 * quote is compared with up to MAX_CANDIDATES speakers, often the same few, and splitting their names
 * again each time was a twentieth of the quote writer's time.
 */
function nameWords(name: string): ReadonlySet<string> {
  let words = NAME_WORDS.get(name);
  if (!words) {
    if (NAME_WORDS.size >= MAX_REMEMBERED_WORDINGS) NAME_WORDS.clear();
    words = new Set(foldName(name).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3));
    NAME_WORDS.set(name, words);
  }
  return words;
}
const NAME_WORDS = new Map<string, ReadonlySet<string>>();
