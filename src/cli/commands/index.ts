import type { Command } from '../command.js';
import { analyzeCommand } from './analyze.js';
import { ingestCommand } from './ingest.js';
import { serveCommand } from './serve.js';

/** Every command of the `dossier` binary; each lives in its own file beside this one. */
export const COMMANDS: readonly Command[] = [analyzeCommand, ingestCommand, serveCommand];
