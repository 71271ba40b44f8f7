import { isDossierError } from '../core/errors.js';
import { ENGINE_VERSION } from '../version.js';
import type { CliIO } from './command.js';
import { COMMANDS } from './commands/index.js';

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `dossier ${ENGINE_VERSION}: who said what, and who did what to whom, when, where, and according to whom`,
    '',
    'usage: dossier COMMAND [options]     (dossier COMMAND --help for a command\'s options)',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
  ].join('\n');
}

/** Runs the command line and returns the exit status: 0 success, non-zero with a one-line reason on stderr. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') { io.stdout.write(help()); return name ? 0 : 2; }
  if (name === '--version' || name === '-v') { io.stdout.write(`${ENGINE_VERSION}\n`); return 0; }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`dossier: unknown command "${name}" (commands: ${COMMANDS.map((c) => c.name).join(', ')})\n`);
    return 2;
  }
  try {
    return await (await command.load()).run(rest, io);
  } catch (e) {
    if (isDossierError(e)) {
      io.stderr.write(`dossier: ${e.message}\n`);
      return e.exitStatus;
    }
    io.stderr.write(`dossier: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    return 70;
  }
}
