import type { SeriesPoint } from '../../store/store.js';
import { readArgs } from '../args.js';
import type { Command } from '../command.js';
import { openDb } from './db-option.js';
import { dateRangeOptions, formatOf, writeRows, type Column } from './query-output.js';

const USAGE = `usage: dossier series A B [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--db FILE] [--json | --csv]

The daily series of a dyad (A and B in either direction): happenings by quad class (1 verbal
cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict) and their mean score.
Each happening counts once however many outlets report it; asserted and historical ones only.
A and B: country codes (USA, IRN), country+sector codes (IRNGOV) or names.`;

const COLUMNS: Column<SeriesPoint>[] = [
  { header: 'date', value: (p) => p.date },
  { header: 'verbal_coop', value: (p) => p.quad[1] },
  { header: 'material_coop', value: (p) => p.quad[2] },
  { header: 'verbal_conflict', value: (p) => p.quad[3] },
  { header: 'material_conflict', value: (p) => p.quad[4] },
  { header: 'total', value: (p) => p.total },
  { header: 'mean_score', value: (p) => p.meanScore },
];

export const seriesCommand: Command = {
  name: 'series',
  usage: USAGE,
  async run(argv, io) {
    const args = readArgs(seriesCommand, argv, io, {
      db: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' }, from: { type: 'string' }, to: { type: 'string' },
    }, { min: 2, max: 2, what: 'two parties A B' });
    if (!args) return 0;
    const { values, positionals } = args;
    const format = formatOf(values);
    const range = { ...dateRangeOptions(values) };
    const store = openDb(values.db, io, { readonly: true });
    try {
      const points = store.dyadSeries(positionals[0]!, positionals[1]!, range);
      writeRows(io, format, COLUMNS, points, points);
      if (format === 'table') io.stdout.write(`(${points.length} days with happenings)\n`);
      return 0;
    } finally { store.close(); }
  },
};
