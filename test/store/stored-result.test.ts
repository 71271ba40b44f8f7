import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { deflateRawSync } from 'node:zlib';
import { Analyzer } from '../../src/analyze.js';
import { packResult, unpackResult } from '../../src/store/stored-result.js';

const text = readFileSync(new URL('../../examples/iran-talks.txt', import.meta.url), 'utf8');
const result = new Analyzer().analyze({ id: 'iran-talks', text, published: '2018-07-31' });

test('a packed result reads back equal to the analysed one, byte for byte as JSON, and smaller than the plain packing', () => {
  const packed = packResult(result);
  assert.equal(JSON.stringify(unpackResult(packed, text)), JSON.stringify(result));
  const plain = deflateRawSync(JSON.stringify({ ...result, article: { ...result.article, text: '' } }));
  assert.ok(packed.length < plain.length, `${packed.length} bytes packed, ${plain.length} plain`);
});

test('a span whose text is not the article text between its offsets keeps its own text', () => {
  const first = result.entities[0]!;
  const odd = { ...result, entities: [{ ...first, mentions: [{ ...first.mentions[0]!, text: 'written otherwise' }] }, ...result.entities.slice(1)] };
  assert.equal(unpackResult(packResult(odd), text).entities[0]!.mentions[0]!.text, 'written otherwise');
});

test('a result stored before spans were packed (plain deflated JSON) reads back as it was', () => {
  const plain = deflateRawSync(JSON.stringify({ ...result, article: { ...result.article, text: '' } }));
  assert.equal(JSON.stringify(unpackResult(plain, text)), JSON.stringify(result));
});
