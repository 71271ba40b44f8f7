import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Analyzer } from '../../src/analyze.js';
import { extractHtml } from '../../src/ingest/html.js';
import { markupDepth, MAX_HTML_DEPTH } from '../../src/ingest/html-depth.js';
import { readArticles, type SourceItem } from '../../src/ingest/sources.js';
import { walkFiles, type WalkFs } from '../../src/ingest/walk.js';
import { MAX_RUN_CHARS } from '../../src/stages/tokens/long-runs.js';
import { ingest, ingestSources, withBusyRetry } from '../../src/store/ingest.js';
import { openStore } from '../../src/store/store.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

// One test (or more) a finding of the hostile-input review; each failed before its fix.
const ENGLISH = 'The minister said on Tuesday that the talks would resume next week, and officials in the capital welcomed the news.';
const analyzer = new Analyzer({ stages: ['tokens'] });

test('1. a word of 200,000 letters is one token, read in linear time; the text around it is tokenised as before', () => {
  const word = 'x'.repeat(200_000);
  const text = `Officials said ${word} on Monday.`;
  const doc = analyzer.analyzeDocument(text);
  const tokens = doc.layer('token');
  const long = tokens.find((t) => t.end - t.start > MAX_RUN_CHARS)!;
  assert.equal(text.slice(long.start, long.end), word);
  assert.equal(long.data.pos, 'X');
  assert.deepEqual(tokens.map((t) => text.slice(t.start, t.end)).filter((v) => v !== word), ['Officials', 'said', 'on', 'Monday', '.']);
  const short = analyzer.analyzeDocument(`Officials said ${'x'.repeat(MAX_RUN_CHARS)} on Monday.`).layer('token');
  assert.equal(short.length, 6, 'a run at the limit is left to wink');
});

test('1. a per-article time budget ends an analysis with a BUDGET_EXCEEDED diagnostic, and ingest does not store it', async () => {
  const hurried = new Analyzer({ budgetMs: -1 });
  const result = hurried.analyze(ENGLISH);
  assert.equal(result.diagnostics[0]?.code, 'BUDGET_EXCEEDED');
  assert.equal(result.events.length, 0);
  const store = openStore(path.join(tempDir(), 'b.db'));
  const failed: string[] = [];
  const items: SourceItem[] = [{ ok: true, article: { id: 'a', text: ENGLISH, published: null, outlet: null, url: null, title: null, origin: 'a.txt' } }];
  const tally = await ingest(store, { analyzer: hurried }, (async function* () { yield* items; })(), (e) => { if (e.kind === 'failed') failed.push(e.error.message); });
  assert.deepEqual([tally.stored, tally.failed], [0, 1]);
  assert.match(failed[0]!, /longer than its budget/);
  store.close();
});

test('2. HTML nested 100,000 deep is refused before parsing, quickly and without a stack trace; 400 levels are read', async () => {
  const deep = `<html><body>${'<div>'.repeat(100_000)}<p>${ENGLISH}</p>${'</div>'.repeat(100_000)}</body></html>`;
  assert.ok(markupDepth(deep) > MAX_HTML_DEPTH);
  assert.throws(() => extractHtml(deep, 'deep.html'), /nests elements more than 512 levels deep/);
  const dir = tempDir();
  writeFileSync(path.join(dir, 'deep.html'), deep);
  const run = await runCli(['analyze', path.join(dir, 'deep.html')]);
  assert.equal(run.status, 4);
  assert.ok(!run.stderr.includes('    at '), run.stderr);
  const fine = `<html><body>${'<div>'.repeat(400)}<p>${ENGLISH}</p>${'</div>'.repeat(400)}</body></html>`;
  assert.equal(extractHtml(fine, 'fine.html').text, ENGLISH);
  // unclosed <p> and <li> are not depth: HTML closes them
  assert.equal(markupDepth(`<ul>${'<li>item'.repeat(5000)}</ul>${'<p>para'.repeat(5000)}`), 1);
  assert.equal(markupDepth('<script>"<div><div><div>"</script><!-- <div> -->'), 0);
});

