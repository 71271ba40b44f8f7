import { teach, type LearnedActors, type Lesson } from '../../actors/learned.js';
import { DossierError } from '../../core/errors.js';
import type { RawArticle } from '../../ingest/article.js';
import type { ActorRefJson, Result } from '../../result/schema.js';
import {
  NEAR_DUPLICATE_JACCARD, articleId, bandHashes, fingerprint, signatureFromBuffer, signatureToBuffer, similarity,
} from '../fingerprint.js';
import { EVENT_COLUMNS, FIRST_REPORT, FIRST_REPORT_COLUMNS, eventWords, toStoredEvent, unpackParties, unpackSpeaker, type EventRow } from '../event-rows.js';
import { packResult, unpackResult } from '../stored-result.js';
import { leadModality } from '../merge/happenings.js';
import { actorCode, foldName, lastWord, party, personNames } from '../merge/parties.js';
import { actorHits, and, eventConditions, happeningConditions, pageOf, partyMatch, seriesBase, seriesConditions, type Clause } from '../sqlite/filters.js';
import type {
  ActorStory, AddResult, ArticleQuery, DateRange, EventQuery, Happening, OpenOptions, Page, PageQuery, Quote,
  QuoteQuery, QuoteVariant, SearchHit, SeriesPoint, SeriesQuery, Store, StoreStats, StoredArticle, StoredEvent,
} from '../store.js';
import { PgLearnedActors } from './learned-actors.js';
import { migratePg, PG_SCHEMA_VERSION, pgSchemaVersion } from './migrations.js';
import { PgError, SyncPg, type Query } from './sync-client.js';
import { allWords, toTsquery } from './tsquery.js';
import { addHappening, addQuote, nextRowid } from './writers.js';

/** A --db value that names a PostgreSQL database rather than a SQLite file. */
export const isPostgresUrl = (db: string) => /^postgres(ql)?:\/\//i.test(db);

/** the advisory lock every writing transaction takes: merging reads what others wrote, so writers take turns */
export const WRITE_LOCK = 0x64777274; // 'dwrt'

interface ArticleRow {
  rowid: number; id: string; source_id: string; title: string | null; outlet: string | null; url: string | null;
  published: string | null; content_hash: string; ingested_at: string; n_events: number; n_attributions: number; n_entities: number;
  copies: { source_id: string; url: string; outlet: string }[] | null;
}

interface HappeningRow {
  rowid: number; type: string; modality: string; date: string | null; quad: number; score: number;
  // of its first report
  mode: string | null; cameo: string | null; parties: string; first_article_rowid: number;
  n_reports: number; n_sources: number; modalities: string[]; recaps: string[]; actor_codes: string[]; recipient_codes: string[]; outlets: string[];
}

interface QuoteRow {
  rowid: number; speaker_json: string | null; n_variants: number; n_sources: number;
  min_fidelity: number; first_published: string | null;
}

// copies come with the article (one round trip for a page of articles); the order is the primary key's, as SQLite's
const ARTICLE_COLUMNS = `a.rowid, a.id, a.source_id, a.title, a.outlet, a.url, a.published, encode(a.content_hash, 'hex') AS content_hash, a.ingested_at, a.n_events,
  a.n_attributions, a.n_entities, (SELECT json_agg(json_build_object('source_id', c.source_id, 'url', c.url, 'outlet', c.outlet)
    ORDER BY c.source_id, c.url, c.outlet) FROM article_copy c WHERE c.article_rowid = a.rowid) AS copies`;
