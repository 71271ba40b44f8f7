import type { Resources } from '../../pipeline/resources.js';
import type { PhraseResolver } from './phrases.js';

/**
 * The actor base (src/actors) as a phrase resolver, when it is installed; null otherwise, and the
 * stage falls back to its gazetteer.
 */
export function actorResolverOf(_resources: Resources): PhraseResolver | null {
  return null;
}
