import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DossierError } from '../core/errors.js';

/** Where a command writes; tests pass buffers, the binary passes the process streams. */
export interface CliIO {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly cwd: string;
}

export interface Command {
  readonly name: string;
  readonly usage: string;
  /** returns the exit status; throws DossierError for bad usage or unreadable input */
  run(argv: string[], io: CliIO): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs with errors turned into usage errors that name the command. */
export function parseCommandArgs<O extends Options>(command: string, argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new DossierError('USAGE', `${command}: ${(e as Error).message.replace(/\. To specify.*$/s, '')}`);
  }
}
