import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Analyzer } from '../../src/analyze.js';
import { clauses } from '../../src/stages/events/clauses.js';
import { Gazetteer } from '../../src/stages/events/gazetteer.js';
import { analyse, brief, eventsOf } from './helpers.js';

const only = (text: string, type: string, options: { published?: string; quotes?: boolean } = {}) => {
  const found = eventsOf(text, options).filter((e) => e.type === type);
  assert.equal(found.length, 1, `one ${type} in ${JSON.stringify(eventsOf(text, options).map(brief))}`);
  return found[0]!;
};

// modality: each sentence is ours; published 2024-03-15
const MODALITY: readonly [string, string, string][] = [
  ['Chile expelled the Bolivian consul on Tuesday.', 'SANCTION', 'asserted'],
  ['Iceland did not meet with Norwegian officials.', 'CONSULT', 'negated'],
  ['There were no plans for talks between Greece and Turkey, the ministry said.', 'CONSULT', 'negated'],
  ['Ghana could send troops to Mali.', 'MOBILIZE', 'hypothetical'],
  // no actor to threaten: a future act (with one, "Canada will impose sanctions", a THREATEN: event-rules.test.ts)
  ['New sanctions on Belarus will be imposed next week.', 'SANCTION', 'future'],
  ['New sanctions on Syria are on the verge of being imposed.', 'SANCTION', 'future'],
  ['Peru had expelled the Venezuelan ambassador before the talks began.', 'SANCTION', 'historical'],
  ['Sudan accused Chad of sheltering rebels in January 2021.', 'ACCUSE', 'historical'],
  // a long period up to now is background; the past week is the news
  ['Reports on the past several months of strikes in Bolivia describe the mood.', 'PROTEST', 'historical'],
  ['Over the past year, Chilean police arrested dozens of students.', 'COERCE', 'historical'],
  ['Over the past week, Chilean police arrested dozens of students.', 'COERCE', 'asserted'],
  // a date after a trigger of several words counts from its last word ("attend the meeting of ... this Saturday")
  ['Spain said the foreign ministers attend the meeting of the Union for the Mediterranean in Barcelona this Saturday.', 'CONSULT', 'future'],
];

for (const [text, type, modality] of MODALITY) {
  test(`modality ${modality}: ${text}`, () => {
    assert.equal(only(text, type).modality, modality);
  });
}

test('a relative clause led by a preposition is its own clause: "from which it withdrew in May" is history, not the condition, and its subject acts', () => {
  const text = 'Officials said they would only consider talks if Norway first rejoined the treaty from which it withdrew in May.';
  const withdrew = only(text, 'SANCTION', { published: '2024-08-01' });
  assert.equal(withdrew.modality, 'historical');
  assert.deepEqual(withdrew.actor.map((a) => a.country), ['NOR']);
});

test('candidate.infinitive-of-noun: an infinitive after the one asked or a request is what was asked for; after a verb or a decision it is an act', () => {
  const types = (text: string) => eventsOf(text).map((e) => e.type).sort();
  // the appeal and the request are the events; laying down arms and discussing were only asked for
  assert.deepEqual(types('Rebels in Chad rejected an appeal from the Sudanese government to lay down their arms.'), ['REJECT']);
  assert.deepEqual(types('Ghana pressed the Security Council to discuss the crisis.').filter((t) => t === 'CONSULT'), []);
  // "continued to send": the sending is reported as done; "the decision to lift the curfew": decided
  assert.ok(types('Ethiopia continued to send arms to Somalia.').includes('AID'));
  assert.ok(types('The decision to lift the curfew in Kinshasa was welcomed.').includes('CONCEDE'));
});

test('parties of several countries cooperating act with each other: no counterpart is made their target', () => {
  assert.deepEqual(eventsOf('Peruvian and Chilean navies held joint naval exercises near the Bolivian border.').map(brief), ['COOPERATE PER,CHL>']);
});