test('3. an unreadable subfolder, a broken link and a link loop are failed items; the rest of the batch is read', async () => {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'ok'));
  mkdirSync(path.join(dir, 'locked'));
  writeFileSync(path.join(dir, 'ok', 'a.txt'), ENGLISH);
  writeFileSync(path.join(dir, 'locked', 'b.txt'), ENGLISH);
  symlinkSync(path.join(dir, 'ok', 'a.txt'), path.join(dir, 'linked.txt'));
  symlinkSync(path.join(dir, 'nowhere.txt'), path.join(dir, 'broken.txt'));
  symlinkSync(path.join(dir, 'loop2.txt'), path.join(dir, 'loop1.txt'));
  symlinkSync(path.join(dir, 'loop1.txt'), path.join(dir, 'loop2.txt'));
  symlinkSync(dir, path.join(dir, 'ok', 'up'));
  // root reads every folder; a file system that refuses one reproduces what a user meets
  const realFs = await import('node:fs/promises');
  const fs: WalkFs = {
    opendir: async (d) => { if (d.endsWith('locked')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }); return realFs.opendir(d); },
    stat: (p) => realFs.stat(p),
  };
  const entries = await walkFiles(dir, (n) => n.endsWith('.txt'), fs);
  const shown = entries.map((e) => [path.relative(dir, e.file), e.error ? e.error.message.replace(`${e.file}: `, '') : 'ok']);
  assert.deepEqual(shown, [
    ['broken.txt', 'a broken symbolic link (its target does not exist)'],
    ['linked.txt', 'ok'],
    ['locked', 'cannot read the folder: permission denied'],
    ['loop1.txt', 'a loop of symbolic links'],
    ['loop2.txt', 'a loop of symbolic links'],
    ['ok/a.txt', 'ok'],
    ['ok/up', 'a symbolic link to a folder that is already read (a loop); not read again'],
  ]);
  const db = path.join(tempDir(), 'w.db');
  const run = await runCli(['ingest', dir, '--db', db]);
  assert.equal(run.status, 6, run.stderr);
  assert.match(run.stderr, /skipped loop1: .*a loop of symbolic links/);
  assert.match(run.stderr, /1 stored, 2 already stored/, 'a.txt, its link and locked/b.txt (readable by root) are the same text');
});

test('4. a JSONL line over the limit is refused without being held; invalid UTF-8 in a line is refused as in a .txt; the lines after are read', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'batch.jsonl');
  const good = (id: string) => JSON.stringify({ id, text: ENGLISH });
  const bad = Buffer.from(JSON.stringify({ id: 'latin', text: 'Le ministre a déclaré que les négociations reprendraient.' }), 'latin1');
  writeFileSync(file, Buffer.concat([Buffer.from(`${good('first')}\n${JSON.stringify({ id: 'huge', text: 'x'.repeat(3000) })}\n`), bad, Buffer.from(`\r\n${good('last')}\r\n`)]));
  const items: SourceItem[] = [];
  for await (const item of readArticles(file, { limits: { maxFileBytes: 1e9, maxTextChars: 1e9, maxLineBytes: 1000 } })) items.push(item);
  assert.deepEqual(items.map((i) => (i.ok ? i.article.id : `${i.id}: ${i.error.code}`)), ['first', 'batch-2: INPUT_TOO_LARGE', 'batch-3: INPUT_ENCODING', 'last']);
  assert.match((items[2] as { error: Error }).error.message, /batch\.jsonl:3: the text is not valid UTF-8 at byte \d+ \(byte 0xe9/);
  const txt = path.join(dir, 'latin.txt');
  writeFileSync(txt, bad);
  assert.equal((await runCli(['analyze', txt])).status, 4, 'the same bytes in a .txt are refused the same way');
});

