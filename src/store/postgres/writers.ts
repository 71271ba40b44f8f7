import type { AttributionJson, EventJson } from '../../result/schema.js';
import { FIRST_REPORT, packSpeaker, unpackSpeaker } from '../event-rows.js';
import { leadModality, matchScore, modalitiesOfGroup, reportKey, type HappeningKey } from '../merge/happenings.js';
import { actorCode, foldName, lastWord } from '../merge/parties.js';
import { MIN_QUOTE_WORDS, QUOTE_MATCH_DICE, SAME_WORDS_DICE, SAME_WORDS_MIN_WORDS, dice, quoteSketch, quoteWording, quoteWords, wordChanges, wordPairHashes } from '../merge/quotes.js';
import { candidateWindow } from '../sqlite/happening-writer.js';
import { MAX_CANDIDATES, UNKNOWN_SPEAKER_DICE, sameSpeaker, type QuotedArticle } from '../sqlite/quote-writer.js';
import type { Query, SyncPg } from './sync-client.js';

/**
 * Happening and quote merging on PostgreSQL: the same decisions as the SQLite writers
 * (merge/happenings.ts, merge/quotes.ts), in PostgreSQL's SQL. They run inside the article's
 * transaction, which holds the store's write lock, so merging sees every committed report and two
 * writers never create the same happening or quote twice.
 */

interface HappeningCandidate {
  rowid: number; type: string; quad: number; modality: string; date_min: string | null; date_max: string | null;
  stems: string; cameo: string | null; context: string; parties: { role: string; key: string; country: string | null }[] | null;
}

/** The next free rowid of a table: max + 1, as SQLite gives INTEGER PRIMARY KEY rows (needs the write lock). */
export const nextRowid = (db: SyncPg, table: string) => db.value<number>(`SELECT coalesce(max(rowid), 0) + 1 FROM ${table}`)!;

