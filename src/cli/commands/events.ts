import { DossierError } from '../../core/errors.js';
import { QUAD_CLASS_NUMBERS, isOneOf } from '../../core/vocabulary.js';
import { modalityFilter, parseMinConfidence, parseModalities } from '../../store/filter-values.js';
import type { EventQuery, StoredEvent } from '../../store/store.js';
import { readArgs } from '../args.js';
import type { Command } from '../command.js';
import { openDb } from './db-option.js';
import { QUERY_OPTIONS, QUERY_USAGE, dateOption, formatOf, intOption, partiesCell, writeRows, type Column } from './query-output.js';

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

/** The event query from the shared filter options. */
export function eventQuery(values: Record<string, string | boolean | undefined>): EventQuery {
  const s = (k: string) => (typeof values[k] === 'string' ? values[k] : undefined);
  let dyad: [string, string] | undefined;
  if (s('dyad')) {
    const parts = s('dyad')!.split(',').map((p) => p.trim()).filter(Boolean);
    if (parts.length !== 2) throw new DossierError('USAGE', `--dyad wants two parties separated by a comma (IRN,USA), not "${s('dyad')}"`);
    dyad = [parts[0]!, parts[1]!];
  }
  const quad = intOption(s('quad'), '--quad');
  if (quad !== undefined && !isOneOf(QUAD_CLASS_NUMBERS, quad)) throw new DossierError('USAGE', `--quad must be one of ${QUAD_CLASS_NUMBERS.join(', ')}`);
  return {
    actor: s('actor'), recipient: s('recipient'), dyad, type: s('type'), modality: modalityFilter(parseModalities(s('modality'), '--modality')),
    minConfidence: parseMinConfidence(s('confidence'), '--confidence'), outlet: s('outlet'), quadClass: quad,
    from: dateOption(s('from'), '--from'), to: dateOption(s('to'), '--to'),
    limit: intOption(s('limit'), '--limit'), offset: intOption(s('offset'), '--offset'),
  };
}

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
