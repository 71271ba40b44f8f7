import cameoLexicon from './cameo-lexicon.json' with { type: 'json' };
import { TRIGGERS, type TriggerEntry } from './triggers.js';

/**
 * The CAMEO verb dictionary's patterns, coded in PLOVER (converted by scripts/cameo-lexicon.mjs;
 * ids `trigger.cameo.*`). They come after the project's own (TRIGGERS), which win a tie of equal length.
 * A module apart from triggers.ts: the analysis reads them from the lexicon `npm run build`
 * compiles (compiled-lexicon.ts), not from their 1.4 MB of JSON.
 */
export const CAMEO_TRIGGERS: readonly TriggerEntry[] = cameoLexicon as readonly TriggerEntry[];

/** Every trigger pattern the stage matches: the project's own, then the dictionary's. */
export const ALL_TRIGGERS: readonly TriggerEntry[] = [...TRIGGERS, ...CAMEO_TRIGGERS];
