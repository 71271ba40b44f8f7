import type { Result } from '../result/schema.js';
import type { EventQuery, Happening, Store } from './store.js';

/**
 * The corpus in exchange formats: results (the result format, one article a line), happenings as
 * PLOVER-style records, and GDELT-like CSV rows. Each is produced page by page, so exports of
 * large corpora stream.
 */
const PAGE = 500;

export function* exportResults(store: Store, q: { from?: string; to?: string; outlet?: string } = {}): Generator<Result> {
  for (let offset = 0; ; offset += PAGE) {
    const page = store.listArticles({ ...q, limit: PAGE, offset });
    for (const a of page.items) {
      const r = store.getResult(a.id);
      if (r) yield r;
    }
    if (page.items.length < PAGE) return;
  }
}

/** Every happening matching the query, with its reports. */
export function* allHappenings(store: Store, q: EventQuery = {}): Generator<Happening> {
  for (let offset = 0; ; offset += PAGE) {
    const page = store.happenings({ ...q, limit: PAGE, offset });
    for (const h of page.items) {
      const full = store.happening(h.id);
      if (full) yield full;
    }
    if (page.items.length < PAGE) return;
  }
}

const names = (refs: Happening['actor']) => refs.map((r) => r.name);
const uniq = <T>(xs: T[]) => [...new Set(xs)];

/**
 * A happening as a PLOVER-style record (the field names follow POLECAT's, in snake case), with
 * the reports that corroborate it and the number of distinct outlets.
 */
export function ploverRecord(h: Happening): Record<string, unknown> {
  return {
    event_id: h.id,
    event_date: h.date,
    event_type: h.type,
    event_mode: h.mode,
    event_modality: h.modality,
    event_modalities: h.modalities,
    confidence: confidenceOf(h),
    actor_name: names(h.actor),
    actor_country: uniq(h.actor.map((r) => r.country).filter(Boolean)),
    actor_sector: uniq(h.actor.map((r) => r.sector).filter(Boolean)),
    recipient_name: names(h.recipient),
    recipient_country: uniq(h.recipient.map((r) => r.country).filter(Boolean)),
    recipient_sector: uniq(h.recipient.map((r) => r.sector).filter(Boolean)),
    quad_class: h.quadClass,
    score: h.score,
    cameo: h.cameo,
    num_sources: h.sources,
    num_reports: h.reportCount,
    outlets: h.outlets,
    reports: h.reports.map((e) => ({
      article_id: e.articleId, event_index: e.index, outlet: e.source.outlet, url: e.source.url, published: e.source.published,
      trigger: e.trigger, sentence: e.sentence, date: e.date, modality: e.modality, confidence: e.confidence,
      recap: h.recaps.includes(e.id),
    })),
  };
}

/** The confidence of a happening: that of its best-supported report (0 when it has none listed). */
export const confidenceOf = (h: Happening): number => h.reports.reduce((m, e) => Math.max(m, e.confidence), 0);

/** The happening's number in the store ("h12" -> 12), GDELT's numeric event id. */
export const numericId = (id: string): number => Number(id.replace(/^\D+/, ''));

/**
 * GDELT 2.0 event columns that dossier can fill, plus the PLOVER type, the modality (GDELT has none:
 * without it a hypothetical or denied event reads as one that happened), every modality its
 * reports give, and the confidence of its best report.
 */
export const GDELT_COLUMNS = [
  'GLOBALEVENTID', 'SQLDATE', 'Actor1Code', 'Actor1Name', 'Actor1CountryCode', 'Actor1Type1Code',
  'Actor2Code', 'Actor2Name', 'Actor2CountryCode', 'Actor2Type1Code', 'EventCode', 'EventRootCode', 'PLOVERType',
  'QuadClass', 'GoldsteinScale', 'NumMentions', 'NumSources', 'NumArticles', 'SOURCEURL',
  'Modality', 'Modalities', 'Confidence',
] as const;

export function gdeltRow(h: Happening): (string | number | null)[] {
  const first = (refs: Happening['actor']) => refs[0] ?? null;
  const a = first(h.actor), b = first(h.recipient);
  const code = (r: typeof a) => (r?.country ? `${r.country}${r.sector ?? ''}` : null);
  const articles = new Set(h.reports.map((e) => e.articleId)).size;
  return [
    numericId(h.id), h.date ? h.date.replace(/-/g, '') : null,
    code(a), a?.name ?? null, a?.country ?? null, a?.sector ?? null,
    code(b), b?.name ?? null, b?.country ?? null, b?.sector ?? null,
    h.cameo, h.cameo ? h.cameo.slice(0, 2) : null, h.type,
    h.quadClass, h.score, h.reportCount, h.sources, articles,
    h.reports.find((e) => e.source.url)?.source.url ?? null,
    h.modality, h.modalities.join(';'), Math.round(confidenceOf(h) * 1000) / 1000,
  ];
}
