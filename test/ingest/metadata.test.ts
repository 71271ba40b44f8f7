import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { MetaTable, splitFrontMatter } from '../../src/ingest/metadata.js';
import { readArticles, type SourceItem } from '../../src/ingest/sources.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const STORY = 'The mayor of Springfield said on Monday that the city would open two new libraries next year, '
  + 'after the council approved the budget by a wide margin.';

async function all(input: string, options = {}): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const item of readArticles(input, options)) out.push(item);
  return out;
}
const articles = (items: SourceItem[]) => items.map((i) => { assert.ok(i.ok, i.ok ? '' : i.error.message); return i.article; });

test('a metadata.tsv beside the files gives each its date, outlet, url and title; the flags fill only what it leaves', async () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'a.txt'), STORY);
  writeFileSync(path.join(dir, 'b.txt'), STORY.replace('two', 'three'));
  writeFileSync(path.join(dir, 'metadata.tsv'), 'file\tpublished\toutlet\turl\ttitle\na.txt\t2026-03-02\tDaily Planet\thttps://planet.example/a\tLibraries for Springfield\nb\t\tEvening Star\t\t\n');
  const [a, b] = articles(await all(dir, { defaults: { published: '2026-01-01', outlet: 'Flag Outlet' } }));
  assert.deepEqual([a!.published, a!.outlet, a!.url, a!.title], ['2026-03-02', 'Daily Planet', 'https://planet.example/a', 'Libraries for Springfield']);
  assert.deepEqual([b!.published, b!.outlet, b!.url], ['2026-01-01', 'Evening Star', null], 'the row without a date takes --published');
});

test('a metadata.csv with quoted fields and a metadata.jsonl in a subfolder are read; the sidecar is never an article', async () => {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'sub'));
  writeFileSync(path.join(dir, 'a.txt'), STORY);
  writeFileSync(path.join(dir, 'metadata.csv'), 'name,date,source,headline\r\na.txt,2026-03-03,"Planet, Daily","He said ""yes"""\r\n');
  writeFileSync(path.join(dir, 'sub', 'c.txt'), STORY.replace('two', 'four'));
  writeFileSync(path.join(dir, 'sub', 'metadata.jsonl'), '{"file": "c.txt", "published": "2026-03-04", "outlet": "Wire"}\n');
  const items = articles(await all(dir));
  assert.equal(items.length, 2);
  assert.deepEqual(items.map((a) => [a.published, a.outlet, a.title]), [['2026-03-03', 'Planet, Daily', 'He said "yes"'], ['2026-03-04', 'Wire', null]]);
});

test('front matter atop a text file is its metadata and is not part of its text', async () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'fm.txt'), `---\npublished: 2026-03-05\noutlet: "The Herald"\ntitle: New libraries\n---\n${STORY}`);
  const [a] = articles(await all(dir));
  assert.equal(a!.text, STORY);
  assert.deepEqual([a!.published, a!.outlet, a!.title], ['2026-03-05', 'The Herald', 'New libraries']);
  assert.equal(splitFrontMatter(STORY, 'x'), null, 'text without front matter is left as it is');
  assert.throws(() => splitFrontMatter('---\npublished: yesterday\n---\ntext', 'x.txt'), /"yesterday" is not a date/);
});

test('--meta names a metadata file elsewhere; a bad row is an error that names its line', async () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'a.txt'), STORY);
  const metaFile = path.join(dir, 'meta.tsv');
  writeFileSync(metaFile, 'file\tpublished\na.txt\t2026-03-06\n');
  const [a] = articles(await all(path.join(dir, 'a.txt'), { meta: await MetaTable.load(metaFile) }));
  assert.equal(a!.published, '2026-03-06');
  writeFileSync(metaFile, 'file\tpublished\na.txt\t31/31/2026\n');
  await assert.rejects(MetaTable.load(metaFile), /meta\.tsv:2.*not a date|not a date/);
  writeFileSync(metaFile, 'published\n2026-03-06\n');
  await assert.rejects(MetaTable.load(metaFile), /must name the columns/);
});

test('ingest warns loudly, with the count, when articles have no date, and not when all have one', async () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'a.txt'), STORY);
  writeFileSync(path.join(dir, 'b.txt'), STORY.replace('two', 'five'));
  const db = path.join(dir, 'x.db');
  const run = await runCli(['ingest', dir, '--db', db]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /WARNING: 2 of 2 articles have no publication date/);
  writeFileSync(path.join(dir, 'metadata.tsv'), 'file\tpublished\na.txt\t2026-03-02\nb.txt\t2026-03-03\n');
  const dated = await runCli(['analyze', '--input', dir, '--output', path.join(dir, 'out.jsonl')]);
  assert.equal(dated.status, 0, dated.stderr);
  assert.doesNotMatch(dated.stderr, /WARNING/);
});
