import type { ActorRefJson } from '../../result/schema.js';
import { isNationalName } from './national-names.js';

/**
 * How the store names a party: the GDELT-style code (country + sector, "IRNGOV"), the country
 * alone, and the name folded for comparison. Cross-article matching compares `key`s. The state
 * (a national name, capital or demonym, or a government or military body) is keyed by its country,
 * since outlets name it differently ("Iran", "Tehran", "the Iranian government"); a person (a
 * PERSON entity of the article) by name, so two politicians of one country are never one party;
 * anything else (a city, a party, a company) by its name.
 */
export interface Party {
  readonly name: string;
  readonly country: string | null;
  readonly code: string | null;
  readonly key: string;
}

export const foldName = (name: string) => name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** The last word of a folded name, the surname for most people ("ali khamenei" -> "khamenei"); indexed for name filters. */
export const lastWord = (folded: string) => folded.split(' ').pop() ?? folded;

export function actorCode(ref: Pick<ActorRefJson, 'country' | 'sector'>): string | null {
  if (!ref.country) return null;
  return `${ref.country}${ref.sector ?? ''}`;
}

export function party(ref: ActorRefJson, persons: ReadonlySet<string> = NO_PERSONS): Party {
  const name = foldName(ref.name);
  const state = ref.country !== null && !persons.has(name)
    && (ref.sector === 'GOV' || ref.sector === 'MIL' || isNationalName(name, ref.country));
  const key = state ? ref.country! : persons.has(name) ? `person:${name}` : `name:${name}`;
  return { name, country: ref.country, code: actorCode(ref), key };
}

const NO_PERSONS: ReadonlySet<string> = new Set();

export function keysOf(refs: readonly ActorRefJson[], persons: ReadonlySet<string> = NO_PERSONS): Set<string> {
  return new Set(refs.map((r) => party(r, persons).key));
}

/** The folded names (and mention texts) of an article's PERSON entities. */
export function personNames(entities: readonly { name: string; type: string; mentions: readonly { text: string }[] }[]): Set<string> {
  const out = new Set<string>();
  for (const e of entities) {
    if (e.type !== 'PERSON') continue;
    out.add(foldName(e.name));
    for (const m of e.mentions) out.add(foldName(m.text));
  }
  return out;
}

/**
 * An actor filter as typed by a user: a country code ("IRN"), a country+sector code ("IRNGOV")
 * or a name. It is compared against all three columns, so "BBC" finds the outlet by name.
 */
export interface ActorFilter {
  readonly code: string;
  readonly name: string;
}

export function actorFilter(text: string): ActorFilter {
  return { code: text.trim().toUpperCase(), name: foldName(text) };
}
