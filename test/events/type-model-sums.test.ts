import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Lexicon } from '../../src/stages/events/match.js';
import { ALL_TRIGGERS } from '../../src/stages/events/cameo-triggers.js';
import { candidateFeatures, ownPatternOf, shippedTypeModel } from '../../src/stages/events/type-model.js';
import { analyse } from './helpers.js';

/**
 * Decides every trigger candidate of the text `rounds` times with one model, from the candidate
 * (decideFor, with the trigger sums it keeps) and from its feature strings (decide), and asserts they
 * agree; returns how many candidates were compared.
 */
function compareDecisions(text: string, rounds: number): number {
  const model = shippedTypeModel();
  const lexicon = new Lexicon(ALL_TRIGGERS);
  const doc = analyse(text);
  const tokens = doc.layer('token');
  let n = 0;
  for (let round = 0; round < rounds; round++) {
    for (const s of doc.layer('sentence')) {
      const sentence = tokens.slice(s.data.firstToken, s.data.endToken);
      for (const m of lexicon.findTriggers(sentence)) {
        const own = ownPatternOf(m)?.type;
        assert.deepEqual(model.decideFor(sentence, m, own), model.decide(candidateFeatures(sentence, m), own));
        n++;
      }
    }
  }
  return n;
}

test('the type model decides from the candidate as it decides from its feature strings, whatever it decided before', () => {
  const n = compareDecisions('Egypt offered to host talks between the two factions. "Sanctions and threats will not work," Iran said. '
    + 'Israeli strikes hit a depot near the border, and Chilean police arrested dozens of students.', 1);
  assert.ok(n >= 4, `${n} candidates`);
});

test('a trigger met again in other words is decided from its kept trigger sums as from its feature strings', () => {
  // the same triggers in different company: the second time, their trigger features' sums are the kept ones
  const n = compareDecisions('Police arrested dozens of students. Chilean police arrested two reporters on Monday. '
    + 'The minister rejected the offer. "We rejected it," the minister said. The army arrested him, officials said.', 2);
  assert.ok(n >= 8, `${n} candidates`);
});
