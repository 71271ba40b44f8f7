import type { Command } from '../command.js';
import { actorCommand } from './actor.js';
import { analyzeCommand } from './analyze.js';
import { eventsCommand } from './events.js';
import { exportCommand } from './export.js';
import { happeningsCommand } from './happenings.js';
import { ingestCommand } from './ingest.js';
import { quotesCommand } from './quotes.js';
import { searchCommand } from './search.js';
import { seriesCommand } from './series.js';
import { storiesCommand } from './stories.js';
import { serveCommand } from './serve.js';
import { migrateCommand } from './migrate.js';
import { workerCommand } from './worker.js';

/** Every command of the `dossier` binary; each lives in its own file beside this one. */
export const COMMANDS: readonly Command[] = [analyzeCommand, actorCommand, ingestCommand, searchCommand, eventsCommand, happeningsCommand, quotesCommand, seriesCommand, storiesCommand, exportCommand, serveCommand, workerCommand, migrateCommand];
