import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { storiesJsonl } from '../../bench/story-corpus.js';
import { openStore } from '../../src/store/store.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const ARTICLE_A = `Kenya's parliament approved a contested finance bill on Thursday after a heated debate that lasted late into the night.

"This budget protects the poorest households while keeping our debt under control," Finance Minister John Mbadi told lawmakers in Nairobi.

Opposition leaders said they would challenge the new taxes in court and called for peaceful protests across the country next week.`;

const ARTICLE_B = `Police in Lagos arrested twelve people after clashes broke out near the state assembly on Tuesday, officials said.

A police spokesman said officers had used tear gas to disperse a crowd that had blocked a main road for several hours.

Rights groups condemned the arrests and demanded the immediate release of those detained.`;

const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Quayside Gazette</title><link>https://harbour.example</link><description>News</description>
<item><title>Port strike ends</title><link>https://harbour.example/strike</link><guid>strike-1</guid>
<pubDate>Wed, 04 Mar 2026 09:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>Dock workers in Mombasa ended a week-long strike on Tuesday after the port authority agreed to raise wages.</p><p>"We have won a fair deal for our members," union leader Simon Sang said at the gates of the port.</p>]]></content:encoded></item>
<item><title>Empty</title><link>https://harbour.example/empty</link><guid>empty-1</guid><description></description></item>
</channel></rss>`;

test('ingesting the same corpus twice does not change the counts; copies under other URLs or boilerplate are not stored again', async () => {
  const dir = tempDir();
  const corpus = path.join(dir, 'corpus');
  mkdirSync(corpus);
  writeFileSync(path.join(corpus, 'a.txt'), ARTICLE_A);
  writeFileSync(path.join(corpus, 'b.html'), `<!doctype html><html><head><title>Lagos arrests</title><meta property="og:site_name" content="Lagos Post"></head><body><article><h1>Lagos arrests</h1>${ARTICLE_B.split('\n\n').map((p) => `<p>${p}</p>`).join('')}</article></body></html>`);
  writeFileSync(path.join(corpus, 'more.jsonl'), storiesJsonl(40, 7));
  writeFileSync(path.join(corpus, 'herald.rss'), FEED);
  const db = path.join(dir, 'c.db');

  const first = await runCli(['ingest', corpus, '--db', db, '--published', '2026-03-05']);
  assert.equal(first.status, 6, 'one item failed: the batch says so');
  assert.match(first.stderr, /43 stored, 0 already stored, 1 failed/);
  assert.match(first.stderr, /skipped empty-1: .*no text/);
  const store = openStore(db, { readonly: true });
  const counts = store.stats();
  assert.equal(counts.articles, 43);
  assert.ok(counts.events > 0 && counts.happenings > 0 && counts.happenings < counts.events, JSON.stringify(counts));
  store.close();

  const second = await runCli(['ingest', corpus, '--db', db]);
  assert.equal(second.status, 6, 'the empty feed item fails again');
  assert.match(second.stderr, /0 stored, 43 already stored/);

  const copies = path.join(dir, 'copies.jsonl');
  writeFileSync(copies, [
    { id: 'syndicated', text: ARTICLE_A, url: 'https://other.example/kenya', outlet: 'Other Outlet' },
    { id: 'reframed', text: `Share this story\n\n${ARTICLE_A}\n\nSign up for our morning newsletter.\n\nCopyright 2026 Other Outlet`, outlet: 'Other Outlet' },
  ].map((r) => JSON.stringify(r)).join('\n'));
  const third = await runCli(['ingest', copies, '--db', db]);
  assert.equal(third.status, 0, third.stderr);
  assert.match(third.stderr, /0 stored, 2 already stored/);

  const after = openStore(db, { readonly: true });
  assert.deepEqual(after.stats(), counts);
  const kenya = after.search('"finance bill"').items[0]!.article;
  assert.deepEqual(kenya.copies.map((c) => c.sourceId).sort(), ['reframed', 'syndicated']);
  const herald = after.listArticles({ outlet: 'Quayside Gazette' }).items;
  assert.deepEqual(herald.map((a) => [a.title, a.published, a.url]), [['Port strike ends', '2026-03-04', 'https://harbour.example/strike']]);
  after.close();
});