const HAPPENING_COLUMNS = `h.rowid, h.type, h.modality, h.date, h.quad, h.score, ${FIRST_REPORT_COLUMNS}, h.n_reports, h.n_sources,
  array(SELECT DISTINCT code FROM happening_actor WHERE happening_rowid = h.rowid AND role = 'a' AND code IS NOT NULL ORDER BY code) AS actor_codes,
  array(SELECT DISTINCT code FROM happening_actor WHERE happening_rowid = h.rowid AND role = 'r' AND code IS NOT NULL ORDER BY code) AS recipient_codes,
  array(SELECT DISTINCT a.outlet FROM event e JOIN article a ON a.rowid = e.article_rowid
        WHERE e.happening_rowid = h.rowid AND a.outlet IS NOT NULL ORDER BY a.outlet) AS outlets,
  array(SELECT DISTINCT modality FROM event WHERE happening_rowid = h.rowid) AS modalities,
  array(SELECT a.id || '.e' || e.idx FROM event e JOIN article a ON a.rowid = e.article_rowid
        WHERE e.happening_rowid = h.rowid AND e.date > h.date_max ORDER BY e.date, e.rowid) AS recaps`;

/**
 * The store in a PostgreSQL database: the SQLite store's tables, queries and results (the same
 * contract suite runs on both), for corpora shared by several machines. Writers take turns under
 * one advisory lock per transaction, so merging sees everything committed before it; readers never
 * wait. Through SyncPg the interface stays synchronous, as the SQLite engine's is.
 */
export class PostgresStore implements Store {
  private learned: PgLearnedActors | undefined;

  private constructor(readonly db: SyncPg, readonly url: string, readonly readonly: boolean) {}

  static open(url: string, options: OpenOptions = {}): PostgresStore {
    let db: SyncPg;
    try {
      db = new SyncPg(url);
      db.value('SELECT 1');
    } catch (e) {
      throw new DossierError('STORE', `cannot open the database: ${(e as Error).message}`, { where: redact(url) });
    }
    try {
      if (options.readonly) {
        const version = pgSchemaVersion(db);
        if (version !== PG_SCHEMA_VERSION) {
          throw new DossierError('STORE', `the database has schema version ${version}, expected ${PG_SCHEMA_VERSION}; open it once for writing to migrate it`, { where: redact(url) });
        }
        db.run('SET default_transaction_read_only = on');
      } else {
        migratePg(db);
      }
    } catch (e) {
      db.close();
      if (e instanceof DossierError) throw e;
      throw new DossierError('STORE', `cannot prepare the database: ${(e as Error).message}`, { where: redact(url) });
    }
    return new PostgresStore(db, url, Boolean(options.readonly));
  }

  /** Runs `work` in one transaction holding the write lock; rolls back if it throws. */
  transaction<T>(work: () => T): T {
    this.db.batch([{ sql: 'BEGIN', params: [] }, { sql: 'SELECT pg_advisory_xact_lock(?)', params: [WRITE_LOCK] }]);
    let result: T;
    try {
      result = work();
    } catch (e) {
      this.db.run('ROLLBACK');
      throw e;
    }
    this.db.run('COMMIT');
    return result;
  }

  // ---- writing -------------------------------------------------------------------------------

  findDuplicate(article: Pick<RawArticle, 'text'>): string | null {
    const { hash, signature } = fingerprint(article.text);
    return this.duplicateOf(hash, signature)?.id ?? null;
  }

  private duplicateOf(hash: string, sig: Uint32Array | null): { rowid: number; id: string; kind: 'exact' | 'near' } | null {
    // the id (the hash's first 8 bytes) finds it through its index; the hash has none of its own (migration 13)
    const exact = this.db.get<{ rowid: number; id: string }>('SELECT rowid, id FROM article WHERE id = ? AND content_hash = ?', [articleId(hash), Buffer.from(hash, 'hex')]);
    if (exact) return { ...exact, kind: 'exact' };
    if (!sig) return null;
    // every article sharing a band, in the order SQLite's (band, hash) index gives them
    const rows = this.db.query<{ rowid: number; id: string; signature: Uint8Array | null; band: number }>(`SELECT DISTINCT ON (a.rowid) a.rowid, a.id, a.signature, b.band
        FROM article_band b JOIN article a ON a.rowid = b.article_rowid
        WHERE (b.band, b.hash) IN (SELECT * FROM unnest(?::integer[], ?::integer[])) ORDER BY a.rowid, b.band`,
    [bandHashes(sig).map((_, b) => b), bandHashes(sig)]);
    // SQLite's engine tries band 0's articles first, then band 1's...: the same order here, so both find the same one
    for (const row of rows.sort((x, y) => x.band - y.band || x.rowid - y.rowid)) {
      if (row.signature && similarity(sig, signatureFromBuffer(Buffer.from(row.signature))) >= NEAR_DUPLICATE_JACCARD) {
        return { rowid: row.rowid, id: row.id, kind: 'near' };
      }
    }
    return null;
  }

