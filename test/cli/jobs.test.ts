import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

// articles written for this test: quotes, events, non-ASCII text (its UTF-8 bytes cross threads), and
// input that fails (an empty file, a JSON file that is not an article), so error lines are ordered too
const ARTICLES: Record<string, string> = {
  '01-talks.txt': '---\npublished: 2023-04-11\noutlet: Harbour Post\n---\nThe foreign minister of Chile said on Tuesday that talks with Peru would resume next week. "We want an agreement before winter," she told reporters in Santiago.\n',
  '02-sanctions.txt': 'Canada imposed new sanctions on Belarus on Friday, a government spokesman said. Officials in Minsk condemned the decision and threatened to expel two Canadian diplomats.\n',
  '03-accents.txt': '---\npublished: 2021-09-02\n---\nMayor Zoë Müller of Zürich said the city would not raise fares. “Nobody should pay more for the tram,” Müller said at a meeting with residents — some of whom cheered.\n',
  '04-empty.txt': '   \n',
  '05-record.json': JSON.stringify({ id: 'rec-5', text: 'Police arrested three protesters outside parliament in Oslo on Monday, the police said in a statement.', published: '2022-01-17', outlet: 'Fjord Daily' }),
  '06-bad.json': '{"text": 42}',
  '07-aid.txt': 'Japan sent humanitarian aid to Turkey after the earthquake. Prime Minister Fumio Kishida said Japan stood with the Turkish people.\n',
};

function writeFolder(): string {
  const dir = path.join(tempDir(), 'articles');
  mkdirSync(dir);
  for (let copy = 0; copy < 3; copy++) {
    for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(path.join(dir, `${copy}-${name}`), text);
  }
  return dir;
}

test('--jobs 2 and 3 write the same bytes as --jobs 1 for a folder, to a file and to standard output', async () => {
  const input = writeFolder();
  const out = path.dirname(input);
  const runs = await Promise.all([1, 2, 3].map(async (jobs) => {
    const file = path.join(out, `jobs-${jobs}.jsonl`);
    const toFile = await runCli(['analyze', '--input', input, '--output', file, '--jobs', String(jobs)]);
    const toStdout = await runCli(['analyze', '--input', input, '--jobs', String(jobs)]);
    return { jobs, toFile, toStdout, bytes: readFileSync(file) };
  }));
  const [one] = runs;
  const lines = one!.bytes.toString('utf8').trimEnd().split('\n');
  assert.equal(lines.length, 3 * Object.keys(ARTICLES).length, 'one line an input file');
  const results = lines.map((l) => JSON.parse(l) as { article: { id: string; text: string }; error?: unknown; attributions: unknown[] });
  assert.deepEqual(results.map((r) => r.article.id).slice(0, 3), ['0-01-talks', '0-02-sanctions', '0-03-accents'], 'input order');
  assert.equal(results.filter((r) => r.error).length, 6, 'the empty file and the bad record fail, in each copy');
  assert.ok(results.some((r) => r.article.text.includes('Zoë Müller') && r.attributions.length > 0), 'the non-ASCII article is analysed');
  for (const run of runs) {
    assert.equal(run.toFile.status, 6, `--jobs ${run.jobs}: a batch with failed items exits 6`);
    assert.ok(run.bytes.equals(one!.bytes), `--jobs ${run.jobs} writes the bytes --jobs 1 writes`);
    assert.equal(run.toStdout.stdout, one!.bytes.toString('utf8'), `--jobs ${run.jobs} on standard output`);
  }
});
