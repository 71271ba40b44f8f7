import assert from 'node:assert/strict';
import { test } from 'node:test';
import { featuresOf, loadCueTagger, quoteMarksOf } from '../../src/stages/attributions/tagger.js';
import type { Tok } from '../../src/stages/attributions/frames.js';
import { attributions } from './helpers.js';

const tok = (value: string, pos: string, start: number): Tok => ({ start, end: start + value.length, value, low: value.toLowerCase(), pos, word: /\w/.test(value) });

test('the cue tagger is shipped, small, and scores a reporting verb above a verb of motion in the same frame', () => {
  const tagger = loadCueTagger();
  assert.ok(tagger, 'model/cue-tagger.json holds weights');
  const sentence = (verb: string) => [tok('The', 'DET', 0), tok('senator', 'NOUN', 4), tok('is', 'AUX', 12), tok(verb, 'VERB', 15), tok('that', 'SCONJ', 30), tok('the', 'DET', 35), tok('agency', 'NOUN', 39), tok('acts', 'VERB', 46)];
  const p = (verb: string) => { const s = sentence(verb); return tagger.probability(featuresOf(s, 3, -1, false, quoteMarksOf(s))); };
  assert.ok(p('demanding') > tagger.threshold, `demanding: ${p('demanding')}`);
  assert.ok(p('walking') < tagger.threshold, `walking: ${p('walking')}`);
});

test('a cue the lexicon does not list is found by the tagger, and its provenance says so', () => {
  const list = attributions('The senator is demanding that the agency release the audit.');
  const a = list.find((x) => x.cue === 'is demanding');
  assert.ok(a, JSON.stringify(list));
  assert.match(a.rule, /^cue\.tagged\./);
  assert.equal(a.source, 'The senator');
  assert.equal(a.content, 'that the agency release the audit');
});

test('"such officials" is the group named before with the same head', () => {
  const list = attributions('Dutch officials rejected the plan on Monday. Later, several such officials complained that the port was still closed.');
  assert.equal(list.find((x) => x.cue === 'complained')?.speaker, 'Dutch officials');
});

test('"dismissing it as": the holders of a view, not the view, are the source; "this view" is no cue of belief', () => {
  const list = attributions('People with this view are wary of the plan, dismissing it as a ploy to win votes.');
  // the rules report one attribution; the sequence tagger may add the stance "are wary of" (PolNeAR annotates such), never "this view"
  const ruled = list.filter((a) => a.rule !== 'sequence.tagged');
  assert.equal(ruled.length, 1, JSON.stringify(list));
  assert.ok(!list.some((a) => /view/.test(a.cue ?? '')), JSON.stringify(list));
  assert.equal(ruled[0]!.cue, 'dismissing');
  assert.equal(ruled[0]!.source, 'People with this view');
});

test('cue boundaries as PolNeAR draws them: auxiliaries before the verb, a particle or colon after it', () => {
  const list = attributions('The mayor has also said that the bridge will close. The union called for an end to the strike. The governor spoke of a new start. The minister said: the port is open.');
  assert.ok(list.some((a) => a.cue === 'has also said' && a.source === 'The mayor'), JSON.stringify(list.map((a) => a.cue)));
  const called = list.find((a) => a.cue === 'called for');
  assert.equal(called?.content, 'an end to the strike');
  assert.ok(list.some((a) => a.cue === 'said:'), JSON.stringify(list.map((a) => a.cue)));
});
