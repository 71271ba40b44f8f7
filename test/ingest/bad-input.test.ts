import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync, truncateSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir();
const file = (name: string, content: string | Uint8Array) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};
const english = 'The minister said on Tuesday that the talks would resume next week, and officials in the capital welcomed the news.';

async function expectRefused(p: string, status: number, message: RegExp, extra: string[] = []) {
  const run = await runCli(['analyze', p, ...extra]);
  assert.equal(run.status, status, `exit status for ${path.basename(p)}: ${run.stderr}`);
  assert.equal(run.stdout, '', 'nothing on stdout');
  const lines = run.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got: ${run.stderr}`);
  assert.match(lines[0]!, message);
  assert.ok(lines[0]!.includes(p), 'the message says which file');
}

test('an empty file is refused', async () => {
  await expectRefused(file('empty.txt', ''), 4, /^dossier: .*empty\.txt: the file is empty$/);
});

test('a file of white space only is refused', async () => {
  await expectRefused(file('blank.txt', ' \n\n \t\n'), 4, /has no text \(only white space\)/);
});

test('a binary file is refused, naming the first NUL byte', async () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  await expectRefused(file('picture.txt', png), 4, /binary, not text \(a NUL byte at byte 8\)/);
});

test('a file of control bytes is refused as binary', async () => {
  const bytes = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
  await expectRefused(file('controls.txt', bytes), 4, /binary, not text \(\d+% control bytes/);
});

test('a huge file is refused before it is read', async () => {
  const p = file('huge.txt', '');
  truncateSync(p, 25 * 1024 * 1024);
  await expectRefused(p, 4, /the file is 25\.0 MB, over the limit of 20\.0 MB for one article/);
});

test('Latin-1 text is refused with the offset of the first bad byte', async () => {
  const latin1 = Buffer.from('Le ministre a déclaré', 'latin1');
  await expectRefused(file('latin1.txt', latin1), 4, /not valid UTF-8 at byte 15 \(byte 0xe9; the file may be Latin-1 or Windows-1252/);
});

test('UTF-16 without a byte order mark is refused', async () => {
  const utf16 = Buffer.from(english, 'utf16le');
  await expectRefused(file('utf16-nobom.txt', utf16), 4, /looks like UTF-16 without a byte order mark/);
});

test('UTF-16 with a byte order mark and UTF-8 with a BOM are read, the mark dropped', async () => {
  for (const [name, bytes] of [
    ['utf16le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(english, 'utf16le')])],
    ['utf16be.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(english, 'utf16le').swap16()])],
    ['utf8bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(english)])],
  ] as const) {
    const run = await runCli(['analyze', file(name, bytes)]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).article.text, english, name);
  }
});

test('non-English text is refused', async () => {
  const french = 'Le ministre des Affaires étrangères a déclaré mardi que les négociations reprendraient la semaine prochaine à Genève, ' +
    'selon un communiqué publié par le gouvernement. Les responsables ont salué cette nouvelle avec prudence, mais ils restent inquiets.';
  await expectRefused(file('french.txt', french), 4, /does not look like English/);
  await expectRefused(file('arabic.txt', 'قال وزير الخارجية يوم الثلاثاء إن المحادثات ستستأنف الأسبوع المقبل في جنيف وفقا لبيان صادر عن الحكومة'), 4, /not English \(only 0% of its letters are Latin\)/);
});

test('an HTML page with no article text is refused', async () => {
  await expectRefused(file('nav-only.html', '<html><head><title>Home</title></head><body><nav><a href="/">Home</a></nav><script>var x = 1;</script></body></html>'),
    4, /no article text found in the HTML page/);
});

test('broken HTML still yields its text', async () => {
  const broken = `<html><body><div><p>${english}<p>Officials in Ankara and Athens said the meeting had been <b>constructive</i> and that more talks would follow.</div></span>`;
  const run = await runCli(['analyze', file('broken.html', broken)]);
  assert.equal(run.status, 0, run.stderr);
  const text = JSON.parse(run.stdout).article.text as string;
  assert.match(text, /^The minister said on Tuesday/);
  assert.match(text, /constructive and that more talks would follow\.$/);
});

test('a missing file, a folder and a .jsonl given as FILE are usage errors', async () => {
  await expectRefused(path.join(dir, 'nope.txt'), 3, /nope\.txt: no such file$/);
  mkdirSync(path.join(dir, 'folder'));
  await expectRefused(path.join(dir, 'folder'), 2, /is a folder; use --input/);
  await expectRefused(file('many.jsonl', '{"id":"a","text":"x"}\n'), 2, /is a \.jsonl file of many articles; use --input/);
});

test('a bad --published date is a usage error (2), as every other bad date option is', async () => {
  for (const bad of ['31/07/2018', '2018-02-30']) {
    const run = await runCli(['analyze', file('ok.txt', english), '--published', bad]);
    assert.equal(run.status, 2, bad);
    assert.equal(run.stderr, `dossier: --published must be a date YYYY-MM-DD, not "${bad}"\n`);
  }
});

test('invalid JSON in a .json article is refused with the parser message', async () => {
  await expectRefused(file('article.json', '{"text": "unterminated'), 4, /article\.json: not valid JSON: /);
  await expectRefused(file('notext.json', '{"title": "no text here"}'), 4, /has no "text" string/);
});

test('in a batch, bad articles are reported and skipped and the rest go on', async () => {
  const jsonl = [
    JSON.stringify({ id: 'good-1', text: english, published: '2021-03-02' }),
    '{"id": "broken", "text": ',
    JSON.stringify({ id: 'empty', text: '   ' }),
    '',
    JSON.stringify({ id: 'bad-date', text: english, published: 'yesterday-ish' }),
    JSON.stringify({ id: 'good-2', text: english }),
  ].join('\n');
  const input = file('batch.jsonl', jsonl);
  const output = path.join(dir, 'out.jsonl');
  const errorsFile = path.join(dir, 'errors.jsonl');
  const run = await runCli(['analyze', '--input', input, '--output', output, '--errors', errorsFile]);
  assert.equal(run.status, 6, 'the batch finished with failed items');
  const failed = readFileSync(errorsFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(failed.map((f) => [f.id, f.code, f.status]), [['broken', 'INPUT_FORMAT', 4], ['empty', 'INPUT_EMPTY', 4], ['bad-date', 'INPUT_FORMAT', 4]]);
  assert.match(failed[0].origin, /batch\.jsonl:2$/);
  const results = readFileSync(output, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(results.map((r) => [r.article.id, r.error?.code ?? 'ok']), [
    ['good-1', 'ok'], ['broken', 'INPUT_FORMAT'], ['empty', 'INPUT_EMPTY'], ['bad-date', 'INPUT_FORMAT'], ['good-2', 'ok'],
  ]);
  assert.match(results[1].error.message, /batch\.jsonl:2: not valid JSON/);
  assert.match(run.stderr, /skipped broken: .*batch\.jsonl:2: not valid JSON/);
  assert.match(run.stderr, /skipped empty: .*batch\.jsonl:3: the article text is empty/);
  assert.match(run.stderr, /analysed 2 of 5 articles \(3 failed\)/);
});