  addArticle(article: RawArticle, resultOrAnalysis: Result | (() => Result)): AddResult {
    if (this.readonly) throw new DossierError('STORE', 'the store is open read-only');
    return this.transaction(() => this.writeArticle(article, resultOrAnalysis));
  }

  /**
   * Writes an article inside a transaction the caller holds (`transaction`): what its analysis taught
   * the learned-actors layer when that analysis ran elsewhere (a queue worker: its lessons), then the
   * article, as addArticle does.
   */
  writeArticle(article: RawArticle, resultOrAnalysis: Result | (() => Result), lessons: readonly Lesson[] = []): AddResult {
    if (this.readonly) throw new DossierError('STORE', 'the store is open read-only');
    teach(this.learnedActors(), lessons);
    const { hash, signature: sig } = fingerprint(article.text);
    const dup = this.duplicateOf(hash, sig);
    if (!dup) {
      const result = typeof resultOrAnalysis === 'function' ? resultOrAnalysis() : resultOrAnalysis;
      if (result.error) throw new DossierError('INPUT_FORMAT', `the article could not be analysed (${result.error.message}); it is not stored`, { where: article.origin });
      return this.insertArticle(hash, sig, article, result);
    }
    // a copy is another place the same content was seen; the stored article itself is not its own copy
    this.db.run(`INSERT INTO article_copy (article_rowid, source_id, url, outlet) SELECT $1, $2, $3, $4
        WHERE NOT EXISTS (SELECT 1 FROM article WHERE rowid = $1 AND source_id = $2 AND coalesce(url, '') = $3 AND coalesce(outlet, '') = $4)
        ON CONFLICT DO NOTHING`, [dup.rowid, article.id, article.url ?? '', article.outlet ?? '']);
    return { id: dup.id, inserted: false, duplicate: dup.kind };
  }

