import Database from 'better-sqlite3';
import { DossierError } from '../../core/errors.js';
import type { LearnedActors } from '../../actors/learned.js';
import type { RawArticle } from '../../ingest/article.js';
import type { ActorRefJson, Result } from '../../result/schema.js';
import {
  NEAR_DUPLICATE_JACCARD, articleId, bandHashes, fingerprint, signatureFromBuffer, signatureToBuffer, similarity,
} from '../fingerprint.js';
import { EVENT_COLUMNS, FIRST_REPORT, FIRST_REPORT_COLUMNS, eventWords, toStoredEvent, unpackParties, unpackSpeaker, type EventRow } from '../event-rows.js';
import { packResult, unpackResult } from '../stored-result.js';
import { leadModality } from '../merge/happenings.js';
import { actorCode, foldName, lastWord, party, personNames } from '../merge/parties.js';
import type {
  ActorStory, AddResult, ArticleQuery, DateRange, EventQuery, Happening, OpenOptions, Page, PageQuery, Quote,
  QuoteQuery, QuoteVariant, ReportSource, SearchHit, SeriesPoint, SeriesQuery, Store, StoreStats, StoredArticle, StoredEvent,
} from '../store.js';
import { actorHits, and, eventConditions, happeningConditions, pageOf, partyMatch, seriesBase, seriesConditions, type Clause } from './filters.js';
import { parseSearch, toFts5 } from '../search-query.js';
import { HappeningWriter } from './happening-writer.js';
import { SqliteLearnedActors } from './learned-actors.js';
import { migrate, SCHEMA_VERSION, schemaVersion } from './migrations.js';
import { packText, registerTextFunctions, unpackText } from './article-text.js';
import { QuoteWriter } from './quote-writer.js';

interface ArticleRow {
  rowid: number; id: string; source_id: string; title: string | null; outlet: string | null; url: string | null;
  published: string | null; content_hash: string; signature: Buffer | null; ingested_at: string;
  n_events: number; n_attributions: number; n_entities: number; result: Buffer;
}

interface HappeningRow {
  rowid: number; type: string; modality: string; date: string | null; date_max: string | null; quad: number; score: number;
  n_reports: number; n_sources: number;
  // of its first report
  mode: string | null; cameo: string | null; parties: string; first_article_rowid: number;
}

interface QuoteRow {
  rowid: number; speaker_json: string | null; n_variants: number; n_sources: number;
  min_fidelity: number; first_published: string | null;
}

// the content hash is stored as its bytes (migration 13) and read as the hex the API gives
const ARTICLE_COLUMNS = 'a.rowid, a.id, a.source_id, a.title, a.outlet, a.url, a.published, lower(hex(a.content_hash)) AS content_hash, a.ingested_at, a.n_events, a.n_attributions, a.n_entities';

/** The store in one SQLite file (better-sqlite3): WAL journal, one transaction per article. */
export class SqliteStore implements Store {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly happeningWriter: HappeningWriter;
  private readonly quoteWriter: QuoteWriter;
  private learned: SqliteLearnedActors | undefined;
  /** the articles the store held when opened (its largest rowid: rows are never deleted), and those this connection added */
  private readonly articlesAtOpen: number;
  private added = 0;

  private constructor(readonly db: Database.Database, readonly file: string) {
    this.happeningWriter = new HappeningWriter(db);
    this.quoteWriter = new QuoteWriter(db);
    this.articlesAtOpen = (db.prepare('SELECT coalesce(max(rowid), 0) FROM article').pluck().get() as number);
  }

