import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Value } from '@sinclair/typebox/value';
import { ResultSchema } from '../../src/result/schema.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;
const example = new URL('../../examples/iran-talks.txt', import.meta.url).pathname;

function assertValid(result: unknown) {
  const errors = [...Value.Errors(ResultSchema, result)].slice(0, 5).map((e) => `${e.path}: ${e.message}`);
  assert.deepEqual(errors, [], 'the result matches the schema');
}

function assertSpansIndexText(result: { article: { text: string } } & Record<string, unknown>) {
  const text = result.article.text;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) { v.forEach(walk); return; }
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number' && typeof o.text === 'string') {
      assert.equal(text.slice(o.start, o.end), o.text, `span ${o.start}-${o.end}`);
    }
    for (const [k, x] of Object.entries(o)) if (k !== 'article') walk(x);
  };
  walk(result);
}

test('analyze FILE prints one valid result whose spans index the text', async () => {
  const run = await runCli(['analyze', example, '--published', '2018-07-31', '--outlet', 'Wire']);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '');
  const result = JSON.parse(run.stdout);
  assertValid(result);
  assertSpansIndexText(result);
  assert.equal(result.article.id, 'iran-talks');
  assert.equal(result.article.text, readFileSync(example, 'utf8'), 'plain text is kept unchanged');
  assert.equal(result.article.published, '2018-07-31');
  assert.equal(result.article.outlet, 'Wire');
  assert.ok(result.sentences.length >= 10);
  const monday = result.dates.find((d: { span: { text: string } }) => d.span.text.includes('Monday'));
  assert.equal(monday?.date, '2018-07-30', '"Monday night" in a story of Tuesday 2018-07-31 is the day before');
});

test('--pretty indents the JSON', async () => {
  const run = await runCli(['analyze', example, '--pretty']);
  assert.equal(run.status, 0);
  assert.match(run.stdout, /^\{\n {2}"article": \{\n {4}"id": "iran-talks"/);
});

test('an HTML page gives its body as text and its metadata', async () => {
  const run = await runCli(['analyze', fixture('ceasefire.html')]);
  assert.equal(run.status, 0, run.stderr);
  const { article } = JSON.parse(run.stdout);
  assert.equal(article.title, 'Ceasefire talks stall as Moscow rejects monitors');
  assert.equal(article.outlet, 'The Daily Ledger');
  assert.equal(article.published, '2022-11-17');
  assert.equal(article.url, 'https://ledger.example/world/ceasefire-talks-stall');
  assert.match(article.text, /^MOSCOW — Russia on Thursday rejected/m);
  assert.ok(article.text.includes('\n\n"We see no need'), 'paragraphs stay apart');
  assert.ok(!article.text.includes('window.tracking'), 'scripts are not text');
  assert.ok(!article.text.includes('Sport'), 'navigation is not text');
});

test('a folder of articles is analysed in batch, one result a line, with a summary', async () => {
  const dir = tempDir();
  const input = path.join(dir, 'in');
  mkdirSync(input);
  copyFileSync(fixture('ceasefire.txt'), path.join(input, 'ceasefire.txt'));
  copyFileSync(fixture('ceasefire.html'), path.join(input, 'ceasefire-page.html'));
  writeFileSync(path.join(input, 'empty.txt'), '');
  writeFileSync(path.join(input, 'notes.md'), 'not an article');
  const output = path.join(dir, 'out.jsonl');
  const run = await runCli(['analyze', '--input', input, '--output', output, '--published', '2022-11-17']);
  assert.equal(run.status, 6, 'one item failed');
  const lines = readFileSync(output, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((r) => r.article.id), ['ceasefire-page', 'ceasefire', 'empty']);
  for (const r of lines.slice(0, 2)) assertValid(r);
  assert.equal(lines[2].error.code, 'INPUT_EMPTY');
  assert.match(run.stderr, /analysed 2 of 3 articles \(1 failed\) in [\d.]+ s, [\d.]+ MB\/s, results in /);
  assert.ok(!run.stderr.includes('\r'), 'no progress bar when stderr is not a terminal');
});

test('batch results go to stdout when there is no --output', async () => {
  const dir = tempDir();
  const input = path.join(dir, 'a.jsonl');
  writeFileSync(input, `${JSON.stringify({ id: 'x1', text: 'The president met the prime minister in Rome on Friday.', published: '2023-05-02' })}\n`);
  const run = await runCli(['analyze', '--input', input]);
  assert.equal(run.status, 0);
  const r = JSON.parse(run.stdout.trim());
  assert.equal(r.article.id, 'x1');
  assert.equal(r.article.published, '2023-05-02');
});

test('usage errors: unknown command, unknown option, no file', async () => {
  const unknown = await runCli(['analyse', 'x.txt']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /^dossier: unknown command "analyse" \(commands: analyze/);
  const option = await runCli(['analyze', example, '--colour']);
  assert.equal(option.status, 2);
  assert.match(option.stderr, /^dossier: analyze: Unknown option '--colour'/);
  const none = await runCli(['analyze']);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /expected one FILE/);
  const both = await runCli(['analyze', example, '--input', example]);
  assert.equal(both.status, 2);
});

test('--help lists the commands and exits 0', async () => {
  const run = await runCli(['--help']);
  assert.equal(run.status, 0);
  assert.match(run.stdout, /analyze\s+analyse articles/);
  const bare = await runCli([]);
  assert.equal(bare.status, 2, 'no command at all is a usage error');
});

test('--jobs analyses a batch on worker threads with the same results, in input order', async () => {
  const dir = tempDir();
  const input = path.join(dir, 'batch.jsonl');
  const texts = [readFileSync(fixture('ceasefire.txt'), 'utf8'), readFileSync(example, 'utf8'),
    "The senator criticised Obama's plan. He said it was no better than Bush's.", ''];
  const records = Array.from({ length: 10 }, (_, i) => ({ id: `a${i}`, text: texts[i % texts.length], published: '2022-11-17' }));
  writeFileSync(input, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const one = await runCli(['analyze', '--input', input, '--output', path.join(dir, 'one.jsonl')]);
  const two = await runCli(['analyze', '--input', input, '--output', path.join(dir, 'two.jsonl'), '--jobs', '2']);
  assert.equal(two.status, 6, 'a batch with failed items exits 6');
  assert.match(two.stderr, /analysed 8 of 10 articles \(2 failed\) in [\d.]+ s, [\d.]+ MB\/s on 2 threads/);
  const a = readFileSync(path.join(dir, 'one.jsonl'), 'utf8'), b = readFileSync(path.join(dir, 'two.jsonl'), 'utf8');
  assert.equal(b, a, 'the same lines in the same order');
  assert.deepEqual(b.trim().split('\n').map((l) => JSON.parse(l).article.id), records.map((r) => r.id));
  assert.equal(one.status, 6);
});

test('--jobs takes a positive number or auto, and only with --input', async () => {
  for (const bad of ['0', '-1', '1.5', 'many']) {
    const run = await runCli(['analyze', '--input', example, `--jobs=${bad}`]);
    assert.equal(run.status, 2, bad);
    assert.match(run.stderr, /--jobs must be a whole number from 1 to 256 or "auto"/);
  }
  const single = await runCli(['analyze', example, '--jobs', '2']);
  assert.equal(single.status, 2);
  assert.match(single.stderr, /--jobs and --errors are for a batch/);
});
