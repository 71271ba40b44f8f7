import { addDays, toUtc, type Day } from '../../text/calendar.js';

/**
 * The commonest date expressions of news, a lone weekday ("on Monday", "said Tuesday") and
 * "yesterday", "today", "tomorrow", read without chrono. chrono tries each of its parsers at every
 * position of a window, which made it most of the dates stage's time, while these few words need only
 * calendar arithmetic.
 *
 * The reading here must be exactly chrono's (same text, same day, same certain components), so it is
 * taken only when nothing else in the window could be read or attached by chrono: no digit, no other
 * date word, no month, time-of-day, unit, modifier or holiday word, no time-zone abbreviation right
 * after. Any doubt returns null and the window goes to chrono. `simple.test.ts` checks that both
 * readings agree on every window where this one applies.
 */

/** The components the dates stage reads from a parse: a subset of chrono's ParsedComponents. */
export interface DateParts {
  get(component: 'year' | 'month' | 'day' | 'weekday'): number | null;
  isCertain(component: 'year' | 'month' | 'day' | 'weekday'): boolean;
}

export interface SimpleFound {
  /** offset of the expression in the window */
  readonly index: number;
  readonly text: string;
  readonly start: DateParts;
  /** these expressions are never ranges */
  readonly end: null;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const CASUAL_DAYS: Readonly<Record<string, number>> = { yesterday: -1, today: 0, tomorrow: 1 };

// chrono's own patterns for these words, with the left word boundary chrono adds to every parser;
// the modifiers it also accepts ("this", "last", "next week") are among the doubtful words below
const WEEKDAY_PATTERN = /(\W|^)((?:(?:,|\(|（)\s*)?(?:on\s*?)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)(?:\s*(?:,|\)|）))?)(?=\W|$)/i;
const CASUAL_PATTERN = /(\W|^)(yesterday|today|tomorrow)(?=\W|$)/i;
const PART_OF_DAY_AFTER = /^ +(?:morning|afternoon|evening|night)(?=\W|$)/i;
const ANY_SIMPLE_WORD = /\b(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday|yesterday|today|tomorrow)\b/gi;

// Words chrono reads or attaches besides a lone weekday or casual day: months and weekdays in any
// form, times of day, units of time, relative modifiers, number words that combine with units, holidays.
// ("earlier" and "later" are not among them: chrono reads them only after a unit, which is.)
const DOUBTFUL_WORD = new RegExp('\\b(?:' + [
  'jan(?:uary)?', 'feb(?:ruary)?', 'mar(?:ch)?', 'apr(?:il)?', 'may', 'june?', 'july?', 'aug(?:ust)?', 'sept?(?:ember)?',
  'oct(?:ober)?', 'nov(?:ember)?', 'dec(?:ember)?',
  'mon', 'tues?', 'wed', 'thu(?:rs?)?', 'fri', 'sat', 'sun', 'weekend', 'weekday',
  'now', 'tonight', 'tmrw?', 'overmorrow', 'morning', 'afternoon', 'evening', 'night', 'midnight', 'midday', 'noon', 'eve',
  "o'clock", 'a\\.?m', 'p\\.?m',
  'sec(?:ond)?s?', 'min(?:ute)?s?', 'h(?:ou)?rs?', 'hour', 'days?', 'weeks?', 'fortnight', 'mos?', 'months?', 'qtr',
  'quarters?', 'yrs?', 'years?', 'decades?',
  'this', 'last', 'past', 'next', 'coming', 'ago', 'before', 'after', 'within', 'end',
  'christmas', 'xmas',
].join('|') + ')\\b', 'i');
// single-letter units ("in a d") count only after a quantity word
const QUANTITY_WITH_LETTER_UNIT = /\b(?:an?|the|few|several|half|couple|of|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s{1,3}[hmsdwy]\b/i;
// chrono's time-zone refiner takes an abbreviation just after a date ("Monday, EST")
const ZONE_AFTER = /^\s*,?\s*\(?[A-Z]{2,4}\)?(?=\W|$)/;

/**
 * What chrono would read in a window when that is certain without running it: a weekday or casual
 * day, a period relative to publication ("last week", "this year", "next month"), or nothing at all where a bare year is the only date word (chrono reads no bare year; the
 * dates stage finds those itself). Null when chrono must decide.
 */
export function readSimpleDates(window: string, ref: Day): SimpleFound[] | null {
  const relative = readRelativePeriod(window, ref);
  if (relative) return [relative];
  const digits = window.match(/\d+/g);
  if (digits) {
    const onlyYear = digits.length === 1 && BARE_YEAR.test(window) && !ANY_SIMPLE_WORD_ONCE.test(window)
      && !DOUBTFUL_WORD.test(window) && !QUANTITY_WITH_LETTER_UNIT.test(window);
    return onlyYear ? [] : null;
  }
  const found = readSimpleDate(window, ref);
  return found ? [found] : null;
}

// a four-digit year standing as a word of its own: "in 2015", "since 1979," (not "2015-16" or "1,979")
const BARE_YEAR = /(?:^|[^\w,./:-])(?:19|20)\d\d(?!\w|[,./:-]\w)/;
const ANY_SIMPLE_WORD_ONCE = /\b(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday|yesterday|today|tomorrow)\b/i;

/** A weekday or casual day read as chrono would read it, or null when chrono must decide. */
export function readSimpleDate(window: string, ref: Day): SimpleFound | null {
  if (/\d/.test(window) || QUANTITY_WITH_LETTER_UNIT.test(window)) return null;
  const words = window.match(ANY_SIMPLE_WORD);
  if (!words || words.length !== 1) return null;
  const weekday = WEEKDAY_PATTERN.exec(window);
  const casual = weekday ? null : CASUAL_PATTERN.exec(window);
  const match = weekday ?? casual;
  if (!match) return null;
  const index = match.index + match[1]!.length;
  let text = match[2]!;
  // chrono joins a part of the day to the weekday before it ("Monday night"), keeping the weekday's day
  const part = weekday && !/[,)）]$/.test(text) ? PART_OF_DAY_AFTER.exec(window.slice(index + text.length)) : null;
  if (part) text += part[0];
  const rest = window.slice(0, index) + ' '.repeat(text.length) + window.slice(index + text.length);
  if (DOUBTFUL_WORD.test(rest) || ZONE_AFTER.test(window.slice(index + text.length))) return null;
  if (weekday) return { index, text, end: null, start: weekdayParts(ref, WEEKDAYS.indexOf(weekday[3]!.toLowerCase())) };
  return { index, text, end: null, start: casualParts(addDays(ref, CASUAL_DAYS[casual![2]!.toLowerCase()]!)) };
}

