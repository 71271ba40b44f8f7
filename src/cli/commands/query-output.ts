import { datesOf, readOptions } from '../../api/filters.js';
import { DATE_PARAMS } from '../../api/validate.js';
import { DossierError } from '../../core/errors.js';
import type { CliIO } from '../command.js';

/**
 * How query commands print: an aligned table for people (the default), JSON or CSV for programs.
 * Every query command has the same --json/--csv switches and the same paging options.
 */
export type Format = 'table' | 'json' | 'csv';

export const QUERY_OPTIONS = {
  db: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' },
  limit: { type: 'string' }, offset: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' },
} as const;

export const QUERY_USAGE = `  --db FILE|URL   the corpus database: a SQLite file or a postgres:// URL (default $DOSSIER_DB, else ./dossier.db)
  --from D --to D dates, inclusive (YYYY-MM-DD)
  --limit N       rows to show (default 50)   --offset N  rows to skip
  --json          JSON for programs           --csv       CSV for programs`;

export function formatOf(values: { json?: boolean; csv?: boolean }): Format {
  if (values.json && values.csv) throw new DossierError('USAGE', 'give --json or --csv, not both');
  return values.json ? 'json' : values.csv ? 'csv' : 'table';
}

export function intOption(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new DossierError('USAGE', `${name} must be a whole number, not "${raw}"`);
  return Number(raw);
}


/** --from and --to, checked as the API checks them (real days, from not after to). */
export function dateRangeOptions(values: Readonly<Record<string, string | boolean | undefined>>): { from?: string; to?: string } {
  return datesOf(readOptions(values, DATE_PARAMS));
}

export interface Column<T> {
  readonly header: string;
  readonly value: (row: T) => string | number | null;
  /** widest a table cell gets before it is cut with an ellipsis */
  readonly max?: number;
}

const cell = (v: string | number | null) => (v === null ? '' : String(v)).replace(/\s+/g, ' ');

export function csvField(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Writes rows in the chosen format. JSON writes `json` (the full records, not the table's cells);
 * the table ends with a line that says which rows of how many were shown.
 */
export function writeRows<T>(io: CliIO, format: Format, columns: readonly Column<T>[], rows: readonly T[],
  json: unknown, page?: { total: number; offset: number }): void {
  if (format === 'json') { io.stdout.write(`${JSON.stringify(json, null, 2)}\n`); return; }
  if (format === 'csv') {
    io.stdout.write(`${columns.map((c) => csvField(c.header)).join(',')}\n`);
    for (const r of rows) io.stdout.write(`${columns.map((c) => csvField(c.value(r))).join(',')}\n`);
    return;
  }
  const cells = rows.map((r) => columns.map((c) => {
    const s = cell(c.value(r));
    const max = c.max ?? 40;
    return s.length > max ? `${s.slice(0, max - 1)}…` : s;
  }));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((row) => row[i]!.length)));
  const line = (xs: string[]) => xs.map((x, i) => x.padEnd(widths[i]!)).join('  ').trimEnd();
  io.stdout.write(`${line(columns.map((c) => c.header.toUpperCase()))}\n`);
  for (const row of cells) io.stdout.write(`${line(row)}\n`);
  if (page) {
    const shown = rows.length ? `${page.offset + 1}-${page.offset + rows.length}` : 'none';
    io.stdout.write(`(${shown} of ${page.total})\n`);
  }
}

/** Names of parties for a table cell: codes when known, else names. */
export function partiesCell(refs: readonly { name: string; country: string | null; sector: string | null }[]): string {
  return refs.map((r) => (r.country ? `${r.country}${r.sector ?? ''}` : r.name)).join('+');
}