  static open(file: string, options: OpenOptions = {}): SqliteStore {
    let db: Database.Database;
    try {
      db = new Database(file, { readonly: Boolean(options.readonly), fileMustExist: Boolean(options.readonly) });
    } catch (e) {
      throw new DossierError('STORE', `cannot open the database: ${(e as Error).message}`, { where: file });
    }
    try {
      registerTextFunctions(db);
      if (options.readonly) {
        const version = schemaVersion(db);
        if (version !== SCHEMA_VERSION) {
          throw new DossierError('STORE', `the database has schema version ${version}, expected ${SCHEMA_VERSION}; open it once for writing to migrate it`, { where: file });
        }
      } else {
        // 2 KB pages for a new file: an article row (its compressed result and text, about 5 KB)
        // spills whole pages to overflow pages and keeps the rest in a leaf, where the space left
        // beside it shrinks with the page: on PolNeAR train a seventh of the article table's pages
        // was empty with 4 KB pages (8 KB: a fifth), 7% with 2 KB; 1 KB pages cost the indexes more
        // than they save (issue 16)
        // and incremental auto-vacuum: the full-text index merges its segments as articles come, which
        // frees pages that later articles fill; closing the store gives back those still free (close),
        // which were up to a twentieth of the file
        if (schemaVersion(db) === 0) {
          db.pragma('page_size = 2048');
          db.pragma('auto_vacuum = INCREMENTAL');
        }
        // WAL + NORMAL: a killed process never loses a committed transaction
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        db.pragma('busy_timeout = 5000');
        // a checkpoint (copying the WAL back into the file, with an fsync) every ~40 MB rather than
        // every 4 MB: each article's commit dirties pages of many indexes, and the same hot pages
        // are then written back once for many articles instead of once for a few
        db.pragma('wal_autocheckpoint = 10000');
        migrate(db);
      }
    } catch (e) {
      db.close();
      if (e instanceof DossierError) throw e;
      throw new DossierError('STORE', `cannot prepare the database: ${(e as Error).message}`, { where: file });
    }
    return new SqliteStore(db, file);
  }

