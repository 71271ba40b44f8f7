import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Lexicon } from '../../src/stages/events/match.js';
import { ALL_TRIGGERS } from '../../src/stages/events/triggers.js';
import { candidateFeatures, ownPatternOf, shippedTypeModel } from '../../src/stages/events/type-model.js';
import { analyse } from './helpers.js';

test('a trigger met again in other words is decided from its kept trigger sums as from its feature strings', () => {
  const model = shippedTypeModel();
  const lexicon = new Lexicon(ALL_TRIGGERS);
  // the same triggers in different company: the second time, their trigger features' sums are the kept ones
  const doc = analyse('Police arrested dozens of students. Chilean police arrested two reporters on Monday. '
    + 'The minister rejected the offer. "We rejected it," the minister said. The army arrested him, officials said.');
  const tokens = doc.layer('token');
  let n = 0;
  for (let round = 0; round < 2; round++) {
    for (const s of doc.layer('sentence')) {
      const sentence = tokens.slice(s.data.firstToken, s.data.endToken);
      for (const m of lexicon.findTriggers(sentence)) {
        const own = ownPatternOf(m)?.type;
        assert.deepEqual(model.decideFor(sentence, m, own), model.decide(candidateFeatures(sentence, m), own));
        n++;
      }
    }
  }
  assert.ok(n >= 8, `${n} candidates`);
});
