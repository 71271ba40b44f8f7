import type { ActorStory } from '../../store/store.js';
import { readArgs } from '../args.js';
import type { Command } from '../command.js';
import { openDb } from './db-option.js';
import { QUERY_OPTIONS, QUERY_USAGE, dateRangeOptions, formatOf, intOption, writeRows, type Column } from './query-output.js';

const USAGE = `usage: dossier stories ACTOR [--json | --csv]

The articles an actor appears in, newest first, and how: as the one who acts, the one acted on,
a speaker, or a named entity. ACTOR: a country code (IRN), country+sector (IRNGOV) or a name.
${QUERY_USAGE}`;

const COLUMNS: Column<ActorStory>[] = [
  { header: 'published', value: (s) => s.article.published },
  { header: 'outlet', value: (s) => s.article.outlet, max: 24 },
  { header: 'title', value: (s) => s.article.title, max: 60 },
  { header: 'roles', value: (s) => s.roles.join(',') },
  { header: 'events', value: (s) => s.events },
  { header: 'quotes', value: (s) => s.quotes },
  { header: 'article', value: (s) => s.article.id },
];

export const storiesCommand: Command = {
  name: 'stories',
  usage: USAGE,
  async run(argv, io) {
    const args = readArgs(storiesCommand, argv, io, QUERY_OPTIONS, { min: 1, max: 1, what: 'one ACTOR' });
    if (!args) return 0;
    const { values, positionals } = args;
    const format = formatOf(values);
    const q = {
      ...dateRangeOptions(values),
      limit: intOption(values.limit, '--limit'), offset: intOption(values.offset, '--offset'),
    };
    const store = openDb(values.db, io, { readonly: true });
    try {
      const page = store.actorStories(positionals[0]!, q);
      writeRows(io, format, COLUMNS, page.items, page, page);
      return 0;
    } finally { store.close(); }
  },
};
