import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleCatalogue } from '../../src/pipeline/rules.js';
import { PARTY_RULES, TYPE_RULES } from '../../src/stages/events/event-rules.js';
import { analyse, brief } from './helpers.js';

/**
 * Each rule of the party and type tables (event-rules.ts) on a sentence of our own: the event it must
 * give ("TYPE actor countries>recipient countries", its modality) and the rule's id in its evidence.
 */
interface Case { readonly rule: string; readonly text: string; readonly event: string; readonly modality?: string; readonly quotes?: boolean }

const CASES: readonly Case[] = [
  // "we" in someone's words: the speaker acts
  { rule: 'actor.speaker', text: '“We reject the offer,” the Iranian foreign ministry said.', event: 'REJECT IRN>', quotes: true },
  { rule: 'actor.reporting-subject', text: 'Russia said Sudan must return the helicopter.', event: 'REQUEST RUS>SDN' },
  // an opening phrase shares the main clause's subject
  { rule: 'actor.main-clause-subject', text: 'After meeting Chilean envoys, Peruvian officials said nothing.', event: 'CONSULT PER>CHL' },
  // a leader the actor base does not know leads the one place named
  { rule: 'actor.leader-of-place', text: 'President Jean Dupont shortened the curfew in Sudan.', event: 'CONCEDE SDN>SDN' },
  { rule: 'recipient.leader-of', text: 'Germany met a delegation led by President Dupont of Mali.', event: 'CONSULT DEU>MLI' },
  { rule: 'recipient.own-leader', text: 'Kenyan lawmakers criticized President Jean Dupont.', event: 'ACCUSE KEN>KEN' },
  // a long trigger may hold the one it is addressed to
  { rule: 'recipient.own-leader', text: 'Rebels in Chad rejected an appeal from President Jean Dupont to disarm.', event: 'REJECT TCD>TCD' },
  { rule: 'recipient.that-clause-subject', text: 'China demanded that Japan withdraw its ships.', event: 'REQUEST CHN>JPN' },
  { rule: 'actor.place', text: 'Protests erupted in Serbia on Sunday.', event: 'PROTEST SRB>SRB' },
  // the place suffers the act; the place of a meeting would be its location only (parties.test.ts)
  { rule: 'recipient.place', text: 'Israel reimposed blockades in Lebanon.', event: 'COERCE ISR>LBN' },
  { rule: 'recipient.domestic', text: 'Kenyan students protested on Monday.', event: 'PROTEST KEN>KEN' },
  { rule: 'actor.domestic', text: 'Thousands protested against the Iranian government.', event: 'PROTEST IRN>IRN' },
  { rule: 'actor.domestic-challenger', text: 'The main rebel group demanded that the Chadian government release its members.', event: 'REQUEST TCD>TCD' },
  { rule: 'recipient.clause-counterpart', text: 'After talks with France, Iran rejected the offer.', event: 'REJECT IRN>FRA' },
  // a party in a relative clause is a counterpart only when the article is about it (named in both sentences)
  { rule: 'recipient.sentence-counterpart', text: 'Chile and Peru met in Lima. Chile rejected the offer, which Peru made on Monday.', event: 'REJECT CHL>PER' },
  // the third sentence names no one else: the article's other main party (named twice before) is the target
  { rule: 'recipient.article-counterpart', text: 'Japan protested to China on Monday. China warned Japan again. Chinese officials rejected the proposal.', event: 'REJECT CHN>JPN' },
  { rule: 'recipient.not-actor', text: 'The United States and Iran agreed to a deal with Iran.', event: 'AGREE USA,IRN>' },
  { rule: 'type.announced-boycott-is-threat', text: 'Kenyan opposition parties will boycott the election.', event: 'THREATEN KEN>KEN', modality: 'asserted' },
  { rule: 'type.future-intent-is-agree', text: 'Japan will send aid to the Philippines.', event: 'AGREE JPN>PHL', modality: 'asserted' },
  { rule: 'type.conditional-harm-is-threat', text: 'The United States will impose sanctions on Iran unless it stops enrichment.', event: 'THREATEN USA>IRN', modality: 'asserted' },
  { rule: 'type.stated-harm-is-threat', text: 'Thailand said on Tuesday it would detain two Cambodian journalists.', event: 'THREATEN THA>KHM', modality: 'asserted' },
  { rule: 'type.military-strike-is-assault', text: 'Israeli strikes killed 12 people in Gaza.', event: 'ASSAULT ISR>PSE' },
  { rule: 'type.promised-harm-is-threat', text: 'Trump promised to tear up the Iran deal.', event: 'THREATEN USA>IRN' },
  { rule: 'type.promised-easing-is-concede', text: 'Kenya promised Uganda to ease the border restrictions.', event: 'CONCEDE KEN>UGA' },
];

