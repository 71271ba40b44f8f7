import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node/en';
import type { StageFactory } from '../../core/stage.js';
import { tokensIn } from '../../text/lookup.js';
import { addDays, compareDays, formatDay, parseDay, toUtc, weekday, type Day } from '../../text/calendar.js';
import { readSimpleDates, type DateParts } from './simple.js';
import { tenseOf, type Tense } from './tense.js';

export const DATES_VERSION = '1.0.0';

// Words that can belong to a date expression. chrono is run only on short windows around them:
// it tries dozens of parsers at every position, so whole sentences would cost more than tokenising.
const DATE_WORD = /\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|tonight|yesterday|tomorrow|weekend|ago|(?:last|next|this|past|coming)\s+(?:week|month|year)|jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:19|20)\d\d)\b/gi;
// enough for "two days ago" before its last word and "July 14, 2015" or "Monday night" after the first
const WINDOW_BEFORE = 14, WINDOW_AFTER = 18;

/**
 * chrono-node's English parser, loaded on the first window that readSimpleDates leaves to it: its
 * fifty modules cost some 50 ms of CPU to load, which a short text whose dates are all simple (or
 * that has none) need not pay. Its CommonJS build, so that it can load inside a synchronous stage.
 */
let chronoModule: typeof Chrono | null = null;
const chrono = (): typeof Chrono => (chronoModule ??= createRequire(import.meta.url)('chrono-node/en') as typeof Chrono);

/** chrono's findings in the windows of a sentence around date words, with offsets into the sentence. */
interface Found { readonly index: number; readonly text: string; readonly start: DateParts; readonly end?: DateParts | null }

function parseNear(text: string, refDay: Day): Found[] {
  const ref = toUtc(refDay);
  const windows: [number, number][] = [];
  // exec on the one global expression rather than matchAll, which copies it for every sentence
  DATE_WORD.lastIndex = 0;
  for (let m = DATE_WORD.exec(text); m; m = DATE_WORD.exec(text)) {
    const from = Math.max(0, m.index - WINDOW_BEFORE), to = Math.min(text.length, m.index + m[0].length + WINDOW_AFTER);
    const last = windows[windows.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to); else windows.push([from, to]);
  }
  const out: Found[] = [];
  for (const [from, to] of windows) {
    // widen to word boundaries so that no word is cut in half
    let a = from, b = to;
    while (a > 0 && /\S/.test(text[a - 1]!)) a--;
    while (b < text.length && /\S/.test(text[b]!)) b++;
    const window = text.slice(a, b);
    for (const r of readSimpleDates(window, refDay) ?? chrono().parse(window, ref)) {
      const index = r.index + a;
      if (!out.some((o) => o.index === index)) out.push({ index, text: r.text, start: r.start, end: r.end ?? null });
    }
  }
  return out;
}

// without a publication date only expressions that name their year are kept, so any reference will do
const NO_PUBLICATION_REF: Day = { y: 2000, m: 1, d: 1 };

const YEAR = /\b(?:in|since|by|during|until|of|from)\s+((?:19|20)\d\d)\b(?!\s*(?:percent|people|votes|troops))/g;

/**
 * Dates and times, normalised against the publication date. chrono-node finds the expressions;
 * what chrono leaves open (which Monday, which May) is settled by the tense of the sentence, as a
 * reader would: "met on Monday" is the Monday before publication, "will meet on Saturday" the one
 * after. Without a publication date, only expressions that name their own year are resolved.
 */
export const datesStage: StageFactory = () => ({
  name: 'dates',
  version: DATES_VERSION,
  requires: ['sentence', 'token'],
  assigns: ['date'],
  run(doc, out) {
    const published = doc.meta.published ? parseDay(doc.meta.published) : null;
    for (const sentence of doc.layer('sentence')) {
      const text = doc.text.slice(sentence.start, sentence.end);
      let tense: Tense | undefined;
      const tenseHere = () => (tense ??= tenseOf(tokensIn(doc, sentence)));
      const results = parseNear(text, published ?? NO_PUBLICATION_REF);
      for (const r of results) {
        const c = r.start;
        if (!published && !c.isCertain('year')) continue;
        let day: Day = { y: c.get('year') ?? 0, m: c.get('month') ?? 1, d: c.get('day') ?? 1 };
        let rule = 'chrono.explicit';
        const lowered = r.text.toLowerCase();
        if (published && c.isCertain('weekday') && !c.isCertain('day') && !/\b(next|last|this|coming|past)\b/.test(lowered)) {
          const t = tenseHere();
          const wd = c.get('weekday') ?? weekday(day);
          if (t === 'past') {
            const back = (weekday(published) - wd + 7) % 7;
            day = addDays(published, -back);
            rule = 'weekday.past-tense';
          } else if (t === 'future') {
            const ahead = (wd - weekday(published) + 7) % 7;
            day = addDays(published, ahead);
            rule = 'weekday.future-tense';
          } else rule = 'weekday.nearest';
        } else if (c.isCertain('weekday') && !c.isCertain('day')) {
          // "this Saturday", "last Monday": chrono counts from the publication date; the tense of a
          // sentence that reports it ("his office said ... this Saturday") must not move it a year
          rule = 'weekday.modifier';
        } else if (published && !c.isCertain('year')) {
          const t = tenseHere();
          if (t === 'past' && compareDays(day, published) > 0) { day = { ...day, y: day.y - 1 }; rule = 'year.past-tense'; }
          else if (t === 'future' && compareDays(day, published) < 0) { day = { ...day, y: day.y + 1 }; rule = 'year.future-tense'; }
          else rule = 'year.publication';
        }
        const granularity = c.isCertain('day') || c.isCertain('weekday') || /day|night|yesterday|today|tomorrow|ago/.test(lowered)
          ? 'day' : c.isCertain('month') ? 'month' : 'year';
        // chrono keeps a leading bracket or preposition ("(Monday)", "on Monday") and trailing punctuation ("weekend,")
        const lead = /^(?:[,(（]\s*)?(?:(?:on|in|at|by|since|until|from|during)\s+)?/i.exec(r.text)?.[0].length ?? 0;
        const trail = /[\s,.;:!?)]+$/.exec(r.text)?.[0].length ?? 0;
        const start = sentence.start + r.index + lead;
        const end = sentence.start + r.index + r.text.length - trail;
        const iso = formatDay(day);
        const endDay = r.end ? { y: r.end.get('year') ?? day.y, m: r.end.get('month') ?? day.m, d: r.end.get('day') ?? day.d } : null;
        out.add('date', {
          start, end, rule, confidence: granularity === 'day' ? 0.9 : 0.7,
          data: {
            date: iso, granularity,
            ...(endDay ? { endDate: formatDay(endDay) } : {}),
            relation: !published ? 'past' : compareDays(day, published) < 0 ? 'past' : compareDays(day, published) > 0 ? 'future' : 'present',
          },
        });
      }
      YEAR.lastIndex = 0;
      for (let m = YEAR.exec(text); m; m = YEAR.exec(text)) {
        const y = Number(m[1]);
        const start = sentence.start + m.index + m[0].length - 4;
        if (results.some((r) => sentence.start + r.index <= start && start < sentence.start + r.index + r.text.length)) continue;
        const rel = !published ? 'past' : y < published.y ? 'past' : y > published.y ? 'future' : 'present';
        out.add('date', { start, end: start + 4, rule: 'year.bare', confidence: 0.8,
          data: { date: `${y}-01-01`, endDate: `${y}-12-31`, granularity: 'year', relation: rel } });
      }
    }
  },
});
