import { actorBaseOf } from '../../actors/index.js';
import type { ActorRefData } from '../../core/layers.js';
import { isNonState } from '../../ontology/actors.js';
import type { Resources } from '../../core/resources.js';
import type { PhraseResolver } from './phrases.js';

/**
 * The actor base (src/actors) as the events stage's phrase resolver. A country acting as such is its
 * government: "the US imposed" is USA GOV even when the base leaves the sector open.
 */
export function actorResolverOf(resources: Resources): PhraseResolver {
  const base = actorBaseOf(resources);
  // the same words come back sentence after sentence ("Iran", "the White House"): ask once per day
  // (by date, then words: two look-ups on strings at hand, no joined key to build for each phrase)
  const cache = new Map<string, Map<string, ActorRefData | null>>();
  let cached = 0;
  return {
    resolve(text, date) {
      let byText = cache.get(date ?? '');
      const hit = byText?.get(text);
      if (hit !== undefined) return hit;
      if (cached > 20_000) { cache.clear(); cached = 0; byText = undefined; }
      if (!byText) { byText = new Map(); cache.set(date ?? '', byText); }
      const r = base.resolve(text, { date });
      const sector = r ? r.sector ?? (r.country && !isNonState(r.country) ? 'GOV' : null) : null;
      const ref = r ? { name: r.name, country: r.country, sector } : null;
      byText.set(text, ref);
      cached++;
      return ref;
    },
  };
}
