import data from './outlets.json' with { type: 'json' };
import type { Range } from '../../core/span.js';

export interface OutletMatch extends Range { readonly id: string; readonly name: string }

interface OutletEntry { id: string; name: string; forms: string[] }
const ENTRIES = (data as { outlets: OutletEntry[] }).outlets;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// longest forms first, so that "Fox News" wins over "Fox"
const FORMS = ENTRIES.flatMap((e) => e.forms.map((f) => ({ form: f, e }))).sort((a, b) => b.form.length - a.form.length);
// word edges are checked by hand: a look-behind tried at every offset of the text is what made this slow
const PATTERN = new RegExp(FORMS.map((f) => escape(f.form)).join('|'), 'g');
const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c > 127 && /[\p{L}\p{N}]/u.test(String.fromCharCode(c)));
const BY_FORM = new Map(FORMS.map((f) => [f.form.toLowerCase(), f.e]));

/** The outlets named in a text (outlets.json), for when the entities stage has not run. */
export function findOutlets(text: string, offset = 0): OutletMatch[] {
  const out: OutletMatch[] = [];
  PATTERN.lastIndex = 0;
  for (let m = PATTERN.exec(text); m; m = PATTERN.exec(text)) {
    const at = m.index;
    const wholeWord = (len: number) => !(at > 0 && isWordChar(text.charCodeAt(at - 1))) && !(at + len < text.length && isWordChar(text.charCodeAt(at + len)));
    // not a whole word here ("Fox Newsroom"): a shorter form at the same place may be ("Fox"); else one character on
    const form = wholeWord(m[0].length) ? m[0] : FORMS.find((f) => f.form.length < m[0].length && text.startsWith(f.form, at) && wholeWord(f.form.length))?.form;
    if (!form) { PATTERN.lastIndex = at + 1; continue; }
    PATTERN.lastIndex = at + form.length;
    const e = BY_FORM.get(form.toLowerCase());
    // "the Times" / "the Post" must carry their article to be read as papers
    if (e) out.push({ start: offset + at, end: offset + at + form.length, id: e.id, name: e.name });
  }
  return out;
}
