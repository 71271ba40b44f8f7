import type { EventQuery, StoredEvent } from '../../store/store.js';
import { readArgs } from '../args.js';
import type { Command } from '../command.js';
import { openDb } from './db-option.js';
import { EVENT_PARAMS, eventQuery as eventQueryOf, readOptions } from '../../api/filters.js';
import { CLI_LABEL } from '../../api/validate.js';
import { MAX_LIMIT } from '../../store/sqlite/filters.js';
import { QUERY_OPTIONS, QUERY_USAGE, formatOf, partiesCell, writeRows, type Column } from './query-output.js';

export const EVENT_FILTER_OPTIONS = {
  actor: { type: 'string' }, recipient: { type: 'string' }, dyad: { type: 'string' }, type: { type: 'string' },
  modality: { type: 'string' }, outlet: { type: 'string' }, quad: { type: 'string' }, confidence: { type: 'string' },
} as const;

export const EVENT_FILTER_USAGE = `  --actor A       who acted: a country code (IRN), country+sector (IRNGOV) or a name
  --recipient B   whom it was done to (same forms)
  --dyad A,B      both parties, in either direction
  --type T        PLOVER type (REJECT, ACCUSE, ...)   --modality M  asserted, negated, ... (several: a,b; all)
  --outlet NAME   reported by this outlet             --quad N      quad class 1-4
  --confidence C  only reports of at least this confidence (0..1)`;

/**
 * The event query from the shared filter options, checked by the same specs as the API's query
 * string (src/api/filters.ts); only the page size may be larger than the API's.
 */
export function eventQuery(values: Record<string, string | boolean | undefined>): EventQuery {
  return eventQueryOf(readOptions(values, CLI_EVENT_PARAMS), CLI_LABEL);
}

const CLI_EVENT_PARAMS = { ...EVENT_PARAMS, limit: { ...EVENT_PARAMS.limit!, max: MAX_LIMIT, description: `rows (1..${MAX_LIMIT})` } };

const USAGE = `usage: dossier events [filters] [--json | --csv]

Every reported event, one row per report (see "dossier happenings" for one row per happening).
${EVENT_FILTER_USAGE}
${QUERY_USAGE}`;

const COLUMNS: Column<StoredEvent>[] = [
  { header: 'date', value: (e) => e.date },
  { header: 'type', value: (e) => e.type },
  { header: 'modality', value: (e) => e.modality },
  { header: 'actor', value: (e) => partiesCell(e.actor), max: 24 },
  { header: 'recipient', value: (e) => partiesCell(e.recipient), max: 24 },
  { header: 'quad', value: (e) => e.quadClass },
  { header: 'score', value: (e) => e.score },
  { header: 'confidence', value: (e) => e.confidence },
  { header: 'outlet', value: (e) => e.source.outlet, max: 20 },
  { header: 'trigger', value: (e) => e.trigger, max: 20 },
  { header: 'happening', value: (e) => e.happeningId },
  { header: 'id', value: (e) => e.id, max: 60 },
];

export const eventsCommand: Command = {
  name: 'events',
  usage: USAGE,
  async run(argv, io) {
    const args = readArgs(eventsCommand, argv, io, { ...QUERY_OPTIONS, ...EVENT_FILTER_OPTIONS });
    if (!args) return 0;
    const { values } = args;
    const format = formatOf(values);
    const query = eventQuery(values);
    const store = openDb(values.db, io, { readonly: true });
    try {
      const page = store.events(query);
      writeRows(io, format, COLUMNS, page.items, page, page);
      return 0;
    } finally { store.close(); }
  },
};
