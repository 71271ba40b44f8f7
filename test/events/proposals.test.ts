import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Resources } from '../../src/core/resources.js';
import { Pipeline } from '../../src/pipeline/pipeline.js';
import { StageRegistry } from '../../src/pipeline/registry.js';
import { eventsStage } from '../../src/stages/events/events.stage.js';
import { Lexicon } from '../../src/stages/events/match.js';
import { ALL_TRIGGERS } from '../../src/stages/events/cameo-triggers.js';
import { candidateFeatures, isOwnPattern, TypeModel, VERB_PROPOSAL, verbProposals, type TypeModelWeights } from '../../src/stages/events/type-model.js';
import { tokensStage } from '../../src/stages/tokens/tokens.stage.js';
import { analyse, eventsOf } from './helpers.js';

const CLASSES = ['NONE', 'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT',
  'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];
const k = (type: string) => CLASSES.indexOf(type);

/**
 * A model of our own making: every proposed verb leans to "no event" by 1, "tour" (no pattern's word)
 * to CONSULT by 4; each pattern keeps its type (lex=TYPE weighs 2 for that type).
 */
function handModel(extra: Partial<TypeModelWeights> = {}): TypeModel {
  const weights: Record<string, number[]> = { 'src=verb': [k('NONE'), 1], 'w0=tour': [k('CONSULT'), 4] };
  for (const c of CLASSES.slice(1)) weights[`lex=${c}`] = [k(c), 2];
  return new TypeModel({ classes: CLASSES, weights, proposeMargin: 1, proposable: ['tour'], ...extra });
}

function eventsWith(model: TypeModel, text: string) {
  const resources = new Resources();
  resources.once('events.type-model', () => model);
  const registry = new StageRegistry().register('tokens', tokensStage).register('events', eventsStage);
  const doc = Pipeline.build(registry, ['tokens', 'events'], resources).run(text, { id: 't', published: '2024-03-15', outlet: null, url: null, title: null });
  return doc.layer('event').map((e) => ({ type: e.data.type, trigger: text.slice(e.start, e.end), rule: e.provenance.rule, evidence: e.provenance.evidence ?? '' }));
}

test('the verbs no pattern covers are proposed, save the auxiliaries and those not accepted', () => {
  const doc = analyse('The Ruritanian envoy toured Freedonia and has imposed sanctions on it.');
  const tokens = doc.layer('token');
  const matches = new Lexicon(ALL_TRIGGERS).findTriggers(tokens);
  const words = (accept: (l: string) => boolean) => verbProposals(tokens, matches, accept).map((m) => tokens[m.tokens[0]!]!.data.normal);
  // "imposed" is a pattern's (imposed sanctions), "has" an auxiliary
  assert.deepEqual(words(() => true), ['toured']);
  assert.deepEqual(words((l) => l === 'visit'), []);
});

test('a proposed verb is no pattern: its features name no pattern type, and it is not the project\'s own', () => {
  const doc = analyse('The Ruritanian envoy toured Freedonia.');
  const tokens = doc.layer('token');
  const features = candidateFeatures(tokens, { entry: VERB_PROPOSAL, tokens: [3] });
  assert.ok(features.includes('src=verb'));
  assert.ok(!features.some((f) => f.startsWith('lex=') || f.startsWith('id=')), features.join(' '));
  assert.equal(isOwnPattern(VERB_PROPOSAL), false);
});

test('a proposed verb is an event only when its type beats "no event" by the proposal margin', () => {
  const doc = analyse('The Ruritanian envoy toured Freedonia.');
  const tokens = doc.layer('token');
  const m = { entry: VERB_PROPOSAL, tokens: [3] };
  // CONSULT 4 against NONE 1: a lead of 3
  assert.equal(handModel({ proposeMargin: 2 }).decideFor(tokens, m).type, 'CONSULT');
  assert.equal(handModel({ proposeMargin: 4 }).decideFor(tokens, m).type, 'NONE');
});

test('the stage writes a proposed verb the model types, with the model in its provenance', () => {
  const got = eventsWith(handModel(), 'The Ruritanian envoy toured Freedonia on Monday.');
  assert.deepEqual(got.map((e) => [e.type, e.trigger, e.rule]), [['CONSULT', 'toured', 'trigger.model.verb']]);
  assert.match(got[0]!.evidence, /^model\.type\.proposed:/);
});

test('a proposed verb controls nothing: the protest after it stays an event of its own', () => {
  const got = eventsWith(handModel(), 'The Ruritanian envoy toured protest camps in Freedonia.');
  assert.deepEqual(got.map((e) => `${e.type} ${e.trigger}`).sort(), ['CONSULT toured', 'PROTEST protest']);
});

test('a verb the model does not take for an event writes nothing', () => {
  assert.deepEqual(eventsWith(handModel({ proposable: [] }), 'The Ruritanian envoy toured Freedonia on Monday.'), []);
});

// patterns of the events' coverage: ceasefires declared (the tokeniser splits "cease-fire" in three),
// hyphenated words, an easing by "remove"
const PATTERNS: readonly [string, string, string][] = [
  ['Ruritania declared a cease-fire in the northern provinces on Sunday.', 'CONCEDE', 'trigger.concede.cease-fire'],
  ['The rebels announced a truce on Friday.', 'CONCEDE', 'trigger.concede.ceasefire'],
  ['Nurses began a sit-in outside the Freedonian health ministry.', 'PROTEST', 'trigger.protest.sit-in'],
  ['Satellite images show a military build-up along the Ruritanian border.', 'MOBILIZE', 'trigger.mobilize.military-build-up'],
  ['Ruritania removed restrictions on foreign journalists.', 'CONCEDE', 'trigger.concede.lift'],
  // yielding and concessions (issue 14): the CAMEO codes 080 and 083, a concession made, a ceasefire pledged
  ['Freedonia dismantled the curfew on Sunday.', 'CONCEDE', 'trigger.concede.lift'],
  ['Ruritania suspended the ban on opposition rallies.', 'CONCEDE', 'trigger.concede.end-restriction'],
  ['The Freedonian cabinet gave in to the demands of the striking miners.', 'CONCEDE', 'trigger.concede.give-in'],
  ['After a week of pressure the Ruritanian minister backed down.', 'CONCEDE', 'trigger.concede.back-down'],
  ['Freedonia bowed to pressure from its neighbours.', 'CONCEDE', 'trigger.concede.yield-to'],
  ['Ruritania made sweeping concessions to the rebels.', 'CONCEDE', 'trigger.concede.concession'],
  ['The rebels pledged a nationwide ceasefire on Monday.', 'CONCEDE', 'trigger.concede.pledge-ceasefire'],
  // cooperation widened, drills held together, ties widened or cut, investment
  ['Freedonia and Ruritania jointly held a naval exercise in the gulf.', 'COOPERATE', 'trigger.cooperate.jointly-hold'],
  ['Joint manoeuvres of Ruritanian and Freedonian troops ended on Friday.', 'COOPERATE', 'trigger.cooperate.exercise'],
  ['Ruritania and Freedonia expanded cooperation on customs.', 'COOPERATE', 'trigger.cooperate.expand'],
  ['A Ruritanian state fund invested in a Freedonian port.', 'COOPERATE', 'trigger.cooperate.invest'],
  ['Ruritania expanded diplomatic relations with Freedonia.', 'SUPPORT', 'trigger.support.expand-ties'],
  ['Freedonia downgraded its ties with Ruritania.', 'SANCTION', 'trigger.sanction.cut-ties'],
  // PLOVER's COERCE withhold and misinformation
  ['The Ruritanian government cut off internet access in three provinces.', 'COERCE', 'trigger.coerce.cut-off'],
  ['Freedonian agents ran a disinformation campaign before the vote.', 'COERCE', 'trigger.coerce.disinformation'],
  // RETREAT: a withdrawal begun, captives returned, a ceasefire implemented
  ['Ruritanian forces started their withdrawal on Sunday.', 'RETREAT', 'trigger.retreat.complete-withdrawal'],
  ['The militia returned the hostages to Freedonia.', 'RETREAT', 'trigger.retreat.return'],
  ['Both armies implemented the truce on Sunday.', 'RETREAT', 'trigger.retreat.observe-ceasefire'],
];
for (const [sentence, type, rule] of PATTERNS) {
  test(`${rule}: ${sentence}`, () => {
    const doc = analyse(sentence);
    const found = doc.layer('event').filter((e) => e.data.type === type && e.provenance.rule === rule);
    assert.equal(found.length, 1, JSON.stringify(eventsOf(sentence).map((e) => e.type)));
  });
}

test('a ceasefire agreed to stays an AGREE; a promise to end a curfew is a promised easing (CONCEDE)', () => {
  assert.deepEqual(eventsOf('The two militias agreed to a ceasefire on Tuesday.').map((e) => e.type), ['AGREE']);
  assert.ok(eventsOf('The Freedonian king vowed to end the curfew.').some((e) => e.type === 'CONCEDE'));
  assert.ok(eventsOf('The Freedonian king vowed to end the curfew.').every((e) => e.type !== 'AGREE'));
});

test('a report submitted to a minister is no yielding', () => {
  assert.ok(!eventsOf('A draft report was submitted to the Ruritanian minister.').some((e) => e.type === 'CONCEDE'));
});

test('a decline that is no refusal, and a poll released, are no events', () => {
  assert.deepEqual(eventsOf('Exports from Chile saw a sharp decline in March.'), []);
  assert.deepEqual(eventsOf('A poll released in Chile on Sunday showed gains for the opposition.'), []);
  assert.deepEqual(eventsOf('Peru declined the invitation from Chile.').map((e) => e.type), ['REJECT']);
});