  private prep(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) { s = this.db.prepare(sql); this.statements.set(sql, s); }
    return s;
  }

  // ---- writing -------------------------------------------------------------------------------

  findDuplicate(article: Pick<RawArticle, 'text'>): string | null {
    const { hash, signature } = fingerprint(article.text);
    return this.duplicateOf(hash, signature)?.id ?? null;
  }

  private duplicateOf(hash: string, sig: Uint32Array | null): { rowid: number; id: string; kind: 'exact' | 'near' } | null {
    // the id (the hash's first 8 bytes) finds it through its index; the hash has none of its own (migration 13)
    const exact = this.prep('SELECT rowid, id FROM article WHERE id = ? AND content_hash = ?').get(articleId(hash), Buffer.from(hash, 'hex')) as
      { rowid: number; id: string } | undefined;
    if (exact) return { ...exact, kind: 'exact' };
    if (!sig) return null;
    // every article sharing a band, in one query (a query a band was a tenth of an ingest's SQL time):
    // band 0's articles first, then band 1's..., each band's by rowid, the order the per-band look-ups had
    const rows = this.prep(`SELECT b.band, a.rowid, a.id, a.signature FROM json_each(?) j
        JOIN article_band b ON b.band = j.key AND b.hash = j.value JOIN article a ON a.rowid = b.article_rowid
      ORDER BY b.band, a.rowid`).all(JSON.stringify(bandHashes(sig))) as { band: number; rowid: number; id: string; signature: Buffer | null }[];
    const seen = new Set<number>();
    for (const row of rows) {
      if (seen.has(row.rowid)) continue;
      seen.add(row.rowid);
      if (row.signature && similarity(sig, signatureFromBuffer(row.signature)) >= NEAR_DUPLICATE_JACCARD) {
        return { rowid: row.rowid, id: row.id, kind: 'near' };
      }
    }
    return null;
  }

  addArticle(article: RawArticle, resultOrAnalysis: Result | (() => Result)): AddResult {
    const { hash, signature: sig } = fingerprint(article.text);
    return this.db.transaction((): AddResult => {
      const dup = this.duplicateOf(hash, sig);
      if (!dup) {
        const result = typeof resultOrAnalysis === 'function' ? resultOrAnalysis() : resultOrAnalysis;
        if (result.error) throw new DossierError('INPUT_FORMAT', `the article could not be analysed (${result.error.message}); it is not stored`, { where: article.origin });
        return this.insertArticle(hash, sig, article, result);
      }
      // a copy is another place the same content was seen; the stored article itself is not its own copy
      this.prep(`INSERT OR IGNORE INTO article_copy (article_rowid, source_id, url, outlet) SELECT @rowid, @sourceId, @url, @outlet
          WHERE NOT EXISTS (SELECT 1 FROM article WHERE rowid = @rowid AND source_id = @sourceId AND coalesce(url, '') = @url AND coalesce(outlet, '') = @outlet)`)
        .run({ rowid: dup.rowid, sourceId: article.id, url: article.url ?? '', outlet: article.outlet ?? '' });
      return { id: dup.id, inserted: false, duplicate: dup.kind };
    }).immediate();
  }

  private insertArticle(hash: string, sig: Uint32Array | null, article: RawArticle, result: Result): AddResult {
    const id = articleId(hash);
    const text = result.article.text || article.text;
    const rowid = Number(this.prep(`INSERT INTO article (id, source_id, title, outlet, url, published, content_hash, signature,
        ingested_at, n_events, n_attributions, n_entities, result, text_z) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(id, article.id, article.title, article.outlet, article.url, article.published, Buffer.from(hash, 'hex'), sig ? signatureToBuffer(sig) : null,
        new Date().toISOString(), result.events.length, result.attributions.length, result.entities.length,
        packResult(result), packText(text)).lastInsertRowid);
    // the index only: its text is read back from article_text, the view over text_z
    this.prep('INSERT INTO article_fts (rowid, title, text) VALUES (?, ?, ?)').run(rowid, article.title ?? '', text);
    if (sig) {
      const insertBand = this.prep('INSERT OR IGNORE INTO article_band (band, hash, article_rowid) VALUES (?, ?, ?)');
      bandHashes(sig).forEach((h, b) => insertBand.run(b, h, rowid));
    }
    const entityName = this.prep('INSERT OR IGNORE INTO article_entity_words (last, head, article_rowid) VALUES (?, ?, ?)');
    const entityCode = this.prep('INSERT OR IGNORE INTO article_entity_code (code, article_rowid) VALUES (?, ?)');
    for (const entity of result.entities) {
      const name = foldName(entity.name), code = actorCode(entity);
      entityName.run(...entityWords(name), rowid);
      if (code !== null) entityCode.run(code, rowid);
    }
    this.addEvents(rowid, article, result, text);
    const quoted = { rowid, id, text, outlet: article.outlet, published: article.published, quoted: new Set<number>() };
    result.attributions.forEach((attribution, index) => this.quoteWriter.add(quoted, index, attribution));
    this.added++;
    return { id, inserted: true };
  }

  private addEvents(articleRowid: number, article: RawArticle, result: Result, text: string): void {
    const insertEvent = this.prep(`INSERT INTO event (article_rowid, idx, type, mode, modality, date, quad, score, cameo, trigger_start, trigger_end,
      sentence_start, sentence_end, words, parties, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    // (a party's country is the first three letters of its code: happening_actor reads it so)
    const insertParty = this.prep('INSERT INTO event_actor (event_rowid, role, name, code, last, key) VALUES (?, ?, ?, ?, ?, ?)');
    const persons = personNames(result.entities);
    result.events.forEach((ev, idx) => {
      const date = ev.date ?? article.published;
      const w = eventWords(ev, text);
      const eventRowid = Number(insertEvent.run(articleRowid, idx, ev.type, ev.mode, ev.modality, date, ev.quadClass, ev.score, ev.cameo,
        w.triggerStart, w.triggerEnd, w.sentenceStart, w.sentenceEnd, w.words, w.parties, ev.provenance.confidence).lastInsertRowid);
      for (const [role, refs] of [['a', ev.actor], ['r', ev.recipient]] as const) {
        for (const ref of refs) {
          const p = party(ref, persons);
          insertParty.run(eventRowid, role, p.name, p.code, lastWord(p.name), p.key);
        }
      }
      this.happeningWriter.add(eventRowid, ev, date, persons);
    });
  }

  /** The texts of the articles, by rowid (each read once: a page of events often comes from few articles). */
  private texts(rowids: readonly number[]): Map<number, string> {
    const rows = this.prep('SELECT rowid, text_z FROM article WHERE rowid IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify([...new Set(rowids)])) as { rowid: number; text_z: Buffer }[];
    return new Map(rows.map((r) => [r.rowid, unpackText(r.text_z)]));
  }

  private storedEvents(rows: readonly EventRow[]): StoredEvent[] {
    const texts = this.texts(rows.map((r) => r.article_rowid));
    return rows.map((r) => toStoredEvent(r, texts.get(r.article_rowid)!));
  }

  // ---- articles ------------------------------------------------------------------------------

  private toArticle(row: Omit<ArticleRow, 'signature' | 'result'>): StoredArticle {
    const copies = (this.prep('SELECT source_id, url, outlet FROM article_copy WHERE article_rowid = ?').all(row.rowid) as
      { source_id: string; url: string; outlet: string }[])
      .map((c) => ({ sourceId: c.source_id, url: c.url || null, outlet: c.outlet || null }));
    return {
      id: row.id, sourceId: row.source_id, title: row.title, outlet: row.outlet, url: row.url, published: row.published,
      contentHash: row.content_hash, ingestedAt: row.ingested_at,
      counts: { events: row.n_events, attributions: row.n_attributions, entities: row.n_entities }, copies,
    };
  }

  getArticle(id: string): StoredArticle | null {
    const row = this.prep(`SELECT ${ARTICLE_COLUMNS} FROM article a WHERE a.id = ?`).get(id) as ArticleRow | undefined;
    return row ? this.toArticle(row) : null;
  }

  getResult(id: string): Result | null {
    const row = this.prep('SELECT result, text_z FROM article WHERE id = ?').get(id) as { result: Buffer; text_z: Buffer } | undefined;
    return row ? unpackResult(row.result, unpackText(row.text_z)) : null;
  }

  listArticles(q: ArticleQuery = {}): Page<StoredArticle> {
    const c: Clause[] = [];
    if (q.outlet) c.push({ sql: 'a.outlet = ? COLLATE NOCASE', params: [q.outlet] });
    if (q.from) c.push({ sql: 'a.published >= ?', params: [q.from] });
    if (q.to) c.push({ sql: 'a.published <= ?', params: [q.to] });
    const where = and(c);
    const { limit, offset } = pageOf(q);
    const total = this.prep(`SELECT count(*) FROM article a WHERE ${where.sql}`).pluck().get(...where.params) as number;
    const rows = this.prep(`SELECT ${ARTICLE_COLUMNS} FROM article a WHERE ${where.sql} ORDER BY a.published DESC, a.rowid DESC LIMIT ? OFFSET ?`)
      .all(...where.params, limit, offset) as ArticleRow[];
    return { items: rows.map((r) => this.toArticle(r)), total, limit, offset };
  }

  search(query: string, q: PageQuery = {}): Page<SearchHit> {
    const { limit, offset } = pageOf(q);
    const text = toFts5(parseSearch(query));
    try {
      const total = this.prep('SELECT count(*) FROM article_fts WHERE article_fts MATCH ?').pluck().get(text) as number;
      const rows = this.prep(`SELECT ${ARTICLE_COLUMNS}, snippet(article_fts, 1, '[', ']', '…', 16) AS snip
          FROM article_fts JOIN article a ON a.rowid = article_fts.rowid WHERE article_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?`)
        .all(text, limit, offset) as (ArticleRow & { snip: string })[];
      return { items: rows.map((r) => ({ article: this.toArticle(r), snippet: r.snip })), total, limit, offset };
    } catch (e) {
      // FTS5 reports query mistakes as plain SQLite errors: its syntax, an unclosed quote, a column filter ("word:x")
      if (e instanceof Database.SqliteError && /fts5|syntax|unterminated string|no such column/i.test(e.message)) {
        throw new DossierError('USAGE', `the search "${query}" is not a valid query (${e.message})`);
      }
      throw e;
    }
  }

  // ---- events and happenings -----------------------------------------------------------------

  events(q: EventQuery = {}): Page<StoredEvent> {
    const where = eventConditions(q);
    const { limit, offset } = pageOf(q);
    const total = this.prep(`SELECT count(*) FROM event e JOIN article a ON a.rowid = e.article_rowid WHERE ${where.sql}`).pluck().get(...where.params) as number;
    const rows = this.prep(`SELECT ${EVENT_COLUMNS} FROM event e JOIN article a ON a.rowid = e.article_rowid WHERE ${where.sql}
        ORDER BY e.date DESC, e.rowid DESC LIMIT ? OFFSET ?`).all(...where.params, limit, offset) as EventRow[];
    return { items: this.storedEvents(rows), total, limit, offset };
  }

  private toHappenings(rows: readonly HappeningRow[], withReports: boolean): Happening[] {
    const texts = this.texts(rows.map((r) => r.first_article_rowid));
    return rows.map((r) => this.toHappening(r, texts.get(r.first_article_rowid)!, withReports));
  }

  /** `text`: the text of its first report's article */
  private toHappening(r: HappeningRow, text: string, withReports: boolean): Happening {
    const codes = (role: 'a' | 'r') => this.prep(`SELECT DISTINCT code FROM happening_actor WHERE happening_rowid = ? AND role = ? AND code IS NOT NULL ORDER BY code`)
      .pluck().all(r.rowid, role) as string[];
    const outlets = this.prep(`SELECT DISTINCT a.outlet FROM event e JOIN article a ON a.rowid = e.article_rowid
        WHERE e.happening_rowid = ? AND a.outlet IS NOT NULL ORDER BY a.outlet`).pluck().all(r.rowid) as string[];
    const reports = withReports
      ? this.storedEvents(this.prep(`SELECT ${EVENT_COLUMNS} FROM event e JOIN article a ON a.rowid = e.article_rowid WHERE e.happening_rowid = ?
          ORDER BY a.published, e.rowid`).all(r.rowid) as EventRow[])
      : [];
    const [actor, recipient] = unpackParties(r.parties, text) as [ActorRefJson[], ActorRefJson[]];
    const modalities = (this.prep('SELECT DISTINCT modality FROM event WHERE happening_rowid = ?').pluck().all(r.rowid) as string[])
      .sort((x, y) => leadModality(x, y) === x ? -1 : 1);
    // a recap is linked without stretching the happening's dates, so it is the report dated after them
    const recaps = r.date_max === null ? [] : (this.prep(`SELECT a.id || '.e' || e.idx FROM event e JOIN article a ON a.rowid = e.article_rowid
        WHERE e.happening_rowid = ? AND e.date > ? ORDER BY e.date, e.rowid`).pluck().all(r.rowid, r.date_max) as string[]);
    return {
      id: `h${r.rowid}`, type: r.type, mode: r.mode, modality: r.modality, modalities, recaps, date: r.date,
      actor, recipient,
      actorCodes: codes('a'), recipientCodes: codes('r'), quadClass: r.quad, score: r.score, cameo: r.cameo,
      sources: r.n_sources, outlets, reportCount: r.n_reports, reports,
    };
  }

  happenings(q: EventQuery = {}): Page<Happening> {
    const where = happeningConditions(q);
    const { limit, offset } = pageOf(q);
    const total = this.prep(`SELECT count(*) FROM happening h WHERE ${where.sql}`).pluck().get(...where.params) as number;
    const rows = this.prep(`SELECT h.*, ${FIRST_REPORT_COLUMNS} FROM happening h ${FIRST_REPORT} WHERE ${where.sql}
        ORDER BY h.date DESC, h.rowid DESC LIMIT ? OFFSET ?`).all(...where.params, limit, offset) as HappeningRow[];
    return { items: this.toHappenings(rows, false), total, limit, offset };
  }

  happening(id: string): Happening | null {
    const m = /^h(\d+)$/.exec(id);
    if (!m) return null;
    const row = this.prep(`SELECT h.*, ${FIRST_REPORT_COLUMNS} FROM happening h ${FIRST_REPORT} WHERE h.rowid = ?`).get(Number(m[1])) as HappeningRow | undefined;
    return row ? this.toHappenings([row], true)[0]! : null;
  }

  dyadSeries(a: string, b: string, q: SeriesQuery = {}): SeriesPoint[] {
    const where = seriesConditions(a, b, q);
    const rows = this.prep(`SELECT h.date AS date, h.quad AS quad, count(*) AS n, sum(h.score) AS s FROM happening h
        WHERE ${where.sql} GROUP BY h.date, h.quad ORDER BY h.date`).all(...where.params) as { date: string; quad: 1 | 2 | 3 | 4; n: number; s: number }[];
    const points: SeriesPoint[] = [];
    let sum = 0;
    for (const r of rows) {
      let p = points[points.length - 1];
      if (!p || p.date !== r.date) {
        if (p) finish(p, sum);
        p = { date: r.date, quad: { 1: 0, 2: 0, 3: 0, 4: 0 }, total: 0, meanScore: 0 };
        points.push(p);
        sum = 0;
      }
      (p.quad as Record<number, number>)[r.quad] = r.n;
      (p as { total: number }).total += r.n;
      sum += r.s;
    }
    const last = points[points.length - 1];
    if (last) finish(last, sum);
    if (q.volume && points.length) {
      const all = and([...seriesBase(q), { sql: 'h.date >= ? AND h.date <= ?', params: [points[0]!.date, last!.date] }]);
      const perDay = new Map((this.prep(`SELECT h.date AS date, count(*) AS n FROM happening h WHERE ${all.sql} GROUP BY h.date`)
        .all(...all.params) as { date: string; n: number }[]).map((r) => [r.date, r.n]));
      for (const p of points) (p as { all?: number }).all = perDay.get(p.date) ?? p.total;
    }
    return points;
  }

  // ---- quotes --------------------------------------------------------------------------------

  private toQuote(r: QuoteRow): Quote {
    const rows = this.prep(`SELECT v.idx, v.kind, v.span_start, v.span_end, v.text, v.fidelity, v.changes_json, v.article_rowid, a.id AS article_id,
        a.outlet, a.url, a.published, a.title FROM quote_variant v JOIN article a ON a.rowid = v.article_rowid WHERE v.quote_rowid = ? ORDER BY v.rowid`).all(r.rowid) as
      { idx: number; kind: string; span_start: number; span_end: number; text: string | null; fidelity: number; changes_json: string; article_rowid: number;
        article_id: string; outlet: string | null; url: string | null; published: string | null; title: string | null }[];
    // a variant's words are its article's text between its offsets (migration 12), and so are its
    // speaker's, in the first variant's article (packSpeaker)
    const first = r.speaker_json === null ? undefined : rows[0]?.article_rowid;
    const texts = this.texts([...rows.filter((v) => v.text === null).map((v) => v.article_rowid), ...(first === undefined ? [] : [first])]);
    const variants = rows.map((v): QuoteVariant => ({
        articleId: v.article_id, index: v.idx, kind: v.kind, text: v.text ?? texts.get(v.article_rowid)!.slice(v.span_start, v.span_end), fidelity: v.fidelity,
        changes: JSON.parse(v.changes_json) as QuoteVariant['changes'],
        source: { articleId: v.article_id, outlet: v.outlet, url: v.url, published: v.published, title: v.title } satisfies ReportSource,
      }));
    return {
      // the quote's wording is its first variant's
      id: `q${r.rowid}`, speaker: r.speaker_json ? unpackSpeaker(r.speaker_json, first === undefined ? undefined : texts.get(first)) : null, text: variants[0]?.text ?? '',
      sources: r.n_sources, variantCount: r.n_variants, minFidelity: r.min_fidelity, firstPublished: r.first_published, variants,
    };
  }

  quotes(q: QuoteQuery = {}): Page<Quote> {
    const c: Clause[] = [];
    if (q.speaker) {
      const m = partyMatch('p', q.speaker);
      c.push({ sql: `qu.rowid IN (SELECT p.rowid FROM (SELECT rowid, speaker_key AS name, speaker_code AS code, speaker_last AS last FROM quote) p WHERE ${m.sql})`, params: m.params });
    }
    if (q.text) c.push({ sql: 'qu.rowid IN (SELECT v.quote_rowid FROM quote_fts JOIN quote_variant v ON v.rowid = quote_fts.rowid WHERE quote_fts MATCH ?)', params: [ftsWords(q.text)] });
    if (q.outlet) c.push({ sql: 'qu.rowid IN (SELECT quote_rowid FROM quote_source WHERE source = lower(?))', params: [q.outlet] });
    if (q.from) c.push({ sql: 'qu.first_published >= ?', params: [q.from] });
    if (q.to) c.push({ sql: 'qu.first_published <= ?', params: [q.to] });
    const where = and(c);
    const { limit, offset } = pageOf(q);
    const total = this.prep(`SELECT count(*) FROM quote qu WHERE ${where.sql}`).pluck().get(...where.params) as number;
    const rows = this.prep(`SELECT qu.* FROM quote qu WHERE ${where.sql} ORDER BY qu.n_sources DESC, qu.first_published DESC, qu.rowid DESC LIMIT ? OFFSET ?`)
      .all(...where.params, limit, offset) as QuoteRow[];
    return { items: rows.map((r) => this.toQuote(r)), total, limit, offset };
  }

  quote(id: string): Quote | null {
    const m = /^q(\d+)$/.exec(id);
    if (!m) return null;
    const row = this.prep('SELECT * FROM quote WHERE rowid = ?').get(Number(m[1])) as QuoteRow | undefined;
    return row ? this.toQuote(row) : null;
  }

  // ---- actors --------------------------------------------------------------------------------

  actorStories(actor: string, q: PageQuery & DateRange = {}): Page<ActorStory> {
    const { hits: { sql: hits, params }, where } = actorHits(actor, q);
    const { limit, offset } = pageOf(q);
    const total = this.prep(`WITH hits AS (${hits}) SELECT count(DISTINCT hits.article_rowid) FROM hits JOIN article a ON a.rowid = hits.article_rowid WHERE ${where.sql}`)
      .pluck().get(...params, ...where.params) as number;
    const rows = this.prep(`WITH hits AS (${hits})
        SELECT ${ARTICLE_COLUMNS}, group_concat(DISTINCT hits.role) AS roles,
          count(DISTINCT CASE WHEN hits.role IN ('actor', 'recipient') THEN hits.item END) AS n_ev,
          count(DISTINCT CASE WHEN hits.role = 'speaker' THEN hits.item END) AS n_q
        FROM hits JOIN article a ON a.rowid = hits.article_rowid WHERE ${where.sql}
        GROUP BY a.rowid ORDER BY a.published DESC, a.rowid DESC LIMIT ? OFFSET ?`)
      .all(...params, ...where.params, limit, offset) as (ArticleRow & { roles: string; n_ev: number; n_q: number })[];
    const order = ['actor', 'recipient', 'speaker', 'entity'];
    return {
      items: rows.map((r) => ({
        article: this.toArticle(r), roles: r.roles.split(',').sort((x, y) => order.indexOf(x) - order.indexOf(y)), events: r.n_ev, quotes: r.n_q,
      })),
      total, limit, offset,
    };
  }

  stats(): StoreStats {
    const count = (table: string) => this.prep(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return { articles: count('article'), events: count('event'), happenings: count('happening'), quotes: count('quote') };
  }

  learnedActors(): LearnedActors {
    this.learned ??= new SqliteLearnedActors(this.db);
    return this.learned;
  }

  close(): void {
    if (!this.db.open) return;
    // lets SQLite refresh the statistics its query planner uses, cheaply, for the tables that changed;
    // it is a nicety: when another writer holds the lock it is left for the next close, and an error
    // that ended the run is never replaced by this one
    if (!this.db.readonly) {
      if (this.added > 0 && this.added >= this.articlesAtOpen * COMPACT_AFTER_GROWTH) this.compact();
      try { this.db.pragma('optimize'); } catch { /* the lock or a read-only file: statistics stay as they are */ }
      // the pages left free give the file back (a store made with auto_vacuum = INCREMENTAL; elsewhere nothing happens)
      try { this.db.pragma('incremental_vacuum'); } catch { /* the lock: they stay for the next close, or for new rows */ }
    }
    this.db.close();
  }

  /**
   * Packs the file after an ingest that grew the store by a good part (close, COMPACT_AFTER_GROWTH):
   * the full-text indexes merge their segments into one ('optimize'), and VACUUM writes every table and
   * index anew in key order, full pages. Rows arrive in no key order for most indexes (hashes, names,
   * dates), which leaves their pages about 85% full, and the full-text indexes keep a segment per few
   * articles until they merge: on PolNeAR train (837 articles) the file shrank by a twentieth. Its cost
   * is proportional to the file, which the growth condition keeps linear over many ingests (each
   * compaction follows at least a quarter's growth). Best effort: another connection's lock leaves it
   * for a later close.
   */
  private compact(): void {
    try {
      for (const index of ['article_fts', 'quote_fts']) this.db.prepare(`INSERT INTO ${index} (${index}) VALUES ('optimize')`).run();
      this.db.exec('VACUUM');
    } catch { /* the lock (another connection reads or writes): left as it is */ }
  }
}

/** A folded name as article_entity_words keeps it (migration 13): its last word and the words before it. */
export function entityWords(name: string): [last: string, head: string] {
  const last = lastWord(name);
  return [last, name === last ? '' : name.slice(0, name.length - last.length - 1)];
}

/** close compacts the file when the connection added at least this share of the articles the store held at open */
const COMPACT_AFTER_GROWTH = 0.25;

function finish(p: SeriesPoint, sum: number): void {
  (p as { meanScore: number }).meanScore = p.total ? Math.round((sum / p.total) * 100) / 100 : 0;
}

/** Plain words as an FTS5 query of all of them (so user text never hits FTS5 syntax errors). */
export function ftsWords(text: string): string {
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length ? words.map((w) => `"${w}"`).join(' ') : '""';
}
