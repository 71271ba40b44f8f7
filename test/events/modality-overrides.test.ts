import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleCatalogue } from '../../src/pipeline/rules.js';
import { MODALITY_OVERRIDES } from '../../src/stages/events/modality.js';
import { analyse } from './helpers.js';

/**
 * Each override of the words' modality verdict (modality.ts MODALITY_OVERRIDES) on a sentence of our
 * own: the modality it gives and its id in the evidence. Published 2024-03-15.
 */
const CASES: readonly { readonly rule: string; readonly text: string; readonly type: string; readonly modality: string; readonly quotes?: boolean }[] = [
  // a pluperfect in reported words is the news itself
  { rule: 'modality.asserted.backshift', text: '“Chile had expelled the Bolivian consul,” the Iranian ministry said.', type: 'SANCTION', modality: 'asserted', quotes: true },
  // the condition is a clause of its own, beyond the words the trigger's clause holds
  { rule: 'modality.hypothetical.condition', text: 'Chile criticized Peru if the reports are true.', type: 'ACCUSE', modality: 'hypothetical' },
  { rule: 'modality.historical.date', text: 'Chile expelled the Bolivian consul in January 2021.', type: 'SANCTION', modality: 'historical' },
  { rule: 'modality.future.date', text: 'Chilean envoys meet Bolivian officials on 20 March 2024.', type: 'CONSULT', modality: 'future' },
];

for (const c of CASES) {
  test(`${c.rule}: ${c.text}`, () => {
    const events = analyse(c.text, { quotes: c.quotes }).layer('event').filter((e) => e.data.type === c.type);
    const fired = events.filter((e) => (e.provenance.evidence ?? '').split(' ').includes(c.rule));
    assert.equal(fired.length, 1, events.map((e) => `${e.data.type} ${e.data.modality} [${e.provenance.evidence}]`).join('; '));
    assert.equal(fired[0]!.data.modality, c.modality);
  });
}

test('every override has a sentence above, a unique id, and is declared in the catalogue; the table is frozen', () => {
  const ids = MODALITY_OVERRIDES.map((o) => o.id);
  assert.deepEqual([...ids].sort(), CASES.map((c) => c.rule).sort());
  const catalogue = ruleCatalogue();
  for (const id of ids) assert.ok(catalogue.explain('events', id)?.length, id);
  assert.ok(Object.isFrozen(MODALITY_OVERRIDES) && MODALITY_OVERRIDES.every(Object.isFrozen));
});
