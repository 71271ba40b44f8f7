import type { SearchHit } from '../../store/store.js';
import { readArgs } from '../args.js';
import type { Command } from '../command.js';
import { openDb } from './db-option.js';
import { formatOf, intOption, writeRows, type Column } from './query-output.js';

const USAGE = `usage: dossier search QUERY [--db FILE] [--limit N] [--offset N] [--json | --csv]

Full-text search over the corpus (SQLite FTS5): words (all must occur), "exact phrases",
OR, NOT, prefix* ; best matches first, with the matched words in [brackets].`;

const COLUMNS: Column<SearchHit>[] = [
  { header: 'published', value: (h) => h.article.published },
  { header: 'outlet', value: (h) => h.article.outlet, max: 24 },
  { header: 'title', value: (h) => h.article.title, max: 50 },
  { header: 'snippet', value: (h) => h.snippet, max: 90 },
  { header: 'article', value: (h) => h.article.id },
];

export const searchCommand: Command = {
  name: 'search',
  usage: USAGE,
  async run(argv, io) {
    const args = readArgs(searchCommand, argv, io, {
      db: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' }, limit: { type: 'string' }, offset: { type: 'string' },
    }, { min: 1, max: Infinity, what: 'a QUERY' });
    if (!args) return 0;
    const { values, positionals } = args;
    const format = formatOf(values);
    const q = { limit: intOption(values.limit, '--limit'), offset: intOption(values.offset, '--offset') };
    const store = openDb(values.db, io, { readonly: true });
    try {
      const page = store.search(positionals.join(' '), q);
      writeRows(io, format, COLUMNS, page.items, page, page);
      return 0;
    } finally { store.close(); }
  },
};