/** Links the event to its happening (sqlite/happening-writer.ts, step for step) and returns the happening's rowid. */
export function addHappening(db: SyncPg, eventRowid: number, event: EventJson, date: string | null, persons: ReadonlySet<string>): number {
  const report = reportKey(event, date, persons);
  let best: { rowid: number; score: number; stems: string; context: string; modality: string; recap: boolean } | null = null;
  const byActor = report.actorKeys.size > 0;
  if (date && (byActor || (report.recap && report.recipientKeys.size))) {
    // candidates: a modality of the report's group, a day window, and a party key in the role given (the actor's;
    // the recipient's for a recap without an actor), with their parties; only a recap looks back further; found
    // through their reports near the window (happening-writer.ts candidateWindow)
    const window = candidateWindow(date, Boolean(report.recap));
    // (its CAMEO code is its first report's)
    const rows = db.query<HappeningCandidate>(`SELECT h.rowid, h.type, h.quad, h.modality, h.date_min, h.date_max, h.stems, f.cameo, h.context,
        (SELECT json_agg(json_build_object('role', p.role, 'key', p.key, 'country', p.country)) FROM happening_actor p WHERE p.happening_rowid = h.rowid) AS parties
      FROM happening h ${FIRST_REPORT}
      WHERE h.rowid IN (SELECT e.happening_rowid FROM event e WHERE e.date >= ? AND e.date <= ?)
        AND h.modality = ANY(?::text[]) AND h.date_max >= ? AND h.date_min <= ?
        AND EXISTS (SELECT 1 FROM event r CROSS JOIN event_actor x
          WHERE r.happening_rowid = h.rowid AND x.event_rowid = r.rowid AND x.role = ? AND x.key = ANY(?::text[]))
      ORDER BY h.rowid`,
    [window.nearFrom, window.nearTo, modalitiesOfGroup(event.modality), window.from, window.to,
      byActor ? 'a' : 'r', [...(byActor ? report.actorKeys : report.recipientKeys)]]);
    for (const row of rows) {
      const m = matchScore(report, keyOf(row));
      if (m && (!best || m.score > best.score)) best = { rowid: row.rowid, score: m.score, stems: row.stems, context: row.context, modality: row.modality, recap: m.recap };
    }
  }
  const batch: Query[] = [];
  let rowid: number;
  let modality: string = event.modality;
  const stems = new Set<string>(), context = new Set<string>();
  if (best) {
    rowid = best.rowid;
    modality = leadModality(best.modality, event.modality);
    for (const s of best.stems.split(' ')) if (s) stems.add(s);
    for (const w of best.context.split(' ')) if (w) context.add(w);
  } else {
    rowid = nextRowid(db, 'happening');
    // its mode, CAMEO code and parties are those of its first report, the event linked to it next
    batch.push({
      sql: `INSERT INTO happening (rowid, type, modality, date, date_min, date_max, quad, score, stems, n_reports, n_sources)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', 0, 0)`,
      params: [rowid, event.type, event.modality, date, date, date, event.quadClass, event.score],
    });
  }
  for (const s of report.stems) stems.add(s);
  for (const w of report.context) context.add(w);
  batch.push({ sql: 'UPDATE event SET happening_rowid = ? WHERE rowid = ?', params: [rowid, eventRowid] });
  // sources: distinct outlets; an article without an outlet counts as its own source; a recap is a later report
  // of the happening and does not stretch its dates
  batch.push({
    sql: `UPDATE happening SET
        modality = $5,
        date_min = CASE WHEN $1::text IS NOT NULL AND (date_min IS NULL OR $1 < date_min) THEN $1 ELSE date_min END,
        date_max = CASE WHEN $1::text IS NOT NULL AND (date_max IS NULL OR $1 > date_max) THEN $1 ELSE date_max END,
        date = CASE WHEN $1::text IS NOT NULL AND (date IS NULL OR $1 < date) THEN $1 ELSE date END,
        stems = $2, context = $3,
        n_reports = (SELECT count(*) FROM event WHERE happening_rowid = $4),
        n_sources = (SELECT count(DISTINCT coalesce(lower(a.outlet), 'article:' || a.id)) FROM event e
                     JOIN article a ON a.rowid = e.article_rowid WHERE e.happening_rowid = $4)
      WHERE rowid = $4`,
    params: [best?.recap ? null : date, [...stems].join(' '), [...context].join(' '), rowid, modality],
  });
  db.batch(batch);
  return rowid;
}

function keyOf(row: HappeningCandidate): HappeningKey {
  const actorKeys = new Set<string>(), recipientKeys = new Set<string>(), recipientCountries = new Set<string>();
  for (const p of row.parties ?? []) {
    if (p.role === 'a') actorKeys.add(p.key);
    else { recipientKeys.add(p.key); if (p.country) recipientCountries.add(p.country); }
  }
  return {
    type: row.type, quadClass: row.quad, modality: row.modality, dateMin: row.date_min, dateMax: row.date_max,
    actorKeys, recipientKeys, recipientCountries, stems: new Set(row.stems.split(' ').filter(Boolean)), cameo: row.cameo,
    context: new Set(row.context.split(' ').filter(Boolean)),
  };
}


