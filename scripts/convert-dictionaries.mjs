#!/usr/bin/env node
// Converts the event-data field's public actor and agent dictionaries (MIT; see NOTICE) into the
// project's actor-file format (src/actors/schema.ts), written to data/actors/dictionaries.json:
//
//   node --import tsx scripts/convert-dictionaries.mjs [DICTIONARIES_DIR]   (default ../shared/data/dictionaries)
//
// It writes the actor file and its compiled form (data/actors/dictionaries.compiled.txt, see
// src/actors/fallback.ts), which is what the engine loads.
//
// Sources: the Phoenix/PETRARCH2 actor dictionaries (Countries, International, MilNonState), the
// agents dictionaries (NGEC's PLOVER_agents.txt, then Phoenix.agents.txt for words it lacks) and
// NGEC's country table. The output is a fallback layer ("fallback": true): the hand-written files in
// src/actors/data are newer and win wherever both speak of the same name or word.
//
// TABARI format: `#` starts a comment; a line in capitals is an entry, words joined by `_`; `+`
// lines are variants; `[CODE dates]` lines are codes over time (`>D` from D, `<D` before D,
// `D1-D2` between, YYMMDD or YYYYMMDD). A code is three letters of country then three-letter roles.
// The output is deterministic: same input, same bytes.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const dir = path.resolve(process.argv[2] ?? '../shared/data/dictionaries');
const out = path.resolve('data/actors/dictionaries.json');
const read = (f) => readFileSync(path.join(dir, f), 'utf8');

// ISO alpha-3 codes of today's countries, and the ontology's special codes
const worldCountries = require('world-countries/countries.json');
const ISO = new Set(worldCountries.map((c) => (c.cca3 === 'UNK' ? 'KOS' : c.cca3)));
// CAMEO country codes that differ from ISO 3166-1 alpha-3 (CAMEO manual, country codes), and
// codes of states that are gone, given to the state that continues them
const CAMEO_COUNTRY = { KSV: 'KOS', ROM: 'ROU', ZAR: 'COD', TMP: 'TLS', USR: 'RUS', SUN: 'RUS', SRP: 'SRB', SCG: 'SRB', FRY: 'SRB', YUG: 'SRB', DDR: 'DEU', CSK: 'CZE', BAH: 'BHS', MOS: null, KNT: undefined };
// CAMEO role codes to the project's sectors (ONTOLOGY.md, src/actors/README.md "Sector conventions").
// Religions are REL; health is MED; development, environment and human-rights workers are civil
// society (SOC); IGO/NGO/MNC as a role say what the body is, not a sector.
const ROLE = {
  GOV: 'GOV', MIL: 'MIL', COP: 'COP', JUD: 'JUD', LEG: 'LEG', PTY: 'PTY', OPP: 'OPP', REB: 'REB', SPY: 'SPY',
  CVL: 'CVL', BUS: 'BUS', JRN: 'JRN', MED: 'MED', HLH: 'MED', EDU: 'EDU', LAB: 'LAB', REF: 'REF', CRM: 'CRM',
  ELI: 'ELI', UAF: 'UAF', UNK: 'UNK', AGR: 'AGR', SOC: 'SOC', PRE: 'PRE', PRM: 'PRM', ENV: 'SOC', HRI: 'SOC',
  NGO: 'SOC', SEP: 'REB', INS: 'REB', RAD: 'REB', IMG: 'REB',
  REL: 'REL', MUS: 'REL', CHR: 'REL', CTH: 'REL', JEW: 'REL', HIN: 'REL', BUD: 'REL', SHI: 'REL', SUN: 'REL', JAN: 'REL', SIK: 'REL', MOS: 'REL', ORT: 'REL', PRO: 'REL', ATH: 'REL', BAH: 'REL', DOX: 'REL', ITH: 'REL', JAI: 'REL', CON: 'REL', TAO: 'REL', SHN: 'REL', ZRO: 'REL',
  DEV: 'GOV', MOD: 'GOV', IRC: 'SOC', PPL: 'CVL', SET: 'CVL',
};
// regions and other codes that name no country
const NO_COUNTRY = new Set(['AFR', 'ASA', 'BLK', 'CAS', 'CAU', 'CFR', 'CRB', 'EAF', 'EEU', 'EIN', 'EUR', 'LAM', 'MDT', 'MEA', 'NAF', 'NAM', 'NMR', 'PGS', 'SAF', 'SAM', 'SAS', 'SCN', 'SEA', 'SWA', 'WAF', 'WEU', 'WST', 'IGO', 'NGO', 'MNC', 'IMG', 'UIS']);

