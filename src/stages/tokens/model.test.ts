import assert from 'node:assert/strict';
import test from 'node:test';
import packageModel from 'wink-eng-lite-web-model';
import { englishModel } from './model.js';

// the parts of the model are functions and objects of the package itself; only the core loader is ours
test('the model has the parts of the package model, the same ones but for the core loader', () => {
  const ours = englishModel() as unknown as Record<string, unknown>;
  const theirs = packageModel as unknown as Record<string, unknown>;
  assert.deepEqual(Object.keys(ours), Object.keys(theirs));
  for (const key of Object.keys(theirs)) {
    if (key === 'core') continue;
    if (key === 'addons') assert.deepEqual(ours.addons, theirs.addons);
    else assert.equal(ours[key], theirs[key], key);
  }
});

test('the core model loads field for field as the package loads it, and each load is a fresh object', () => {
  const ours = englishModel() as unknown as { core(): unknown };
  const theirs = packageModel as unknown as { core(): unknown };
  const a = ours.core(), b = ours.core();
  assert.deepStrictEqual(a, theirs.core());
  assert.notEqual(a, b);
});
