import { createApiServer, listen, LOOPBACK_HOSTS } from '../../api/server.js';
import { DossierError } from '../../core/errors.js';
import { DEFAULT_DB_FILE } from '../../store/store.js';
import { serveStatic } from '../../web/static.js';
import { readArgs } from '../args.js';
import type { Command } from '../command.js';
import { dbLabel, dbLocation, openDb } from './db-option.js';

const USAGE = `usage: dossier serve [--db FILE] [--port N] [--host ADDRESS] [--allow-ingest]

  --db FILE|URL     the corpus store: a SQLite file or a postgres:// URL (default: $DOSSIER_DB, else ${DEFAULT_DB_FILE})
  --port N          the port to listen on (default 8080; 0 picks a free one)
  --host ADDRESS    the address to listen on (default 127.0.0.1, this machine only)
  --allow-ingest    accept POST /api/articles (analyse and store); without it the API is read-only

  Queries run on 2 worker threads with a time limit of 10 s (503 QUERY_TIMEOUT past it), analyses
  on one with a limit of 60 s (422 ANALYSIS_TIMEOUT); when 64 requests already wait, the answer is
  503 BUSY with a Retry-After header.

  The web page is at http://HOST:PORT/, the API under /api/ (described at /api/openapi.json).`;

export const serveCommand: Command = {
  name: 'serve',
  usage: USAGE,
  async run(argv, io) {
    const args = readArgs(serveCommand, argv, io, {
      db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' },
      'allow-ingest': { type: 'boolean' },
    });
    if (!args) return 0;
    const { values } = args;
    const port = values.port === undefined ? 8080 : Number(values.port);
    if (!/^\d{1,5}$/.test(values.port ?? '8080') || port > 65535) throw new DossierError('USAGE', `serve: --port must be a number from 0 to 65535, not "${values.port}"`);
    const allowIngest = values['allow-ingest'] === true;
    // a missing database is "not found" (3), as for every other command that reads one
    const store = openDb(values.db, io, { readonly: !allowIngest });
    const host = values.host ?? '127.0.0.1';
    // on a loopback address only local names are answered (a guard against DNS rebinding)
    const loopback = host === 'localhost' || host === '::1' || host.startsWith('127.');
    const server = createApiServer({
      // queries and analyses on worker threads: a long one never holds the server (see ServerOptions.workers)
      store, allowIngest, staticFiles: (pathname) => serveStatic(pathname), workers: { dbFile: dbLocation(values.db, io) },
      ...(loopback ? { allowedHosts: [...LOOPBACK_HOSTS, host.includes(':') ? `[${host}]` : host] } : {}),
    });
    let running;
    try {
      running = await listen(server, port, host);
    } catch (e) {
      store.close();
      throw e;
    }
    if (!loopback) io.stderr.write(`dossier: warning: listening on ${host}, so other machines can read the corpus${allowIngest ? ' and add to it' : ''}\n`);
    io.stderr.write(`dossier: serving ${dbLabel(dbLocation(values.db, io))} at ${running.url}/ (${allowIngest ? 'ingest allowed' : 'read-only'}); Ctrl-C stops\n`);
    await new Promise<void>((resolve) => {
      const stop = () => { process.off('SIGINT', stop); process.off('SIGTERM', stop); void running.close().then(resolve); };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    store.close();
    return 0;
  },
};