/** Parses a TABARI actor dictionary into entries: names (first is the main one), codes, and the comment of the first line. */
function parseActors(text) {
  const entries = [];
  let cur = null, gap = true;
  const flush = () => { if (cur) entries.push(cur); cur = null; };
  for (const rawLine of text.split('\n')) {
    const comment = rawLine.includes('#') ? rawLine.slice(rawLine.indexOf('#') + 1) : '';
    const line = rawLine.replace(/#.*/, '').replace(/\s+$/, '');
    if (!line.trim()) { gap = true; continue; }
    const codes = [...line.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1].trim());
    const name = line.replace(/\[[^\]]*\]/g, '').trim();
    if (line.startsWith('+')) {
      if (cur && name.length > 1) cur.names.push(name.slice(1));
      if (cur) cur.codes.push(...codes);
      continue;
    }
    if (/^\s/.test(line) || !name) { if (cur) cur.codes.push(...codes); continue; }
    // a name line right under an entry that has no code yet is another of its spellings ("UN_" then "U.N._")
    if (cur && !gap && !cur.codes.length && !codes.length) { cur.names.push(name); continue; }
    flush();
    cur = { names: [name], codes, person: /CountryInfo/.test(comment) };
    gap = false;
  }
  flush();
  return entries;
}

/** "1402" -> 2014-02... : YYMMDD before 30 is this century. */
function day(d) {
  const s = d.replace(/\D/g, '');
  if (s.length === 8) return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
  if (s.length === 6) { const yy = +s.slice(0, 2); return `${yy < 30 ? 20 : 19}${s.slice(0, 2)}-${s.slice(2, 4)}-${s.slice(4, 6)}`; }
  return null;
}
const validDay = (d) => d && /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(d) ? d : null;

/** A code with its dates: {country, sector, code, from, to}; null for codes that name no actor we keep. */
function parseCode(raw) {
  const m = /^([A-Z]+)\s*(.*)$/.exec(raw);
  if (!m) return null;
  const code = m[1], dates = m[2].replace(/\s+/g, '');
  let from = null, to = null;
  if (dates.startsWith('>')) from = validDay(day(dates.slice(1)));
  else if (dates.startsWith('<')) to = validDay(day(dates.slice(1)));
  else if (dates.includes('-')) { const [a, b] = dates.split('-'); from = validDay(day(a)); to = validDay(day(b)); }
  const chunks = code.match(/.{3}/g) ?? [];
  let country = null, roles = chunks;
  const head = chunks[0];
  if (head === 'IGO' || head === 'NGO' || head === 'MNC' || head === 'IMG') {
    // IGOUNO is a United Nations body, IGO another intergovernmental body; MNCUSA a company of the USA
    const next = chunks[1];
    if (head === 'IGO') { country = next === 'UNO' ? 'UNO' : next === 'EUR' || next === 'EEC' ? 'EUR' : 'IGO'; roles = chunks.slice(next === 'UNO' || next === 'EUR' || next === 'EEC' ? 2 : 1); }
    else if (head === 'MNC') { country = next && ISO.has(next) ? next : 'MNC'; roles = ['BUS']; }
    else if (head === 'NGO') { country = 'NGO'; roles = chunks.slice(1); }
    else { country = null; roles = ['REB']; }
  } else if (head && (ISO.has(head) || head in CAMEO_COUNTRY || NO_COUNTRY.has(head))) {
    roles = chunks.slice(1);
    if (head in CAMEO_COUNTRY) {
      if (CAMEO_COUNTRY[head] === undefined) return null;
      country = CAMEO_COUNTRY[head];
    } else country = ISO.has(head) ? head : null;
  } else if (head && !(head in ROLE)) {
    // a code of the dictionaries' own (KKL, INT): the roles after it still say what the actor is
    roles = chunks.slice(1);
  }
  // civilians with a qualifier are what qualifies them ("CVLOPP" protesters are OPP)
  const sectors = roles.map((r) => ROLE[r]).filter(Boolean);
  const sector = sectors.find((s) => s !== 'CVL') ?? sectors[0] ?? null;
  return { code, country, sector, from, to };
}

