import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { GDELT_COLUMNS } from '../../src/store/export.js';
import { openStore } from '../../src/store/store.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';
import { actor, article, resultFor } from './results.js';

const IRN = actor('Iran', 'IRN', 'GOV'), USA = actor('the United States', 'USA', 'GOV');
const ARAGHCHI = actor('Abbas Araghchi', 'IRN', 'GOV');

/** A small corpus: one rejection reported by two outlets (with a quote in two wordings), one threat. */
function corpus(): string {
  const dir = tempDir();
  const db = path.join(dir, 'q.db');
  const store = openStore(db);
  const a = article('wire-1', 'Iran rejected the US proposal on Monday. "We will never negotiate under threats and pressure," Araghchi said.',
    { published: '2026-04-07', outlet: 'Gulf Wire', url: 'https://gulfwire.example/1', title: 'Iran rejects proposal' });
  const b = article('ledger-1', 'Tehran has rejected an American offer. "We will not negotiate under threats," Araghchi told reporters.',
    { published: '2026-04-07', outlet: 'Daily Ledger', url: 'https://ledger.example/1', title: 'Tehran says no' });
  const c = article('wire-2', 'Iran threatened to close the strait if new sanctions were imposed by the United States.',
    { published: '2026-04-09', outlet: 'Gulf Wire', url: 'https://gulfwire.example/2', title: 'Strait threat' });
  store.addArticle(a, resultFor(a, [{ type: 'REJECT', trigger: 'rejected', actor: [IRN], recipient: [USA], cameo: '125' }],
    [{ content: 'We will never negotiate under threats and pressure,', speaker: ARAGHCHI }]));
  store.addArticle(b, resultFor(b, [{ type: 'REJECT', trigger: 'rejected', actor: [actor('Tehran', 'IRN', 'GOV')], recipient: [USA], cameo: '125' }],
    [{ content: 'We will not negotiate under threats,', speaker: actor('Araghchi', 'IRN', 'GOV') }]));
  store.addArticle(c, resultFor(c, [{ type: 'THREATEN', trigger: 'threatened', actor: [IRN], recipient: [USA], score: -3.5, cameo: '13' }]));
  store.close();
  return db;
}

test('query commands print tables for people and JSON or CSV for programs', async () => {
  const db = corpus();
  const table = await runCli(['happenings', '--db', db]);
  assert.equal(table.status, 0, table.stderr);
  const lines = table.stdout.trim().split('\n');
  assert.match(lines[0]!, /^ID\s+DATE\s+TYPE/);
  assert.match(table.stdout, /REJECT\s+asserted\s+IRNGOV\s+USAGOV\s+3\s+-4\s+2\s+2\s+Daily Ledger, Gulf Wire/);
  assert.equal(lines.at(-1), '(1-2 of 2)');

  const json = JSON.parse((await runCli(['happenings', '--db', db, '--type', 'REJECT', '--json'])).stdout) as { total: number; items: { id: string; sources: number }[] };
  assert.equal(json.total, 1);
  assert.equal(json.items[0]!.sources, 2);
  const one = await runCli(['happenings', json.items[0]!.id, '--db', db]);
  assert.match(one.stdout, /2 sources/);
  assert.match(one.stdout, /Daily Ledger/);
  assert.match(one.stdout, /Gulf Wire/);

  const csv = (await runCli(['events', '--db', db, '--dyad', 'USA,IRN', '--csv'])).stdout.trim().split('\n');
  assert.equal(csv[0], 'date,type,modality,actor,recipient,quad,score,confidence,outlet,trigger,happening,id');
  assert.equal(csv.length, 4);
  assert.equal((await runCli(['events', '--db', db, '--outlet', 'daily ledger', '--json'])).stdout.includes('"total": 1'), true);

  const quotes = JSON.parse((await runCli(['quotes', '--db', db, '--speaker', 'Araghchi', '--json'])).stdout) as { items: { id: string; variantCount: number }[] };
  assert.equal(quotes.items.length, 1);
  assert.equal(quotes.items[0]!.variantCount, 2);
  const variants = await runCli(['quotes', quotes.items[0]!.id, '--db', db]);
  assert.match(variants.stdout, /"never" -> "not"/);
  assert.match(variants.stdout, /-"and pressure"/);

  const series = (await runCli(['series', 'IRN', 'USA', '--db', db, '--csv'])).stdout.trim().split('\n');
  assert.deepEqual(series, [
    'date,verbal_coop,material_coop,verbal_conflict,material_conflict,total,mean_score',
    '2026-04-07,0,0,1,0,1,-4',
    '2026-04-09,0,0,1,0,1,-3.5',
  ]);
  const stories = JSON.parse((await runCli(['stories', 'Araghchi', '--db', db, '--json'])).stdout) as { total: number };
  assert.equal(stories.total, 2);
  const search = await runCli(['search', 'strait', '--db', db]);
  assert.match(search.stdout, /close the \[strait\]/);
});