for (const c of CASES) {
  test(`${c.rule}: ${c.text}`, () => {
    const events = analyse(c.text, { quotes: c.quotes }).layer('event');
    const fired = events.filter((e) => (e.provenance.evidence ?? '').split(' ').includes(c.rule));
    assert.deepEqual(fired.map((e) => brief(e.data)), [c.event], `events: ${events.map((e) => `${brief(e.data)} [${e.provenance.evidence}]`).join('; ')}`);
    if (c.modality) assert.equal(fired[0]!.data.modality, c.modality);
  });
}

test('every rule of the tables has a sentence above, a unique id, and is declared in the catalogue', () => {
  const ids = [...PARTY_RULES, ...TYPE_RULES].map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual([...ids].sort(), [...new Set(CASES.map((c) => c.rule))].sort());
  const catalogue = ruleCatalogue();
  for (const id of ids) assert.equal(catalogue.explain('events', id)?.[0]?.source, 'src/stages/events/event-rules.ts', id);
});

test('the tables are frozen data: nothing can add or change a rule at run time', () => {
  assert.ok(Object.isFrozen(PARTY_RULES) && Object.isFrozen(TYPE_RULES));
  assert.ok(PARTY_RULES.every(Object.isFrozen) && TYPE_RULES.every(Object.isFrozen));
});

test('a domestic act keeps its own country on both sides: no recipient is taken away', () => {
  const [e] = analyse('Protests erupted in Serbia on Sunday.').layer('event');
  assert.equal(brief(e!.data), 'PROTEST SRB>SRB');
  assert.ok(!(e!.provenance.evidence ?? '').includes('recipient.not-actor'));
});

test('a rule fills only what the clause left empty: a named recipient stays', () => {
  // "Mali" is the object: neither a counterpart nor a place replaces it
  const [e] = analyse('Germany criticized the president of Mali in Paris after talks with France.').layer('event').filter((x) => x.data.type === 'ACCUSE');
  assert.equal(brief(e!.data), 'ACCUSE DEU>MLI');
  assert.ok(!/recipient\.(place|clause-counterpart)/.test(e!.provenance.evidence ?? ''));
});

test('type.promised-easing-is-concede: a promise not to ease concedes nothing and stays a promise', () => {
  const events = analyse('Kenya promised Uganda not to ease the border restrictions.').layer('event');
  assert.ok(!events.some((e) => e.data.type === 'CONCEDE' && (e.provenance.evidence ?? '').includes('type.promised-easing-is-concede')), events.map((e) => brief(e.data)).join(' '));
  assert.ok(events.some((e) => e.data.type === 'AGREE'), events.map((e) => brief(e.data)).join(' '));
});

test('recipient.clause-counterpart: a condition after the clause holds the one threatened', () => {
  const events = analyse('Chile threatened to quit the talks if Peru moves its troops.').layer('event').filter((e) => e.data.type === 'THREATEN');
  assert.deepEqual(events.map((e) => brief(e.data)), ['THREATEN CHL>PER']);
  assert.ok((events[0]!.provenance.evidence ?? '').includes('recipient.clause-counterpart'));
});

