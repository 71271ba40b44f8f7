import type { SeriesPoint } from './store.js';

/**
 * A dyad's daily series made into a chart that does not mislead: the axis is the requested range,
 * or the data's range without its outliers (a date far from the rest, often a year-only date read
 * as 1 January, or a misread one) and without dates after the newest article (future-dated), both
 * listed apart; bins of a day, a week or a month chosen from the span, every bin of the axis
 * present (empty ones too, so gaps show and no line bridges them).
 */
export type BinSize = 'day' | 'week' | 'month';

/** What a series counts by default: happenings whose leading modality is asserted. */
export const SERIES_MODALITIES: readonly string[] = ['asserted'];

/** spans up to this many days are drawn by day, then by week up to WEEK_BINS_MAX_DAYS, then by month */
export const DAY_BINS_MAX_DAYS = 92;
export const WEEK_BINS_MAX_DAYS = 730;
/** outliers lie beyond the quartiles by this many interquartile ranges, plus OUTLIER_SLACK_DAYS */
export const OUTLIER_IQR = 3;
export const OUTLIER_SLACK_DAYS = 14;

export interface ChartBin {
  /** first and last day of the bin, inclusive */
  readonly from: string;
  readonly to: string;
  readonly quad: { 1: number; 2: number; 3: number; 4: number };
  readonly total: number;
  /** the mean score of the bin's happenings; null for an empty bin (nothing to draw) */
  readonly meanScore: number | null;
  /** with volume: all happenings of the bin; share = total / all */
  readonly all?: number;
}

export interface SeriesChart {
  readonly bin: BinSize;
  /** the axis, inclusive; null when nothing is dated inside it */
  readonly from: string | null;
  readonly to: string | null;
  readonly bins: ChartBin[];
  /** days with happenings left off the axis as far from the rest of the data */
  readonly outliers: SeriesPoint[];
  /** days with happenings dated after the newest article */
  readonly future: SeriesPoint[];
}

const DAY = 86_400_000;
const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY;
const dayOf = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);

export function seriesChart(points: readonly SeriesPoint[], range: { from?: string; to?: string; newest?: string | null } = {}): SeriesChart {
  const future = range.newest && !range.to ? points.filter((p) => p.date > range.newest!) : [];
  let kept = future.length ? points.filter((p) => p.date <= range.newest!) : [...points];
  let outliers: SeriesPoint[] = [];
  if (!range.from && !range.to && kept.length >= 4) {
    const [low, high] = fences(kept);
    outliers = kept.filter((p) => dayNumber(p.date) < low || dayNumber(p.date) > high);
    kept = kept.filter((p) => dayNumber(p.date) >= low && dayNumber(p.date) <= high);
  }
  const from = range.from ?? kept[0]?.date ?? null;
  const to = range.to ?? kept[kept.length - 1]?.date ?? null;
  if (!from || !to) return { bin: 'day', from, to, bins: [], outliers, future };
  const span = dayNumber(to) - dayNumber(from) + 1;
  const bin: BinSize = span <= DAY_BINS_MAX_DAYS ? 'day' : span <= WEEK_BINS_MAX_DAYS ? 'week' : 'month';
  const bins = binsOf(bin, from, to);
  const withVolume = kept.some((p) => p.all !== undefined);
  const sums = bins.map(() => ({ quad: { 1: 0, 2: 0, 3: 0, 4: 0 }, total: 0, score: 0, all: 0 }));
  let i = 0;
  for (const p of kept) {
    while (i < bins.length && bins[i]!.to < p.date) i++;
    const s = sums[i];
    if (!s || p.date < bins[i]!.from) continue;
    for (const q of [1, 2, 3, 4] as const) s.quad[q] += p.quad[q];
    s.total += p.total;
    s.score += p.meanScore * p.total;
    s.all += p.all ?? 0;
  }
  return {
    bin, from, to, outliers, future,
    bins: bins.map((b, k) => {
      const s = sums[k]!;
      return {
        ...b, quad: s.quad, total: s.total, meanScore: s.total ? Math.round((s.score / s.total) * 100) / 100 : null,
        ...(withVolume ? { all: s.all } : {}),
      };
    }),
  };
}

/** The day numbers beyond which a date is an outlier: quartiles of the happenings' dates, widened. */
function fences(points: readonly SeriesPoint[]): [number, number] {
  const days: number[] = [];
  for (const p of points) for (let k = 0; k < p.total; k++) days.push(dayNumber(p.date));
  const at = (q: number) => days[Math.min(days.length - 1, Math.floor(q * (days.length - 1)))]!;
  const q1 = at(0.25), q3 = at(0.75);
  const reach = OUTLIER_IQR * (q3 - q1) + OUTLIER_SLACK_DAYS;
  return [q1 - reach, q3 + reach];
}

/** The bins covering from..to: days, ISO weeks (Monday to Sunday) or calendar months, clipped to the range. */
export function binsOf(bin: BinSize, from: string, to: string): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  const end = dayNumber(to);
  let start = dayNumber(from);
  while (start <= end) {
    let last: number;
    if (bin === 'day') last = start;
    else if (bin === 'week') last = start + ((7 - new Date(start * DAY).getUTCDay()) % 7);
    else {
      const d = new Date(start * DAY);
      last = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0) / DAY;
    }
    last = Math.min(last, end);
    out.push({ from: dayOf(start), to: dayOf(last) });
    start = last + 1;
  }
  return out;
}
