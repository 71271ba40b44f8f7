import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { actorSchemas } from '../../src/actors/schema.js';
import { ENTITY_TYPES, MODALITIES, QUAD_CLASS_NUMBERS, SECTORS } from '../../src/core/vocabulary.js';
import { EntitySchema, EventSchema } from '../../src/result/schema.js';
import { runCli } from '../helpers/cli.js';

// Each closed set is defined once (src/core/vocabulary.ts); the schemas and checks derive from it.
const constsOf = (schema: unknown): unknown[] => (schema as { anyOf: { const: unknown }[] }).anyOf.map((s) => s.const);

describe('one definition for each closed set', () => {
  test('the result schema enumerates the modalities and entity types, and bounds the quad classes', () => {
    assert.deepEqual(constsOf(EventSchema.properties.modality), [...MODALITIES]);
    assert.deepEqual(constsOf(EntitySchema.properties.type), [...ENTITY_TYPES]);
    assert.equal(EventSchema.properties.quadClass.minimum, Math.min(...QUAD_CLASS_NUMBERS));
    assert.equal(EventSchema.properties.quadClass.maximum, Math.max(...QUAD_CLASS_NUMBERS));
  });

  test('the actor files accept exactly the sectors', () => {
    const sector = actorSchemas().ActorFileSchema.properties.organisations.items.properties.sector;
    assert.deepEqual(constsOf(sector.anyOf[0]), [...SECTORS]);
  });

  test('the command line refuses a modality or quad class outside the sets, naming the sets', async () => {
    const modality = await runCli(['events', '--db', '/nonexistent/never.db', '--modality', 'probable']);
    assert.equal(modality.status, 2);
    assert.match(modality.stderr, new RegExp(`--modality must be one (or more )?of ${MODALITIES.join(', ')}`));
    const quad = await runCli(['events', '--db', '/nonexistent/never.db', '--quad', '5']);
    assert.match(quad.stderr, /--quad must be one of 1, 2, 3, 4/);
  });
});
