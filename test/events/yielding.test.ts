import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyse, brief } from './helpers.js';

/**
 * Yielding told in ways the lexicon used to miss or mistype (issue 14), on sentences of our own: dissent
 * eased (CAMEO 082), a restriction eased in the passive, economic sanctions eased (CAMEO 085, RETREAT),
 * stepping down and forces demobilised (RETREAT), and protest made conditional (CAMEO 133, a threat).
 */
function eventsIn(text: string): { event: string; modality: string; rule: string; evidence: string }[] {
  const doc = analyse(text);
  return doc.layer('event').map((e) => ({ event: brief(e.data), modality: e.data.modality, rule: e.provenance.rule, evidence: String(e.provenance.evidence ?? '') }));
}

const CASES: readonly [string, string, string][] = [
  // [sentence, the event it must give, the rule that proposed it]
  ['The opposition in Chad suspended its protests for a week after talks with the government.', 'CONCEDE', 'trigger.concede.end-own-dissent'],
  ['Students in Kenya suspended protests on Sunday.', 'CONCEDE', 'trigger.concede.end-dissent'],
  ['Union leaders in Peru called off the march planned for Friday.', 'CONCEDE', 'trigger.concede.call-off-dissent'],
  ['The overnight curfew in Dakar has been lifted, officials said.', 'CONCEDE', 'trigger.concede.restriction-lifted'],
  ['The United States lifted sanctions on Sudan on Friday.', 'RETREAT USA>SDN', 'trigger.retreat.ease-sanctions'],
  ['Sanctions on Belarus were eased by the European Union on Monday.', 'RETREAT', 'trigger.retreat.sanctions-eased'],
  // stepping down and armed forces demobilised (CAMEO 0832, 0873)
  ['The president of Malawi stood down on Tuesday after the scandal.', 'RETREAT', 'trigger.retreat.stand-down'],
  ['The rebels in Colombia began to demobilize their fighters on Monday.', 'RETREAT', 'trigger.retreat.disband-forces'],
  ['The council in Mali disbanded its militia last week.', 'RETREAT', 'trigger.retreat.disband-forces'],
];

for (const [text, want, rule] of CASES) {
  test(`${rule}: ${text}`, () => {
    const found = eventsIn(text);
    const hit = found.find((e) => e.event.startsWith(want) && e.rule === rule);
    assert.ok(hit, `want ${want} by ${rule}, got ${JSON.stringify(found)}`);
    // the easing is the event: the protests or the sanctions are not told again as acts of their own
    assert.ok(!found.some((e) => /^(PROTEST|SANCTION) /.test(e.event)), JSON.stringify(found));
  });
}

test('a passive told object first reads its modal words before its verb: "will be lifted" is not asserted', () => {
  const [e] = eventsIn('The curfew in Dakar will be lifted on Monday.');
  assert.ok(e, 'an event');
  assert.equal(e!.rule, 'trigger.concede.restriction-lifted');
  assert.match(e!.evidence, /modality\.future\.will/);
});

test('a rally agreed to be postponed is an AGREE (dissent eased, CAMEO 082, agreed to); a curfew agreed to be lifted is a CONCEDE', () => {
  const found = eventsIn('Leaders of the opposition in Georgia agreed to postpone the rally until March.');
  assert.ok(found.some((e) => e.event.startsWith('AGREE ')), JSON.stringify(found));
  assert.ok(!found.some((e) => e.event.startsWith('CONCEDE ')), JSON.stringify(found));
  const lift = eventsIn('Turkey agreed to lift the curfew in Diyarbakir.');
  assert.ok(lift.some((e) => e.event.startsWith('CONCEDE ') && /type\.promised-easing-is-concede/.test(e.evidence)), JSON.stringify(lift));
});

test('a protest made conditional is a THREATEN (CAMEO 133)', () => {
  const found = eventsIn('Farmers in Kenya will march on the capital if prices keep falling.');
  assert.ok(found.some((e) => e.event.startsWith('THREATEN ') && /type\.conditional-harm-is-threat/.test(e.evidence)), JSON.stringify(found));
});

test('protests a government vows to end are no concession', () => {
  const found = eventsIn('The president of Chad vowed to end the protests in the capital.');
  assert.ok(!found.some((e) => e.event.startsWith('CONCEDE ')), JSON.stringify(found));
});