test('no counterpart from another clause, a place or a thing: a country named in passing is not the target', () => {
  for (const text of [
    // a relative clause, the article not about Peru
    'Chile rejected the offer, which Jan Novak made in Peru.',
    'Chile criticized Jan Novak, who was born in Peru, on Friday.',
    // a country word on a thing
    'Chilean officials denounced the plan during the Bolivian crisis.',
  ]) {
    const events = analyse(text).layer('event').filter((e) => e.data.type === 'REJECT' || e.data.type === 'ACCUSE');
    assert.deepEqual(events.map((e) => brief(e.data)), [`${events[0]?.data.type} CHL>`], text);
  }
});

test('recipient.article-counterpart: a country named twice in an article about another one is not among its main parties', () => {
  // (the test pipeline has no entity layer: the cast counts the parties of sentences that hold triggers)
  const text = 'Chile\'s president met Chilean lawmakers and Chilean judges. Chilean courts blocked a Chilean law backed by Chile\'s senate. '
    + 'Peru sued Chile. Chile\'s mines met Chilean traders from Peru. Chilean officials rejected the proposal.';
  const rejected = analyse(text).layer('event').filter((e) => e.data.type === 'REJECT');
  assert.deepEqual(rejected.map((e) => brief(e.data)), ['REJECT CHL>']);
});

test('actor.domestic-challenger: only for rebels or an opposition no one placed, acting on one country', () => {
  // a named country keeps its own
  const named = analyse('Chadian rebels demanded that the Nigerien government release its members.').layer('event').filter((e) => e.data.type === 'REQUEST');
  assert.ok(!(named[0]?.provenance.evidence ?? '').includes('actor.domestic-challenger'), named.map((e) => brief(e.data)).join(' '));
  // not soldiers: they may act abroad
  const soldiers = analyse('The soldiers demanded that the Chadian government release its members.').layer('event').filter((e) => e.data.type === 'REQUEST');
  assert.ok(!(soldiers[0]?.provenance.evidence ?? '').includes('actor.domestic-challenger'), soldiers.map((e) => brief(e.data)).join(' '));
});

test('a harm its actor states it will do, or holds out, is a THREATEN; one done, refused, asked about or decided is not', () => {
  const typeOf = (text: string) => analyse(text).layer('event').map((e) => `${e.data.type} ${e.data.modality}`);
  assert.deepEqual(typeOf('Chile plans to expel the Peruvian ambassador.'), ['THREATEN asserted']);
  assert.deepEqual(typeOf('Russia said it would cut ties with Georgia.'), ['THREATEN asserted']);
  assert.deepEqual(typeOf('The European Union will impose sanctions on Belarus.'), ['THREATEN asserted']);
  assert.deepEqual(typeOf('Malaysia could suspend relations with Brunei.'), ['THREATEN asserted']);
  // done, reported as done, refused, asked about: the act keeps its type and modality
  assert.deepEqual(typeOf('Thailand detained two Cambodian journalists.'), ['COERCE asserted']);
  assert.deepEqual(typeOf('Reporters said Thailand detained two Cambodian journalists last week.'), ['COERCE asserted']);
  assert.deepEqual(typeOf('Thailand will not detain the Cambodian journalists.'), ['COERCE negated']);
  assert.deepEqual(typeOf('Will Thailand detain the Cambodian journalists?'), ['COERCE future']);
  // no actor to make the threat
  assert.deepEqual(typeOf('Sanctions on Belarus will take effect next week.'), ['SANCTION future']);
  // a decision announced is the act itself
  assert.ok(!typeOf('Chile announced it would expel the Peruvian ambassador.').some((t) => t.startsWith('THREATEN')));
  // a pronoun or a phrase states it too, when the actor base knows no party it stands for; not a passive's subject
  assert.deepEqual(typeOf('A militia in the north said it would cut ties with the capital.'), ['THREATEN asserted']);
  assert.deepEqual(typeOf('The militia would cut ties with the capital, a spokesman said.'), ['THREATEN asserted']);
  assert.deepEqual(typeOf('It will be banned next week.'), ['SANCTION future']);
  // but a plan announced is still an intention
  assert.deepEqual(typeOf('Chile announced it plans to expel the Peruvian ambassador.'), ['THREATEN asserted']);
});
