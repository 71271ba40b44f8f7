import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Analyzer } from '../../src/analyze.js';
import { datelineEnd } from '../../src/stages/events/clauses.js';
import { packResult, unpackResult } from '../../src/store/stored-result.js';
import { analyse, brief } from './helpers.js';

import type { EventData } from '../../src/core/layers.js';

/**
 * Parties from the clause and the event's location (parties.ts, clauses.ts, event-rules.ts), a
 * sentence of our own for each pattern of issue 14: passives, "by"-agents, appositions, reporting
 * clauses, conjoined subjects, a trigger noun that is a verb's subject, a person from a place, and
 * datelines and meeting places as locations, never parties.
 */
function events(text: string): { data: EventData; evidence: string[] }[] {
  return analyse(text).layer('event').map((e) => ({ data: e.data, evidence: (e.provenance.evidence ?? '').split(' ') }));
}

function only(text: string, type: string): { data: EventData; evidence: string[] } {
  const found = events(text).filter((e) => e.data.type === type);
  assert.equal(found.length, 1, `one ${type} in ${JSON.stringify(events(text).map((e) => brief(e.data)))}`);
  return found[0]!;
}

const names = (refs: EventData['actor']) => refs.map((r) => r.name);

test('a passive names the one acted on as its subject and the actor after "by"', () => {
  assert.equal(brief(only('Cuban diplomats were expelled by Canada.', 'SANCTION').data), 'SANCTION CAN>CUB');
});

test('a headline\'s bare participle is a passive: "Venezuelan minister sanctioned" does not make the minister the sanctioner', () => {
  const e = only('Venezuelan minister sanctioned', 'SANCTION');
  assert.deepEqual(e.data.actor, []);
  assert.deepEqual(e.data.recipient.map((r) => r.country), ['VEN']);
  assert.ok(e.evidence.includes('recipient.passive-subject'));
});

test('a reporting clause: the parties are those of the reported clause, not the one who reports it', () => {
  assert.equal(brief(only('Iran said the United States had imposed new sanctions on Syria.', 'SANCTION').data), 'SANCTION USA>SYR');
});

test('a clause opened by a word the tagger reads as a preposition ("after") has its own subject', () => {
  assert.equal(brief(only('Iran\'s statement came after the Chilean army attacked Peru.', 'ASSAULT').data), 'ASSAULT CHL>PER');
  assert.equal(brief(only('Iran\'s call came after Chilean troops attacked Peru.', 'ASSAULT').data), 'ASSAULT CHL>PER');
});

test('conjoined subjects act together', () => {
  assert.equal(brief(only('Canada and Mexico rejected the proposal from Brazil.', 'REJECT').data), 'REJECT CAN,MEX>BRA');
});

test('party.apposition: a name nobody knows takes the country of its apposition, "of Y" or "Y\'s"', () => {
  for (const text of ['Jan Novak, the foreign minister of Poland, rejected the proposal from Hungary.', 'Jan Novak, Poland\'s foreign minister, rejected the proposal from Hungary.']) {
    const e = only(text, 'REJECT');
    assert.equal(brief(e.data), 'REJECT POL>HUN', text);
    assert.deepEqual(names(e.data.actor), ['Jan Novak']);
    assert.ok(e.evidence.includes('party.apposition'));
  }
  // an apposition without a country gives none
  assert.deepEqual(only('Jan Novak, a teacher, rejected the proposal from Hungary.', 'REJECT').data.actor, []);
});

test('party.person-of-place: "a teacher from Canada" is the teacher, with Canada\'s country; Canada itself is no party', () => {
  const e = only('Egypt released Jan Novak, a teacher from Canada, on Friday.', 'RETREAT');
  assert.deepEqual(e.data.recipient.map((r) => [r.name, r.country]), [['Jan Novak', 'CAN']]);
  assert.ok(e.evidence.includes('party.person-of-place'));
  const unnamed = only('Iran detained an engineer from Canada.', 'COERCE');
  assert.deepEqual(unnamed.data.recipient.map((r) => [r.name, r.country]), [['engineer from Canada', 'CAN']]);
  // a thing "from" a country is that country's: the rule is for people only
  const offer = only('Chile rejected an offer from Peru.', 'REJECT');
  assert.deepEqual(offer.data.recipient.map((r) => r.name), ['Peru']);
  assert.ok(!offer.evidence.includes('party.person-of-place'));
});

test('actor.noun-subject-by, recipient.noun-subject-object: a trigger noun that is the subject of a passive verb takes its parties', () => {
  const e = only('The sanctions were imposed on Cuba by Canada.', 'SANCTION');
  assert.equal(brief(e.data), 'SANCTION CAN>CUB');
  assert.ok(e.evidence.includes('actor.noun-subject-by') && e.evidence.includes('recipient.noun-subject-object'));
});

test('an infinitive after a trigger noun is what the noun is about, not a verb whose subject it is', () => {
  const e = only('Chile made a pledge not to pardon the Peruvian general.', 'AGREE');
  assert.ok(!e.evidence.includes('recipient.noun-subject-object'), e.evidence.join(' '));
});

test('recipient.noun-subject-object: "strikes killed" hits the verb\'s object, past an aside between commas', () => {
  for (const text of ['Turkish drone strikes have killed six Syrian soldiers.', 'Turkish drone strikes, carried out at night, have killed six Syrian soldiers.']) {
    const e = only(text, 'ASSAULT');
    assert.equal(brief(e.data), 'ASSAULT TUR>SYR', text);
    assert.ok(e.evidence.includes('recipient.noun-subject-object'), text);
  }
});

