import type { LayerAnnotation } from '../../core/annotation.js';

export type Tense = 'past' | 'future' | 'unknown';

const FUTURE_WORDS = new Set(['will', 'shall', "'ll", '’ll', 'upcoming', 'next', 'coming', 'scheduled', 'tomorrow']);
const PAST_AUX = new Set(['was', 'were', 'had', 'did', 'said', 'told']);

/**
 * The tense of the words around a date expression, judged from the tokens of its sentence: a modal
 * "will" or a scheduling word points forward; a past form of a verb points back. Wink's tags carry no
 * tense, so a past form is a verb whose written form differs from its lemma and is no -ing or -s form.
 */
export function tenseOf(tokens: readonly LayerAnnotation<'token'>[]): Tense {
  let future = false, past = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.data;
    if (FUTURE_WORDS.has(t.normal)) future = true;
    else if (t.normal === 'going' && tokens[i + 1]?.data.normal === 'to') future = true;
    else if (PAST_AUX.has(t.normal)) past = true;
    else if ((t.pos === 'VERB' || t.pos === 'AUX') && t.lemma !== t.normal && !/(ing|s)$/.test(t.normal)) past = true;
  }
  if (future && !past) return 'future';
  if (past && !future) return 'past';
  return 'unknown';
}