test('a comma and a conjunction before a new subject and verb open a clause of its own; a list of names stays one', () => {
  const events = eventsOf('Kenya urged Somalia to withdraw its troops, and Ethiopia continued to send arms to Somalia.').map(brief);
  assert.ok(events.includes('AID ETH>SOM'), JSON.stringify(events));
  assert.deepEqual(eventsOf('Peru, Chile, and Bolivia signed a trade agreement.').map((e) => e.actor.map((a) => a.country).join(',')), ['PER,CHL,BOL']);
});

test('an offer made on a condition is a hypothetical AGREE and a REQUEST to the one the condition names', () => {
  const events = eventsOf('Serbia would only consider talks if Croatia first recognised its borders.');
  const offer = events.find((e) => e.type === 'AGREE');
  assert.equal(offer?.modality, 'hypothetical');
  assert.deepEqual(events.filter((e) => e.type === 'REQUEST').map(brief), ['REQUEST SRB>HRV']);
});

test('a pronoun stands for the nearest earlier subject, not an object or an outlet', () => {
  const text = 'The Times reported that Egyptian officials rejected the offer from Sudan, saying they would never meet.';
  const e = eventsOf(text).find((x) => x.type === 'CONSULT');
  assert.equal(e?.actor[0]?.country, 'EGY');
  assert.equal(e?.modality, 'negated');
});

test('a group named again by its noun is the group last named so', () => {
  const text = 'Chinese officials met Korean envoys in Geneva on Monday. On Tuesday several such officials rejected the proposal from Japan.';
  const e = eventsOf(text).find((x) => x.type === 'REJECT');
  assert.equal(e?.actor[0]?.country, 'CHN');
  assert.equal(e?.recipient[0]?.country, 'JPN');
});

test('an unnamed target is the other party the article is about', () => {
  const text = 'Cuba accused Spain of meddling, and Spain denied it. On Monday Cuba rejected the plan.';
  const events = eventsOf(text);
  // Spain's denial has Spain as its actor (a clause of its own after ", and"); Cuba's rejection has no named target
  assert.ok(events.some((x) => brief(x) === 'REJECT ESP>CUB'), JSON.stringify(events.map(brief)));
  const e = events.find((x) => x.type === 'REJECT' && x.actor[0]?.country === 'CUB');
  assert.equal(e?.recipient[0]?.country, 'ESP');
});

test('a leader the actor base does not know is placed by title', () => {
  const e = only('President Okonkwo Adeyemi lifted the curfew in Nigeria on Friday.', 'CONCEDE');
  assert.equal(e.actor[0]?.country, 'NGA');
  const r = only('Malian rebels rejected an appeal from President Kanoute.', 'REJECT');
  assert.equal(r.recipient[0]?.country, 'MLI');
  const o = only('Chile offered to meet the president of Bolivia.', 'AGREE');
  assert.equal(o.recipient[0]?.country, 'BOL');
});

test('passive voice: the agent comes from the by-phrase, the recipient from the subject', () => {
  const e = only('Dozens of Georgian protesters were arrested by Russian soldiers on Sunday.', 'COERCE');
  assert.deepEqual(e.actor.map((a) => a.country), ['RUS']);
  assert.deepEqual(e.recipient.map((a) => a.country), ['GEO']);
  assert.equal(e.actor[0]?.sector, 'MIL');
  assert.equal(e.recipient[0]?.sector, 'CVL');
});

test('compound actors stay one event with every party', () => {
  const e = only('France, Italy and Spain condemned Libya over the detention of migrants.', 'ACCUSE');
  assert.deepEqual(e.actor.map((a) => a.country), ['FRA', 'ITA', 'ESP']);
  assert.deepEqual(e.recipient.map((a) => a.country), ['LBY']);
  const met = only('Mongolia and Kazakhstan met on Monday.', 'CONSULT');
  assert.deepEqual(met.actor.map((a) => a.country), ['MNG', 'KAZ']);
  assert.deepEqual(met.recipient, []);
});

test('an appositive is not a second actor', () => {
  const e = only('Qatar, a close ally of Turkey, refused to expel the diplomats.', 'REJECT');
  assert.deepEqual(e.actor.map((a) => a.country), ['QAT']);
});

