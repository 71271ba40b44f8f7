import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { asciiJson } from '../core/compiled.js';

/**
 * The fields of world-countries' table that the engine reads (the actor base's countries, the events
 * gazetteer): names, codes, capitals, demonyms, and what ranks a country that shares a name.
 */
export interface WorldCountry {
  readonly name: { readonly common: string; readonly official: string };
  readonly cca2: string;
  readonly cca3: string;
  readonly independent: boolean;
  readonly unMember: boolean;
  readonly capital: readonly string[];
  readonly altSpellings: readonly string[];
  readonly area: number;
  readonly demonyms?: { readonly eng?: { readonly f: string; readonly m: string } };
}

const require = createRequire(import.meta.url);
/** The package's table: 1.4 MB, most of it translations into 25 languages and other fields unread here. */
const PACKAGE_FILE = require.resolve('world-countries/countries.json');
/** Where `npm run build` writes the fields read here (compileWorldCountries): beside this module in dist/. */
const COMPILED_FILE = fileURLToPath(new URL('world-countries.compiled.json', import.meta.url));

/** The fields of WorldCountry, in the package's order, and those of its nested objects kept. */
const KEPT = ['name', 'cca2', 'cca3', 'independent', 'unMember', 'capital', 'altSpellings', 'area', 'demonyms'] as const;

/** One country with only the fields read here (a field the package leaves out stays out). */
function kept(c: Record<string, unknown>): WorldCountry {
  const out: Record<string, unknown> = {};
  for (const field of KEPT) if (field in c) out[field] = c[field];
  const name = c.name as { common: string; official: string };
  out.name = { common: name.common, official: name.official };
  const demonyms = c.demonyms as { eng?: unknown } | undefined;
  if (demonyms) out.demonyms = 'eng' in demonyms ? { eng: demonyms.eng } : {};
  return out as unknown as WorldCountry;
}

/** The package's version and its table's size: what a compiled table was compiled from. */
function sourceStamp(): string {
  const { version } = JSON.parse(readFileSync(path.join(path.dirname(PACKAGE_FILE), 'package.json'), 'utf8')) as { version: string };
  return `world-countries ${version}, ${statSync(PACKAGE_FILE).size} bytes`;
}

/**
 * Writes the table's fields read here, for `npm run build` (dist/ontology/write-world-countries.js):
 * some 40 KB of JSON in ASCII (other characters as \u escapes, read as Latin-1, exact for ASCII)
 * that names the package file it came from. Parsing the package's 1.4 MB, a two-byte string for its
 * translations, was a good part of every start-up that builds the actor base.
 */
export function compileWorldCountries(file = COMPILED_FILE): void {
  const countries = (JSON.parse(readFileSync(PACKAGE_FILE, 'utf8')) as Record<string, unknown>[]).map(kept);
  writeFileSync(file, asciiJson({ source: sourceStamp(), countries }), 'latin1');
}

/** The table compiled in `file`, if it is there and was compiled from the installed package. */
export function readCompiledWorldCountries(file = COMPILED_FILE): WorldCountry[] | null {
  let compiled: { source: string; countries: WorldCountry[] };
  try {
    compiled = JSON.parse(readFileSync(file, 'latin1')) as { source: string; countries: WorldCountry[] };
  } catch {
    return null;
  }
  return compiled.source === sourceStamp() ? compiled.countries : null;
}

let table: readonly WorldCountry[] | null = null;

/**
 * world-countries' countries in the package's order, with the fields read here: from the table
 * `npm run build` compiled, else (not built, or built from another version) from the package.
 * Read once; callers share the objects and must not change them.
 */
export function worldCountries(): readonly WorldCountry[] {
  return (table ??= readCompiledWorldCountries() ?? (require(PACKAGE_FILE) as WorldCountry[]));
}
