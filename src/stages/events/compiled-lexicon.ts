import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readCompiledJson, writeCompiledJson } from '../../core/compiled.js';
import { Lexicon, type LexiconSnapshot } from './match.js';
import { NON_EVENTS, TRIGGERS, type TriggerEntry } from './triggers.js';

/**
 * The events stage's lexicon (the project's triggers, then the CAMEO dictionary's, and the
 * non-events) with its patterns compiled by `npm run build` into dist/stages/events/lexicon.compiled.json
 * (the lexicon's snapshot, LexiconSnapshot): reading them back costs a fraction of compiling the
 * dictionary's 6,400 patterns, some 100 ms of every start-up.
 */
const COMPILED_FILE = fileURLToPath(new URL('lexicon.compiled.json', import.meta.url));
const FORM = 1;

/**
 * The dictionary's entries (scripts/cameo-lexicon.mjs), as cameo-triggers.ts has them; tsc copies the
 * file into dist/ beside this module since cameo-triggers.ts imports it. Read here as Latin-1 (it is
 * ASCII), quicker than importing it as a module.
 */
const CAMEO_FILE = fileURLToPath(new URL('cameo-lexicon.json', import.meta.url));

/** What a compiled lexicon is compiled from (the dictionary, built into dist/ with it, by its length). */
function source(cameo: readonly TriggerEntry[]): string {
  return `events lexicon, form ${FORM}: triggers.ts's ${TRIGGERS.length} triggers and ${NON_EVENTS.length} non-events, the dictionary's ${cameo.length} triggers`;
}

/** The stage's lexicon: its patterns read back from their compiled form when `npm run build` wrote one, else compiled. */
export function shippedLexicon(): Lexicon {
  const cameo = readCameoTriggers();
  const compiled = readCompiledJson<{ lexicon: LexiconSnapshot }>(COMPILED_FILE, source(cameo));
  return new Lexicon([...TRIGGERS, ...cameo], NON_EVENTS, compiled?.lexicon);
}

function readCameoTriggers(): readonly TriggerEntry[] {
  const text = readFileSync(CAMEO_FILE, 'latin1');
  // eslint-disable-next-line no-control-regex
  return JSON.parse(/^[\x00-\x7f]*$/.test(text) ? text : readFileSync(CAMEO_FILE, 'utf8')) as readonly TriggerEntry[];
}

/** Writes the compiled lexicon of the shipped entries, for `npm run build` (write-lexicon.ts). */
export function writeCompiledLexicon(file = COMPILED_FILE): void {
  const cameo = readCameoTriggers();
  writeCompiledJson(file, source(cameo), { lexicon: new Lexicon([...TRIGGERS, ...cameo], NON_EVENTS).snapshot() });
}
