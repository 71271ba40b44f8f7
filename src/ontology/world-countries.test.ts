import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import { compileWorldCountries, readCompiledWorldCountries, worldCountries, type WorldCountry } from './world-countries.js';

const packageTable = createRequire(import.meta.url)('world-countries/countries.json') as Record<string, unknown>[];

/** A package country cut down to the fields WorldCountry declares, as the engine reads them. */
function fieldsRead(c: Record<string, unknown>): unknown {
  const w = c as unknown as WorldCountry;
  return {
    name: { common: w.name.common, official: w.name.official }, cca2: w.cca2, cca3: w.cca3, independent: w.independent,
    unMember: w.unMember, capital: w.capital, altSpellings: w.altSpellings, area: w.area, demonyms: w.demonyms && { eng: w.demonyms.eng },
  };
}

test('the compiled table holds every country of the package, in its order, with the fields the engine reads', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-countries-'));
  try {
    const file = path.join(dir, 'world-countries.compiled.json');
    compileWorldCountries(file);
    const compiled = readCompiledWorldCountries(file);
    assert.ok(compiled);
    assert.deepStrictEqual(compiled.map((c) => fieldsRead(c as unknown as Record<string, unknown>)), packageTable.map(fieldsRead));
    // names outside ASCII come back as written
    assert.ok(compiled.some((c) => c.name.common === 'Curaçao'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a table compiled from another version of the package, or none, is not read', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-countries-'));
  try {
    const file = path.join(dir, 'world-countries.compiled.json');
    assert.equal(readCompiledWorldCountries(file), null);
    writeFileSync(file, JSON.stringify({ source: 'world-countries 0.0.0, 1 bytes', countries: [] }));
    assert.equal(readCompiledWorldCountries(file), null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.deepStrictEqual(worldCountries().map((c) => fieldsRead(c as unknown as Record<string, unknown>)), packageTable.map(fieldsRead));
});
