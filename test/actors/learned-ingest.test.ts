import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { LearnedPerson } from '../../src/actors/index.js';
import { Analyzer } from '../../src/analyze.js';
import type { RawArticle } from '../../src/ingest/article.js';
import type { SourceItem } from '../../src/ingest/sources.js';
import { AnalyzerPool } from '../../src/parallel/pool.js';
import { ingest, type IngestAnalysis } from '../../src/store/ingest.js';
import type { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { enqueue, runWorker } from '../../src/store/postgres/queue.js';
import { openStore, type Store } from '../../src/store/store.js';
import { createTestDatabase, dropTestDatabase, pgUnavailable } from '../helpers/postgres.js';
import { tempDir } from '../helpers/tmp.js';

// What an article teaches the learned actor layer reaches the store at the article's commit, with
// its evidence, whichever thread or process analysed it (the analysis itself only looks people up).

const article = (id: string, published: string, text: string): RawArticle =>
  ({ id, text, published, outlet: null, url: null, title: null, origin: `${id}.txt` });

const ARTICLES = [
  article('karimi', '2019-03-04', 'Tehran, March 4 - Ahmad Karimi, Iran\'s deputy oil minister, said exports would rise this spring.'),
  article('ostrova', '2019-06-03', 'Vienna, June 3 - Lena Ostrova, Russia\'s deputy energy minister, met oil traders on Monday. Ostrova said talks would go on.'),
  article('later', '2019-06-07', 'Officials said Lena Ostrova and Ahmad Karimi spoke again on Friday.'),
];

async function* sources(): AsyncGenerator<SourceItem> {
  for (const a of ARTICLES) yield { ok: true, article: a };
}

const brief = (p: LearnedPerson | null) => p && { name: p.name, country: p.country, sector: p.sector, firstSeen: p.firstSeen, evidence: p.evidence, source: p.source, seen: p.seen };

/** What the corpus learned about the two people the articles introduce. */
function learnedOf(store: Store) {
  const l = store.learnedActors();
  return [brief(l.lookup('Ahmad Karimi')), brief(l.lookup('Lena Ostrova'))];
}

/** the introducing words of an article and where they are in its text */
const at = (i: number, evidence: string) => {
  const start = ARTICLES[i]!.text.indexOf(evidence);
  return { evidence, source: { article: ARTICLES[i]!.id, start, end: start + evidence.length } };
};

const EXPECTED = [
  { name: 'Ahmad Karimi', country: 'IRN', sector: 'GOV', firstSeen: '2019-03-04', ...at(0, 'Ahmad Karimi, Iran\'s deputy oil minister'), seen: 1 },
  { name: 'Lena Ostrova', country: 'RUS', sector: 'GOV', firstSeen: '2019-06-03', ...at(1, 'Lena Ostrova, Russia\'s deputy energy minister'), seen: 1 },
];

async function ingested(db: string, analysis: (store: Store) => IngestAnalysis) {
  const store = openStore(db);
  try {
    const tally = await ingest(store, analysis(store), sources());
    assert.equal(tally.stored, ARTICLES.length);
    return learnedOf(store);
  } finally {
    store.close();
  }
}

test('SQLite ingest commits each article\'s lessons with it, from this thread and from --jobs workers alike', async () => {
  const dir = tempDir();
  const one = await ingested(path.join(dir, 'one.db'), (store) => ({ analyzer: new Analyzer({ learnedActors: store.learnedActors() }) }));
  assert.deepEqual(one, EXPECTED);
  // one worker thread is enough to show the lessons cross back from it
  const pool = new AnalyzerPool(1);
  try {
    assert.deepEqual(await ingested(path.join(dir, 'pool.db'), () => ({ pool })), EXPECTED);
  } finally {
    await pool.close();
  }
});

const unavailable = await pgUnavailable();
test('PostgreSQL ingest and queue workers commit each article\'s lessons with it', { skip: unavailable ?? false }, async (t) => {
  const urls = [await createTestDatabase(), await createTestDatabase()];
  t.after(async () => { for (const url of urls) await dropTestDatabase(url); });
  assert.deepEqual(await ingested(urls[0]!, (store) => ({ analyzer: new Analyzer({ learnedActors: store.learnedActors() }) })), EXPECTED);

  const store = openStore(urls[1]!) as PostgresStore;
  try {
    await enqueue(store, sources());
    const tally = await runWorker(store, (learnedActors) => new Analyzer({ learnedActors }), { leaseSeconds: 60, exitWhenEmpty: true, pollMs: 10 });
    assert.equal(tally.committed, ARTICLES.length);
    assert.deepEqual(learnedOf(store), EXPECTED);
  } finally {
    store.close();
  }
});
