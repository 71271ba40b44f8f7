import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { JsonFileLearnedActors, MemoryLearnedActors } from '../../src/actors/index.js';
import { Analyzer } from '../../src/analyze.js';
import { Resources } from '../../src/core/resources.js';
import { tempDir } from '../helpers/tmp.js';

const FIRST = 'Tehran, March 4 - Ahmad Karimi, Iran\'s deputy oil minister, said exports would rise this spring.';
const LATER = 'Ahmad Karimi told a conference in Vienna that output was steady. Karimi gave no figures.';

test('memory layer: lookup by full name and by a surname one person carries, never before first seen', () => {
  const l = new MemoryLearnedActors();
  l.learn('Ahmad Karimi', 'deputy oil minister', 'IRN', 'GOV', '2019-03-04', FIRST);
  assert.equal(l.lookup('Ahmad Karimi', '2019-05-01')?.country, 'IRN');
  assert.equal(l.lookup('Karimi', '2019-05-01')?.sector, 'GOV');
  assert.equal(l.lookup('Ahmad Karimi', '2019-01-01'), null, 'not known before the article that taught it');
  l.learn('Reza Karimi', 'mayor', 'IRN', 'GOV', '2019-04-01', 'x');
  assert.equal(l.lookup('Karimi', '2019-05-01'), null, 'a surname two people share is not enough');
  l.learn('Ahmad Karimi', 'oil minister', 'IRN', 'GOV', '2020-01-10', 'y');
  const p = l.lookup('Ahmad Karimi');
  assert.deepEqual([p?.firstSeen, p?.lastSeen, p?.role, p?.seen], ['2019-03-04', '2020-01-10', 'oil minister', 2]);
});

test('JSON file layer: what is learned is saved and read back', () => {
  const file = path.join(tempDir(), 'learned.json');
  const a = new JsonFileLearnedActors(file);
  a.learn('Ahmad Karimi', 'deputy oil minister', 'IRN', 'GOV', '2019-03-04', FIRST);
  a.save();
  const b = new JsonFileLearnedActors(file);
  assert.equal(b.lookup('Ahmad Karimi')?.evidence, FIRST);
});

test('the pipeline learns people introduced with a role and knows them in the next article', () => {
  const learned = new MemoryLearnedActors();
  const analyzer = new Analyzer({ stages: ['tokens', 'dates', 'entities'], resources: new Resources({ learnedActors: learned }) });
  const before = analyzer.analyze({ text: LATER, published: '2019-03-01' });
  assert.equal(before.entities.find((e) => e.name === 'Ahmad Karimi')?.country ?? null, null, 'unknown before');
  analyzer.analyze({ id: 'first', text: FIRST, published: '2019-03-04' });
  const p = learned.lookup('Ahmad Karimi');
  assert.equal(p?.country, 'IRN');
  assert.equal(p?.evidence, 'Ahmad Karimi, Iran\'s deputy oil minister', 'the evidence is the introducing words');
  assert.equal(p?.source?.article, 'first');
  assert.equal(FIRST.slice(p!.source!.start, p!.source!.end), p?.evidence);
  const after = analyzer.analyze({ text: LATER, published: '2019-06-01' });
  const k = after.entities.find((e) => e.name === 'Ahmad Karimi');
  assert.deepEqual([k?.country, k?.sector], ['IRN', 'GOV']);
  assert.deepEqual(k?.mentions.map((m) => m.text), ['Ahmad Karimi', 'Karimi']);
  assert.equal((k as { provenance?: { rule: string } }).provenance?.rule, 'learned.person');
});

test('a learned layer given as a file path is opened and written', () => {
  const file = path.join(tempDir(), 'people.json');
  const analyzer = new Analyzer({ stages: ['tokens', 'dates', 'entities'], learnedActors: file });
  analyzer.analyze({ text: FIRST, published: '2019-03-04' });
  assert.equal(new JsonFileLearnedActors(file).lookup('Ahmad Karimi')?.country, 'IRN');
});
