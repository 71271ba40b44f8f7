import { DossierError } from '../../core/errors.js';
import type { Happening, StoredEvent } from '../../store/store.js';
import { readArgs } from '../args.js';
import type { Command } from '../command.js';
import { openDb } from './db-option.js';
import { EVENT_FILTER_OPTIONS, EVENT_FILTER_USAGE, eventQuery } from './events.js';
import { QUERY_OPTIONS, QUERY_USAGE, formatOf, partiesCell, writeRows, type Column } from './query-output.js';

const USAGE = `usage: dossier happenings [filters] [--json | --csv]
       dossier happenings ID [--json]

One row per real-world happening, however many outlets report it, with the number of distinct
outlets that corroborate it. With an ID (h12), the happening and each of its reports.
${EVENT_FILTER_USAGE}
${QUERY_USAGE}`;

const COLUMNS: Column<Happening>[] = [
  { header: 'id', value: (h) => h.id },
  { header: 'date', value: (h) => h.date },
  { header: 'type', value: (h) => h.type },
  { header: 'modality', value: (h) => h.modality },
  { header: 'actor', value: (h) => h.actorCodes.join('+') || partiesCell(h.actor), max: 24 },
  { header: 'recipient', value: (h) => h.recipientCodes.join('+') || partiesCell(h.recipient), max: 24 },
  { header: 'quad', value: (h) => h.quadClass },
  { header: 'score', value: (h) => h.score },
  { header: 'sources', value: (h) => h.sources },
  { header: 'reports', value: (h) => h.reportCount },
  { header: 'outlets', value: (h) => h.outlets.join(', '), max: 50 },
];

const REPORT_COLUMNS: Column<StoredEvent>[] = [
  { header: 'published', value: (e) => e.source.published },
  { header: 'outlet', value: (e) => e.source.outlet, max: 24 },
  { header: 'date', value: (e) => e.date },
  { header: 'trigger', value: (e) => e.trigger, max: 24 },
  { header: 'modality', value: (e) => e.modality },
  { header: 'confidence', value: (e) => e.confidence },
  { header: 'sentence', value: (e) => e.sentence, max: 80 },
  { header: 'event', value: (e) => e.id, max: 60 },
];

export const happeningsCommand: Command = {
  name: 'happenings',
  usage: USAGE,
  async run(argv, io) {
    const args = readArgs(happeningsCommand, argv, io, { ...QUERY_OPTIONS, ...EVENT_FILTER_OPTIONS }, { min: 0, max: 1, what: 'at most one ID' });
    if (!args) return 0;
    const { values, positionals } = args;
    const format = formatOf(values);
    const query = positionals.length ? null : eventQuery(values);
    const store = openDb(values.db, io, { readonly: true });
    try {
      if (query) {
        const page = store.happenings(query);
        writeRows(io, format, COLUMNS, page.items, page, page);
        return 0;
      }
      const h = store.happening(positionals[0]!);
      if (!h) throw new DossierError('NOT_FOUND', `no happening "${positionals[0]}" in the corpus`);
      if (format === 'json') { io.stdout.write(`${JSON.stringify(h, null, 2)}\n`); return 0; }
      if (format === 'table') {
        io.stdout.write(`${h.id}  ${h.date ?? 'no date'}  ${h.type}${h.mode ? `/${h.mode}` : ''} (${h.modalities.length > 1 ? `reported as ${h.modalities.join(', ')}` : h.modality})  ` +
          `${h.actorCodes.join('+') || partiesCell(h.actor)} -> ${h.recipientCodes.join('+') || partiesCell(h.recipient) || '-'}  ` +
          `quad ${h.quadClass}, score ${h.score}, ${h.sources} source${h.sources === 1 ? '' : 's'}\n\n`);
      }
      // a recap (a later report recalling the happening) is marked in its row
      const columns = [...REPORT_COLUMNS, { header: 'later', value: (e: StoredEvent) => (h.recaps.includes(e.id) ? 'recap' : '') }];
      writeRows(io, format, columns, h.reports, h.reports);
      return 0;
    } finally { store.close(); }
  },
};
