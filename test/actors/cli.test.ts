import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

test('dossier actor resolves one description', async () => {
  const r = await runCli(['actor', 'Iranian Foreign Minister Javad Zarif', '--date', '2018-08-01']);
  assert.equal(r.status, 0, r.stderr);
  const a = JSON.parse(r.stdout);
  assert.deepEqual([a.name, a.type, a.country, a.sector, a.role], ['Javad Zarif', 'PERSON', 'IRN', 'GOV', 'Foreign Minister of Iran']);
  assert.equal(a.actorId, 'person.javad-zarif');
});

test('dossier actor uses --context for ambiguous names', async () => {
  const r = await runCli(['actor', 'Georgia', '--context', 'Polls closed across Georgia, from Atlanta to Savannah, the governor said.']);
  assert.equal(JSON.parse(r.stdout).country, 'USA');
});

test('dossier actor answers unknown descriptions with nulls, and rejects bad usage', async () => {
  const r = await runCli(['actor', 'the weather']);
  assert.equal(r.status, 0);
  assert.deepEqual([JSON.parse(r.stdout).country, JSON.parse(r.stdout).sector], [null, null]);
  const bad = await runCli(['actor', 'Tehran', '--date', 'yesterday']);
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /date/);
  assert.notEqual((await runCli(['actor'])).status, 0);
});

test('dossier actor --input resolves a batch; a bad line does not stop it', async () => {
  const dir = tempDir();
  const input = path.join(dir, 'cases.jsonl'), output = path.join(dir, 'out.jsonl');
  writeFileSync(input, [
    JSON.stringify({ id: 'a', text: 'Mike Pompeo', date: '2023-03-01' }),
    'not json',
    JSON.stringify({ id: 'c', text: 'riot police' }),
  ].join('\n'));
  const r = await runCli(['actor', '--input', input, '--output', output]);
  assert.equal(r.status, 0);
  const rows = readFileSync(output, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(rows.length, 3);
  assert.deepEqual([rows[0].id, rows[0].country, rows[0].sector], ['a', 'USA', 'ELI']);
  assert.ok(rows[1].error);
  assert.deepEqual([rows[2].id, rows[2].sector], ['c', 'COP']);
});

test('dossier actor --actors adds a file of the user\'s own', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'mine.json');
  writeFileSync(file, JSON.stringify({ version: '1', people: [{ id: 'person.lena-odum', name: 'Lena Odum', terms: [{ role: 'Mayor of Springfield', country: 'USA', sector: 'GOV', from: '2021-01-01' }] }] }));
  const r = await runCli(['actor', 'Lena Odum', '--date', '2022-01-01', '--actors', file]);
  assert.deepEqual([JSON.parse(r.stdout).country, JSON.parse(r.stdout).sector], ['USA', 'GOV']);
  writeFileSync(file, JSON.stringify({ version: '1', people: [{ id: 'bad id', name: 'X', terms: [] }] }));
  const bad = await runCli(['actor', 'X', '--actors', file]);
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /invalid actor file/);
});

test('dossier actor explains its answer: the entry, its layer, the term and the rules', async () => {
  const hand = JSON.parse((await runCli(['actor', 'Iranian Foreign Minister Javad Zarif', '--date', '2018-08-01'])).stdout);
  assert.equal(hand.explanation.layer, 'hand-written');
  assert.equal(hand.explanation.entry.id, 'person.javad-zarif');
  assert.equal(hand.explanation.term.inForce, true);
  assert.deepEqual(hand.explanation.rules, hand.rule.split('+'));
  const old = JSON.parse((await runCli(['actor', 'Laurent Gbagbo', '--date', '2021-06-01'])).stdout);
  assert.equal(old.explanation.layer, 'dictionaries');
  assert.equal(old.explanation.term.code, 'CIVGOV');
  assert.equal(old.explanation.term.inForce, false);
  assert.equal(old.sector, 'ELI');
});
