import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ALL_TRIGGERS } from '../../src/stages/events/cameo-triggers.js';
import { shippedLexicon } from '../../src/stages/events/compiled-lexicon.js';
import { Lexicon, type LexiconSnapshot } from '../../src/stages/events/match.js';
import { NON_EVENTS } from '../../src/stages/events/triggers.js';

test('a lexicon read back from its snapshot is the lexicon its entries compile to', () => {
  const compiled = new Lexicon(ALL_TRIGGERS);
  const snapshot = JSON.parse(JSON.stringify(compiled.snapshot())) as LexiconSnapshot;
  const restored = new Lexicon(ALL_TRIGGERS, NON_EVENTS, snapshot);
  const state = (l: Lexicon) => l as unknown as Record<string, unknown>;
  for (const field of ['patternWords', 'steps', 'triggers', 'nonEvents']) {
    assert.ok(field in state(compiled), field);
    assert.deepEqual(state(restored)[field], state(compiled)[field], field);
  }
  assert.deepEqual(restored.snapshot(), snapshot);
});

test('the shipped lexicon holds the project\'s triggers, then the dictionary\'s', () => {
  const shipped = shippedLexicon();
  assert.deepEqual(shipped.snapshot(), new Lexicon(ALL_TRIGGERS).snapshot());
});
