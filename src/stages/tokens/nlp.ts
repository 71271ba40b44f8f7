import winkNLP from 'wink-nlp';
import type { Resources } from '../../core/resources.js';
import { englishModel } from './model.js';

export type WinkNlp = ReturnType<typeof winkNLP>;

/**
 * The annotations dossier reads from wink: sentences and part of speech (with lemmas). wink's own
 * named entities, sentiment and negation scope are left out of its pipe: dossier finds entities with
 * its actor base, no stage reads the other two, and each pass costs a good part of what tagging does
 * (the part of speech tagger does not look at negation: its tags are the same without it).
 */
export const WINK_PIPE = ['sbd', 'pos'] as const;

let shared: WinkNlp | undefined;

/**
 * The wink-nlp instance. It is one for the whole process, not one per Resources: the model's loader
 * re-encodes part of itself on every load, so each new instance takes longer than the one before and
 * the twentieth fails ("Invalid string length"). Sharing it is safe because nothing of one article
 * stays in it that changes the tokens of the next (see possessive.ts for the one thing that did).
 */
export function winkOf(resources: Resources): WinkNlp {
  return resources.once('wink-nlp', () => (shared ??= winkNLP(englishModel(WINK_PIPE), [...WINK_PIPE])));
}
