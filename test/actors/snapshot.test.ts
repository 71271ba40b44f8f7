import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ActorBase, COMPILED_DICTIONARY_FILE, FallbackLayer, SHIPPED_ACTOR_FILES, type ActorBaseSnapshot } from '../../src/actors/index.js';
import { asciiJson } from '../../src/core/compiled.js';

// the snapshot `npm run build` writes, made here the same way and read back through its JSON
const fallback = new FallbackLayer(readFileSync(COMPILED_DICTIONARY_FILE));
const built = new ActorBase(SHIPPED_ACTOR_FILES, null, null, fallback);
const snapshot = JSON.parse(asciiJson(built.snapshot())) as ActorBaseSnapshot;
const restored = new ActorBase(snapshot, null, null, fallback);

test('a base read back from its snapshot has the indexes of the base built from the files', () => {
  const state = (b: ActorBase) => b as unknown as Record<string, unknown>;
  for (const field of ['names', 'byId', 'surnames', 'skeletonSources', 'sectorWords', 'modifiers', 'countries', 'people', 'maxWords', 'firstWords', 'knownKeys', 'phrases']) {
    assert.ok(field in state(built), field);
    assert.deepEqual(state(restored)[field], state(built)[field], field);
  }
  // objects shared between indexes are shared again: an entry under several names is one object
  const entries = (b: ActorBase) => [...(state(b).names as Map<string, object[]>).values()].flat();
  assert.equal(new Set(entries(restored)).size, new Set(entries(built)).size);
});

test('a base read back from its snapshot resolves descriptions as the built one does', () => {
  const cases = readFileSync(new URL('cases.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean)
    .map((l) => JSON.parse(l) as { text: string; date?: string });
  assert.ok(cases.length > 50);
  for (const { text, date } of cases) {
    for (const d of [date ?? null, '2008-03-01', null]) {
      const actor = built.resolve(text, { date: d });
      assert.deepEqual(restored.resolve(text, { date: d }), actor, `${text} ${d}`);
      if (actor) assert.deepEqual(restored.explain(actor, d), built.explain(actor, d), `${text} ${d}`);
    }
  }
});

test('the snapshot is the same JSON each time it is taken (npm run build is deterministic)', () => {
  assert.equal(asciiJson(restored.snapshot()), asciiJson(built.snapshot()));
});
