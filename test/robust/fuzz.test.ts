import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { Analyzer } from '../../src/analyze.js';
import { createApiServer, listen, type RunningServer } from '../../src/api/server.js';
import { DossierError, ERROR_CODES, EXIT_STATUS } from '../../src/core/errors.js';
import { extractHtml } from '../../src/ingest/html.js';
import { readArticles } from '../../src/ingest/sources.js';
import { parseSearch, toFts5 } from '../../src/store/search-query.js';
import type { Store } from '../../src/store/store.js';
import { corpusStore } from '../api/corpus.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

/**
 * Property-based fuzzing of what users hand dossier: texts, HTML pages, JSONL lines and search
 * queries, random and adversarial. Seeded (a failure replays) and bounded (a few dozen cases a
 * property, sizes capped), so it stays a small part of `npm test`. Every case must end within its
 * budget, with a result or a DossierError (a documented exit status or HTTP status), never another
 * exception or a stack trace.
 */
const SEED = 15_2026;
const run = (runs: number) => ({ seed: SEED, numRuns: runs, endOnFailure: true, includeErrorInReport: true });

const WORDS = ['the', 'minister', 'said', '"', "'s", 'U.S.', 'Iran', 'rejected', 'talks', '(', ')', ',', '.', '—', 'on', 'Monday', '\n\n', 'according', 'to', 'Kim', 'Jong-Un', '!', '?', ':', ';', '-', '…', '“', '”', '’'];
/** text that looks like news badly cut: real words, punctuation and quotes in random order */
const newsish = fc.array(fc.constantFrom(...WORDS), { maxLength: 300 }).map((w) => w.join(' '));
/** the shapes that broke linear cost: one long run, long sentences without stops, a wall of quotes */
const adversarial = fc.oneof(
  fc.tuple(fc.constantFrom('a', 'x.', '0', 'é', '"', "'s", '-', '\u200b'), fc.integer({ min: 1_000, max: 60_000 })).map(([s, n]) => s.repeat(Math.ceil(n / s.length))),
  fc.integer({ min: 100, max: 3_000 }).map((n) => 'said '.repeat(n)),
  fc.integer({ min: 100, max: 2_000 }).map((n) => '"a" '.repeat(n)),
  fc.integer({ min: 10, max: 500 }).map((n) => `${'('.repeat(n)}Iran${')'.repeat(n)}`),
);

const analyzer = new Analyzer({ budgetMs: 30_000 });

test('fuzz: any text is analysed to a result within the budget, with no stage failing', () => {
  fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 400 }), newsish, adversarial), (text) => {
    const result = analyzer.analyze(text);
    const faults = result.diagnostics.filter((d) => d.code === 'STAGE_FAILED' || d.code === 'BUDGET_EXCEEDED');
    assert.deepEqual(faults, [], JSON.stringify(text.slice(0, 80)));
    for (const s of result.sentences) assert.ok(s.start >= 0 && s.end <= text.length && s.start <= s.end);
  }), run(40));
});

const tag = fc.constantFrom('div', 'p', 'span', 'b', 'li', 'ul', 'table', 'td', 'tr', 'script', 'style', 'article', 'br', 'img', 'a', 'h1', 'x-y', 'svg');
const html = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    newsish,
    fc.constantFrom('<!--', '-->', '<', '>', '&amp;', '&#x0;', '</div>', '<p', '<![CDATA[', '<!doctype html>'),
    fc.tuple(tag, fc.array(tie('node'), { maxLength: 4 }), fc.boolean()).map(([t, kids, close]) => `<${t}>${kids.join('')}${close ? `</${t}>` : ''}`)),
}));
const deepHtml = fc.tuple(tag, fc.integer({ min: 100, max: 30_000 }), fc.boolean()).map(([t, n, close]) => `<html><body>${`<${t}>`.repeat(n)}The minister said the talks would resume.${close ? `</${t}>`.repeat(n) : ''}</body></html>`);

test('fuzz: any HTML page gives an article or a DossierError, never a crash', () => {
  fc.assert(fc.property(fc.oneof(html.node, deepHtml), (page) => {
    try {
      const article = extractHtml(page, 'page.html');
      assert.equal(typeof article.text, 'string');
    } catch (e) {
      assert.ok(e instanceof DossierError, `${(e as Error).stack}`);
    }
  }), run(40));
});

