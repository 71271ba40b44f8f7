import type { Command } from '../command.js';

/**
 * Every command of the `dossier` binary; each lives in its own file beside this one. A command's
 * file (and what it needs: the models, the store, the HTML reader) is imported only when that command
 * runs, so `dossier --help` or `dossier search` does not pay for loading the analysis pipeline.
 */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  load(): Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'analyze', summary: 'analyse articles into attributions, events and entities (JSON)', load: async () => (await import('./analyze.js')).analyzeCommand },
  { name: 'actor', summary: 'resolve actor descriptions to country and sector (JSON)', load: async () => (await import('./actor.js')).actorCommand },
  { name: 'ingest', summary: 'analyse articles and feeds into the corpus database (idempotent)', load: async () => (await import('./ingest.js')).ingestCommand },
  { name: 'search', summary: 'full-text search over the articles of the corpus', load: async () => (await import('./search.js')).searchCommand },
  { name: 'events', summary: 'list reported events in the corpus by dyad, type, dates, modality, outlet', load: async () => (await import('./events.js')).eventsCommand },
  { name: 'happenings', summary: 'list happenings: events merged across the outlets that report them', load: async () => (await import('./happenings.js')).happeningsCommand },
  { name: 'quotes', summary: 'list quotes merged across outlets, by speaker or words, with their variants', load: async () => (await import('./quotes.js')).quotesCommand },
  { name: 'series', summary: "a dyad's daily series: happenings by quad class and mean score", load: async () => (await import('./series.js')).seriesCommand },
  { name: 'stories', summary: 'the articles an actor appears in (as party, speaker or entity)', load: async () => (await import('./stories.js')).storiesCommand },
  { name: 'export', summary: 'export the corpus: results JSONL, PLOVER-style happenings JSONL, GDELT-like CSV', load: async () => (await import('./export.js')).exportCommand },
  { name: 'rules', summary: 'the rules behind provenance ids: every rule id with its stage and meaning', load: async () => (await import('./rules.js')).rulesCommand },
  { name: 'serve', summary: 'open the corpus store in a browser (web page and HTTP API)', load: async () => (await import('./serve.js')).serveCommand },
  { name: 'worker', summary: 'analyse and store queued articles (PostgreSQL; run any number, on any machines)', load: async () => (await import('./worker.js')).workerCommand },
  { name: 'migrate', summary: 'copy a corpus between SQLite and PostgreSQL', load: async () => (await import('./migrate.js')).migrateCommand },
];
