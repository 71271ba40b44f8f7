import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { DossierError, EXIT_STATUS } from '../core/errors.js';
import type { CliIO } from './command.js';

/**
 * The per-item report of a batch (ingest, analyze --input), like a bulk API's: every failed item is
 * one line on stderr and, with `--errors FILE`, one JSON line in that file ({id, origin, code,
 * status, message}); the batch always finishes, and its exit status says whether anything failed.
 */
export class ErrorReport {
  failed = 0;
  private readonly fd: number | null;

  constructor(private readonly io: CliIO, file: string | undefined, private readonly clear: () => void = () => {}) {
    if (file === undefined) { this.fd = null; return; }
    const target = path.resolve(io.cwd, file);
    try {
      this.fd = openSync(target, 'w');
    } catch (e) {
      throw new DossierError('USAGE', `--errors: cannot write the error report: ${(e as Error).message}`, { where: target });
    }
  }

  add(id: string, origin: string, error: DossierError): void {
    this.failed++;
    this.clear();
    this.io.stderr.write(`dossier: skipped ${id}: ${error.message}\n`);
    if (this.fd !== null) {
      writeSync(this.fd, `${JSON.stringify({ id, origin, code: error.code, status: error.exitStatus, message: error.message })}\n`);
    }
  }

  /** Closes the file; the batch's exit status: ok, or partial when any item failed. */
  close(): number {
    if (this.fd !== null) closeSync(this.fd);
    return this.failed ? EXIT_STATUS.partial : EXIT_STATUS.ok;
  }
}
