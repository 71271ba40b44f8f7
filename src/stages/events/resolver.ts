import { actorBaseOf } from '../../actors/index.js';
import type { ActorRefData } from '../../core/layers.js';
import type { Resources } from '../../pipeline/resources.js';
import type { PhraseResolver } from './phrases.js';

const NON_STATE = new Set(['IGO', 'UNO', 'EUR', 'NGO', 'MNC']);

/**
 * The actor base (src/actors) as the events stage's phrase resolver. A country acting as such is its
 * government: "the US imposed" is USA GOV even when the base leaves the sector open.
 */
export function actorResolverOf(resources: Resources): PhraseResolver {
  const base = actorBaseOf(resources);
  // the same words come back sentence after sentence ("Iran", "the White House"): ask once per day
  const cache = new Map<string, ActorRefData | null>();
  return {
    resolve(text, date) {
      const key = `${date ?? ''}\u0000${text}`;
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
      if (cache.size > 20_000) cache.clear();
      const r = base.resolve(text, { date });
      const sector = r ? r.sector ?? (r.country && !NON_STATE.has(r.country) ? 'GOV' : null) : null;
      const ref = r ? { name: r.name, country: r.country, sector } : null;
      cache.set(key, ref);
      return ref;
    },
  };
}
