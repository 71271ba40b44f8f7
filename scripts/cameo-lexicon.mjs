// Converts the CAMEO verb dictionary of PETRARCH2 (CAMEO.2.0.txt: synonym sets, verb blocks and
// ~4,700 verb patterns with CAMEO codes; MIT, Open Event Data Alliance, see NOTICE) into the events
// stage's trigger data, src/stages/events/cameo-lexicon.json, coded in PLOVER through the CAMEO ->
// PLOVER table (src/ontology/cameo2plover.json, transcribed by scripts/cameo-table.mjs).
//
//   node scripts/cameo-lexicon.mjs [../shared/data/dictionaries/CAMEO.2.0.txt]
//
// What is kept, and how it reads in the stage's pattern language (triggers.ts):
//   - a verb pattern "- * (TO BORDER) [154]" of block RUSH/SPEED/...: "rush|speed ... to ... border",
//     one entry a pattern, the block's verbs as alternatives of the first step (multi-word verbs get
//     an entry of their own); the words after the verb may stand up to `...` apart, those in {braces}
//     follow each other; &SETS become alternatives (their one-word members);
//   - a verb with its own code ("GRILL [110]"), or the headword of a block with a code ("---  PLEDGE
//     [030]  ---"): the verb alone, restricted to verb use ("^pledge");
//   - noun events: the object of a light verb (one that says only that the act took place: "stage a
//     raid", "launch an attack", "impose a curfew"; the dictionary's comment names the verb a pattern
//     was found with) names the event itself, so a noun that light verbs' patterns code, all alike,
//     is an event on its own ("~raid", restricted to non-verb use);
//   - patterns with words before the verb (the subject: "&MILITARY * EXERCISES") are left out: the
//     stage reads subjects as parties, and a trigger must not swallow its actor.
// Codes without a PLOVER event (01 statements, 02 appeals) are dropped. Where the project's
// ontology (../shared/ONTOLOGY.md) departs from the table, ONTOLOGY_CODES says so and the entry is
// marked `ontology: true`.
import fs from 'node:fs';

const src = process.argv[2] ?? new URL('../../shared/data/dictionaries/CAMEO.2.0.txt', import.meta.url);
const table = JSON.parse(fs.readFileSync(new URL('../src/ontology/cameo2plover.json', import.meta.url), 'utf8'));
const out = new URL('../src/stages/events/cameo-lexicon.json', import.meta.url);

