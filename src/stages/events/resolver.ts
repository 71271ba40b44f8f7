import { actorBaseOf } from '../../actors/index.js';
import type { Resources } from '../../pipeline/resources.js';
import type { PhraseResolver } from './phrases.js';

const NON_STATE = new Set(['IGO', 'UNO', 'EUR', 'NGO', 'MNC']);

/**
 * The actor base (src/actors) as the events stage's phrase resolver. A country acting as such is its
 * government: "the US imposed" is USA GOV even when the base leaves the sector open.
 */
export function actorResolverOf(resources: Resources): PhraseResolver {
  const base = actorBaseOf(resources);
  return {
    resolve(text, date) {
      const r = base.resolve(text, { date });
      if (!r) return null;
      const sector = r.sector ?? (r.country && !NON_STATE.has(r.country) ? 'GOV' : null);
      return { name: r.name, country: r.country, sector };
    },
  };
}