test('query commands refuse bad options and a missing database with a one-line reason', async () => {
  const db = corpus();
  const missing = await runCli(['events', '--db', path.join(tempDir(), 'none.db')]);
  assert.equal(missing.status, 3);
  assert.match(missing.stderr, /no corpus database here/);
  assert.equal((await runCli(['events', '--db', db, '--dyad', 'IRN'])).status, 2);
  assert.equal((await runCli(['events', '--db', db, '--from', 'April'])).status, 2);
  assert.equal((await runCli(['happenings', 'h999', '--db', db])).status, 3);
  assert.equal((await runCli(['series', 'IRN', '--db', db])).status, 2);
  assert.equal((await runCli(['search', 'AND (', '--db', db])).status, 2);
});

test('exports: results JSONL, PLOVER-style happenings and GDELT-like CSV', async () => {
  const db = corpus();
  const dir = tempDir();
  const results = await runCli(['export', '--format', 'results', '--db', db, '--output', path.join(dir, 'r.jsonl')]);
  assert.equal(results.status, 0, results.stderr);
  const lines = readFileSync(path.join(dir, 'r.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { article: { id: string; text: string } });
  assert.deepEqual(lines.map((r) => r.article.id).sort(), ['ledger-1', 'wire-1', 'wire-2']);
  assert.ok(lines.every((r) => r.article.text.length > 20));

  const plover = (await runCli(['export', '--format', 'plover', '--db', db, '--type', 'REJECT'])).stdout.trim().split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown> & { reports: { outlet: string }[] });
  assert.equal(plover.length, 1);
  assert.equal(plover[0]!.event_type, 'REJECT');
  assert.equal(plover[0]!.num_sources, 2);
  assert.deepEqual(plover[0]!.actor_country, ['IRN']);
  assert.deepEqual(plover[0]!.reports.map((r) => r.outlet).sort(), ['Daily Ledger', 'Gulf Wire']);

  const csv = (await runCli(['export', '--format', 'gdelt', '--db', db])).stdout.trim().split('\n');
  assert.equal(csv[0], GDELT_COLUMNS.join(','));
  const reject = csv.find((l) => l.includes(',REJECT,'))!.split(',');
  const col = (name: string) => reject[GDELT_COLUMNS.indexOf(name as typeof GDELT_COLUMNS[number])];
  assert.equal(col('SQLDATE'), '20260407');
  assert.equal(col('Actor1Code'), 'IRNGOV');
  assert.equal(col('Actor2CountryCode'), 'USA');
  assert.equal(col('EventCode'), '125');
  assert.equal(col('EventRootCode'), '12');
  assert.equal(col('QuadClass'), '3');
  assert.equal(col('NumSources'), '2');
  assert.equal(col('NumArticles'), '2');
  assert.match(col('SOURCEURL')!, /^https:\/\//);
  assert.equal((await runCli(['export', '--format', 'xml', '--db', db])).status, 2);
});
