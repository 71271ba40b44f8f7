import assert from 'node:assert/strict';
import { test } from 'node:test';
import { frameFeatures, loadFrameFilter } from '../../src/stages/attributions/filter.js';
import model from '../../src/stages/attributions/model/frame-filter.json' with { type: 'json' };

// Sentences written for this test.
const text = '“The bridge will reopen in May,” the mayor said on Tuesday. She added that the repairs had cost less than planned.\n'
  + 'Analysts zorbled the plan. They say it is fine.';
const span = (s: string, from = 0) => ({ start: text.indexOf(s, from), end: text.indexOf(s, from) + s.length });

test('the frame filter scores a candidate by the weights of the features frameFeatures names, and nothing else', () => {
  const filter = loadFrameFilter();
  assert.ok(filter);
  const weights = model.weights as Record<string, number>;
  const candidates = [
    { rule: 'cue.say.quote-before', cue: span('said'), content: span('The bridge will reopen in May'), source: span('the mayor'), kind: 'direct' },
    // a pronoun source (its word is a feature), a cue the model has weights for
    { rule: 'cue.add.content-after', cue: span('added'), content: span('that the repairs had cost less than planned'), source: span('She'), kind: 'indirect' },
    // a cue word the model never saw: only the features without the cue count
    { rule: 'cue.learned.zorbled.content-after', cue: span('zorbled'), content: span('the plan'), source: span('Analysts'), kind: 'indirect' },
    { rule: 'cue.say.content-after', cue: span('say'), content: span('it is fine'), source: span('They'), kind: 'indirect' },
  ];
  for (const c of candidates) {
    const features = frameFeatures(text, c);
    const z = model.bias + features.reduce((sum, f) => sum + (weights[f] ?? 0), 0);
    const p = filter.probability(text, c);
    assert.ok(Math.abs(p - 1 / (1 + Math.exp(-z))) < 1e-12, `${text.slice(c.cue.start, c.cue.end)}: ${p} against ${1 / (1 + Math.exp(-z))}`);
  }
  // the features do count: a known cue moves the score, the unknown one has no weight of its own
  assert.ok(frameFeatures(text, candidates[0]!).some((f) => weights[f] !== undefined && f.startsWith('cue+')));
  assert.equal(weights['cue=zorbled'], undefined);
});
