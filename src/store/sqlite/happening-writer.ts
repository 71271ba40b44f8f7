import type Database from 'better-sqlite3';
import type { EventJson } from '../../result/schema.js';
import { FIRST_REPORT } from '../event-rows.js';
import { MAX_DAY_GAP, RECAP_MAX_DAYS, leadModality, matchScore, modalitiesOfGroup, reportKey, shiftDay, type HappeningKey } from '../merge/happenings.js';

interface Candidate {
  rowid: number; type: string; quad: number; modality: string; date_min: string | null; date_max: string | null;
  stems: string; cameo: string | null; context: string;
}

/**
 * Attaches each stored event to the happening it reports: an existing one that matches
 * (merge/happenings.ts), or a new one. Runs inside the article's transaction.
 */
export class HappeningWriter {
  private readonly candidates: Database.Statement;
  private readonly parties: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly update: Database.Statement;
  private readonly link: Database.Statement;

  constructor(db: Database.Database) {
    // candidates: a modality of the report's group, a day window, and a party key in the role given
    // (the actor's; the recipient's for a recap without an actor); merge/happenings.ts decides. In rowid order, so
    // that a tie goes to the older happening whatever plan the engine (SQLite or PostgreSQL) picks
    // (its CAMEO code is its first report's). The happenings are found through their reports dated
    // near the window (NEAR_DAYS), not through their parties: the reports of a party as common as a
    // state grow with the corpus, those of a few days do not (see candidateWindow); the party is then
    // checked on the happening's own reports (CROSS JOIN keeps SQLite from scanning the party's index)
    this.candidates = db.prepare(`SELECT h.rowid, h.type, h.quad, h.modality, h.date_min, h.date_max, h.stems, f.cameo, h.context FROM happening h ${FIRST_REPORT}
      WHERE h.rowid IN (SELECT e.happening_rowid FROM event e WHERE e.date >= @nearFrom AND e.date <= @nearTo)
        AND h.modality IN (SELECT value FROM json_each(@modalities)) AND h.date_max >= @from AND h.date_min <= @to
        AND EXISTS (SELECT 1 FROM event r CROSS JOIN event_actor x
          WHERE r.happening_rowid = h.rowid AND x.event_rowid = r.rowid AND x.role = @role AND x.key IN (SELECT value FROM json_each(@keys)))
      ORDER BY h.rowid`);
    this.parties = db.prepare('SELECT role, key, country FROM happening_actor WHERE happening_rowid = ?');
    // its mode, CAMEO code and parties are those of its first report, the event linked to it next
    this.insert = db.prepare(`INSERT INTO happening (type, modality, date, date_min, date_max, quad, score, stems, n_reports, n_sources)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0)`);
    // sources: distinct outlets; an article without an outlet counts as its own source
    this.update = db.prepare(`UPDATE happening SET
        modality = @modality,
        date_min = CASE WHEN @date IS NOT NULL AND (date_min IS NULL OR @date < date_min) THEN @date ELSE date_min END,
        date_max = CASE WHEN @date IS NOT NULL AND (date_max IS NULL OR @date > date_max) THEN @date ELSE date_max END,
        date = CASE WHEN @date IS NOT NULL AND (date IS NULL OR @date < date) THEN @date ELSE date END,
        stems = @stems,
        context = @context,
        n_reports = (SELECT count(*) FROM event WHERE happening_rowid = @id),
        n_sources = (SELECT count(DISTINCT coalesce(lower(a.outlet), 'article:' || a.id)) FROM event e
                     JOIN article a ON a.rowid = e.article_rowid WHERE e.happening_rowid = @id)
      WHERE rowid = @id`);
    this.link = db.prepare('UPDATE event SET happening_rowid = ? WHERE rowid = ?');
  }

  /** Links the event to its happening and returns the happening's rowid. */
  add(eventRowid: number, event: EventJson, date: string | null, persons: ReadonlySet<string>): number {
    const report = reportKey(event, date, persons);
    let best: { rowid: number; score: number; stems: string; context: string; modality: string; recap: boolean } | null = null;
    const byActor = report.actorKeys.size > 0;
    if (date && (byActor || (report.recap && report.recipientKeys.size))) {
      // only a recap looks back further than the usual window
      const window = candidateWindow(date, Boolean(report.recap));
      const rows = this.candidates.all({ ...window, modalities: JSON.stringify(modalitiesOfGroup(event.modality)), role: byActor ? 'a' : 'r',
        keys: JSON.stringify([...(byActor ? report.actorKeys : report.recipientKeys)]) }) as Candidate[];
      for (const row of rows) {
        const m = matchScore(report, this.keyOf(row));
        if (m && (!best || m.score > best.score)) best = { rowid: row.rowid, score: m.score, stems: row.stems, context: row.context, modality: row.modality, recap: m.recap };
      }
    }
    let rowid: number;
    let stems: Set<string>, context: Set<string>;
    let modality: string = event.modality;
    if (best) {
      rowid = best.rowid;
      modality = leadModality(best.modality, event.modality);
      stems = new Set(best.stems.split(' ').filter(Boolean));
      context = new Set(best.context.split(' ').filter(Boolean));
    } else {
      rowid = Number(this.insert.run(event.type, event.modality, date, date, date, event.quadClass, event.score, '').lastInsertRowid);
      stems = new Set();
      context = new Set();
    }
    for (const s of report.stems) stems.add(s);
    for (const w of report.context) context.add(w);
    this.link.run(rowid, eventRowid);
    // a recap is a later report of the happening: it does not stretch the happening's dates
    this.update.run({ date: best?.recap ? null : date, modality, stems: [...stems].join(' '), context: [...context].join(' '), id: rowid });
    return rowid;
  }

  private keyOf(row: Candidate): HappeningKey {
    const actorKeys = new Set<string>(), recipientKeys = new Set<string>(), recipientCountries = new Set<string>();
    for (const p of this.parties.all(row.rowid) as { role: string; key: string; country: string | null }[]) {
      if (p.role === 'a') actorKeys.add(p.key);
      else { recipientKeys.add(p.key); if (p.country) recipientCountries.add(p.country); }
    }
    return {
      type: row.type, quadClass: row.quad, modality: row.modality, dateMin: row.date_min, dateMax: row.date_max,
      actorKeys, recipientKeys, recipientCountries, stems: new Set(row.stems.split(' ').filter(Boolean)), cameo: row.cameo,
      context: new Set(row.context.split(' ').filter(Boolean)),
    };
  }
}

/**
 * The days a report's candidate happenings span (from, to: a happening overlapping them may take the
 * report; only a recap looks back further than the usual gap), and the days within which each such
 * happening has a report (nearFrom, nearTo). A report joins a happening only within MAX_DAY_GAP
 * days of its dates, or as a recap, which does not stretch them; so a happening's own reports' days
 * leave no gap wider than MAX_DAY_GAP, and one overlapping [from, to] has a report at most
 * MAX_DAY_GAP / 2 days (rounded up) outside it. Both engines find candidates this way.
 */
export function candidateWindow(date: string, recap: boolean): { from: string; to: string; nearFrom: string; nearTo: string } {
  const from = shiftDay(date, -(recap ? RECAP_MAX_DAYS : MAX_DAY_GAP)), to = shiftDay(date, MAX_DAY_GAP);
  const near = Math.ceil(MAX_DAY_GAP / 2);
  return { from, to, nearFrom: shiftDay(from, -near), nearTo: shiftDay(to, near) };
}
