import type { ActorRefJson } from '../../result/schema.js';

/**
 * How the store names a party: the GDELT-style code (country + sector, "IRNGOV"), the country
 * alone, and the name folded for comparison. Cross-article matching compares `key`s. A person
 * (an entity of type PERSON in the article) is keyed by name, so that two politicians of one
 * country are never the same party; any other party by its country when it is known (outlets name
 * the same state differently: "Iran", "Tehran", "the Iranian government"), else by its name.
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
  const key = persons.has(name) ? `person:${name}` : ref.country ?? `name:${name}`;
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
