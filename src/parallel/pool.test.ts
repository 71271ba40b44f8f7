import assert from 'node:assert/strict';
import test from 'node:test';
import { Analyzer } from '../analyze.js';
import { isDossierError } from '../core/errors.js';
import { AnalyzerPool } from './pool.js';

const ARTICLES = Array.from({ length: 12 }, (_, i) => ({
  id: `a${i}`, published: '2024-03-0' + (1 + (i % 9)),
  text: `The foreign minister of Norway said on Monday that talks with Chile would resume. "We remain hopeful," she told reporters (${i}).`,
}));

test('a pool gives the results of the in-process analyzer, as objects and as JSON text, with or without a local analyzer', async () => {
  const analyzer = new Analyzer();
  const expected = ARTICLES.map((a) => analyzer.analyze(a));
  for (const local of [undefined, analyzer]) {
    const pool = new AnalyzerPool(2, { local });
    try {
      const [objects, texts] = await Promise.all([Promise.all(ARTICLES.map((a) => pool.analyze(a))), Promise.all(ARTICLES.map((a) => pool.analyzeJson(a)))]);
      assert.deepEqual(objects, expected);
      assert.deepEqual(texts.map((t) => Buffer.from(t).toString('utf8')), expected.map((r) => JSON.stringify(r)));
    } finally {
      await pool.close();
    }
  }
});

test("a pool refuses an article as the analyzer would, whichever thread took it", async () => {
  const pool = new AnalyzerPool(2, { local: new Analyzer() });
  try {
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => pool.analyze({ text: 42 as unknown as string })));
    for (const o of outcomes) {
      assert.equal(o.status, 'rejected');
      assert.ok(isDossierError(o.reason) && o.reason.code === 'INPUT_FORMAT', String(o.status === 'rejected' && o.reason));
    }
  } finally {
    await pool.close();
  }
});

test('the calling thread analyses on a later turn of the event loop, never inside analyze(), so the workers are answered and refilled between its articles', async () => {
  const analyzer = new Analyzer();
  let calls = 0;
  const local = { analyzeWithLessons: (a: Parameters<Analyzer['analyze']>[0]) => { calls++; return analyzer.analyzeWithLessons(a); } };
  const pool = new AnalyzerPool(2, { local });
  try {
    const promises = ARTICLES.map((a) => pool.analyzeJson(a));
    assert.equal(calls, 0, 'no article analysed inside analyze()');
    const texts = await Promise.all(promises);
    assert.deepEqual(texts.map((t) => Buffer.from(t).toString('utf8')), ARTICLES.map((a) => JSON.stringify(analyzer.analyze(a))));
    assert.ok(calls >= 1, 'the calling thread took its share while the worker loaded');
  } finally {
    await pool.close();
  }
});

test('a batch of good and bad articles answers each on its own, in its place', async () => {
  const analyzer = new Analyzer();
  const pool = new AnalyzerPool(2);
  try {
    const inputs = ARTICLES.map((a, i) => (i % 3 === 1 ? { text: 42 as unknown as string } : a));
    const outcomes = await Promise.allSettled(inputs.map((a) => pool.analyzeJson(a)));
    for (const [i, o] of outcomes.entries()) {
      if (i % 3 === 1) assert.ok(o.status === 'rejected' && isDossierError(o.reason) && o.reason.code === 'INPUT_FORMAT', `article ${i} refused`);
      else assert.equal(o.status === 'fulfilled' && Buffer.from(o.value).toString('utf8'), JSON.stringify(analyzer.analyze(ARTICLES[i]!)), `article ${i}`);
    }
  } finally {
    await pool.close();
  }
});