/** Stores the attribution as a variant of its quote; returns the quote's rowid, or null when it is too short to be a quote. */
export function addQuote(db: SyncPg, article: QuotedArticle, index: number, attribution: AttributionJson): number | null {
  const { text, start, end } = quoteWording(attribution.content);
  const articleRowid = article.rowid, published = article.published;
  const words = quoteWords(text);
  if (words.length < MIN_QUOTE_WORDS) return null;
  const grams = wordPairHashes(text);
  // ties in shared pairs are broken by rowid, so the candidates do not depend on the plan PostgreSQL picks
  // a quote's wording is its first variant's
  const rows = db.query<{ quote_rowid: number; speaker_json: string | null; text: string }>(`SELECT q.rowid AS quote_rowid, q.speaker_json,
      (SELECT v.text FROM quote_variant v WHERE v.quote_rowid = q.rowid ORDER BY v.rowid LIMIT 1) AS text FROM
      (SELECT g.quote_rowid, count(*) AS shared FROM quote_gram g WHERE g.hash = ANY(?::integer[])
       GROUP BY g.quote_rowid ORDER BY shared DESC, g.quote_rowid LIMIT ${MAX_CANDIDATES}) c
    JOIN quote q ON q.rowid = c.quote_rowid ORDER BY c.shared DESC, c.quote_rowid`, [grams]);
  let match: { rowid: number; text: string; score: number } | null = null;
  for (const row of rows) {
    const score = dice(words, quoteWords(row.text));
    const other = row.speaker_json ? unpackSpeaker(row.speaker_json) : null;
    const s = attribution.speaker;
    const needed = s && other ? (sameSpeaker(s, other) ? QUOTE_MATCH_DICE : words.length >= SAME_WORDS_MIN_WORDS ? SAME_WORDS_DICE : Infinity) : s || other ? UNKNOWN_SPEAKER_DICE : QUOTE_MATCH_DICE;
    if (score >= needed && (!match || score > match.score)) match = { rowid: row.quote_rowid, text: row.text, score };
  }
  const batch: Query[] = [];
  let rowid: number, fidelity = 1, changes: unknown[] = [];
  if (match) {
    rowid = match.rowid;
    ({ fidelity, changes } = wordChanges(match.text, text));
  } else {
    const s = attribution.speaker;
    rowid = nextRowid(db, 'quote');
    batch.push({
      sql: `INSERT INTO quote (rowid, speaker_json, speaker_key, speaker_code, n_variants, n_sources,
        min_fidelity, first_published, speaker_last) VALUES (?, ?, ?, ?, 0, 0, 1, ?, ?)`,
      params: [rowid, s ? packSpeaker(s, article.text) : null, s ? foldName(s.name) : '', s ? actorCode(s) : null, published,
        s ? lastWord(foldName(s.name)) : null],
    });
    // the index keeps a sketch of the wording's pairs (quoteSketch), as on SQLite
    const sketch = quoteSketch(text);
    if (sketch.length) batch.push({ sql: 'INSERT INTO quote_gram (hash, quote_rowid) SELECT unnest(?::integer[]), ? ON CONFLICT DO NOTHING', params: [sketch, rowid] });
  }
  batch.push({
    // the words stay beside their offsets: the quote full-text index is an expression over them
    sql: `INSERT INTO quote_variant (rowid, quote_rowid, article_rowid, idx, kind, span_start, span_end, text, fidelity, changes_json)
      VALUES ((SELECT coalesce(max(rowid), 0) + 1 FROM quote_variant), ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    params: [rowid, articleRowid, index, attribution.kind, start, end, text, fidelity, JSON.stringify(changes)],
  });
  // counts kept incrementally, as on SQLite; a new source counts once: an outlet, or an article without one
  const ownSource = article.outlet === null && !article.quoted.has(rowid) ? 1 : 0;
  article.quoted.add(rowid);
  batch.push({
    sql: `WITH added AS (INSERT INTO quote_source (quote_rowid, source)
        SELECT $1, lower(outlet) FROM article WHERE rowid = $2 AND outlet IS NOT NULL ON CONFLICT DO NOTHING RETURNING 1)
      UPDATE quote SET
        n_variants = n_variants + 1,
        n_sources = n_sources + (SELECT count(*) FROM added) + $5::integer,
        min_fidelity = least(min_fidelity, $3),
        first_published = CASE WHEN $4::text IS NOT NULL AND (first_published IS NULL OR $4 < first_published) THEN $4 ELSE first_published END
      WHERE rowid = $1`,
    params: [rowid, articleRowid, fidelity, published, ownSource],
  });
  db.batch(batch);
  return rowid;
}
