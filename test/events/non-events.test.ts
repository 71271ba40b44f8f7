import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventsOf } from './helpers.js';

// each rule of NON_EVENTS (src/stages/events/triggers.ts) added for look-alikes of events; our sentences
const typesOf = (text: string) => eventsOf(text).map((e) => e.type);

const CASES: readonly [rule: string, text: string, type: string, event: string][] = [
  ['nonevent.threat-of', 'Fears of the threat of war between Kenya and Somalia grew.', 'THREATEN', 'Kenya threatened Somalia with war.'],
  ['nonevent.threat-to-good', 'Ministers called drug trafficking a threat to regional security in Peru.', 'THREATEN', 'Peru issued a threat to close its border with Bolivia.'],
  ['nonevent.pose-threat', 'Officials in Chile said Bolivian smugglers pose a serious threat.', 'THREATEN', 'Chile made a threat against Bolivia.'],
  ['nonevent.aid-body', 'Aid workers in Sudan were evacuated to Chad.', 'AID', 'Sudan sent aid to Chad.'],
  ['nonevent.evacuate-own-people', 'Norway evacuated its embassy staff from Yemen.', 'AID', 'Norway sent aid to Yemen.'],
  ['nonevent.own-people-evacuated', 'Foreign nationals in Lebanon were evacuated to Cyprus by ship.', 'AID', 'Cyprus gave aid to Lebanon.'],
  ['nonevent.asylum-seeker', 'Asylum seekers from Eritrea reached Italy.', 'AID', 'Italy granted asylum to an Eritrean dissident.'],
  ['nonevent.aim-purpose', 'Peru backed a plan that aims to reduce tariffs with Chile.', 'AGREE', 'Peru agreed to reduce tariffs with Chile.'],
  ['nonevent.possible-outcome', 'Ecuador said the visit could lead to an agreement on fishing with Peru.', 'AGREE', 'Ecuador reached an agreement on fishing with Peru.'],
  ['nonevent.pave-way', 'The vote in Lima paves the way for talks between Peru and Chile.', 'CONSULT', 'Peru held talks with Chile.'],
  ['nonevent.target-met', 'Rebels in Mali will keep fighting until their demands are met.', 'REQUEST', 'Rebels in Mali demanded the release of prisoners.'],
];

for (const [rule, text, type, event] of CASES) {
  test(`${rule}: no ${type} in "${text}", one in "${event}"`, () => {
    assert.ok(!typesOf(text).includes(type), JSON.stringify(typesOf(text)));
    assert.ok(typesOf(event).includes(type), JSON.stringify(typesOf(event)));
  });
}

test('candidate.purpose-infinitive: what a plan aims or is designed to do is no event; what a party agreed to do is', () => {
  assert.ok(!typesOf('A resolution that aims to impose sanctions on Venezuela was tabled in Lima.').includes('SANCTION'));
  assert.ok(!typesOf('Chile proposed a treaty designed to impose sanctions on Venezuela.').includes('SANCTION'));
  assert.ok(typesOf('Chile decided to impose sanctions on Venezuela.').includes('SANCTION'));
});

test('candidate.attack-purpose: what an attack is for is the attack\'s aim, no second event; the same act told alone is one', () => {
  const attack = typesOf('Police in Kenya used water cannon to disperse protesters in Nairobi.');
  assert.ok(!attack.includes('COERCE'), JSON.stringify(attack));
  assert.ok(typesOf('Police in Kenya dispersed protesters in Nairobi.').includes('COERCE'));
});
