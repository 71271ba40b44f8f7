import { DossierError } from '../../core/errors.js';
import type { Quote, QuoteVariant } from '../../store/store.js';
import { readArgs } from '../args.js';
import type { Command } from '../command.js';
import { openDb } from './db-option.js';
import { QUERY_OPTIONS, QUERY_USAGE, dateRangeOptions, formatOf, intOption, writeRows, type Column } from './query-output.js';

const USAGE = `usage: dossier quotes [--speaker NAME] [--text WORDS] [--outlet NAME] [--json | --csv]
       dossier quotes ID [--json | --csv]

Quotes merged across the outlets that report them, most reported first. Fidelity says how closely
each variant keeps the first reported wording (1 = word for word). With an ID (q7), every variant
and how its words differ.
  --speaker NAME  the speaker's name (or a surname), or a country/sector code (IRNGOV)
  --text WORDS    quotes containing all these words
  --outlet NAME   quotes reported by this outlet
${QUERY_USAGE}`;

const COLUMNS: Column<Quote>[] = [
  { header: 'id', value: (q) => q.id },
  { header: 'first', value: (q) => q.firstPublished },
  { header: 'speaker', value: (q) => q.speaker?.name ?? null, max: 28 },
  { header: 'sources', value: (q) => q.sources },
  { header: 'variants', value: (q) => q.variantCount },
  { header: 'fidelity', value: (q) => q.minFidelity },
  { header: 'text', value: (q) => q.text, max: 70 },
];

const changesText = (v: QuoteVariant) => v.changes.map((c) =>
  c.op === 'insert' ? `+"${c.to}"` : c.op === 'delete' ? `-"${c.from}"` : `"${c.from}" -> "${c.to}"`).join('; ');

const VARIANT_COLUMNS: Column<QuoteVariant>[] = [
  { header: 'published', value: (v) => v.source.published },
  { header: 'outlet', value: (v) => v.source.outlet, max: 24 },
  { header: 'fidelity', value: (v) => v.fidelity },
  { header: 'changes', value: changesText, max: 60 },
  { header: 'text', value: (v) => v.text, max: 70 },
];

export const quotesCommand: Command = {
  name: 'quotes',
  usage: USAGE,
  async run(argv, io) {
    const args = readArgs(quotesCommand, argv, io, { ...QUERY_OPTIONS, speaker: { type: 'string' }, text: { type: 'string' }, outlet: { type: 'string' } }, { min: 0, max: 1, what: 'at most one ID' });
    if (!args) return 0;
    const { values, positionals } = args;
    const format = formatOf(values);
    const query = {
      speaker: values.speaker, text: values.text, outlet: values.outlet, ...dateRangeOptions(values),
      limit: intOption(values.limit, '--limit'), offset: intOption(values.offset, '--offset'),
    };
    const store = openDb(values.db, io, { readonly: true });
    try {
      if (!positionals.length) {
        const page = store.quotes(query);
        writeRows(io, format, COLUMNS, page.items, page, page);
        return 0;
      }
      const q = store.quote(positionals[0]!);
      if (!q) throw new DossierError('NOT_FOUND', `no quote "${positionals[0]}" in the corpus`);
      if (format === 'json') { io.stdout.write(`${JSON.stringify(q, null, 2)}\n`); return 0; }
      if (format === 'table') io.stdout.write(`${q.id}  ${q.speaker?.name ?? 'unknown speaker'}: "${q.text}"\n${q.sources} sources, ${q.variantCount} variants\n\n`);
      writeRows(io, format, VARIANT_COLUMNS, q.variants, q.variants);
      return 0;
    } finally { store.close(); }
  },
};