// chrono's relative-period pattern, for the three units news uses with it
const RELATIVE_PERIOD = /(\W|^)((this|last|past|next)\s+(week|month|year))(?=\W|$)/gi;

/**
 * "last week", "this year", "next month" alone in a window, as chrono reads them. Everything else in
 * the window must be free of date words, as for a weekday.
 */
function readRelativePeriod(window: string, ref: Day): SimpleFound | null {
  const matches = [...window.matchAll(RELATIVE_PERIOD)];
  if (matches.length !== 1) return null;
  const m = matches[0]!;
  const index = m.index + m[1]!.length;
  const text = m[2]!;
  const rest = window.slice(0, index) + ' '.repeat(text.length) + window.slice(index + text.length);
  if (/\d/.test(rest) || DOUBTFUL_WORD.test(rest) || QUANTITY_WITH_LETTER_UNIT.test(rest) || ANY_SIMPLE_WORD_ONCE.test(rest)) return null;
  if (ZONE_AFTER.test(window.slice(index + text.length))) return null;
  const modifier = m[3]!.toLowerCase(), unit = m[4]!.toLowerCase() as 'week' | 'month' | 'year';
  return { index, text, end: null, start: relativeParts(ref, modifier === 'next' ? 1 : modifier === 'this' ? 0 : -1, unit) };
}

/**
 * chrono's components for a relative period: one unit forward or back from the reference with the
 * calendar's overflow ("a month before July 31" is July 1), or the start of the current unit.
 */
function relativeParts(ref: Day, offset: -1 | 0 | 1, unit: 'week' | 'month' | 'year'): DateParts {
  const date = toUtc(ref);
  let certain: readonly string[];
  if (offset === 0) {
    if (unit === 'week') { date.setUTCDate(date.getUTCDate() - date.getUTCDay()); certain = []; }
    else if (unit === 'month') { date.setUTCDate(1); certain = ['year', 'month']; }
    else { date.setUTCDate(1); date.setUTCMonth(0); certain = ['year']; }
  } else if (unit === 'week') { date.setUTCDate(date.getUTCDate() + 7 * offset); certain = ['year', 'month', 'day']; }
  else if (unit === 'month') { date.setUTCMonth(date.getUTCMonth() + offset); certain = ['year', 'month']; }
  else { date.setUTCFullYear(date.getUTCFullYear() + offset); certain = ['year']; }
  const values = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: null };
  return { get: (c) => values[c], isCertain: (c) => certain.includes(c) };
}

/** chrono's day for a weekday without modifier: the closest one, looking back on a tie. */
function weekdayParts(ref: Day, weekday: number): DateParts {
  const refWeekday = new Date(Date.UTC(ref.y, ref.m - 1, ref.d)).getUTCDay();
  const forward = (weekday - refWeekday + 7) % 7;
  const backward = forward === 0 ? -7 : forward - 7;
  const day = addDays(ref, forward < -backward ? forward : backward);
  const implied = { year: day.y, month: day.m, day: day.d, weekday };
  return { get: (c) => implied[c], isCertain: (c) => c === 'weekday' };
}

/** "yesterday", "today", "tomorrow": a certain day, month and year. */
function casualParts(day: Day): DateParts {
  const known = { year: day.y, month: day.m, day: day.d, weekday: null };
  return { get: (c) => known[c], isCertain: (c) => c !== 'weekday' };
}
