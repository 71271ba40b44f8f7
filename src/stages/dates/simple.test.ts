import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as chrono from 'chrono-node/en';
import { toUtc, type Day } from '../../text/calendar.js';
import { readSimpleDates } from './simple.js';

// Windows as the dates stage cuts them (a few words around a date word), written for this test.
const WINDOWS = [
  'Iran on Tuesday rejected an offer', 'the ministry said Monday, adding that', 'talks (Friday) ended early',
  'He said, Sunday, that the', 'officials said on Wednesday.', "Thursday's vote was delayed", 'by Saturday the convoy',
  'until Friday, when the', 'since Tuesday the border', 'said today that it would', 'Yesterday, the ministry said',
  'will arrive tomorrow in Kabul', 'TODAY the council meets', 'on Monday EST the markets', 'on Monday night the',
  'last Monday the cabinet', 'Monday and Tuesday talks', 'Monday, June 4, the', 'met on Friday at noon',
  'Sunday morning prayers', 'in a d on Monday', 'said Monday it sat down', 'two days after Monday',
  'the Tuesday-night meeting', 'told reporters Wednesday in Paris', 'Mondays are quiet',
  'the treaty it signed in 2015 with the', 'since 1979, the country has', 'the 2015 agreement', 'in 2015-16 the',
  'in 2015s', 'on Monday in 2015', 'May 2015 the', 'at 2015 hours', 'from 2010 to 2015',
  'earlier this year, the ministry', 'talks will resume next month in', 'last week the council', 'this week the envoy',
  'last month, officials said', 'by next year the plan', 'over the past year the', 'this month the talks',
  'after this week the', 'the end of this year', 'next week on Monday', 'in the last two weeks',
  'gathered on Friday night outside', 'Sunday evening prayers', 'said Tuesday, night fell', 'on Monday morning at',
];
const REFS: Day[] = [{ y: 2018, m: 7, d: 31 }, { y: 2021, m: 1, d: 3 }, { y: 2024, m: 2, d: 29 }, { y: 2019, m: 12, d: 28 }, { y: 2019, m: 3, d: 31 }];

test('a reading without chrono agrees with chrono wherever it is taken', () => {
  let taken = 0;
  for (const ref of REFS) {
    for (const w of WINDOWS) {
      const found = readSimpleDates(w, ref);
      if (!found) continue;
      taken++;
      const parsed = chrono.parse(w, toUtc(ref));
      assert.equal(parsed.length, found.length, `chrono finds as many dates in "${w}"`);
      if (!found.length) continue;
      const [simple, c] = [found[0]!, parsed[0]!];
      assert.deepEqual([simple.index, simple.text], [c.index, c.text], w);
      assert.equal(c.end ?? null, null, w);
      for (const k of ['year', 'month', 'day'] as const) assert.equal(simple.start.get(k), c.start.get(k), `${k} of "${w}"`);
      for (const k of ['year', 'month', 'day', 'weekday'] as const) assert.equal(simple.start.isCertain(k), c.start.isCertain(k), `${k} certain in "${w}"`);
    }
  }
  assert.ok(taken >= 80, `the simple reading should apply to most plain windows, applied ${taken} times`);
});

test('windows chrono must read are left to it', () => {
  for (const w of ['last Monday the cabinet', 'Monday and Tuesday talks', 'Monday, June 4, the',
    'met on Friday at noon', 'on Monday EST the markets', 'in a d on Monday', 'two days after Monday',
    'in 2015-16 the', 'on Monday in 2015', 'May 2015 the', 'at 2015 hours', 'from 2010 to 2015',
    'after this week the', 'the end of this year', 'next week on Monday', 'in the last two weeks']) {
    assert.equal(readSimpleDates(w, REFS[0]!), null, w);
  }
});
