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

const STAGES = ['tokens', 'dates', 'entities'];

test('an analysis only looks the learned layer up: the next article knows a person only after an explicit teach', () => {
  const learned = new MemoryLearnedActors();
  const analyzer = new Analyzer({ stages: STAGES, resources: new Resources({ learnedActors: learned }) });
  const fresh = new Analyzer({ stages: STAGES });
  const before = analyzer.analyze({ text: LATER, published: '2019-03-01' });
  assert.equal(before.entities.find((e) => e.name === 'Ahmad Karimi')?.country ?? null, null, 'unknown before');

  const first = analyzer.analyzeWithLessons({ id: 'first', text: FIRST, published: '2019-03-04' });
  assert.equal(learned.all().length, 0, 'analysing an article teaches nothing by itself');
  assert.equal(JSON.stringify(first.result), JSON.stringify(fresh.analyze({ id: 'first', text: FIRST, published: '2019-03-04' })));
  // without the explicit step the next article is what a fresh analyzer makes of it
  assert.equal(JSON.stringify(analyzer.analyze({ text: LATER, published: '2019-06-01' })), JSON.stringify(fresh.analyze({ text: LATER, published: '2019-06-01' })));

  const [lesson, ...more] = first.lessons;
  assert.equal(more.length, 0);
  assert.deepEqual([lesson?.person, lesson?.country, lesson?.sector, lesson?.date], ['Ahmad Karimi', 'IRN', 'GOV', '2019-03-04']);
  assert.equal(lesson?.evidence, 'Ahmad Karimi, Iran\'s deputy oil minister', 'the evidence is the introducing words');
  assert.equal(lesson?.source?.article, 'first');
  assert.equal(FIRST.slice(lesson!.source!.start, lesson!.source!.end), lesson?.evidence);

  analyzer.learnFrom(first.lessons);
  const p = learned.lookup('Ahmad Karimi');
  assert.deepEqual([p?.country, p?.evidence, p?.source?.article], ['IRN', lesson?.evidence, 'first']);
  const after = analyzer.analyze({ text: LATER, published: '2019-06-01' });
  const k = after.entities.find((e) => e.name === 'Ahmad Karimi');
  assert.deepEqual([k?.country, k?.sector], ['IRN', 'GOV']);
  assert.deepEqual(k?.mentions.map((m) => m.text), ['Ahmad Karimi', 'Karimi']);
  assert.equal((k as { provenance?: { rule: string } }).provenance?.rule, 'learned.person');
});

test('the lessons of an article are the same whether or not a learned layer is attached', () => {
  const withLayer = new Analyzer({ stages: STAGES, learnedActors: new MemoryLearnedActors() });
  const without = new Analyzer({ stages: STAGES });
  const input = { id: 'first', text: FIRST, published: '2019-03-04' };
  assert.deepEqual(withLayer.analyzeWithLessons(input).lessons, without.analyzeWithLessons(input).lessons);
  assert.throws(() => without.learnFrom([]), /no learned actor layer/);
});

test('with a learned layer attached, two orders of the same articles give byte-identical results', () => {
  const articles = [
    { id: 'a', text: FIRST, published: '2019-03-04' },
    { id: 'b', text: LATER, published: '2019-06-01' },
    { id: 'c', text: 'Vienna, June 3 - Lena Ostrova, Russia\'s deputy energy minister, met Ahmad Karimi on Monday. Ostrova said talks would go on.', published: '2019-06-03' },
    { id: 'd', text: 'Officials said Lena Ostrova and Ahmad Karimi spoke again on Friday.', published: '2019-06-07' },
  ];
  // the layer as a corpus had taught it before this batch
  const known = [{ name: 'Lena Ostrova', role: 'deputy energy minister', country: 'RUS', sector: 'GOV', firstSeen: '2019-01-10', lastSeen: '2019-01-10', evidence: 'x', seen: 1 }];
  const run = (order: readonly number[]) => {
    const analyzer = new Analyzer({ stages: STAGES, learnedActors: new MemoryLearnedActors(known) });
    const out = new Map<string, string>();
    for (const i of order) out.set(articles[i]!.id, JSON.stringify(analyzer.analyze(articles[i]!)));
    return articles.map((a) => out.get(a.id));
  };
  const forward = run([0, 1, 2, 3]);
  assert.deepEqual(run([3, 2, 1, 0]), forward);
  assert.deepEqual(run([2, 0, 3, 1]), forward);
  // the attached layer is read: the person it knows is placed in the article that does not introduce her
  assert.match(forward[3]!, /"country":"RUS"/);
});

test('a learned layer given as a file path is read, and written when taught', () => {
  const file = path.join(tempDir(), 'people.json');
  const analyzer = new Analyzer({ stages: STAGES, learnedActors: file });
  const { lessons } = analyzer.analyzeWithLessons({ text: FIRST, published: '2019-03-04' });
  assert.equal(new JsonFileLearnedActors(file).lookup('Ahmad Karimi'), null, 'nothing written by the analysis');
  analyzer.learnFrom(lessons);
  assert.equal(new JsonFileLearnedActors(file).lookup('Ahmad Karimi')?.country, 'IRN');
  assert.equal(new Analyzer({ stages: STAGES, learnedActors: file }).analyze({ text: LATER, published: '2019-06-01' })
    .entities.find((e) => e.name === 'Ahmad Karimi')?.country, 'IRN');
});
