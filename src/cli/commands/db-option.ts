import path from 'node:path';
import { existsSync } from 'node:fs';
import { DossierError } from '../../core/errors.js';
import { isPostgresUrl, redact } from '../../store/postgres/postgres-store.js';
import { DEFAULT_DB_FILE, openStore, type Store } from '../../store/store.js';
import type { CliIO } from '../command.js';

/**
 * The store --db names: a SQLite file (relative to the working folder) or a postgres:// URL; without
 * --db, the DOSSIER_DB environment variable, else ./dossier.db.
 */
export function dbLocation(db: string | undefined, io: CliIO): string {
  const given = db ?? (process.env['DOSSIER_DB'] || undefined);
  if (given && isPostgresUrl(given)) return given;
  return path.resolve(io.cwd, given ?? DEFAULT_DB_FILE);
}

/** The location for messages (a URL without its password). */
export const dbLabel = (location: string) => redact(location);

/** The store named by --db (or DOSSIER_DB); queries open it read-only and need it to exist. */
export function openDb(db: string | undefined, io: CliIO, options: { readonly?: boolean } = {}): Store {
  const location = dbLocation(db, io);
  if (options.readonly && !isPostgresUrl(location) && !existsSync(location)) {
    throw new DossierError('INPUT_NOT_FOUND', `no corpus database here; build one with "dossier ingest PATH"${db ? '' : ' (or give --db FILE)'}`, { where: location });
  }
  return openStore(location, options);
}
