/** Plain calendar arithmetic on YYYY-MM-DD days in UTC, so that no time zone moves a day. */
export interface Day {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

export function parseDay(s: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const day = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  const check = new Date(Date.UTC(day.y, day.m - 1, day.d));
  return check.getUTCMonth() === day.m - 1 && check.getUTCDate() === day.d ? day : null;
}

export function formatDay(day: Day): string {
  return `${String(day.y).padStart(4, '0')}-${String(day.m).padStart(2, '0')}-${String(day.d).padStart(2, '0')}`;
}

export function toUtc(day: Day): Date {
  return new Date(Date.UTC(day.y, day.m - 1, day.d, 12));
}

export function fromUtc(date: Date): Day {
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

export function addDays(day: Day, n: number): Day {
  const t = toUtc(day);
  t.setUTCDate(t.getUTCDate() + n);
  return fromUtc(t);
}

export function weekday(day: Day): number {
  return toUtc(day).getUTCDay();
}

export function compareDays(a: Day, b: Day): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}
