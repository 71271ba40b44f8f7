import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Resources } from '../../pipeline/resources.js';

export type WinkNlp = ReturnType<typeof winkNLP>;

/**
 * The annotations dossier reads from wink: sentences, negation scope and part of speech (with
 * lemmas). wink's own named entities and sentiment are left out of its pipe: dossier finds
 * entities with its actor base, and each of those two passes costs as much as tagging.
 */
export const WINK_PIPE = ['sbd', 'negation', 'pos'] as const;

/** The wink-nlp instance, loaded once per Resources (it holds a model of a few MB). */
export function winkOf(resources: Resources): WinkNlp {
  return resources.once('wink-nlp', () => winkNLP(model, [...WINK_PIPE]));
}