test('5. two ingests at once and an API-style writer lose nothing: every article is stored once, none skipped as locked', async () => {
  const dir = tempDir();
  const db = path.join(dir, 'two.db');
  openStore(db).close();
  const texts = Array.from({ length: 6 }, (_, i) => `${ENGLISH} Report number ${['one', 'two', 'three', 'four', 'five', 'six'][i]} said the ministry in ${['Nairobi', 'Lagos', 'Accra', 'Dakar', 'Kampala', 'Lusaka'][i]}.`);
  mkdirSync(path.join(dir, 'a'));
  mkdirSync(path.join(dir, 'b'));
  texts.forEach((t, i) => writeFileSync(path.join(dir, i % 2 ? 'a' : 'b', `n${i}.txt`), t));
  writeFileSync(path.join(dir, 'b', 'shared.txt'), texts[1]!);
  const [one, two] = await Promise.all([
    runCli(['ingest', path.join(dir, 'a'), '--db', db]),
    runCli(['ingest', path.join(dir, 'b'), '--db', db]),
  ]);
  assert.equal(one.status, 0, one.stderr);
  assert.equal(two.status, 0, two.stderr);
  assert.ok(!/locked|busy/i.test(one.stderr + two.stderr));
  const store = openStore(db);
  assert.equal(store.stats().articles, 6);
  // a third writer holds the lock in its own connection for a moment; the retry waits it out
  const other = openStore(db) as unknown as { db: { exec(sql: string): void } };
  other.db.exec('BEGIN IMMEDIATE');
  const release = setTimeout(() => other.db.exec('COMMIT'), 300);
  const quick = openStore(db) as unknown as { db: { pragma(s: string): void } } & ReturnType<typeof openStore>;
  quick.db.pragma('busy_timeout = 10'); // so that the lock is met at once, as a long analysis inside a transaction made it
  const added = await withBusyRetry(() => quick.addArticle({ id: 'late', text: `${ENGLISH} A late report from Harare.`, published: null, outlet: null, url: null, title: null, origin: 'late' }, analyzer.analyze(ENGLISH)), 'late', 8, 20);
  clearTimeout(release);
  assert.equal(added.inserted, true);
  assert.equal(quick.stats().articles, 7);
  quick.close();
  (other as unknown as { close(): void }).close();
  store.close();
});

test('5. a store that stays locked ends ingest with a STORE error naming the lock, not a stack trace from close()', async () => {
  const dir = tempDir();
  const db = path.join(dir, 'locked.db');
  openStore(db).close();
  writeFileSync(path.join(dir, 'a.txt'), ENGLISH);
  const holder = openStore(db) as unknown as { db: { exec(sql: string): void }; close(): void };
  holder.db.exec('BEGIN IMMEDIATE');
  try {
    const store = openStore(db) as unknown as { db: { pragma(s: string): void } } & ReturnType<typeof openStore>;
    store.db.pragma('busy_timeout = 1');
    await assert.rejects(
      ingest(store, { analyzer }, ingestSources([path.join(dir, 'a.txt')])),
      (e: unknown) => (e as { code?: string }).code === 'STORE' && /stayed locked by another writer/.test((e as Error).message));
    store.close();
  } finally {
    holder.db.exec('ROLLBACK');
    holder.close();
  }
});

test('8. export to a folder that does not exist and serve without a database exit with their documented codes', async () => {
  const dir = tempDir();
  const db = path.join(dir, 'e.db');
  openStore(db).close();
  const exp = await runCli(['export', '--format', 'gdelt', '--db', db, '--output', path.join(dir, 'missing', 'x.csv')]);
  assert.equal(exp.status, 2);
  assert.match(exp.stderr, /^dossier: .*x\.csv: --output: cannot write the file: its folder does not exist\n$/);
  const serve = await runCli(['serve', '--db', path.join(dir, 'none.db'), '--port', '0']);
  assert.equal(serve.status, 3);
  const all = await runCli(['ingest', path.join(dir, 'nothing.jsonl'), '--db', db]);
  assert.equal(all.status, 3);
  writeFileSync(path.join(dir, 'bad.jsonl'), '{"text": 1}\n{"nope": true}\n');
  const failedAll = await runCli(['ingest', path.join(dir, 'bad.jsonl'), '--db', db, '--errors', path.join(dir, 'errors.jsonl')]);
  assert.equal(failedAll.status, 6, 'every article failed: the batch says so');
  assert.equal(readFileSync(path.join(dir, 'errors.jsonl'), 'utf8').trim().split('\n').length, 2);
});
