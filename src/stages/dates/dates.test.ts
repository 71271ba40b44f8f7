import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Analyzer } from '../../analyze.js';

const analyzer = new Analyzer({ stages: ['tokens', 'dates'] });
const datesOf = (text: string, published: string | null) =>
  analyzer.analyzeDocument({ text, published }).layer('date').map((d) => [text.slice(d.start, d.end), d.data.date, d.data.relation]);

test('a weekday in the past tense is the one before publication', () => {
  // published on Tuesday 2018-07-31
  assert.deepEqual(datesOf('The president made the offer on Monday night.', '2018-07-31'), [['Monday night', '2018-07-30', 'past']]);
  assert.deepEqual(datesOf('Protesters gathered in the capital on Saturday.', '2018-07-31'), [['Saturday', '2018-07-28', 'past']]);
});

test('a weekday in the future tense is the one after publication', () => {
  // published on Wednesday 2018-08-01
  assert.deepEqual(datesOf('Both ministers will attend the meeting this Saturday.', '2018-08-01'), [['this Saturday', '2018-08-04', 'future']]);
  assert.deepEqual(datesOf('The envoys will meet on Friday.', '2018-08-01'), [['Friday', '2018-08-03', 'future']]);
  // a past-tense report of a coming day keeps the coming day
  assert.deepEqual(datesOf('His office said the ministers attend the summit this Saturday.', '2018-08-01'), [['this Saturday', '2018-08-04', 'future']]);
});

test('a month without a year takes the year that the tense points to', () => {
  assert.deepEqual(datesOf('He withdrew from the agreement in May.', '2018-08-01'), [['May', '2018-05-01', 'past']]);
  assert.deepEqual(datesOf('The survey was conducted in November.', '2019-02-10'), [['November', '2018-11-01', 'past']]);
  assert.deepEqual(datesOf('Sanctions will be re-imposed in November.', '2018-08-01'), [['November', '2018-11-01', 'future']]);
});

test('full dates, relative expressions and bare years', () => {
  assert.deepEqual(datesOf('The deal was signed on July 14, 2015.', '2018-08-01'), [['July 14, 2015', '2015-07-14', 'past']]);
  assert.deepEqual(datesOf('Officials met yesterday.', '2018-08-01'), [['yesterday', '2018-07-31', 'past']]);
  assert.deepEqual(datesOf('The embargo has been in force since 2012.', '2018-08-01'), [['2012', '2012-01-01', 'past']]);
});

test('without a publication date only dates that name their year are resolved', () => {
  assert.deepEqual(datesOf('They met on Monday and signed the deal on March 3, 2021.', null), [['March 3, 2021', '2021-03-03', 'past']]);
});

test('a date in brackets does not take the bracket into its span', () => {
  assert.deepEqual(datesOf('The ministry (Monday) announced new curbs.', '2018-07-31'), [['Monday', '2018-07-30', 'past']]);
});
