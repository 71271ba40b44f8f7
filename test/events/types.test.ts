import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief, eventsOf } from './helpers.js';

/**
 * One or more sentences of our own for each of PLOVER's 16 types: the event each must yield
 * ("TYPE actor countries>recipient countries"), among whatever else the sentence holds.
 */
const CASES: readonly [string, string][] = [
  ['Norway and Chile agreed on Tuesday to expand fishing quotas.', 'AGREE NOR,CHL>'],
  ['Egypt offered to host talks between the two factions.', 'AGREE EGY>'],
  ['Kenya promised to send more nurses to Uganda next year.', 'AGREE KEN>UGA'],
  ['The Peruvian foreign minister met with Bolivian officials in La Paz on Friday.', 'CONSULT PER>BOL'],
  ['Japan and South Korea held talks on trade in Tokyo.', 'CONSULT JPN,KOR>'],
  ['Germany praised Poland for its handling of the border crisis.', 'SUPPORT DEU>POL'],
  ['Brazil and Argentina signed a treaty on river navigation.', 'SUPPORT BRA,ARG>'],
  // concessions with no one else named are made at home (recipient.domestic)
  ['Spain lifted the curfew it had imposed on the island of Menorca.', 'CONCEDE ESP>ESP'],
  ['Finnish and Swedish troops began joint exercises near the Arctic circle.', 'COOPERATE FIN,SWE>'],
  ['Canada and Mexico agreed to share intelligence on drug cartels.', 'AGREE CAN,MEX>'],
  ['Denmark sent humanitarian aid to Sudan on Monday.', 'AID DNK>SDN'],
  ['Morocco granted asylum to three Algerian journalists.', 'AID MAR>DZA'],
  ['Turkey withdrew its troops from northern Syria.', 'RETREAT TUR>SYR'],
  ['Myanmar released two Thai fishermen after a week in custody.', 'RETREAT MMR>THA'],
  ['Ireland called on Britain to reopen the inquiry.', 'REQUEST IRL>GBR'],
  ['Vietnam demanded that China withdraw its survey ship.', 'REQUEST VNM>CHN'],
  ['Armenia accused Azerbaijan of shelling border villages.', 'ACCUSE ARM>AZE'],
  ['Lithuania condemned Belarus over the forced landing of the airliner.', 'ACCUSE LTU>BLR'],
  ['Ethiopia rejected the offer of mediation from Kenya.', 'REJECT ETH>KEN'],
  ['Hungary vetoed the proposal backed by Austria.', 'REJECT HUN>AUT'],
  ['Russia threatened to cut gas supplies to Moldova.', 'THREATEN RUS>MDA'],
  ['Thousands of Chilean students took to the streets of Santiago on Thursday.', 'PROTEST CHL>CHL'],
  ['Dockworkers in Greece went on strike over pensions.', 'PROTEST GRC>GRC'],
  ['The United States imposed sanctions on Venezuela on Friday.', 'SANCTION USA>VEN'],
  ['Latvia expelled the Russian ambassador.', 'SANCTION LVA>RUS'],
  ['Pakistan deployed troops to the border with Afghanistan.', 'MOBILIZE PAK>AFG'],
  ['Egyptian police arrested dozens of protesters in Cairo.', 'COERCE EGY>EGY'],
  ['Kuwait deported 40 Filipino workers last month.', 'COERCE KWT>PHL'],
  ['Israeli aircraft bombed targets in Lebanon overnight.', 'ASSAULT ISR>LBN'],
  // soldiers and police acting on people the text gives no country are taken to act at home (recipient.domestic)
  ['Nigerian soldiers killed 12 militants in an attack on a camp.', 'ASSAULT NGA>NGA'],
];

for (const [sentence, want] of CASES) {
  test(`${want.split(' ')[0]}: ${sentence}`, () => {
    const got = eventsOf(sentence).map(brief);
    assert.ok(got.includes(want), `want ${want}, got ${JSON.stringify(got)}`);
  });
}

test('every one of the 16 types has a case', () => {
  const types = new Set(CASES.map(([, w]) => w.split(' ')[0]));
  assert.equal(types.size, 16, [...types].join(' '));
});

test('events carry their CAMEO code, quad class, score, spans and the rule that fired', () => {
  const text = 'The United States imposed sanctions on Venezuela on Friday.';
  const [e] = eventsOf(text).filter((x) => x.type === 'SANCTION');
  assert.ok(e);
  assert.equal(e.quadClass, 4);
  assert.equal(e.score, -6);
  assert.equal(e.cameo, '163');
  assert.equal(text.slice(e.trigger.start, e.trigger.end), 'imposed sanctions');
  assert.deepEqual(e.sentence, { start: 0, end: text.length });
});
