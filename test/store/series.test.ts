import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseMinConfidence, parseModalities } from '../../src/store/filter-values.js';
import { binsOf, seriesChart } from '../../src/store/series.js';
import type { SeriesPoint } from '../../src/store/store.js';

const point = (date: string, total = 1, q: 1 | 2 | 3 | 4 = 3, meanScore = -4): SeriesPoint =>
  ({ date, quad: { 1: 0, 2: 0, 3: 0, 4: 0, [q]: total } as SeriesPoint['quad'], total, meanScore });

test('the axis is the data without a far outlier and without future dates, which are listed apart', () => {
  const points = [point('2011-01-01'), point('2018-07-20', 3), point('2018-07-21'), point('2018-07-25', 2), point('2018-08-13'), point('2025-03-01')];
  const chart = seriesChart(points, { newest: '2018-08-20' });
  assert.deepEqual([chart.from, chart.to, chart.bin], ['2018-07-20', '2018-08-13', 'day']);
  assert.deepEqual(chart.outliers.map((p) => p.date), ['2011-01-01']);
  assert.deepEqual(chart.future.map((p) => p.date), ['2025-03-01']);
  assert.equal(chart.bins.length, 25, 'every day of the axis, empty ones too');
  assert.equal(chart.bins.reduce((n, b) => n + b.total, 0), 7);
  assert.equal(chart.bins[2]!.meanScore, null, 'an empty day has nothing to draw');
});

test('the requested range is the axis, and the span chooses the bin', () => {
  const chart = seriesChart([point('2018-07-20')], { from: '2018-01-01', to: '2018-12-31' });
  assert.deepEqual([chart.from, chart.to, chart.bin], ['2018-01-01', '2018-12-31', 'week']);
  assert.deepEqual(chart.bins[0], { from: '2018-01-01', to: '2018-01-07', quad: { 1: 0, 2: 0, 3: 0, 4: 0 }, total: 0, meanScore: null });
  const week = chart.bins.find((b) => b.from <= '2018-07-20' && b.to >= '2018-07-20')!;
  assert.deepEqual([week.from, week.to, week.total], ['2018-07-16', '2018-07-22', 1]);
  assert.equal(seriesChart([point('2016-01-05'), point('2018-12-01')], { from: '2016-01-01', to: '2018-12-31' }).bin, 'month');
  assert.deepEqual(binsOf('month', '2018-01-15', '2018-03-02'), [
    { from: '2018-01-15', to: '2018-01-31' }, { from: '2018-02-01', to: '2018-02-28' }, { from: '2018-03-01', to: '2018-03-02' }]);
});

test('volume: each bin carries all happenings of its days', () => {
  const chart = seriesChart([{ ...point('2018-07-20', 2), all: 10 }, { ...point('2018-07-22'), all: 5 }]);
  assert.deepEqual(chart.bins.map((b) => [b.total, b.all]), [[2, 10], [0, 0], [1, 5]]);
});

test('modality and confidence filters read the same in the API and the CLI', () => {
  assert.deepEqual(parseModalities('Asserted, historical', '--modality'), ['asserted', 'historical']);
  assert.equal(parseModalities('all', '--modality'), undefined);
  assert.throws(() => parseModalities('asserted,maybe', '--modality'), /--modality must be one of asserted, negated/);
  assert.equal(parseMinConfidence('0.5', 'x'), 0.5);
  assert.equal(parseMinConfidence('1', 'x'), 1);
  for (const bad of ['1.5', '-0.1', 'high', '', '.']) assert.throws(() => parseMinConfidence(bad, '--confidence'), /--confidence must be a number from 0 to 1/, bad);
});