test('fuzz: any bytes in a JSONL file give one item a line, each an article or a documented error', async () => {
  const dir = tempDir();
  const line = fc.oneof(
    fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1').replace(/\n/g, ' ')),
    fc.record({ id: fc.string({ maxLength: 10 }), text: fc.oneof(newsish, fc.string({ maxLength: 50 })), published: fc.oneof(fc.constant(undefined), fc.string({ maxLength: 12 }), fc.constant('2018-02-30')) }).map((r) => JSON.stringify(r)),
    fc.integer({ min: 2_000, max: 20_000 }).map((n) => JSON.stringify({ id: 'long', text: 'x'.repeat(n) })),
  );
  await fc.assert(fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 8 }), fc.uint8Array({ maxLength: 40 }), async (lines, raw) => {
    const file = path.join(dir, 'f.jsonl');
    writeFileSync(file, Buffer.concat([Buffer.from(lines.join('\n')), Buffer.from('\n'), Buffer.from(raw)]));
    let n = 0;
    for await (const item of readArticles(file, { limits: { maxFileBytes: 1e9, maxTextChars: 1e9, maxLineBytes: 4_000 } })) {
      n++;
      if (!item.ok) assert.ok(item.error instanceof DossierError && item.error.code in ERROR_CODES && item.error.code !== 'INTERNAL', item.error.message);
    }
    assert.ok(n <= lines.length + 1 + raw.filter((b) => b === 10).length);
  }), run(30));
});

let store: Store, server: RunningServer;
// made at load time: a tempDir made inside a hook is removed when the hook ends
const db = path.join(tempDir(), 'fuzz.db');
before(async () => {
  ({ store } = corpusStore(db));
  server = await listen(createApiServer({ store }), 0);
});
after(async () => { await server.close(); store.close(); });

const queryText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.array(fc.constantFrom('Iran', 'talks', 'OR', 'AND', 'NOT', '*', 't*', 'sanc*', '"', '(', ')', 'U.S.', "Trump's", 'Jong-Un', ':', 'title:', 'NEAR(', '-', '^', '""'), { maxLength: 8 }).map((w) => w.join(' ')),
);

test('fuzz: any search is answered 200 or 400 by the API and exits 0 or 2 in the CLI, the same way, without a stack trace', async () => {
  await fc.assert(fc.asyncProperty(queryText, async (q) => {
    let valid = true;
    try { toFts5(parseSearch(q)); } catch (e) { assert.ok(e instanceof DossierError && e.code === 'USAGE'); valid = false; }
    const api = await fetch(`${server.url}/api/search?q=${encodeURIComponent(q)}`);
    const cli = await runCli(['search', q, '--db', db, '--json']);
    const expectApi = !q.trim() ? 400 : valid ? 200 : 400;
    assert.equal(api.status, expectApi, `${JSON.stringify(q)}: ${await api.text()}`);
    assert.equal(cli.status, valid ? EXIT_STATUS.ok : EXIT_STATUS.usage, `${JSON.stringify(q)}: ${cli.stderr}`);
    assert.ok(!cli.stderr.includes('    at '), cli.stderr);
  }), run(40));
});

test('fuzz: any filter value is accepted or refused alike by the API (200/400) and the CLI (0/2)', async () => {
  const name = fc.constantFrom('from', 'to', 'modality', 'type', 'quad', 'actor', 'dyad', 'limit', 'offset');
  const value = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('2018-02-30', '2018-02-28', 'maybe', 'asserted', 'FOO', 'reject', '0', '4', '5', '-1', 'USA,IRN', ',', '201'));
  await fc.assert(fc.asyncProperty(name, value, async (n, v) => {
    if (v.startsWith('-')) return; // an option value beginning with a dash is another option to the command line
    const api = await fetch(`${server.url}/api/events?${n}=${encodeURIComponent(v)}`);
    const cli = await runCli(['events', `--${n}=${v}`, '--db', db, '--json']);
    assert.ok(api.status === 200 || api.status === 400, `${n}=${v}: ${api.status}`);
    // the CLI pages further than the API (up to 10,000 rows); every other answer is the same
    if (n === 'limit' && api.status === 400 && /^\d+$/.test(v.trim()) && Number(v) > 200 && Number(v) <= 10_000) return;
    assert.equal(cli.status, api.status === 200 ? 0 : 2, `${n}=${JSON.stringify(v)}: API ${api.status}, CLI ${cli.stderr}`);
  }), run(60));
});
