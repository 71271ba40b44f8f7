import worldCountriesModule, { type Countries } from 'world-countries';
import { foldName } from './parties.js';

/**
 * Names that stand for a whole country, by ISO alpha-3 code: its names, capital (a metonym for its
 * government: "Tehran rejected..."), demonym ("the Iranian side"). A party named so is the state,
 * however each outlet words it; a party named otherwise (a city, a party, a company) is itself.
 */
// world-countries is CommonJS with ESM-style types: at run time the default import is the array itself
const worldCountries = worldCountriesModule as unknown as Countries;

let byCode: Map<string, Set<string>> | undefined;

function table(): Map<string, Set<string>> {
  if (byCode) return byCode;
  byCode = new Map();
  for (const c of worldCountries) {
    const names = new Set<string>();
    const add = (n: string | undefined) => { if (n) names.add(foldName(n).replace(/^the /, '')); };
    add(c.name.common); add(c.name.official);
    for (const a of c.altSpellings) add(a);
    for (const cap of c.capital) add(cap);
    add(c.demonyms?.eng?.m); add(c.demonyms?.eng?.f);
    byCode.set(c.cca3 === 'UNK' ? 'KOS' : c.cca3, names);
  }
  return byCode;
}

/** Is `name` a name of the country `code` stands for ("the United States", "Tehran", "American")? */
export function isNationalName(name: string, code: string): boolean {
  const names = table().get(code);
  if (!names) return false;
  const folded = foldName(name).replace(/^the /, '');
  return names.has(folded) || names.has(folded.replace(/ (government|administration|side|authorities|officials|leadership)$/, ''));
}