test('nominal events take their actor from the modifier and their recipient from the complement', () => {
  const e = only('Officials said the Japanese sanctions on North Korea were hurting trade.', 'SANCTION');
  assert.deepEqual(e.actor.map((a) => a.country), ['JPN']);
  assert.deepEqual(e.recipient.map((a) => a.country), ['PRK']);
});

test('a pronoun subject takes the actor named before it', () => {
  const e = only('Hungary said it will veto the budget.', 'REJECT');
  assert.deepEqual(e.actor.map((a) => a.country), ['HUN']);
});

test('a verb inside a controlling verb is its content, not a second event', () => {
  const events = eventsOf('Iraq threatened to expel the Turkish ambassador.');
  assert.deepEqual(events.map(brief), ['THREATEN IRQ>TUR']);
});

test('a meeting stated as intent is an AGREE; one merely scheduled by a date stays a future CONSULT', () => {
  assert.equal(only('Austria will meet with Swiss negotiators.', 'AGREE').modality, 'asserted');
  const scheduled = only('The ministers of Chile and Peru attend the summit in Lima on March 18.', 'CONSULT');
  assert.equal(scheduled.modality, 'future');
  assert.equal(scheduled.date, '2024-03-18');
});

test('a promise of harm is a threat; a promise of help is an agreement', () => {
  assert.equal(only('Colombia promised to expel the Venezuelan envoys.', 'THREATEN').actor[0]?.country, 'COL');
  assert.equal(only('Sweden will provide military aid to Ukraine.', 'AGREE').recipient[0]?.country, 'UKR');
});

test('speech acts: when the quoted words are the act, the speaker is the actor and the attribution is kept', () => {
  const text = '“These sanctions are the exact opposite of dialogue,” the Iranian foreign ministry said.';
  const doc = analyse(text, { quotes: true });
  const e = doc.layer('event').find((x) => x.data.type === 'ACCUSE');
  assert.ok(e, JSON.stringify(doc.layer('event').map((x) => x.data.type)));
  assert.equal(e.data.actor[0]?.country, 'IRN');
  const attribution = doc.layer('attribution')[0];
  assert.ok(attribution);
  assert.equal(e.data.attribution, attribution.id);
});

test('an event reported inside a quote keeps its attribution; the writer\'s own has none', () => {
  const text = '“Estonia rejected the offer,” the Russian embassy said. Estonia rejected the offer on Monday.';
  const events = analyse(text, { quotes: true }).layer('event').filter((x) => x.data.type === 'REJECT');
  assert.equal(events.length, 2);
  assert.notEqual(events[0]!.data.attribution, null);
  assert.equal(events[1]!.data.attribution, null);
});

test('the date of an event is the date expression of its clause', () => {
  const e = only('Peru expelled the Venezuelan ambassador on March 12.', 'SANCTION');
  assert.equal(e.date, '2024-03-12');
  assert.equal(only('Peru expelled the Venezuelan ambassador.', 'SANCTION').date, null);
});

const NO_EVENTS: readonly string[] = [
  'The minister said the economy grew by two percent last year.',
  'Analysts believe the currency will remain weak.',
  'It is a beautiful city with a long history of trade.',
  'The report was released on Monday and runs to 300 pages.',
  'In my view, the government has handled the floods poorly.',
  'The company met its sales target for the quarter.',
  'Prices rose in order to cover the cost of fuel.',
];

for (const text of NO_EVENTS) {
  test(`no event: ${text}`, () => {
    assert.deepEqual(eventsOf(text).map(brief), []);
  });
}

test('an outlet that reports the news is no party to it: not the article\'s counterpart', () => {
  const doc = new Analyzer().analyzeDocument({
    id: 't', published: '2024-03-15',
    text: 'Chadian rebels seized a convoy on Monday, the Cuban news agency Prensa Latina reported. Prensa Latina said the convoy carried food for refugees.',
  });
  assert.deepEqual(doc.layer('event').map((e) => brief(e.data)), ['COERCE TCD>']);
});

