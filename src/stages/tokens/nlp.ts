import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Resources } from '../../pipeline/resources.js';

export type WinkNlp = ReturnType<typeof winkNLP>;

/** The wink-nlp instance, loaded once per Resources (it holds a model of a few MB). */
export function winkOf(resources: Resources): WinkNlp {
  return resources.once('wink-nlp', () => winkNLP(model));
}
