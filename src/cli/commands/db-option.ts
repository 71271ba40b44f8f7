import path from 'node:path';
import { existsSync } from 'node:fs';
import { DossierError } from '../../core/errors.js';
import { DEFAULT_DB_FILE, openStore, type Store } from '../../store/store.js';
import type { CliIO } from '../command.js';

/** The store named by --db (default ./dossier.db); queries open it read-only and need it to exist. */
export function openDb(db: string | undefined, io: CliIO, options: { readonly?: boolean } = {}): Store {
  const file = path.resolve(io.cwd, db ?? DEFAULT_DB_FILE);
  if (options.readonly && !existsSync(file)) {
    throw new DossierError('INPUT_NOT_FOUND', `no corpus database here; build one with "dossier ingest PATH"${db ? '' : ' (or give --db FILE)'}`, { where: file });
  }
  return openStore(file, options);
}