test('location.clause: the place of a meeting is its location, not its recipient nor a counterpart', () => {
  const talks = only('Japanese officials held talks in Vietnam.', 'CONSULT');
  assert.equal(brief(talks.data), 'CONSULT JPN>');
  assert.deepEqual(talks.data.location && [talks.data.location.name, talks.data.location.country], ['Vietnam', 'VNM']);
  assert.ok(talks.evidence.includes('location.clause'));
  const met = only('Iranian and French envoys met in Geneva on Monday.', 'CONSULT');
  assert.equal(brief(met.data), 'CONSULT IRN,FRA>');
  assert.equal(met.data.location?.country, 'CHE');
  // opening the clause too, but not a place inside an earlier phrase of it
  assert.equal(only('In Geneva, Iranian envoys met French diplomats.', 'CONSULT').data.location?.name, 'Geneva');
  assert.equal(only('After the war in Iraq, Iranian envoys met French diplomats.', 'CONSULT').data.location, undefined);
});

test('the place of another meeting is neither the target nor the place of an event before it', () => {
  const e = only('Chile sent threatening letters before a summit in Lima.', 'THREATEN');
  assert.ok(!e.data.recipient.some((r) => r.country === 'PER'), brief(e.data));
  assert.equal(e.data.location, undefined);
  // the summit's own place is its location
  assert.equal(only('Chile and Peru held a summit in Lima.', 'CONSULT').data.location?.name, 'Lima');
});

test('recipient.gerund-object: a gerund read as a noun takes the party in its phrase as its object; actor.main-clause-subject gives it its actor', () => {
  const e = only('After meeting Kim Jong Un, Trump praised the talks.', 'CONSULT');
  assert.equal(brief(e.data), 'CONSULT USA>PRK');
  assert.ok(e.evidence.includes('recipient.gerund-object') && e.evidence.includes('actor.main-clause-subject'));
  // a sentence that opens with its subject has none to share; a noun in an opening phrase is not the subject's act
  assert.ok(!only('Chile rejected talks with Peru, Bolivian officials said.', 'REJECT').evidence.includes('actor.main-clause-subject'));
  assert.ok(!only('Unlike the protests in Lima, the march in Cusco stayed calm.', 'PROTEST').evidence.includes('actor.main-clause-subject'));
});

test('a place after a second verb of the same subject is that verb\'s, not the first one\'s', () => {
  const e = only('Peru expelled the Chilean ambassador and closed its embassy in Santiago.', 'SANCTION');
  assert.equal(e.data.location, undefined);
  assert.deepEqual(e.data.recipient.map((r) => r.name), ['Chilean ambassador']);
});

test('a place that suffers the act is its recipient and its location', () => {
  const e = only('Serbia lifted the curfew in Montenegro.', 'CONCEDE');
  assert.equal(brief(e.data), 'CONCEDE SRB>MNE');
  assert.equal(e.data.location?.country, 'MNE');
});

test('no location where no place is named: "in a statement" is not one', () => {
  assert.equal(only('Chile criticized Peru in a statement.', 'ACCUSE').data.location, undefined);
});

test('location.dateline: the dateline is where it happened when the clause names no place, never a party', () => {
  const e = only('LIMA - Chilean officials held talks on Tuesday.', 'CONSULT');
  assert.equal(brief(e.data), 'CONSULT CHL>');
  assert.deepEqual(e.data.location && [e.data.location.name, e.data.location.country], ['LIMA', 'PER']);
  assert.ok(e.evidence.includes('location.dateline'));
  const met = only('CARACAS (Reuters) - Colombian officials met Venezuelan envoys on Tuesday.', 'CONSULT');
  assert.equal(brief(met.data), 'CONSULT COL>VEN');
  assert.equal(met.data.location?.name, 'CARACAS');
});

test('datelineEnd: capitalised words, numbers and an outlet before a dash; no verb', () => {
  const tokensOf = (text: string) => analyse(text).layer('token');
  assert.equal(datelineEnd(tokensOf('LIMA - Chile met Peru.')), 1);
  assert.equal(datelineEnd(tokensOf('GAZA CITY, May 3 (AP) \u2014 Israel met Egypt.')), 8);
  assert.equal(datelineEnd(tokensOf('Chile met Peru - and Bolivia.')), -1);
  assert.equal(datelineEnd(tokensOf('the talks - held in Lima - ended.')), -1);
});

test('the location rides in the result and in the store\'s packed copy: name, country and a span of the text', () => {
  const result = new Analyzer().analyze({ text: 'Japanese officials held talks in Vietnam.', published: '2024-03-15' });
  const e = result.events.find((x) => x.type === 'CONSULT');
  assert.deepEqual(e?.location, { name: 'Vietnam', country: 'VNM', span: { start: 33, end: 40, text: 'Vietnam' } });
  // and in what the store keeps of it
  assert.deepEqual(unpackResult(packResult(result), result.article.text), result);
});

test('a people named by its origin ("the Albanian population of Kosovo") lives where it is: not a party of its origin', () => {
  assert.equal(brief(only('Serbian police attacked the Albanian population of Kosovo.', 'ASSAULT').data), 'ASSAULT SRB>KOS');
  assert.equal(brief(only('Serbian police attacked the Greek minority.', 'ASSAULT').data), 'ASSAULT SRB>');
});

test('the same act said again in a sentence, its target named once, is one event', () => {
  const events = analyse('Chilean rebels rejected a Peruvian peace plan, and said they also opposed the deployment of troops.').layer('event');
  assert.deepEqual(events.map((e) => brief(e.data)), ['REJECT CHL>PER']);
  // a second act with a target of its own stays
  assert.equal(analyse('Chile rejected the plan from Peru and rejected the offer from Bolivia.').layer('event').length, 2);
});