  private insertArticle(hash: string, sig: Uint32Array | null, article: RawArticle, result: Result): AddResult {
    const id = articleId(hash);
    const rowid = nextRowid(this.db, 'article');
    const batch: Query[] = [
      {
        sql: `INSERT INTO article (rowid, id, source_id, title, outlet, url, published, content_hash, signature,
          ingested_at, n_events, n_attributions, n_entities, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        params: [rowid, id, article.id, article.title, article.outlet, article.url, article.published, Buffer.from(hash, 'hex'), sig ? signatureToBuffer(sig) : null,
          new Date().toISOString(), result.events.length, result.attributions.length, result.entities.length, packResult(result)],
      },
      {
        sql: `INSERT INTO article_text (rowid, title, text, tsv) VALUES ($1, $2, $3,
          setweight(to_tsvector('dossier_text', $2), 'A') || setweight(to_tsvector('dossier_text', $3), 'B'))`,
        params: [rowid, article.title ?? '', result.article.text || article.text],
      },
    ];
    if (sig) {
      const bands = bandHashes(sig);
      batch.push({ sql: 'INSERT INTO article_band (band, hash, article_rowid) SELECT unnest(?::integer[]), unnest(?::integer[]), ? ON CONFLICT DO NOTHING',
        params: [bands.map((_, b) => b), bands, rowid] });
    }
    if (result.entities.length) {
      const names = result.entities.map((e) => foldName(e.name));
      const codes = result.entities.map((e) => actorCode(e)).filter((c): c is string => c !== null);
      batch.push({
        sql: 'INSERT INTO article_entity_name (last, name, article_rowid) SELECT unnest(?::text[]), unnest(?::text[]), ? ON CONFLICT DO NOTHING',
        params: [names.map(lastWord), names, rowid],
      });
      if (codes.length) {
        batch.push({ sql: 'INSERT INTO article_entity_code (code, article_rowid) SELECT unnest(?::text[]), ? ON CONFLICT DO NOTHING', params: [codes, rowid] });
      }
    }
    this.db.batch(batch);
    this.addEvents(rowid, article, result, result.article.text || article.text);
    const quoted = { rowid, id, text: result.article.text || article.text, outlet: article.outlet, published: article.published, quoted: new Set<number>() };
    result.attributions.forEach((attribution, index) => addQuote(this.db, quoted, index, attribution));
    return { id, inserted: true };
  }

  private addEvents(articleRowid: number, article: RawArticle, result: Result, text: string): void {
    if (!result.events.length) return;
    const persons = personNames(result.entities);
    let eventRowid = nextRowid(this.db, 'event');
    result.events.forEach((ev, idx) => {
      const date = ev.date ?? article.published;
      const w = eventWords(ev, text);
      const batch: Query[] = [{
        sql: `INSERT INTO event (rowid, article_rowid, idx, type, mode, modality, date, quad, score, cameo, trigger_start, trigger_end,
          sentence_start, sentence_end, words, parties, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        params: [eventRowid, articleRowid, idx, ev.type, ev.mode, ev.modality, date, ev.quadClass, ev.score, ev.cameo,
          w.triggerStart, w.triggerEnd, w.sentenceStart, w.sentenceEnd, w.words, w.parties, ev.provenance.confidence],
      }];
      for (const [role, refs] of [['a', ev.actor], ['r', ev.recipient]] as const) {
        for (const ref of refs) {
          const p = party(ref, persons);
          batch.push({ sql: 'INSERT INTO event_actor (event_rowid, role, name, code, last, key) VALUES (?, ?, ?, ?, ?, ?)',
            params: [eventRowid, role, p.name, p.code, lastWord(p.name), p.key] });
        }
      }
      this.db.batch(batch);
      addHappening(this.db, eventRowid, ev, date, persons);
      eventRowid++;
    });
  }

  // ---- articles ------------------------------------------------------------------------------

  private toArticle(row: ArticleRow): StoredArticle {
    return {
      id: row.id, sourceId: row.source_id, title: row.title, outlet: row.outlet, url: row.url, published: row.published,
      contentHash: row.content_hash, ingestedAt: row.ingested_at,
      counts: { events: row.n_events, attributions: row.n_attributions, entities: row.n_entities },
      copies: (row.copies ?? []).map((c) => ({ sourceId: c.source_id, url: c.url || null, outlet: c.outlet || null })),
    };
  }

  getArticle(id: string): StoredArticle | null {
    const row = this.db.get<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM article a WHERE a.id = ?`, [id]);
    return row ? this.toArticle(row) : null;
  }

  getResult(id: string): Result | null {
    const row = this.db.get<{ result: Uint8Array; text: string }>(
      'SELECT a.result, t.text FROM article a JOIN article_text t ON t.rowid = a.rowid WHERE a.id = ?', [id]);
    if (!row) return null;
    return unpackResult(row.result, row.text);
  }

  listArticles(q: ArticleQuery = {}): Page<StoredArticle> {
    const c: Clause[] = [];
    if (q.outlet) c.push({ sql: 'a.outlet = ? COLLATE NOCASE', params: [q.outlet] });
    if (q.from) c.push({ sql: 'a.published >= ?', params: [q.from] });
    if (q.to) c.push({ sql: 'a.published <= ?', params: [q.to] });
    const where = and(c);
    const { limit, offset } = pageOf(q);
    const [total, rows] = this.db.batch([
      { sql: `SELECT count(*) AS n FROM article a WHERE ${where.sql}`, params: where.params },
      { sql: `SELECT ${ARTICLE_COLUMNS} FROM article a WHERE ${where.sql} ORDER BY a.published DESC NULLS LAST, a.rowid DESC LIMIT ? OFFSET ?`,
        params: [...where.params, limit, offset] },
    ]);
    return { items: (rows!.rows as unknown as ArticleRow[]).map((r) => this.toArticle(r)), total: total!.rows[0]!.n as number, limit, offset };
  }

  search(text: string, q: PageQuery = {}): Page<SearchHit> {
    const { limit, offset } = pageOf(q);
    const query = toTsquery(text);
    if (!query) return { items: [], total: 0, limit, offset };
    try {
      const [total, rows] = this.db.batch([
        { sql: `SELECT count(*) AS n FROM article_text t WHERE t.tsv @@ to_tsquery('dossier_text', ?)`, params: [query] },
        {
          sql: `SELECT ${ARTICLE_COLUMNS}, ts_headline('dossier_text', t.text, q.q,
              'StartSel=[, StopSel=], MaxWords=16, MinWords=6, MaxFragments=1, FragmentDelimiter=…') AS snip
            FROM article_text t CROSS JOIN (SELECT to_tsquery('dossier_text', ?) AS q) q JOIN article a ON a.rowid = t.rowid
            WHERE t.tsv @@ q.q ORDER BY ts_rank(t.tsv, q.q) DESC, a.rowid LIMIT ? OFFSET ?`,
          params: [query, limit, offset],
        },
      ]);
      return {
        items: (rows!.rows as unknown as (ArticleRow & { snip: string })[]).map((r) => ({ article: this.toArticle(r), snippet: r.snip })),
        total: total!.rows[0]!.n as number, limit, offset,
      };
    } catch (e) {
      // what the translation lets through and PostgreSQL still refuses is the user's query too
      if (e instanceof PgError && e.sqlState === '42601') throw new DossierError('USAGE', `the search "${text}" is not a valid query (${e.message}); put phrases in double quotes`);
      throw e;
    }
  }

  // ---- events and happenings -----------------------------------------------------------------

  events(q: EventQuery = {}): Page<StoredEvent> {
    const where = eventConditions(q);
    const { limit, offset } = pageOf(q);
    const [total, rows] = this.db.batch([
      { sql: `SELECT count(*) AS n FROM event e JOIN article a ON a.rowid = e.article_rowid WHERE ${where.sql}`, params: where.params },
      { sql: `SELECT ${EVENT_COLUMNS} FROM event e JOIN article a ON a.rowid = e.article_rowid WHERE ${where.sql}
          ORDER BY e.date DESC NULLS LAST, e.rowid DESC LIMIT ? OFFSET ?`, params: [...where.params, limit, offset] },
    ]);
    return { items: this.storedEvents(rows!.rows as unknown as EventRow[]), total: total!.rows[0]!.n as number, limit, offset };
  }

  /** The texts of the articles, by rowid (each read once: a page of events often comes from few articles). */
  private texts(rowids: readonly number[]): Map<number, string> {
    if (!rowids.length) return new Map();
    const rows = this.db.query<{ rowid: number; text: string }>('SELECT rowid, text FROM article_text WHERE rowid = ANY(?::bigint[])', [[...new Set(rowids)]]);
    return new Map(rows.map((r) => [r.rowid, r.text]));
  }

  private storedEvents(rows: readonly EventRow[]): StoredEvent[] {
    const texts = this.texts(rows.map((r) => r.article_rowid));
    return rows.map((r) => toStoredEvent(r, texts.get(r.article_rowid)!));
  }

  private toHappenings(rows: readonly HappeningRow[], reports: StoredEvent[]): Happening[] {
    const texts = this.texts(rows.map((r) => r.first_article_rowid));
    return rows.map((r) => this.toHappening(r, texts.get(r.first_article_rowid)!, reports));
  }

  /** `text`: the text of its first report's article */
  private toHappening(r: HappeningRow, text: string, reports: StoredEvent[]): Happening {
    const [actor, recipient] = unpackParties(r.parties, text) as [ActorRefJson[], ActorRefJson[]];
    return {
      id: `h${r.rowid}`, type: r.type, mode: r.mode, modality: r.modality,
      // most certain first, as the SQLite engine sorts them; a recap is the report dated after the happening's days
      modalities: [...r.modalities].sort((x, y) => (leadModality(x, y) === x ? -1 : 1)), recaps: r.recaps, date: r.date,
      actor, recipient,
      actorCodes: r.actor_codes, recipientCodes: r.recipient_codes, quadClass: r.quad, score: r.score, cameo: r.cameo,
      sources: r.n_sources, outlets: r.outlets, reportCount: r.n_reports, reports,
    };
  }

  happenings(q: EventQuery = {}): Page<Happening> {
    const where = happeningConditions(q);
    const { limit, offset } = pageOf(q);
    const [total, rows] = this.db.batch([
      { sql: `SELECT count(*) AS n FROM happening h WHERE ${where.sql}`, params: where.params },
      { sql: `SELECT ${HAPPENING_COLUMNS} FROM happening h ${FIRST_REPORT} WHERE ${where.sql} ORDER BY h.date DESC NULLS LAST, h.rowid DESC LIMIT ? OFFSET ?`,
        params: [...where.params, limit, offset] },
    ]);
    return { items: this.toHappenings(rows!.rows as unknown as HappeningRow[], []), total: total!.rows[0]!.n as number, limit, offset };
  }

  happening(id: string): Happening | null {
    const m = /^h(\d{1,15})$/.exec(id);
    if (!m) return null;
    const [row, reports] = this.db.batch([
      { sql: `SELECT ${HAPPENING_COLUMNS} FROM happening h ${FIRST_REPORT} WHERE h.rowid = ?`, params: [Number(m[1])] },
      { sql: `SELECT ${EVENT_COLUMNS} FROM event e JOIN article a ON a.rowid = e.article_rowid WHERE e.happening_rowid = ?
          ORDER BY a.published NULLS FIRST, e.rowid`, params: [Number(m[1])] },
    ]);
    const r = row!.rows[0] as unknown as HappeningRow | undefined;
    return r ? this.toHappenings([r], this.storedEvents(reports!.rows as unknown as EventRow[]))[0]! : null;
  }

  dyadSeries(a: string, b: string, q: SeriesQuery = {}): SeriesPoint[] {
    const where = seriesConditions(a, b, q);
    const rows = this.db.query<{ date: string; quad: 1 | 2 | 3 | 4; n: number; s: number }>(`SELECT h.date AS date, h.quad AS quad,
        count(*) AS n, sum(h.score) AS s FROM happening h WHERE ${where.sql} GROUP BY h.date, h.quad ORDER BY h.date`, where.params);
    const points = seriesOf(rows);
    if (q.volume && points.length) {
      // the day's happenings whoever their parties, for the dyad's share of the news
      const all = and([...seriesBase(q), { sql: 'h.date >= ? AND h.date <= ?', params: [points[0]!.date, points.at(-1)!.date] }]);
      const perDay = new Map(this.db.query<{ date: string; n: number }>(`SELECT h.date AS date, count(*)::int AS n FROM happening h WHERE ${all.sql} GROUP BY h.date`, all.params)
        .map((r) => [r.date, Number(r.n)]));
      for (const p of points) (p as { all?: number }).all = perDay.get(p.date) ?? p.total;
    }
    return points;
  }

  // ---- quotes --------------------------------------------------------------------------------

  private quotesWithVariants(rows: QuoteRow[]): Quote[] {
    if (!rows.length) return [];
    const variants = this.db.query<{ quote_rowid: number; idx: number; kind: string; text: string; fidelity: number; changes_json: string;
      article_rowid: number; article_id: string; outlet: string | null; url: string | null; published: string | null; title: string | null }>(
      `SELECT v.quote_rowid, v.idx, v.kind, v.text, v.fidelity, v.changes_json, v.article_rowid, a.id AS article_id, a.outlet, a.url, a.published, a.title
        FROM quote_variant v JOIN article a ON a.rowid = v.article_rowid WHERE v.quote_rowid = ANY(?::bigint[]) ORDER BY v.rowid`,
      [rows.map((r) => r.rowid)]);
    const byQuote = new Map<number, QuoteVariant[]>();
    // a speaker's span is in the article of its quote's first variant (packSpeaker)
    const firstArticle = new Map<number, number>();
    for (const v of variants) {
      if (!firstArticle.has(v.quote_rowid)) firstArticle.set(v.quote_rowid, v.article_rowid);
      const list = byQuote.get(v.quote_rowid) ?? [];
      list.push({
        articleId: v.article_id, index: v.idx, kind: v.kind, text: v.text, fidelity: v.fidelity,
        changes: JSON.parse(v.changes_json) as QuoteVariant['changes'],
        source: { articleId: v.article_id, outlet: v.outlet, url: v.url, published: v.published, title: v.title },
      });
      byQuote.set(v.quote_rowid, list);
    }
    const texts = this.texts([...firstArticle.values()]);
    const firstText = (quote: number) => { const a = firstArticle.get(quote); return a === undefined ? undefined : texts.get(a); };
    return rows.map((r) => ({
      // the quote's wording is its first variant's
      id: `q${r.rowid}`, speaker: r.speaker_json ? unpackSpeaker(r.speaker_json, firstText(r.rowid)) : null, text: byQuote.get(r.rowid)?.[0]?.text ?? '',
      sources: r.n_sources, variantCount: r.n_variants, minFidelity: r.min_fidelity, firstPublished: r.first_published,
      variants: byQuote.get(r.rowid) ?? [],
    }));
  }

  quotes(q: QuoteQuery = {}): Page<Quote> {
    const c: Clause[] = [];
    if (q.speaker) {
      const m = partyMatch('p', q.speaker);
      c.push({ sql: `qu.rowid IN (SELECT p.rowid FROM (SELECT rowid, speaker_key AS name, speaker_code AS code, speaker_last AS last FROM quote) p WHERE ${m.sql})`, params: m.params });
    }
    if (q.text) {
      const words = allWords(q.text);
      // no words in the text: like the SQLite engine's empty phrase, nothing matches
      c.push(words ? { sql: `qu.rowid IN (SELECT v.quote_rowid FROM quote_variant v WHERE to_tsvector('dossier_text'::regconfig, v.text) @@ to_tsquery('dossier_text', ?))`, params: [words] }
        : { sql: 'false', params: [] });
    }
    if (q.outlet) c.push({ sql: 'qu.rowid IN (SELECT quote_rowid FROM quote_source WHERE source = lower(?))', params: [q.outlet] });
    if (q.from) c.push({ sql: 'qu.first_published >= ?', params: [q.from] });
    if (q.to) c.push({ sql: 'qu.first_published <= ?', params: [q.to] });
    const where = and(c);
    const { limit, offset } = pageOf(q);
    const [total, rows] = this.db.batch([
      { sql: `SELECT count(*) AS n FROM quote qu WHERE ${where.sql}`, params: where.params },
      { sql: `SELECT qu.* FROM quote qu WHERE ${where.sql} ORDER BY qu.n_sources DESC, qu.first_published DESC NULLS LAST, qu.rowid DESC LIMIT ? OFFSET ?`,
        params: [...where.params, limit, offset] },
    ]);
    return { items: this.quotesWithVariants(rows!.rows as unknown as QuoteRow[]), total: total!.rows[0]!.n as number, limit, offset };
  }

  quote(id: string): Quote | null {
    const m = /^q(\d{1,15})$/.exec(id);
    if (!m) return null;
    const row = this.db.get<QuoteRow>('SELECT * FROM quote WHERE rowid = ?', [Number(m[1])]);
    return row ? this.quotesWithVariants([row])[0]! : null;
  }

  // ---- actors --------------------------------------------------------------------------------

  actorStories(actor: string, q: PageQuery & DateRange = {}): Page<ActorStory> {
    const { hits: { sql: hits, params }, where } = actorHits(actor, q);
    const { limit, offset } = pageOf(q);
    const [total, rows] = this.db.batch([
      { sql: `WITH hits AS (${hits}) SELECT count(DISTINCT hits.article_rowid) AS n FROM hits JOIN article a ON a.rowid = hits.article_rowid WHERE ${where.sql}`,
        params: [...params, ...where.params] },
      {
        sql: `WITH hits AS (${hits}), found AS (
            SELECT hits.article_rowid, array_agg(DISTINCT hits.role) AS roles,
              count(DISTINCT CASE WHEN hits.role IN ('actor', 'recipient') THEN hits.item END) AS n_ev,
              count(DISTINCT CASE WHEN hits.role = 'speaker' THEN hits.item END) AS n_q
            FROM hits GROUP BY hits.article_rowid)
          SELECT ${ARTICLE_COLUMNS}, found.roles, found.n_ev, found.n_q FROM found JOIN article a ON a.rowid = found.article_rowid
          WHERE ${where.sql} ORDER BY a.published DESC NULLS LAST, a.rowid DESC LIMIT ? OFFSET ?`,
        params: [...params, ...where.params, limit, offset],
      },
    ]);
    const order = ['actor', 'recipient', 'speaker', 'entity'];
    return {
      items: (rows!.rows as unknown as (ArticleRow & { roles: string[]; n_ev: number; n_q: number })[]).map((r) => ({
        article: this.toArticle(r), roles: [...r.roles].sort((x, y) => order.indexOf(x) - order.indexOf(y)), events: r.n_ev, quotes: r.n_q,
      })),
      total: total!.rows[0]!.n as number, limit, offset,
    };
  }

  stats(): StoreStats {
    const r = this.db.get<StoreStats>(`SELECT (SELECT count(*) FROM article) AS articles, (SELECT count(*) FROM event) AS events,
      (SELECT count(*) FROM happening) AS happenings, (SELECT count(*) FROM quote) AS quotes`)!;
    return { articles: r.articles, events: r.events, happenings: r.happenings, quotes: r.quotes };
  }

  learnedActors(): LearnedActors {
    this.learned ??= new PgLearnedActors(this.db, this.readonly);
    return this.learned;
  }

  close(): void {
    this.db.close();
  }
}

/** Daily points from (date, quad, count, score sum) rows in date order. */
export function seriesOf(rows: readonly { date: string; quad: 1 | 2 | 3 | 4; n: number; s: number }[]): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  const sums: number[] = [];
  for (const r of rows) {
    let p = points[points.length - 1];
    if (!p || p.date !== r.date) {
      p = { date: r.date, quad: { 1: 0, 2: 0, 3: 0, 4: 0 }, total: 0, meanScore: 0 };
      points.push(p);
      sums.push(0);
    }
    (p.quad as Record<number, number>)[r.quad] = r.n;
    (p as { total: number }).total += r.n;
    sums[sums.length - 1]! += r.s;
  }
  points.forEach((p, i) => { (p as { meanScore: number }).meanScore = p.total ? Math.round((sums[i]! / p.total) * 100) / 100 : 0; });
  return points;
}

/** the URL without its password, for messages */
export function redact(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/i, '$1:***@');
}
