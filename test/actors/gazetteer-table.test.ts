import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { PlaceTable } from '../../src/actors/gazetteer.js';
import { GAZETTEER_FILE } from '../../src/actors/index.js';

test('the shipped gazetteer, searched in its text, answers every name as the parsed file does, and nothing else', () => {
  const text = readFileSync(GAZETTEER_FILE, 'utf8');
  const names = (JSON.parse(text) as { names: Record<string, string> }).names;
  const table = PlaceTable.read(text, GAZETTEER_FILE);
  for (const [key, code] of Object.entries(names)) assert.equal(table.countryOf(key), code, key);
  for (const key of ['', 'constructor', 'zzzz nowhere', '"', 'mariupol ', ' mariupol']) assert.equal(table.countryOf(key), Object.hasOwn(names, key) ? names[key] : null, key);
});

test('the shipped gazetteer is in the form the search needs: names sorted, no escapes', () => {
  const text = readFileSync(GAZETTEER_FILE, 'utf8');
  assert.ok(!text.includes('\\'));
  const keys = Object.keys((JSON.parse(text) as { names: Record<string, string> }).names);
  for (let i = 1; i < keys.length; i++) assert.ok(keys[i - 1]! < keys[i]!, `${keys[i - 1]} before ${keys[i]}`);
});

test('a gazetteer with escapes is parsed; small sorted ones are searched', () => {
  const escaped = '{"names":{"a\\"b":"USA","c":"FRA"}}';
  assert.equal(PlaceTable.read(escaped, 'x').countryOf('a"b'), 'USA');
  assert.equal(PlaceTable.read(escaped, 'x').countryOf('c'), 'FRA');
  const sorted = '{"description":"d","names":{"amsterdam":"NLD","paris, texas":"USA","springfield":"USA"}}';
  for (const [key, code] of [['amsterdam', 'NLD'], ['paris, texas', 'USA'], ['springfield', 'USA'], ['paris', null], ['a', null], ['zz', null], ['', null]] as const) {
    assert.equal(PlaceTable.read(sorted, 'x').countryOf(key), code, key);
  }
  assert.equal(PlaceTable.read('{"names":{}}', 'x').countryOf('paris'), null);
  assert.equal(PlaceTable.read('{"names":{"paris":"FRA"}}', 'x').countryOf('paris'), 'FRA');
  assert.throws(() => PlaceTable.read('{"names":', 'x'), /place gazetteer/);
});
