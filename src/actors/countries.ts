import { createRequire } from 'node:module';
import { worldCountries, type WorldCountry } from '../ontology/world-countries.js';
import type { CountryExtra } from './schema.js';

/**
 * i18n-iso-countries' English names of each country by alpha-2 code, official name first, as
 * `getNames('en', { select: 'all' })` gives them, read from its English table alone: the package's
 * entry loads all of its 78 languages (some 70 ms of every start-up) for the one the base uses.
 */
export function englishCountryNames(): Record<string, readonly string[]> {
  const { countries } = createRequire(import.meta.url)('i18n-iso-countries/langs/en.json') as { countries: Record<string, string | string[]> };
  return Object.fromEntries(Object.entries(countries).map(([code, names]) => [code, typeof names === 'string' ? [names] : names]));
}

/** Everything the base knows about how a country is named, merged from the installed tables and our data. */
export interface CountryNames {
  readonly code: string;
  readonly id: string;
  /** the common English name, used as the canonical name */
  readonly name: string;
  readonly names: Set<string>;
  readonly adjectives: Set<string>;
  readonly plurals: Set<string>;
  readonly capitals: Set<string>;
  readonly metonyms: Set<string>;
  readonly ambiguous: boolean;
  readonly otherSense?: CountryExtra['otherSense'];
}

// short codes in altSpellings ("IR", "UK") collide with words; only these are names in running text
const CODE_NAMES = new Set(['UK', 'US', 'USA', 'UAE', 'DRC', 'DPRK', 'ROK', 'PRC']);

/** "Iranian" -> "Iranians", "Iraqi" -> "Iraqis"; "British", "Chinese", "Swiss" have no -s plural. */
export function pluralOfDemonym(adjective: string): string | null {
  if (/(?:ese|ish|ch|ss|sh)$/.test(adjective)) return null;
  if (/(?:an|i|er|ot|ite|ean|ic|k)$/.test(adjective)) return `${adjective}s`;
  return null;
}

/**
 * One CountryNames per ISO country, from world-countries (names, capitals, demonyms) and
 * i18n-iso-countries (English aliases), plus what our data adds: alternates, plurals, metonyms.
 */
export function buildCountries(extras: readonly CountryExtra[]): Map<string, CountryNames> {
  const out = new Map<string, CountryNames>();
  const rank = new Map<string, number>();
  const aliases = englishCountryNames();
  for (const c of worldCountries()) {
    // Antarctica belongs to no state (the Antarctic Treaty): no country
    if (c.cca3 === 'ATA') continue;
    const names = new Set<string>([c.name.common, c.name.official]);
    for (const a of c.altSpellings) if (a.length > 3 ? /^[\p{Lu}]/u.test(a) && !a.includes(',') : CODE_NAMES.has(a)) names.add(a);
    for (const a of aliases[c.cca2] ?? []) if (!a.includes(',')) names.add(a);
    const adjectives = new Set<string>();
    const dem = c.demonyms?.eng;
    if (dem) { adjectives.add(dem.m); adjectives.add(dem.f); }
    const plurals = new Set<string>();
    for (const a of adjectives) { const p = pluralOfDemonym(a); if (p) plurals.add(p); }
    // world-countries files Kosovo under UNK; the ontology's code for it is KOS
    const code = c.cca3 === 'UNK' ? 'KOS' : c.cca3;
    out.set(code, {
      code, id: `country.${code}`, name: c.name.common, names, adjectives, plurals,
      capitals: new Set(c.capital), metonyms: new Set(), ambiguous: false,
    });
    rank.set(code, mainness(c));
  }
  keepMainSense(out, rank);
  // what our data says of a word wins over the tables: "American" is the United States' word
  // even though American Samoa shares it, "Saudi" an adjective rather than a country name
  const claimed = new Map<string, string>();
  for (const x of extras) for (const n of [...(x.names ?? []), ...(x.adjectives ?? []), ...(x.plurals ?? [])]) claimed.set(n, x.code);
  for (const c of out.values()) {
    for (const set of [c.names, c.adjectives, c.plurals]) for (const n of [...set]) if (claimed.has(n) && claimed.get(n) !== c.code) set.delete(n);
  }
  for (const x of extras) {
    let entry = out.get(x.code);
    if (!entry) {
      // codes the tables lack (KOS for Kosovo's older code) get an entry of their own
      entry = { code: x.code, id: x.id, name: x.names?.[0] ?? x.code, names: new Set(), adjectives: new Set(), plurals: new Set(), capitals: new Set(), metonyms: new Set(), ambiguous: false };
      out.set(x.code, entry);
    }
    x.names?.forEach((n) => entry.names.add(n));
    x.adjectives?.forEach((n) => { if (!x.names?.includes(n)) entry.names.delete(n); entry.adjectives.add(n); const p = pluralOfDemonym(n); if (p) entry.plurals.add(p); });
    x.plurals?.forEach((n) => entry.plurals.add(n));
    x.metonyms?.forEach((n) => entry.metonyms.add(n));
    if (x.ambiguous) out.set(x.code, { ...entry, ambiguous: true, ...(x.otherSense ? { otherSense: x.otherSense } : {}) });
  }
  return out;
}

/**
 * How strongly a country owns a name it shares: a sovereign state before a territory, a UN member
 * before a state that is not, then the larger. "American" is listed for the United States and for
 * its territories (Northern Mariana Islands, American Samoa ...), "Dominican" for the Dominican
 * Republic and Dominica, "Congo" for both Congos: the main country is what the word means in news.
 * Exported for other tables built from world-countries (the events gazetteer), to settle clashes the same way.
 */
export function mainness(c: WorldCountry): number {
  return (c.independent ? 2e9 : 0) + (c.unMember ? 1e9 : 0) + Math.min(c.area, 1e9 - 1);
}

/** A name, demonym, plural or capital shared by several countries stays only with the main one. */
function keepMainSense(out: Map<string, CountryNames>, rank: ReadonlyMap<string, number>): void {
  for (const field of ['names', 'adjectives', 'plurals', 'capitals'] as const) {
    const owner = new Map<string, string>();
    for (const c of out.values()) {
      for (const n of c[field]) {
        const prev = owner.get(n);
        if (prev === undefined || (rank.get(c.code) ?? 0) > (rank.get(prev) ?? 0)) owner.set(n, c.code);
      }
    }
    for (const c of out.values()) for (const n of [...c[field]]) if (owner.get(n) !== c.code) c[field].delete(n);
  }
}

/** The versions of the installed country tables (world-countries, i18n-iso-countries): what buildCountries reads. */
export function countryTablesSource(): string {
  const require = createRequire(import.meta.url);
  const version = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
  return `world-countries ${version('world-countries')}, i18n-iso-countries ${version('i18n-iso-countries')}`;
}