test('a reporting verb without "that" opens the clause it reports: its subject acts, not the reporter', () => {
  assert.deepEqual(eventsOf('The Cuban news agency said Chadian rebels seized a convoy.').map(brief), ['COERCE TCD>']);
  // "reported fresh protests in La Paz" reports a thing, not a clause: one clause
  const tokens = (text: string) => analyse(text).layer('token');
  assert.equal(clauses(tokens('Bolivian unions reported fresh protests in La Paz.')).length, 1);
  assert.equal(clauses(tokens('Bolivian unions said fresh protests began in La Paz.')).length, 2);
});

test('a dateline is where the news was written: neither party nor the name beside it ("SINGAPORE - ...")', () => {
  assert.deepEqual(eventsOf('LIMA - Chile and Bolivia held talks on water rights on Tuesday.').map(brief), ['CONSULT CHL,BOL>']);
  assert.deepEqual(eventsOf('LIMA - Chile praised the agreement on Tuesday.').map(brief), ['SUPPORT CHL>']);
  assert.equal(clauses(analyse('The Bosnia-style partition was rejected.').layer('token')).length, 1, 'a hyphen inside a word group is no dash');
});

test('an acronym is one in capitals only: "Un" of a name is not the UN', () => {
  const g = new Gazetteer();
  assert.equal(g.writtenAs('un', 'UN'), true);
  assert.equal(g.writtenAs('un', 'Un'), false);
  assert.equal(g.writtenAs('chile', 'chile'), true);
  const e = eventsOf('Chile accused Bao Un of fraud.').find((x) => x.type === 'ACCUSE');
  assert.ok(e && e.recipient.every((r) => r.country !== 'UNO'), JSON.stringify(e?.recipient));
});

test('passives without "be": a participle with its "by"-agent, and a headline participle of harm', () => {
  assert.deepEqual(eventsOf('Peru\'s envoy sanctioned by Chile.').map(brief), ['SANCTION CHL>PER']);
  assert.deepEqual(eventsOf('Peruvian protesters arrested').map(brief), ['COERCE >PER']);
  // an active verb with its object stays active
  assert.deepEqual(eventsOf('Chile sanctioned the Peruvian envoy.').map(brief), ['SANCTION CHL>PER']);
});

test('type.military-strike-is-assault: strikes that kill, from the air, or on a place are attacks; labour strikes stay protests', () => {
  assert.deepEqual(eventsOf('Turkish strikes killed nine fighters in northern Syria.').map((e) => e.type), ['ASSAULT']);
  assert.deepEqual(eventsOf('Russian strikes on Kharkiv intensified overnight.').map((e) => e.type), ['ASSAULT']);
  assert.deepEqual(eventsOf('Chilean teachers began strikes over pay.').map((e) => e.type), ['PROTEST']);
});

test('recipient.accused: a complaint to someone about someone else targets the one it is about', () => {
  const accuse = eventsOf('Peru complained to the United Nations on Tuesday over two Chilean air raids.').filter((e) => e.type === 'ACCUSE');
  assert.deepEqual(accuse.map(brief), ['ACCUSE PER>CHL']);
  // addressed with nothing else named: the one addressed stays the target
  assert.deepEqual(eventsOf('Peru complained to Chile.').filter((e) => e.type === 'ACCUSE').map(brief), ['ACCUSE PER>CHL']);
});

test('candidate.infinitive-of-noun: a passive infinitive after a request is what was asked for', () => {
  const types = eventsOf('Norway rejected a call for its troops to be deployed in Mali.').map((e) => e.type);
  assert.deepEqual(types.filter((t) => t === 'MOBILIZE'), [], JSON.stringify(types));
});

test('candidate.infinitive-of-entitlement: what one has the right or ability to do is no event; a right exercised is', () => {
  const types = (text: string) => eventsOf(text).map((e) => e.type);
  assert.deepEqual(types('Peru defended the right of Chilean troops to fire on smugglers.').filter((t) => t === 'ASSAULT'), []);
  assert.deepEqual(types('Analysts doubt the ability of the Eritrean army to invade Ethiopia.').filter((t) => t === 'ASSAULT'), []);
  assert.ok(types('Kenya exercised its right to expel the Somali envoy.').includes('SANCTION'));
});
