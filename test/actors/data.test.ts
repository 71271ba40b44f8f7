import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { actorSchemas, actorFileErrors, SHIPPED_ACTOR_FILES } from '../../src/actors/index.js';
import { SECTORS } from '../../src/actors/schema.js';
import { ActorBase } from '../../src/actors/base.js';

const SCHEMA_FILE = new URL('../../src/actors/data/actor-file.schema.json', import.meta.url);

test('every shipped actor file is valid against the schema', () => {
  for (const file of SHIPPED_ACTOR_FILES) assert.deepEqual(actorFileErrors(file), [], file.description ?? 'actor file');
});

test('the JSON Schema file is the TypeBox schema (regenerate it when the schema changes)', () => {
  assert.deepEqual(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')), JSON.parse(JSON.stringify(actorSchemas().ActorFileSchema)));
});

test('ids are unique across the shipped files', () => {
  const seen = new Set<string>();
  for (const f of SHIPPED_ACTOR_FILES) {
    for (const list of [f.countries, f.places, f.igos, f.organisations, f.outlets, f.people, f.sectorWords, f.modifiers]) {
      for (const e of list ?? []) {
        assert.ok(!seen.has(e.id), `duplicate id ${e.id}`);
        seen.add(e.id);
      }
    }
  }
});

test('the schema rejects entries with bad codes, sectors and dates', () => {
  const bad = { version: '1', people: [{ id: 'person.x', name: 'X', terms: [{ role: 'r', country: 'Iran', sector: 'BOSS', from: '18 May' }] }] };
  const errors = actorFileErrors(bad);
  assert.ok(errors.some((e) => e.includes('/country')));
  assert.ok(errors.some((e) => e.includes('/sector')));
  assert.ok(errors.some((e) => e.includes('/from')));
  assert.ok(actorFileErrors({ version: '1', extra: true }).length > 0);
});

test('terms are ordered, codes are real, and the base covers what the issue asks', () => {
  const base = new ActorBase(SHIPPED_ACTOR_FILES);
  const codes = new Set([...base.countries.keys(), 'IGO', 'UNO', 'EUR', 'NGO', 'MNC']);
  for (const p of base.people.values()) {
    for (const t of p.terms) {
      assert.ok(codes.has(t.country), `${p.id}: unknown country ${t.country}`);
      assert.ok((SECTORS as readonly string[]).includes(t.sector));
      if (t.to) assert.ok(t.from <= t.to, `${p.id}: term ends before it starts`);
    }
  }
  for (const f of SHIPPED_ACTOR_FILES) for (const o of f.outlets ?? []) assert.ok(codes.has(o.country), `${o.id}: ${o.country}`);
  assert.ok(base.countries.size >= 240);
  assert.ok(SHIPPED_ACTOR_FILES.flatMap((f) => f.outlets ?? []).length >= 150, 'at least 150 outlets');
  assert.ok(base.people.size >= 700, 'office holders');
  assert.ok(SHIPPED_ACTOR_FILES.flatMap((f) => f.places ?? []).length >= 100, 'places');
});
