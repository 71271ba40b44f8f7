import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Value } from '@sinclair/typebox/value';
import { analyze } from '../../src/index.js';
import { ResultSchema } from '../../src/result/schema.js';
import { resultSchemaJson } from '../../src/result/write-schema.js';
import { ENGINE_VERSION } from '../../src/version.js';

const shipped = new URL('../../schema/result.schema.json', import.meta.url);

test('the shipped JSON Schema is generated from the code\'s own schema', { skip: !existsSync(shipped) && 'schema/ is written by npm run build' }, () => {
  assert.equal(readFileSync(shipped, 'utf8'), resultSchemaJson(), 'run `npm run build` to regenerate schema/result.schema.json');
  const schema = JSON.parse(readFileSync(shipped, 'utf8'));
  assert.deepEqual(Object.keys(schema.properties), ['article', 'attributions', 'events', 'entities', 'dates', 'sentences', 'diagnostics', 'engine', 'error']);
});

test('real output validates against the schema, and a broken result does not', () => {
  const result = analyze({ id: 'w1', text: 'Officials in Seoul said on Friday that talks with Pyongyang would resume next month.', published: '2019-03-01', outlet: 'Wire' });
  assert.ok(Value.Check(ResultSchema, result), [...Value.Errors(ResultSchema, result)].map((e) => `${e.path} ${e.message}`).join('; '));
  const broken = structuredClone(result) as unknown as { article: { published: string } };
  broken.article.published = '01/03/2019';
  assert.equal(Value.Check(ResultSchema, broken), false);
});

test('the engine version in results is the package version', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  assert.equal(ENGINE_VERSION, pkg.version);
});

test('the library exports what the README documents', async () => {
  const lib = await import('../../src/index.js');
  for (const name of ['analyze', 'Analyzer', 'readArticleFile', 'readArticles', 'DossierError', 'ResultSchema', 'Pipeline', 'StageRegistry', 'defaultRegistry']) {
    assert.ok(name in lib, `exports ${name}`);
  }
});
