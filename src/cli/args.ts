import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isValidDate } from '../api/validate.js';
import { DossierError } from '../core/errors.js';
import { autoJobs } from '../parallel/pool.js';
import type { CliIO, Command } from './command.js';

/**
 * The one way the commands read their arguments: options by node's parseArgs (strict), --help
 * answered with the command's usage, and the count of positional arguments checked, every error a
 * usage error that names the command and shows its usage.
 */
export type Options = NonNullable<ParseArgsConfig['options']>;

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/** How many positional arguments a command takes, and what its errors call them ("one ACTOR"). */
export interface Positionals {
  readonly min: number;
  readonly max: number;
  readonly what: string;
}

export const NO_POSITIONALS: Positionals = { min: 0, max: 0, what: 'no arguments' };

type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O & typeof HELP; allowPositionals: true; strict: true }>>;

/**
 * The command's options and positional arguments; null when --help was asked for (the usage is
 * then written to stdout, and the command returns 0).
 */
export function readArgs<O extends Options>(command: Pick<Command, 'name' | 'usage'>, argv: string[], io: CliIO, options: O,
  positionals: Positionals = NO_POSITIONALS): Parsed<O> | null {
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, ...HELP }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new DossierError('USAGE', `${command.name}: ${(e as Error).message.replace(/\. To specify.*$/s, '')}`);
  }
  if ((parsed.values as { help?: boolean }).help) { io.stdout.write(`${command.usage}\n`); return null; }
  const given = parsed.positionals;
  if (given.length > positionals.max) {
    const extra = given[positionals.max]!;
    throw new DossierError('USAGE', `${command.name}: unexpected argument "${extra}"${positionals.max ? ` (expected ${positionals.what})` : ''}\n${command.usage}`);
  }
  if (given.length < positionals.min) throw new DossierError('USAGE', `${command.name}: expected ${positionals.what}\n${command.usage}`);
  return parsed;
}

/** `--jobs`: a positive whole number, or "auto" for one worker a core. */
export function parseJobs(value: string | undefined, command: string): number {
  if (value === undefined) return 1;
  if (value === 'auto') return autoJobs();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new DossierError('USAGE', `${command}: --jobs must be a whole number from 1 to 256 or "auto", not "${value}"`);
  return n;
}

/** A date option: a real calendar day (2018-02-30 is refused), as the API checks its dates. */
export function dateOption(raw: string | undefined, name: string): string | undefined {
  if (raw === undefined) return undefined;
  if (!isValidDate(raw.trim())) throw new DossierError('USAGE', `${name} must be a date YYYY-MM-DD, not "${raw}"`);
  return raw.trim();
}
