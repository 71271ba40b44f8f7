import type { ActorRefJson } from '../../result/schema.js';

/**
 * How the store names a party: the GDELT-style code (country + sector, "IRNGOV"), the country
 * alone, and the name folded for comparison. Cross-article matching compares `key`s: the country
 * when it is known (outlets name the same government differently: "Washington", "the US",
 * "the Biden administration"), else the folded name.
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

export function party(ref: ActorRefJson): Party {
  const name = foldName(ref.name);
  return { name, country: ref.country, code: actorCode(ref), key: ref.country ?? `name:${name}` };
}

export function keysOf(refs: readonly ActorRefJson[]): Set<string> {
  return new Set(refs.map((r) => party(r).key));
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
