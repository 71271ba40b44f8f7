import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { actorBaseOf } from '../../src/actors/index.js';
import { Resources } from '../../src/core/resources.js';
import { tempDir } from '../helpers/tmp.js';

/**
 * The actor table: descriptions we wrote, of every kind the base must know (countries and their
 * other names, demonyms, seats of government, IGOs, sector words with modifiers, dated office
 * holders, titles and appositives, outlets, organisations, ambiguous names), each with the
 * country and sector it must resolve to. The same file is a case file for `score.mjs actors`.
 */
const CASES = new URL('./cases.jsonl', import.meta.url);
const SCORER = new URL('../../../shared/eval/score.mjs', import.meta.url);

interface Case { id: string; text: string; date?: string; context?: string; country: string | null; sector: string | null; kind: string }
const cases: Case[] = readFileSync(CASES, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Case);
const base = actorBaseOf(new Resources());
const answer = (c: Case) => base.resolve(c.text, { date: c.date ?? null, ...(c.context ? { context: c.context } : {}) });

test('the table has at least 150 cases of every kind', () => {
  assert.ok(cases.length >= 150, `${cases.length} cases`);
  const kinds = new Set(cases.map((c) => c.kind));
  for (const k of ['country', 'demonym-plural', 'metonym', 'igo', 'group', 'modifier', 'person', 'title', 'outlet', 'organisation', 'ambiguity']) assert.ok(kinds.has(k), k);
  assert.equal(new Set(cases.map((c) => c.id)).size, cases.length, 'ids are unique');
});

for (const kind of [...new Set(cases.map((c) => c.kind))]) {
  test(`actor table: ${kind}`, () => {
    const wrong: string[] = [];
    for (const c of cases.filter((x) => x.kind === kind)) {
      const r = answer(c);
      if ((r?.country ?? null) !== c.country || (r?.sector ?? null) !== c.sector) {
        wrong.push(`${c.id} "${c.text}" ${c.date ?? ''}: want ${c.country}/${c.sector}, got ${r?.country}/${r?.sector} (${r?.rule})`);
      }
    }
    assert.deepEqual(wrong, []);
  });
}

test('every resolution names the rule that made it and a confidence', () => {
  for (const c of cases) {
    const r = answer(c);
    if (!r) continue;
    assert.ok(r.rule.length > 0 && r.confidence > 0 && r.confidence <= 1, c.text);
  }
});

test('score.mjs actors agrees on the table', { skip: !existsSync(SCORER) && 'needs ../shared' }, () => {
  const dir = tempDir();
  const pred = path.join(dir, 'answers.jsonl');
  writeFileSync(pred, cases.map((c) => { const r = answer(c); return JSON.stringify({ id: c.id, country: r?.country ?? null, sector: r?.sector ?? null }); }).join('\n'));
  const out = JSON.parse(execFileSync(process.execPath, [SCORER.pathname, 'actors', '--gold', CASES.pathname, '--pred', pred, '--json'], { encoding: 'utf8' })) as { allCorrect: number; cases: number };
  assert.equal(out.cases, cases.length);
  assert.equal(out.allCorrect, 1);
});
