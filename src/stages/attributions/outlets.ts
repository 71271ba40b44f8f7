import data from './outlets.json' with { type: 'json' };
import type { Range } from '../../core/span.js';

export interface OutletMatch extends Range { readonly id: string; readonly name: string }

interface OutletEntry { id: string; name: string; forms: string[] }
const ENTRIES = (data as { outlets: OutletEntry[] }).outlets;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// longest forms first, so that "Fox News" wins over "Fox"
const FORMS = ENTRIES.flatMap((e) => e.forms.map((f) => ({ form: f, e }))).sort((a, b) => b.form.length - a.form.length);
const PATTERN = new RegExp(`(?<![\\p{L}\\p{N}])(?:${FORMS.map((f) => escape(f.form)).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
const BY_FORM = new Map(FORMS.map((f) => [f.form.toLowerCase(), f.e]));

/** The outlets named in a text (outlets.json), for when the entities stage has not run. */
export function findOutlets(text: string, offset = 0): OutletMatch[] {
  const out: OutletMatch[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const e = BY_FORM.get(m[0].toLowerCase());
    // "the Times" / "the Post" must carry their article to be read as papers
    if (e) out.push({ start: offset + m.index, end: offset + m.index + m[0].length, id: e.id, name: e.name });
  }
  return out;
}