/** Old PLOVER drafts' names in the table (src/ontology/plover.ts LEGACY_TYPES). */
const LEGACY = { DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', INVESTIGATE: 'ACCUSE', FIGHT: 'ASSAULT' };

/**
 * The project's ontology where it departs from the CAMEO -> PLOVER table (ONTOLOGY.md):
 * sanctions and embargoes reduce relations (SANCTION, not COERCE); a declared ceasefire is a verbal
 * concession (CONCEDE); a leader's stepping down yields materially (RETREAT, resign).
 */
const ONTOLOGY_CODES = {
  '163': { type: 'SANCTION', mode: null },
  '1631': { type: 'SANCTION', mode: null },
  '0871': { type: 'CONCEDE', mode: 'ceasefire' },
  '0831': { type: 'RETREAT', mode: 'resign' },
};

/** A noun is an event on its own when light verbs' patterns code it this many times, all alike. */
const NOUN_VOTES = 2;
/** Verbs that only say an act took place: their object names the act (see the noun events above). */
const LIGHT_VERBS = new Set(['stage', 'conduct', 'launch', 'mount', 'wage', 'carry out', 'undertake', 'impose', 'declare', 'hold', 'perform', 'organize', 'organise', 'unleash', 'begin', 'start']);
/**
 * Nouns that light verbs take but that name the matter of an act, not the act: "hold talks" is a
 * meeting but "talks" alone are already in the hand lexicon; "impose restrictions" needs its verb.
 */
const NOT_NOUN_EVENTS = new Set(['aid', 'assistance', 'help', 'support', 'troops', 'forces', 'relations', 'ties', 'weapons', 'arms', 'money', 'deal', 'agreement', 'restriction', 'restrictions', 'conditions', 'condition', 'fire', 'control', 'power', 'office', 'process', 'power']);
/** Words that take no plural: prepositions, particles, reflexives, adverbs. */
const UNINFLECTED = new Set(['to', 'of', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'into', 'over', 'against', 'as', 'up', 'down', 'off', 'out', 'back', 'away', 'forward', 'toward', 'towards', 'under', 'behind', 'before', 'after', 'about', 'upon', 'through', 'across', 'along', 'between', 'among', 'without', 'within', 'near', 'himself', 'herself', 'themselves', 'itself', 'oneself', 'the', 'a', 'an', 'and', 'or', 'not', 'no', 'free', 'new']);

/** The PLOVER reading of a code: [type, mode, cameo, ontology] or null (no PLOVER event). */
function ploverOf(raw) {
  // "042:043" codes the source's act and the target's; ":173" only the target's
  const code = raw.split(':').find((c) => c.trim()) ?? '';
  if (!/^\d{2,4}$/.test(code)) return null;
  if (ONTOLOGY_CODES[code]) return { ...ONTOLOGY_CODES[code], cameo: code, ontology: true };
  for (let c = code; c.length >= 2; c = c.slice(0, -1)) {
    const row = table[c];
    if (!row?.type) continue;
    const type = LEGACY[row.type] ?? row.type;
    return { type, mode: row.mode ?? null, cameo: code, ontology: false };
  }
  return null;
}

const text = fs.readFileSync(src, 'utf8');
const lines = text.split('\n');

// synonym sets: &NAME followed by +WORD lines
const sets = new Map();
let current = null;
const patternsAt = lines.findIndex((l) => l.startsWith('####### VERB PATTERNS'));
for (const raw of lines.slice(0, patternsAt)) {
  const line = raw.split('#')[0].trim();
  if (line.startsWith('&')) { current = line.slice(1).trim(); sets.set(current, []); continue; }
  if (line.startsWith('+') && current) sets.get(current).push(clean(line.slice(1)));
  else if (!line) current = null;
}

/** A dictionary word as the matcher sees it: lower case, no "_" (PETRARCH's no-inflection mark). */
function clean(word) {
  return word.toLowerCase().replace(/_+$/, '').replace(/_/g, ' ').trim();
}

/** A noun's forms: CAMEO writes plurals and singulars as it found them; both should match. */
function nounForms(word) {
  const forms = [word];
  if (UNINFLECTED.has(word) || /(ly|ed|ing|ful|ous|ive|al)$/.test(word) || /[^a-z']/.test(word)) return forms;
  if (/ies$/.test(word)) forms.push(word.slice(0, -3) + 'y');
  else if (/(ss|us)$/.test(word)) { /* "process", "consensus" */ }
  else if (/(ches|shes|xes|sses)$/.test(word)) forms.push(word.slice(0, -2));
  else if (/s$/.test(word) && word.length > 3) forms.push(word.slice(0, -1));
  else forms.push(/(y)$/.test(word) && !/[aeiou]y$/.test(word) ? word.slice(0, -1) + 'ies' : /(s|x|ch|sh)$/.test(word) ? word + 'es' : word + 's');
  return forms;
}

/** A plural's singular, crudely ("airstrikes" -> "airstrike", "rallies" -> "rally"). */
function singular(word) {
  if (/ies$/.test(word)) return word.slice(0, -3) + 'y';
  if (/(ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  if (/[^su]s$/.test(word) && word.length > 3) return word.slice(0, -1);
  return word;
}

/** Hyphenated words are three tokens to the tokeniser ("sit - in"). */
function words(phrase) {
  return phrase.replace(/-/g, ' - ').split(/\s+/).filter(Boolean);
}

/**
 * One element after the verb as pattern steps, each step a list of alternatives with whether a gap
 * may come before it. WORD, {A B} (consecutive), (PREP A ...) (the preposition, then its object up
 * to a gap away), &SET (its one-word members); $ ^ + % (PETRARCH's source/target marks) are skipped.
 * Returns null when an element cannot be read (an unknown set).
 */
function stepsOf(post) {
  const steps = [];
  const tokens = post.match(/\{[^}]*\}|\(|\)|[^\s(){}]+/g) ?? [];
  let gap = true;
  for (const tok of tokens) {
    if (tok === '(') { gap = true; continue; }
    if (tok === ')') { gap = true; continue; }
    if (/^[$^+%]$/.test(tok)) continue;
    if (tok.startsWith('{')) {
      const inner = tok.slice(1, -1).trim().split(/\s+/).filter((w) => !/^[$^+%]$/.test(w));
      let first = true;
      for (const w of inner) {
        const alts = alternativesOf(w);
        if (!alts) return null;
        for (const [k, a] of alts.entries()) steps.push({ alts: [a], gap: first ? gap : false, part: k > 0 });
        first = false;
      }
      gap = true;
      continue;
    }
    const alts = alternativesOf(tok);
    if (!alts) return null;
    for (const [k, a] of alts.entries()) steps.push({ alts: [a], gap: k === 0 ? gap : false, part: k > 0 });
    gap = true;
  }
  return steps;
}

/**
 * The alternatives of one dictionary word, as a list of steps' alternatives: a plain word gives one
 * step of its noun forms (a hyphenated one several steps); a set gives one step of its one-word members.
 */
function alternativesOf(tok) {
  if (tok.startsWith('&')) {
    const members = sets.get(tok.slice(1));
    if (!members) return null;
    // members with digits, hyphens or slashes ("ak-47", "mi-24vm/hind") are never one token
    const single = [...new Set(members.filter((m) => /^[a-z']+$/.test(m)).flatMap(nounForms))];
    return single.length ? [single.join('|')] : null;
  }
  const w = clean(tok);
  if (!w || /[^a-z' -]/.test(w)) return null;
  const parts = words(w);
  if (parts.length === 1) return [nounForms(w).join('|')];
  return parts;
}

function patternOf(verb, steps) {
  let p = verb;
  for (const s of steps) p += (s.gap ? ' ... ' : ' ') + s.alts.join('|');
  return p;
}

const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

const entries = [];
const ids = new Set();
function add(idBase, pattern, reading) {
  let id = `trigger.cameo.${idBase}`;
  for (let n = 2; ids.has(id); n++) id = `trigger.cameo.${idBase}-${n}`;
  ids.add(id);
  const e = { id, pattern, type: reading.type, cameo: reading.cameo };
  if (reading.mode) e.mode = reading.mode;
  if (reading.ontology) e.ontology = true;
  entries.push(e);
}

// verb blocks
const nounVotes = new Map();   // noun -> the readings light verbs' patterns give it
const seenPatterns = new Set();
let block = null;
for (let i = patternsAt + 1; i < lines.length; i++) {
  const raw = lines[i];
  const header = /^---\s+(\S+)\s+\[([^\]]*)\]\s+---/.exec(raw);
  if (header) { block = { name: clean(header[1]), code: header[2].trim(), verbs: [] }; continue; }
  if (!block) continue;
  const line = raw.split('#')[0].replace(/\s+$/, '');
  if (!line.trim()) continue;
  if (line.startsWith('-')) {
    const m = /^-\s*(.*?)\s*\[([^\]]*)\]\s*$/.exec(line);
    if (!m) continue;
    // a verb of saying ("said ... willingness"): the event is in the said words, which the stage
    // reads by their own triggers; a trigger stretched over the saying verb would take its speaker's clause
    if (block.code.startsWith('01')) continue;
    const reading = ploverOf(m[2].trim());
    const star = m[1].indexOf('*');
    if (!reading || star < 0) continue;
    const pre = m[1].slice(0, star).replace(/[$^+%]/g, '').trim();
    if (pre) continue;
    const steps = stepsOf(m[1].slice(star + 1));
    if (!steps || !steps.length) continue;
    // the object of a light verb, when it is the pattern's one element: a word, or the head of {A B}
    const foundWith = clean(raw.split('#')[1] ?? '');
    const object = m[1].slice(star + 1).trim();
    const noun = /^\{?([A-Z][A-Z-]*)\}?$/.exec(object)?.[1] ?? /^\{[A-Z ]*?([A-Z-]+)\}$/.exec(object)?.[1];
    if (noun && LIGHT_VERBS.has(foundWith)) {
      // one key for "airstrike" and "airstrikes"
      const n = singular(clean(noun));
      const votes = nounVotes.get(n) ?? [];
      votes.push(reading);
      nounVotes.set(n, votes);
    }
    for (const verb of verbPatternsOf(block)) {
      const pattern = patternOf(verb, steps);
      if (seenPatterns.has(pattern)) continue;
      seenPatterns.add(pattern);
      add(`${slug(block.name)}.${slug(m[1].slice(star + 1).replace(/[&{}()$^+%]/g, ' '))}`, pattern, reading);
    }
    continue;
  }
  // a verb of the block: WORD or +MULTI_WORD, maybe {irregular forms} and [code]
  const v = /^\s*(\+?)([A-Z][A-Z_'-]*)\s*(\{[^}]*\})?\s*(\[([^\]]*)\])?/.exec(line);
  if (!v) continue;
  const verb = clean(v[2]);
  const forms = v[3] ? v[3].slice(1, -1).trim().split(/\s+/).filter((f) => f && !f.startsWith('+')).map(clean) : [];
  block.verbs.push({ verb, forms, multi: verb.includes(' ') });
  // a block's code stands for its headword alone: the synonyms WordNet added to a block ("GRANT":
  // "add", "contribute") share the block's patterns, not its meaning when they stand alone
  const own = v[5]?.trim() || (block.code !== '---' && verb === block.name ? block.code : '');
  const reading = own ? ploverOf(own) : null;
  if (reading && !verb.includes(' ')) add(`${slug(block.name)}.${slug(verb)}`, `^${[verb, ...forms].join('|^')}`, reading);
  else if (reading) add(`${slug(block.name)}.${slug(verb)}`, words(verb).join(' '), reading);
}

/** The first step(s) of a block's patterns: its one-word verbs as alternatives, each multi-word verb apart. */
function verbPatternsOf(b) {
  const single = [...new Set(b.verbs.filter((v) => !v.multi).flatMap((v) => [v.verb, ...v.forms]))];
  const out = [];
  if (single.length) out.push(single.join('|'));
  for (const v of b.verbs) if (v.multi) out.push(words(v.verb).join(' '));
  return out;
}

// noun events
const nounEntries = [];
for (const [noun, votes] of [...nounVotes].sort(([a], [b]) => a.localeCompare(b))) {
  if (NOT_NOUN_EVENTS.has(noun) || noun.includes(' ') || !/^[a-z-]+$/.test(noun)) continue;
  // two patterns at least, all of one type: one pattern alone is too thin to make a word an event
  if (votes.length < NOUN_VOTES) continue;
  const type = votes[0].type;
  if (votes.some((r) => r.type !== type)) continue;
  const readings = votes;
  // the code the blocks give most often, of equals the shortest (most general)
  const codes = new Map();
  for (const r of readings) codes.set(r.cameo, (codes.get(r.cameo) ?? 0) + 1);
  const cameo = [...codes].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || a[0].localeCompare(b[0]))[0][0];
  const r = readings.find((x) => x.cameo === cameo);
  nounEntries.push(noun);
  add(`noun.${slug(noun)}`, nounForms(noun).map((f) => `~${f}`).join('|'), { ...r, type });
}

fs.writeFileSync(out, '[\n' + entries.map((e) => JSON.stringify(e)).join(',\n') + '\n]\n');
const byType = {};
for (const e of entries) byType[e.type] = (byType[e.type] ?? 0) + 1;
console.log(entries.length, 'entries;', nounEntries.length, 'noun events:', nounEntries.join(' '));
console.log(byType);
