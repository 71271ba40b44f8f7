import { DossierError } from '../../core/errors.js';
import { copyCorpus } from '../../store/copy.js';
import { readArgs } from '../args.js';
import type { Command } from '../command.js';
import { dbLabel, dbLocation, openDb } from './db-option.js';

const USAGE = `usage: dossier migrate --from FILE.db --to postgres://USER@HOST/DB
       dossier migrate --from postgres://USER@HOST/DB --to FILE.db

Copies a corpus from one engine to the other: articles, events, happenings, quotes and their
variants, learned people, with the same ids. The target must be empty (a new file or database);
the copy is one transaction, so an interrupted copy leaves it empty.`;

export const migrateCommand: Command = {
  name: 'migrate',
  usage: USAGE,
  async run(argv, io) {
    const args = readArgs(migrateCommand, argv, io, { from: { type: 'string' }, to: { type: 'string' } });
    if (!args) return 0;
    const { values } = args;
    if (!values.from || !values.to) throw new DossierError('USAGE', `migrate: give both --from and --to\n${USAGE}`);
    const from = openDb(values.from, io, { readonly: true });
    try {
      const to = openDb(values.to, io);
      try {
        const started = process.hrtime.bigint();
        copyCorpus(from, to, (t) => io.stderr.write(`dossier: ${t.table}: ${t.rows} rows\n`));
        const s = to.stats();
        const secs = Number(process.hrtime.bigint() - started) / 1e9;
        io.stderr.write(`dossier: copied ${dbLabel(dbLocation(values.from, io))} to ${dbLabel(dbLocation(values.to, io))} in ${secs.toFixed(1)} s: ` +
          `${s.articles} articles, ${s.events} events, ${s.happenings} happenings, ${s.quotes} quotes\n`);
        return 0;
      } finally { to.close(); }
    } finally { from.close(); }
  },
};
