import { DossierError } from '../core/errors.js';
import { parseDay } from '../text/calendar.js';
import type { MetaDefaults, RawArticle } from './article.js';

/**
 * Validates one article record ({id, text, published?, outlet?, url?, title?}) as found in a .jsonl
 * line or a .json file, and fills what is missing from the defaults.
 */
export function articleFromRecord(value: unknown, fallbackId: string, where: string, defaults: MetaDefaults = {}): RawArticle {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new DossierError('INPUT_FORMAT', 'an article record must be a JSON object with at least "text"', { where });
  }
  const r = value as Record<string, unknown>;
  if (typeof r.text !== 'string') throw new DossierError('INPUT_FORMAT', 'the article record has no "text" string', { where });
  if (!r.text.trim()) throw new DossierError('INPUT_EMPTY', 'the article text is empty', { where });
  const id = typeof r.id === 'string' && r.id.trim() ? r.id : typeof r.id === 'number' ? String(r.id) : fallbackId;
  const optString = (k: string): string | null => {
    const v = r[k];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') throw new DossierError('INPUT_FORMAT', `"${k}" must be a string`, { where });
    return v.trim() || null;
  };
  const publishedRaw = optString('published') ?? optString('date');
  return {
    id,
    text: r.text,
    published: publishedRaw ? checkedDate(publishedRaw, where) : defaults.published ?? null,
    outlet: optString('outlet') ?? defaults.outlet ?? null,
    url: optString('url'),
    title: optString('title'),
    origin: where,
  };
}

/** A publication date given by a user or a record, as YYYY-MM-DD; anything unreadable is an error. */
export function checkedDate(raw: string, where: string): string {
  const d = normaliseDate(raw);
  if (!d || !parseDay(d)) throw new DossierError('INPUT_FORMAT', `"${raw}" is not a date (expected YYYY-MM-DD)`, { where });
  return d;
}

/**
 * A publication date as YYYY-MM-DD, from ISO timestamps and the common written forms.
 * (Here rather than in html.ts so that reading records and text files does not load the HTML reader.)
 */
export function normaliseDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(raw);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const t = Date.parse(raw);
  if (Number.isNaN(t)) return null;
  return new Date(t).toISOString().slice(0, 10);
}
