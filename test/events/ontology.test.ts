import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { isNonState, NON_STATE_CODES } from '../../src/ontology/actors.js';
import { cameoCodes, ploverOfCameo } from '../../src/ontology/cameo.js';
import { PLOVER, PLOVER_TYPES, quadClassOf, scoreOf } from '../../src/ontology/plover.js';
import { NON_EVENTS, TRIGGERS } from '../../src/stages/events/triggers.js';

test('16 types, each with a quad class and a score of the right sign', () => {
  assert.equal(PLOVER_TYPES.length, 16);
  for (const t of PLOVER_TYPES) {
    const q = quadClassOf(t);
    const s = scoreOf(t);
    if (q <= 2) assert.ok(s > 0, `${t} cooperative`); else assert.ok(s <= 0, `${t} conflictual`);
  }
  assert.equal(scoreOf('ACCUSE', 'allege'), -3.5);
});

test('CAMEO codes map to PLOVER types, falling back to their parent code', () => {
  assert.equal(ploverOfCameo('1661')?.type, 'SANCTION');
  assert.equal(ploverOfCameo('0874')?.type, 'RETREAT');
  assert.equal(ploverOfCameo('1954')?.type, 'ASSAULT', 'an unlisted code takes its parent 195');
  assert.equal(ploverOfCameo('01'), null, 'statements are no PLOVER event');
  assert.ok(cameoCodes().length > 250);
});

test('every trigger has a unique id, a known type and a CAMEO code that maps to that type', () => {
  const ids = new Set<string>();
  for (const t of [...TRIGGERS, ...NON_EVENTS]) {
    assert.ok(!ids.has(t.id), `duplicate id ${t.id}`);
    ids.add(t.id);
  }
  for (const t of TRIGGERS) {
    assert.ok(t.id.startsWith('trigger.'), t.id);
    assert.ok(PLOVER[t.type], `${t.id}: unknown type ${t.type}`);
    const mapped = ploverOfCameo(t.cameo);
    assert.ok(mapped, `${t.id}: CAMEO ${t.cameo} unknown`);
    if (!t.ontology) assert.equal(mapped.type, t.type, `${t.id}: CAMEO ${t.cameo} is ${mapped.type}; mark ontology: true if meant`);
  }
});

test('the lexicon covers all 16 types', () => {
  assert.deepEqual(new Set(TRIGGERS.map((t) => t.type)), new Set(PLOVER_TYPES));
});

const TABLE = new URL('../../../shared/data/plover/CAMEO2PLOVER-2021.txt', import.meta.url);
test('the CAMEO table agrees with the source it was transcribed from', { skip: !existsSync(TABLE) && 'needs ../shared' }, () => {
  let checked = 0;
  for (const line of readFileSync(TABLE, 'utf8').split('\n')) {
    const m = /^(\d+):\s*([A-Z]+)/.exec(line.split('#')[0]!.trim());
    if (!m || m[1]!.length === 2) continue;   // two-digit roots are listed twice (08)
    assert.equal(ploverOfCameo(m[1]!)?.type, m[2], `CAMEO ${m[1]}`);
    checked++;
  }
  assert.ok(checked > 200);
});

test('non-state country codes are defined once: the ontology\'s IGO, UNO, EUR, NGO and MNC', () => {
  assert.deepEqual([...NON_STATE_CODES], ['IGO', 'UNO', 'EUR', 'NGO', 'MNC']);
  for (const c of NON_STATE_CODES) assert.ok(isNonState(c));
  for (const c of ['USA', 'KOS', '', null, undefined]) assert.equal(isNonState(c), false);
});
