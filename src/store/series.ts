import { and, partyConditions, type Clause } from './sqlite/filters.js';
import type { DateRange, SeriesPoint } from './store.js';

/** One day and quad class of a dyad's series, as both engines' queries give it. */
export interface SeriesRow { date: string; quad: 1 | 2 | 3 | 4; n: number; s: number }

/** The happenings a dyad series counts (over `happening h`): asserted and historical, dated, of the dyad, in the range. */
export function seriesConditions(a: string, b: string, q: DateRange): Clause {
  const c: Clause[] = [{ sql: `h.modality IN ('asserted', 'historical') AND h.date IS NOT NULL`, params: [] }];
  if (q.from) c.push({ sql: 'h.date >= ?', params: [q.from] });
  if (q.to) c.push({ sql: 'h.date <= ?', params: [q.to] });
  c.push(...partyConditions({ dyad: [a, b] }, 'h', 'happening_actor', 'happening_rowid'));
  return and(c);
}

/** Daily points from (date, quad, count, score sum) rows in date order. */
export function seriesOf(rows: readonly SeriesRow[]): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  const sums: number[] = [];
  for (const r of rows) {
    let p = points[points.length - 1];
    if (!p || p.date !== r.date) {
      p = { date: r.date, quad: { 1: 0, 2: 0, 3: 0, 4: 0 }, total: 0, meanScore: 0 };
      points.push(p);
      sums.push(0);
    }
    (p.quad as Record<number, number>)[r.quad] = r.n;
    (p as { total: number }).total += r.n;
    sums[sums.length - 1]! += r.s;
  }
  points.forEach((p, i) => { (p as { meanScore: number }).meanScore = p.total ? Math.round((sums[i]! / p.total) * 100) / 100 : 0; });
  return points;
}