test('an ingest killed mid-way (SIGKILL) loses nothing committed, and the re-run ends with exactly the full corpus', async () => {
  const dir = tempDir();
  const SIZE = 800;
  const corpus = path.join(dir, 'corpus.jsonl');
  writeFileSync(corpus, storiesJsonl(SIZE, 3));
  const db = path.join(dir, 'kill.db');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/store/run-dossier.ts'), 'ingest', corpus, '--db', db],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));

  const committed = (): number => {
    if (!existsSync(db)) return 0;
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try { return conn.prepare('SELECT count(*) FROM article').pluck().get() as number; } catch { return 0; } finally { conn.close(); }
  };
  let before = 0;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    before = committed();
    if (before >= 20) break;
    await sleep(20);
  }
  assert.ok(child.kill('SIGKILL'), `the ingest ended before it could be killed: ${stderr}`);
  const { signal } = await exited;
  assert.equal(signal, 'SIGKILL');
  const survived = committed();
  assert.ok(survived >= before && survived < SIZE, `killed with ${survived} of ${SIZE} committed`);

  const rerun = await runCli(['ingest', corpus, '--db', db]);
  assert.equal(rerun.status, 0, rerun.stderr);
  assert.match(rerun.stderr, new RegExp(`${SIZE - survived} stored, ${survived} already stored, 0 failed`));
  const store = openStore(db, { readonly: true });
  assert.equal(store.stats().articles, SIZE);
  // every stored article has all its events: none was half-written when the process died
  const conn = new Database(db, { readonly: true });
  const partial = conn.prepare('SELECT count(*) FROM article a WHERE a.n_events != (SELECT count(*) FROM event e WHERE e.article_rowid = a.rowid)').pluck().get();
  conn.close();
  assert.equal(partial, 0);
  store.close();
});

test('end to end: two outlets reporting one rejection, analysed by the engine, become one happening with two sources and one quote with two variants', async () => {
  const dir = tempDir();
  const corpus = path.join(dir, 'two');
  mkdirSync(corpus);
  writeFileSync(path.join(corpus, 'wire.json'), JSON.stringify({
    id: 'wire', published: '2026-04-07', outlet: 'Gulf Wire',
    text: 'Iran on Monday rejected a proposal from the United States to resume nuclear talks, the foreign ministry said in a statement.\n\n' +
      '"We will never negotiate under threats and pressure," Foreign Minister Abbas Araghchi told reporters in Tehran.',
  }));
  writeFileSync(path.join(corpus, 'ledger.json'), JSON.stringify({
    id: 'ledger', published: '2026-04-08', outlet: 'Daily Ledger',
    text: 'Tehran has rejected an offer from the United States to restart negotiations over its nuclear programme, officials said on Tuesday.\n\n' +
      '"We will not negotiate under threats," Iranian Foreign Minister Abbas Araghchi said at a news conference.',
  }));
  const db = path.join(dir, 'two.db');
  const run = await runCli(['ingest', corpus, '--db', db]);
  assert.equal(run.status, 0, run.stderr);
  const store = openStore(db, { readonly: true });
  const rejections = store.happenings({ type: 'REJECT' });
  assert.equal(rejections.total, 1, JSON.stringify(store.events({ type: 'REJECT' }).items.map((e) => [e.date, e.actor, e.recipient])));
  assert.equal(rejections.items[0]!.sources, 2);
  assert.deepEqual(rejections.items[0]!.outlets, ['Daily Ledger', 'Gulf Wire']);
  const quote = store.quotes({ text: 'negotiate threats' });
  assert.equal(quote.total, 1);
  assert.equal(quote.items[0]!.variantCount, 2);
  assert.ok(quote.items[0]!.minFidelity < 1);
  store.close();
});