const SMALL = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'de', 'del', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'von', 'van', 'der', 'du', 'des', 'da', 'do', 'dos', 'y', 'et', 'to', 'at', 'a']);
/** "DIEGO_MOLANO_VEGA_" -> "Diego Molano Vega"; null for what is no name (a stem, a stray mark). */
function nameOf(raw) {
  const words = raw.replace(/\([^)]*\)/g, ' ').split(/[_\s]+/).filter(Boolean);
  if (words[0] === 'THE' && words.length > 1) words.shift();
  if (!words.length || !words.some((w) => /[A-Z]{2}/.test(w))) return null;
  return words.map((w, i) => {
    const lower = w.toLowerCase();
    if (i > 0 && SMALL.has(lower)) return lower;
    return lower.replace(/(^|[-'.])(\p{L})/gu, (_, p, c) => p + c.toUpperCase());
  }).join(' ');
}
const keyOf = (s) => s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[.’']/g, '').replace(/\s+/g, ' ').trim();

// the names the hand-written base already gives: the newer layer wins, so they are left out here
const handData = ['countries', 'places', 'igos', 'organisations', 'outlets', 'people', 'sectors'].map((f) => JSON.parse(readFileSync(`src/actors/data/${f}.json`, 'utf8')));
const handNames = new Set();
for (const f of handData) {
  for (const list of [f.igos, f.organisations, f.outlets, f.places, f.people]) for (const e of list ?? []) for (const n of [e.name, ...(e.aliases ?? []), ...(e.acronyms ?? [])]) handNames.add(keyOf(n));
  for (const c of f.countries ?? []) for (const n of [...(c.names ?? []), ...(c.adjectives ?? []), ...(c.plurals ?? []), ...(c.metonyms ?? [])]) handNames.add(keyOf(n));
}
// a person of the hand-written base spelt another way ("Sergei Lavrov" for "Sergey Lavrov") is
// the same person: the dictionaries' entry for them is left out whole
const skeletonOf = (key) => key.split(/[\s-]+/).filter((w) => w && !/^(?:al|el|ul|ad|ar|as|ash|at|az|an|bin|ibn|bint|abu|de|da|van|von)$/.test(w))
  .map((w) => { const c = w.replace(/gh|kh|q|ck|c(?=[aou])|k/g, 'k').replace(/ph/g, 'f').replace(/dj|dzh|zh/g, 'j').replace(/sh|sch|ch/g, 's').replace(/th/g, 't').replace(/dh/g, 'd').replace(/w/g, 'v').replace(/y/g, 'i'); return c[0] + c.slice(1).replace(/[aeiou]/g, '').replace(/(.)\1+/g, '$1'); }).join(' ');
const handPeople = new Set();
for (const f of handData) for (const p of f.people ?? []) for (const n of [p.name, ...(p.aliases ?? [])]) {
  const w = keyOf(n).split(' ');
  handPeople.add(skeletonOf(keyOf(n)));
  // and first name with surname: "Sergey Viktorovich Lavrov" is "Sergey Lavrov"
  if (w.length > 2) handPeople.add(skeletonOf(`${w[0]} ${w[w.length - 1]}`));
}
const isoCountries = require('i18n-iso-countries');
const countryWords = new Set();
for (const c of worldCountries) {
  for (const n of [c.name.common, c.name.official, ...c.altSpellings, ...(c.capital ?? []), c.demonyms?.eng?.m, c.demonyms?.eng?.f]) if (n) countryWords.add(keyOf(n));
}
for (const names of Object.values(isoCountries.getNames('en', { select: 'all' }))) for (const n of names) countryWords.add(keyOf(n));
// the country each name or nationality word names, for groups the dictionaries code with no country
// (KKLREB, INTREB): "Army for the Liberation of Rwanda" is Rwanda's. A word two countries share
// ("Congo", "Guinea") names neither; capitals are left out (a group named after a city is no sign)
const countryOfWord = new Map();
const noteCountryWord = (n, code) => {
  const k = keyOf(n);
  if (!k || k.length < 4) return;
  countryOfWord.set(k, countryOfWord.has(k) && countryOfWord.get(k) !== code ? null : code);
};
for (const c of worldCountries) {
  const code = c.cca3 === 'UNK' ? 'KOS' : c.cca3;
  if (!c.independent && c.unMember === false && !['UNK', 'PSE', 'TWN', 'HKG', 'ESH'].includes(c.cca3)) continue;
  for (const n of [c.name.common, c.name.official, c.demonyms?.eng?.m, c.demonyms?.eng?.f]) if (n) noteCountryWord(n, code);
}
for (const line of read('ngec-countries.csv').split('\n').slice(1)) {
  const m = /^([A-Z]{2}),("[^"]*"|[^,]*),([A-Z]{3}),("[^"]*"|[^,]*)$/.exec(line.trim());
  if (!m) continue;
  const code = m[3] === 'XKX' ? 'KOS' : m[3];
  if (!ISO.has(code)) continue;
  for (const w of [m[2], ...m[4].split(',')]) noteCountryWord(w.replace(/"/g, '').trim(), code);
}
// a region's word that holds a country's ("Latin American") names no country
for (const w of ['latin america', 'latin american', 'south american', 'north american', 'central american']) countryOfWord.set(w, null);
/** The one country the names of an entry name (longest phrase first), else null. */
function countryInNames(names) {
  const found = new Set();
  for (const raw of names) {
    const n = nameOf(raw);
    if (!n) continue;
    const w = keyOf(n).split(' ');
    for (let i = 0; i < w.length; i++) {
      for (let len = Math.min(4, w.length - i); len >= 1; len--) {
        const code = countryOfWord.get(w.slice(i, i + len).join(' '));
        if (code === undefined) continue;
        if (code) found.add(code);
        i += len - 1;
        break;
      }
    }
  }
  return found.size === 1 ? [...found][0] : null;
}

// the hand-written titles ("president", "foreign minister", "secretary general")
const handTitles = new Set(handData.flatMap((f) => (f.sectorWords ?? []).filter((w) => w.person).flatMap((w) => w.words.map(keyOf))));
const startsWithTitle = (k) => { const w = k.split(' '); for (let n = w.length - 1; n >= 1; n--) if (handTitles.has(w.slice(0, n).join(' '))) return true; return false; };
/** Whether a title stands anywhere among the words ("American President", "UN Secretary General"). */
const hasTitle = (k) => { const w = k.split(' '); for (let i = 0; i < w.length; i++) for (let j = i + 1; j <= w.length; j++) if (handTitles.has(w.slice(i, j).join(' '))) return true; return false; };

// words that name a kind of actor (agents) are not proper names of one actor: "+GUARD" is no name
const agentWords = new Set();

// ---- agents -> sectorWords
const sectorWords = new Map(); // key -> {words:Set, sector}
function parseAgents(text, source) {
  const macros = new Map();
  for (const line of text.split('\n')) {
    const m = /^(!\w+!)\s*=\s*(.+)$/.exec(line.replace(/#.*/, '').trim());
    if (m) macros.set(m[1], m[2].split(',').map((s) => s.trim().toLowerCase()).filter(Boolean));
  }
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/#.*/, '').trim();
    if (!line || /^!\w+!\s*=/.test(line)) continue;
    const code = /\[~([A-Z]+)\]/.exec(line);
    if (!code) continue;
    const chunks = code[1].match(/.{3}/g) ?? [];
    // JNK and NON mark words that look like agents but are not ("the border", "Monday"); UNK ones
    // ("region", "group", "member") name no kind of actor and would make every "the region" one
    if (chunks.some((c) => c === 'JNK' || c === 'NON') || chunks[0] === 'UNK') continue;
    const sectors = chunks.map((c) => ROLE[c]).filter(Boolean);
    const sector = sectors.find((s) => s !== 'CVL') ?? sectors[0];
    if (!sector) continue;
    const plurals = (/\{([^}]*)\}/.exec(line)?.[1] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const phrase = line.replace(/\{[^}]*\}/g, '').replace(/\[[^\]]*\]/g, '').trim();
    for (const form of [phrase, ...plurals]) for (const expanded of expand(form, macros)) {
      const words = expanded.replace(/_+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
      // a stem (no final "_" in the source) is kept as the word it is; non-ASCII junk of old encodings is not
      if (!words || /[^a-z0-9 '.-]/.test(words) || words.length < 3) continue;
      // a phrase that ends in a function word ("EMBASSY_IN") is the start of a pattern, not a noun
      if (SMALL.has(words.slice(words.lastIndexOf(' ') + 1))) continue;
      for (const w of [words, ...pluralsOf(words)]) {
        agentWords.add(w);
        const key = w;
        if (!sectorWords.has(key)) sectorWords.set(key, { sector, source });
      }
    }
  }
}
function expand(form, macros) {
  const m = /!\w+!/.exec(form);
  if (!m) return [form];
  const values = macros.get(m[0]) ?? [];
  return values.flatMap((v) => expand(form.replace(m[0], ` ${v} `).trim(), macros));
}
/** Regular plural of the last word ("vandal" -> "vandals", "militia" -> "militias", "party" -> "parties"). */
function pluralsOf(words) {
  const i = words.lastIndexOf(' ');
  const head = words.slice(0, i + 1), last = words.slice(i + 1);
  if (/(?:s|men|people|police|ren)$/.test(last) || last.length < 3) return [];
  if (/man$/.test(last)) return [`${head}${last.slice(0, -3)}men`];
  if (/[^aeiou]y$/.test(last)) return [`${head}${last.slice(0, -1)}ies`];
  if (/(?:x|z|ch|sh)$/.test(last)) return [`${head}${last}es`];
  return [`${head}${last}s`];
}
parseAgents(read('PLOVER_agents.txt'), 'PLOVER_agents.txt');
parseAgents(read('Phoenix.agents.txt'), 'Phoenix.agents.txt');
// "antiwar" is "anti-war": a prefix is written with or without its hyphen
for (const [w, v] of [...sectorWords]) {
  const joined = w.replace(/\b(anti|pro|counter|non)-(?=[a-z])/g, '$1');
  if (joined !== w && !sectorWords.has(joined)) { sectorWords.set(joined, v); agentWords.add(joined); }
}

// British and American spellings: the agents list one or the other ("DEFENSE_FORCE", its
// "#DEFENCE_FORCE" commented out; their "Known problems" 1), the news writes both
const SPELLINGS = [['defence', 'defense'], ['organisation', 'organization'], ['labour', 'labor'], ['centre', 'center'], ['programme', 'program']];
for (const [w, v] of [...sectorWords]) {
  for (const [gb, us] of SPELLINGS) {
    for (const [from, to] of [[gb, us], [us, gb]]) {
      const other = w.replace(new RegExp(`\\b${from}(?=s?\\b)`, 'g'), to);
      if (other !== w && !sectorWords.has(other)) { sectorWords.set(other, v); agentWords.add(other); }
    }
  }
}

// a noun of two words is also written as one where English closes it: after a combining prefix
// ("cyber criminals": "cybercriminals", "cyber-criminals") and before man, woman or person
// ("clergy men": "clergymen"); the agents list one form
for (const [w, v] of [...sectorWords]) {
  const prefixed = /^(cyber|narco|eco|para|counter) ([a-z]{3,})$/.exec(w);
  const m = prefixed ?? /^([a-z]{3,}) ((?:wo)?m[ae]n|persons?)$/.exec(w);
  if (!m) continue;
  for (const other of prefixed ? [`${m[1]}${m[2]}`, `${m[1]}-${m[2]}`] : [`${m[1]}${m[2]}`]) if (!sectorWords.has(other)) { sectorWords.set(other, v); agentWords.add(other); }
}

// ---- actors
// the last day any code of the actor dictionaries names
const SOURCES_END = ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt']
  .flatMap((f) => [...read(f).matchAll(/[<>-]\s*(\d{6}|\d{8})\s*\]/g)].map((m) => validDay(day(m[1]))).filter(Boolean))
  .reduce((a, b) => (a > b ? a : b));
const people = [], organisations = [], igos = [], places = [];
const usedIds = new Set();
const idOf = (kind, name) => {
  const base = `dict.${kind}.${keyOf(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x'}`;
  let id = base;
  for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
  usedIds.add(id);
  return id;
};
// every name once in the whole layer: the first entry that gives it keeps it
const taken = new Set();
/** Names of an entry worth matching: not given by the hand base or the country tables, not an agent noun, not taken. */
function namesOf(entry, { keepCountryWords = false, office = startsWithTitle } = {}) {
  const names = [];
  for (const raw of entry.names) {
    const n = nameOf(raw);
    if (!n) continue;
    const k = keyOf(n);
    if (handNames.has(k) || (!keepCountryWords && countryWords.has(k)) || agentWords.has(k) || taken.has(k) || SMALL.has(k)) continue;
    // an office ("President of the United States", "Secretary General of the UN") is read by the
    // base as a title and a country, which names the holder of the day: not an actor of its own
    if (office(k)) continue;
    // one short word alone is an acronym ("PAN", "ANC"), matched only as written
    if (!n.includes(' ') && n.length < 2) continue;
    taken.add(k);
    names.push(n);
  }
  return names;
}
// countries whose people carry a father's and a mother's surname
const TWO_SURNAMES = new Set(['ESP', 'MEX', 'COL', 'VEN', 'PER', 'CHL', 'ARG', 'ECU', 'BOL', 'PRY', 'URY', 'CUB', 'DOM', 'GTM', 'HND', 'SLV', 'NIC', 'CRI', 'PAN', 'PRI', 'PRT', 'BRA', 'GNQ']);
// given names that often come second in a Spanish or Portuguese name ("Juan Carlos", "José Luis")
const SECOND_GIVEN = new Set(['Carlos', 'Luis', 'Jose', 'José', 'Maria', 'María', 'Antonio', 'Manuel', 'Alberto', 'Andres', 'Andrés', 'Angel', 'Ángel', 'Miguel', 'Pablo', 'Ignacio', 'Javier', 'Francisco', 'Eduardo', 'Enrique', 'Fernando', 'Ramon', 'Ramón', 'Felipe', 'Alejandro', 'Ricardo', 'Roberto', 'Rafael', 'Mario', 'Jesus', 'Jesús', 'Elena', 'Isabel', 'Teresa', 'Cristina', 'Lucia', 'Lucía', 'Paula', 'Inés', 'Ines', 'Gabriel', 'Guillermo', 'Ernesto', 'Augusto', 'Alfredo', 'Vicente', 'Daniel', 'David', 'Martin', 'Martín', 'Emilio', 'Gustavo', 'Hugo', 'Juan', 'Pedro', 'Diego', 'Jorge', 'Oscar', 'Óscar', 'Raul', 'Raúl', 'Julio', 'Cesar', 'César', 'Marcos', 'Marco', 'Sergio', 'Victor', 'Víctor', 'Rodrigo', 'Gonzalo', 'Arturo', 'Alfonso', 'Eugenio', 'Patricio', 'Tomas', 'Tomás', 'Nicolas', 'Nicolás', 'Lorena', 'Carmen', 'Rosa', 'Luisa', 'Fernanda', 'Gabriela', 'Alejandra', 'Eugenia', 'Antonia', 'Josefa', 'Mercedes', 'Pilar', 'Dolores', 'Angela', 'Ángela', 'Beatriz', 'Silvia', 'Susana', 'Veronica', 'Verónica', 'Ana', 'Inacio', 'Inácio', 'Henrique', 'Joao', 'João', 'Paulo', 'Sebastian', 'Sebastián', 'Humberto', 'Ivan', 'Iván', 'Esteban', 'Salvador', 'Santiago', 'Mauricio', 'Fabian', 'Fabián', 'Leonardo', 'Alvaro', 'Álvaro', 'Benjamin', 'Benjamín', 'Lorenzo', 'Ulises', 'Matilde']);
/** The sector the head noun of an organisation's name gives, from the agents ("Amherst College" EDU, "Bank of X" BUS); null when none. */
function headSector(name) {
  const words = keyOf(name).split(' ');
  // the head of "X of Y" is X; otherwise the last word
  const of = words.indexOf('of');
  const head = of > 0 ? words.slice(0, of) : words;
  for (let n = Math.min(3, head.length); n >= 1; n--) {
    const hit = sectorWords.get(head.slice(-n).join(' '));
    if (hit) return hit.sector;
  }
  return null;
}
/** The head words of a name: before "of" in "X of Y", else the name. */
const headOf = (name) => name.split(/ of /i)[0];
// a body whose name ends in a legislature's word is LEG, though the dictionaries code it GOV
// ("Islamic Consultative Assembly" IRNGOV): the conventions in src/actors/README.md
const LEGISLATURE = /\b(?:Assembly|Parliament|Congress|Senate|Duma|Knesset|Majlis|Majles|Bundestag|Sejm|Riksdag|Storting|Folketing|Althing|Oireachtas|Rada|Verkhovna Rada|Legislature|Legislative Council|House of Representatives|Chamber of Deputies)$/i;
const ORG_WORD = /\b(?:army|forces?|party|ministry|ministries|council|assembly|parliament|congress|senate|court|front|movement|union|league|brigades?|group|organi[sz]ation|committee|agency|bank|corporation|company|university|institute|police|guard|navy|government|office|department|commission|service|association|federation|alliance|authority|front|militia|coalition|network|society|foundation|center|centre|fund|party|bureau|news|radio|television|tv|times|post|press)\b/i;

function convertActors(file, source) {
  for (const e of parseActors(read(file))) {
    const codes = e.codes.map(parseCode).filter(Boolean);
    if (!codes.length) continue;
    const main = nameOf(e.names[0]);
    if (!main) continue;
    // a country entry ("AFGHANISTAN_ [AFG]"): its variants other than the country's own names are
    // its towns and provinces ("+KABUL_", "+HELMAND"): places of that country
    const only = codes.length === 1 ? codes[0] : null;
    if (only && only.code.length === 3 && ISO.has(only.country ?? '') && !only.sector && source === 'Phoenix.Countries.actors.txt') {
      for (const n of namesOf({ names: e.names.slice(1) })) places.push({ id: idOf('place', n), name: n, country: only.country });
      continue;
    }
    if (only && only.code.length === 6 && !only.sector && ISO.has(only.code.slice(3))) continue; // territories: the tables know them
    // a country whose code changed over time ("KOSOVO_": YUGKSV, then FRYKSV, KSVUNO, KSV): no
    // role in any code, so its variants ("+PRISHTINA") are places of the country of its last code
    const latestCode = codes.reduce((a, b) => ((b.from ?? '') >= (a.from ?? '') ? b : a));
    if (codes.length > 1 && codes.every((c) => !c.sector) && ISO.has(latestCode.country ?? '') && source === 'Phoenix.Countries.actors.txt') {
      for (const n of namesOf({ names: e.names.slice(1) })) places.push({ id: idOf('place', n), name: n, country: latestCode.country });
      continue;
    }
    const dated = codes.some((c) => c.from || c.to);
    if (e.names.some((raw) => { const n = nameOf(raw); if (!n) return false; const w = keyOf(n).split(' '); return w.length > 1 && (handPeople.has(skeletonOf(keyOf(n))) || (w.length > 2 && handPeople.has(skeletonOf(`${w[0]} ${w[w.length - 1]}`)))); }) && (e.person || codes.some((c) => c.from || c.to))) continue;
    const isPerson = e.person || dated || (!ORG_WORD.test(main) && codes.every((c) => c.country !== 'MNC') && source !== 'Phoenix.MilNonState.actors.txt' && /_$/.test(e.names[0]) && main.split(' ').length >= 2 && main.split(' ').length <= 5 && !/ of | the /i.test(` ${main} `));
    const names = namesOf(e, { office: isPerson ? startsWithTitle : hasTitle });
    if (!names.length) continue;
    if (isPerson) {
      // Spanish and Portuguese names carry two surnames, and news gives the first alone:
      // "Diego Molano Vega" is "Diego Molano" (but "Juan Carlos Varela" has two given names)
      if (codes.some((c) => TWO_SURNAMES.has(c.country ?? ''))) {
        for (const n of [...names]) {
          const w = n.split(' ');
          if (w.length < 3 || w.length > 4 || w.some((x) => SMALL.has(x.toLowerCase()))) continue;
          const given = SECOND_GIVEN.has(w[1]) ? 2 : 1;
          if (w.length - given < 2) continue;
          const short = w.slice(0, -1).join(' ');
          if (!taken.has(keyOf(short)) && !handNames.has(keyOf(short))) { taken.add(keyOf(short)); names.push(short); }
        }
      }
      const terms = [], otherwise = [];
      for (const c of codes) {
        if (!c.sector && !c.country) continue;
        const t = { role: '', country: c.country, sector: c.sector ?? 'ELI', code: c.code };
        if (c.from || c.to) terms.push({ ...t, from: c.from ?? '1900', ...(c.to ? { to: c.to } : {}) });
        else otherwise.push(t);
      }
      // an undated code alone is what the person is, at any time
      if (!terms.length && otherwise.length) terms.push({ ...otherwise[0], from: '1900' });
      // the sources know nothing after their last day: a term they leave open ends there, and
      // later the person is a former official (ELI), the convention for who held office once
      const valid = terms.filter((t) => t.country && /^[A-Z]{3}$/.test(t.country)).map((t) => (t.to || t.from > SOURCES_END ? t : { ...t, to: SOURCES_END }));
      if (!valid.length) continue;
      const after = otherwise.find((t) => t.country) ?? null;
      people.push({
        id: idOf('person', names[0]), name: names[0], ...(names.length > 1 ? { aliases: names.slice(1) } : {}), terms: valid,
        ...(after && terms.length && valid.some((t) => t.to) ? { otherwise: { country: after.country, sector: after.sector ?? 'ELI' } } : {}),
      });
      continue;
    }
    const c = codes[0];
    const acronyms = names.filter((n) => !n.includes(' ') && n.length <= 6);
    const rest = names.filter((n) => !acronyms.includes(n));
    const acr = acronyms.map((a) => a.toUpperCase());
    if (c.country === 'UNO' || c.country === 'EUR' || c.country === 'IGO') {
      if (!rest.length && !acr.length) continue;
      const name = rest[0] ?? acr[0];
      igos.push({ id: idOf('igo', name), name, code: c.country, ...(rest.length > 1 ? { aliases: rest.slice(1) } : {}), ...(acr.length ? { acronyms: acr } : {}), sector: c.sector ?? null });
      continue;
    }
    const name = rest[0] ?? acr[0];
    // a group the dictionaries code with no country (KKLREB, IMGREB) whose main name holds one
    // country's name or nationality word ("Army for the Liberation of Rwanda") is that country's;
    // variants are not read: a branch ("Al-Qaeda in Iraq") is listed as a variant of the whole
    const country = c.country ?? (source === 'Phoenix.MilNonState.actors.txt' || source === 'Phoenix.Countries.actors.txt' ? countryInNames(e.names.slice(0, 1)) : null);
    organisations.push({
      id: idOf('org', name), name, type: 'ORG', country, sector: c.sector === 'GOV' && LEGISLATURE.test(headOf(name)) ? 'LEG' : c.sector ?? (c.country === 'MNC' ? 'BUS' : headSector(rest[0] ?? '')),
      ...(rest.length > 1 ? { aliases: rest.slice(1) } : {}), ...(acr.length ? { acronyms: acr } : {}),
    });
  }
}
convertActors('Phoenix.Countries.actors.txt', 'Phoenix.Countries.actors.txt');
convertActors('Phoenix.MilNonState.actors.txt', 'Phoenix.MilNonState.actors.txt');
convertActors('Phoenix.International.actors.txt', 'Phoenix.International.actors.txt');

// ---- NGEC's country table: nationality words the tables lack
const countries = [];
for (const line of read('ngec-countries.csv').split('\n').slice(1)) {
  const m = /^([A-Z]{2}),("[^"]*"|[^,]*),([A-Z]{3}),("[^"]*"|[^,]*)$/.exec(line.trim());
  if (!m) continue;
  const code = m[3] === 'XKX' ? 'KOS' : m[3];
  if (!ISO.has(code)) continue;
  const words = m[4].replace(/"/g, '').split(',').map((s) => s.trim()).filter(Boolean);
  const fresh = words.filter((w) => !countryWords.has(keyOf(w)) && !handNames.has(keyOf(w)) && !taken.has(keyOf(w)));
  fresh.forEach((w) => taken.add(keyOf(w)));
  const names = fresh.filter((w) => w.includes(' ') && /\p{Lu}/u.test(w[0]) && !/(?:ians|ese|s)$/.test(w));
  const plurals = fresh.filter((w) => !names.includes(w) && /s$/.test(w));
  const adjectives = fresh.filter((w) => !names.includes(w) && !plurals.includes(w));
  if (names.length + plurals.length + adjectives.length) countries.push({ id: `country.ngec-${code.toLowerCase()}`, code, ...(names.length ? { names } : {}), ...(adjectives.length ? { adjectives } : {}), ...(plurals.length ? { plurals } : {}) });
}

const sectorList = [];
const bySector = new Map();
for (const [word, { sector }] of sectorWords) {
  if (handNames.has(word)) continue;
  (bySector.get(sector) ?? bySector.set(sector, []).get(sector)).push(word);
}
for (const [sector, words] of [...bySector].sort()) sectorList.push({ id: `agent.${sector.toLowerCase()}`, words: words.sort(), sector });

const file = {
  $schema: '../../src/actors/data/actor-file.schema.json',
  version: '1',
  description: 'Converted by scripts/convert-dictionaries.mjs from the Phoenix/PETRARCH2 actor and agent dictionaries, NGEC\'s PLOVER agents and NGEC\'s country table (MIT; see NOTICE). A fallback layer: the hand-written files win.',
  fallback: true,
  countries, igos, organisations, places, people, sectorWords: sectorList,
};
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(file)}\n`);
// and its compiled form, what the engine reads (src/actors/fallback.ts: the one definition of it)
const { compileFallback } = await import('../src/actors/fallback.ts');
writeFileSync(out.replace(/\.json$/, '.compiled.txt'), compileFallback([file]));
console.log(`${out}: ${people.length} people, ${organisations.length} organisations, ${igos.length} igos, ${places.length} places, ${countries.length} countries, ${sectorWords.size} agent words`);
