import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Analyzer } from '../../src/analyze.js';
import { createApiServer, listen, LOOPBACK_HOSTS, type RunningServer } from '../../src/api/server.js';
import type { Store } from '../../src/store/store.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';
import { buildWebRoot, staticFilesIn } from '../web/web-root.js';
import { corpusStore } from './corpus.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let store: Store, ids: Map<string, string>, running: RunningServer;

// made at load time: a tempDir made inside a hook would be removed when the hook ends
const DIR = tempDir('dossier-api-');

before(async () => {
  const dir = DIR;
  ({ store, ids } = corpusStore(path.join(dir, 'corpus.db')));
  running = await listen(createApiServer({ store, staticFiles: staticFilesIn(buildWebRoot(path.join(dir, 'web'))) }), 0);
});
after(async () => { await running.close(); store.close(); });

async function call(p: string, init: RequestInit = {}): Promise<{ status: number; body: Json; headers: Headers }> {
  const res = await fetch(`${running.url}${p}`, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: res.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) as Json : { text } };
}

/** Asserts an error response: the status, a JSON body with the same status, a code and a message. */
async function fails(p: string, status: number, message: RegExp, init: RequestInit = {}) {
  const r = await call(p, init);
  assert.equal(r.status, status, `${p}: ${JSON.stringify(r.body)}`);
  assert.equal(r.body.error.status, status);
  assert.match(r.body.error.code, /^[A-Z_]+$/);
  assert.match(r.body.error.message, message);
  return r;
}

const id = (source: string) => ids.get(source)!;

describe('the OpenAPI description', () => {
  test('is served and documents every endpoint with its parameters', async () => {
    const { status, body } = await call('/api/openapi.json');
    assert.equal(status, 200);
    assert.equal(body.openapi, '3.1.0');
    for (const p of ['/api/articles', '/api/articles/{id}', '/api/articles/{id}/result', '/api/search', '/api/events', '/api/happenings',
      '/api/happenings/{id}', '/api/quotes', '/api/quotes/{id}', '/api/dyads/series', '/api/actors/{actor}/stories', '/api/stats']) {
      assert.ok(body.paths[p]?.get, `${p} is documented`);
    }
    assert.ok(body.paths['/api/articles'].post.requestBody);
    const names = body.paths['/api/events'].get.parameters.map((x: Json) => x.name);
    assert.deepEqual(names.sort(), ['actor', 'article', 'confidence', 'dyad', 'from', 'limit', 'modality', 'offset', 'outlet', 'quad', 'recipient', 'to', 'type']);
    // every reference points at a schema that exists
    const refs = JSON.stringify(body).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const r of new Set(refs)) assert.ok(body.components.schemas[r.split('/').pop()!], `${r} exists`);
  });
});

describe('articles', () => {
  test('lists stored articles, newest first, with paging and filters', async () => {
    const all = await call('/api/articles');
    assert.equal(all.status, 200);
    assert.equal(all.body.total, 6);
    assert.equal(all.body.items[0].sourceId, 'gulf-meet');
    const page = await call('/api/articles?limit=2&offset=1');
    assert.deepEqual([page.body.limit, page.body.offset, page.body.items.length], [2, 1, 2]);
    const gulf = await call('/api/articles?outlet=Gulf%20Wire');
    assert.deepEqual(gulf.body.items.map((a: Json) => a.sourceId).sort(), ['gulf-meet', 'gulf-reject']);
    const range = await call('/api/articles?from=2026-03-11&to=2026-03-12');
    assert.deepEqual(range.body.items.map((a: Json) => a.sourceId).sort(), ['hostile', 'ledger-accuse', 'post-sanction']);
  });

  test('refuses bad parameters with 400 and a message naming the parameter', async () => {
    await fails('/api/articles?limit=0', 400, /"limit" must be between 1 and 200/);
    await fails('/api/articles?limit=201', 400, /"limit"/);
    await fails('/api/articles?limit=ten', 400, /"limit" must be a whole number/);
    await fails('/api/articles?offset=-1', 400, /"offset"/);
    await fails('/api/articles?from=2026-02-30', 400, /"from" must be a date/);
    await fails('/api/articles?from=yesterday', 400, /"from" must be a date/);
    await fails('/api/articles?from=2026-03-12&to=2026-03-10', 400, /is after/);
    await fails('/api/articles?outlett=Gulf', 400, /unknown parameter "outlett"/);
    await fails('/api/articles?limit=1&limit=2', 400, /more than once/);
    await fails(`/api/articles?outlet=${'x'.repeat(201)}`, 400, /longer than 200/);
    await fails('/api/articles?outlet=', 400, /is empty/);
  });

  test('one article and its result; 404 for an unknown id', async () => {
    const a = await call(`/api/articles/${id('gulf-reject')}`);
    assert.equal(a.status, 200);
    assert.equal(a.body.title, 'Iran rejects US offer of nuclear talks');
    assert.deepEqual(a.body.counts, { events: 1, attributions: 1, entities: 5 });
    const r = await call(`/api/articles/${id('gulf-reject')}/result`);
    assert.equal(r.body.events[0].type, 'REJECT');
    assert.equal(r.body.attributions[0].provenance.rule, 'cue.said');
    await fails('/api/articles/no-such-article', 404, /no article with id "no-such-article"/);
    await fails('/api/articles/no-such-article/result', 404, /no article/);
    await fails('/api/articles/%E0%A4%A', 400, /not a valid URL component/);
  });

  test('markup in an article comes back as the same characters, in JSON', async () => {
    const r = await call(`/api/articles/${id('hostile')}/result`);
    assert.match(r.headers.get('content-type')!, /^application\/json/);
    assert.ok(r.body.article.text.includes('<script>window.__pwned = "script";</script>'));
  });
});

describe('search', () => {
  test('finds articles by words and marks them in a snippet', async () => {
    const r = await call('/api/search?q=sanctions');
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.items.map((h: Json) => h.article.sourceId), ['post-sanction']);
    assert.match(r.body.items[0].snippet, /\[sanctions\]/);
    assert.equal((await call('/api/search?q=Muscat&limit=1')).body.items.length, 1);
  });
  test('needs q', async () => {
    await fails('/api/search', 400, /"q" is required/);
    await fails('/api/search?q=%20%20', 400, /"q" is empty/);
  });
});

describe('events and happenings', () => {
  test('events filter by dyad, type, quad class, article and date', async () => {
    const dyad = await call('/api/events?dyad=USA,IRN');
    assert.equal(dyad.body.total, 5);
    const rejects = await call('/api/events?type=reject');
    assert.deepEqual(rejects.body.items.map((e: Json) => e.source.outlet).sort(), ['Daily Ledger', 'Gulf Wire']);
    assert.deepEqual((await call('/api/events?quad=4')).body.items.map((e: Json) => e.type), ['SANCTION']);
    const inArticle = await call(`/api/events?article=${id('post-sanction')}`);
    assert.equal(inArticle.body.items[0].happeningId !== null, true);
    assert.equal((await call('/api/events?actor=USA&recipient=IRN')).body.items[0].type, 'SANCTION');
    assert.equal((await call('/api/events?from=2026-03-13')).body.total, 1);
    assert.equal((await call('/api/events?modality=negated')).body.total, 0);
  });

  test('events refuse bad filters', async () => {
    await fails('/api/events?quad=5', 400, /"quad" must be one of 1, 2, 3, 4/);
    await fails('/api/events?dyad=USA', 400, /two actors separated by a comma/);
    await fails('/api/events?dyad=USA,IRN,ISR', 400, /two actors/);
    await fails('/api/events?modality=maybe', 400, /"modality" must be one of/);
    await fails('/api/events?confidence=2', 400, /"confidence" must be a number from 0 to 1/);
    await fails('/api/happenings?quad=0', 400, /"quad"/);
  });

  test('happenings merge the reports of one happening; one happening lists its reports', async () => {
    const list = await call('/api/happenings?dyad=IRN,USA&type=REJECT');
    assert.equal(list.body.total, 1);
    const h = list.body.items[0];
    assert.deepEqual([h.sources, h.reportCount], [2, 2]);
    const one = await call(`/api/happenings/${encodeURIComponent(h.id)}`);
    assert.deepEqual(one.body.reports.map((r: Json) => r.source.outlet).sort(), ['Daily Ledger', 'Gulf Wire']);
    await fails('/api/happenings/h-nope', 404, /no happening with id "h-nope"/);
  });
});

describe('quotes, dyads, actors, stats', () => {
  test('quotes merge wordings across outlets and filter by speaker and words', async () => {
    const r = await call('/api/quotes?speaker=Abbas%20Araghchi');
    assert.equal(r.body.total, 1);
    const q = r.body.items[0];
    assert.equal(q.sources, 2);
    assert.ok(q.minFidelity < 1, 'the two outlets quote different words');
    const one = await call(`/api/quotes/${encodeURIComponent(q.id)}`);
    assert.deepEqual(one.body.variants.map((v: Json) => v.source.outlet).sort(), ['Daily Ledger', 'Gulf Wire']);
    assert.equal((await call('/api/quotes?text=negotiate')).body.total, 1);
    await fails('/api/quotes/q-nope', 404, /no quote/);
    await fails('/api/quotes?speaker=A&who=B', 400, /unknown parameter "who"/);
  });

  test('the dyad series counts happenings per day by quad class with the mean score', async () => {
    const r = await call('/api/dyads/series?a=USA&b=IRN');
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.points.map((p: Json) => [p.date, p.total, p.meanScore]), [['2026-03-10', 1, -4], ['2026-03-12', 2, -5], ['2026-03-14', 1, 1]]);
    assert.deepEqual(r.body.points[1].quad, { 1: 0, 2: 0, 3: 1, 4: 1 });
    assert.deepEqual((await call('/api/dyads/series?a=IRN&b=USA&from=2026-03-11&to=2026-03-13')).body.points.map((p: Json) => p.date), ['2026-03-12']);
    await fails('/api/dyads/series?a=USA', 400, /"b" is required/);
    await fails('/api/dyads/series?a=USA&b=IRN&to=2026-13-01', 400, /"to" must be a date/);
  });

  test('an actor\'s stories and the store\'s counts', async () => {
    const r = await call('/api/actors/IRN/stories');
    assert.ok(r.body.total >= 4);
    assert.ok(r.body.items.every((s: Json) => Array.isArray(s.roles) && s.roles.length > 0));
    await fails('/api/actors/IRN/stories?limit=1000', 400, /"limit"/);
    assert.deepEqual((await call('/api/stats')).body, { articles: 6, events: 6, happenings: 5, quotes: 2 });
  });
});

describe('the HTTP exchange', () => {
  test('unknown endpoints answer 404 in JSON; wrong methods 405 with Allow', async () => {
    await fails('/api/nothing-here', 404, /no such endpoint/);
    const r = await fails('/api/articles', 405, /DELETE is not allowed/, { method: 'DELETE' });
    assert.deepEqual(r.headers.get('allow')!.split(', ').sort(), ['GET', 'POST']);
    await fails('/api/stats', 405, /not allowed/, { method: 'PUT' });
  });

  test('HEAD answers like GET without a body', async () => {
    const res = await fetch(`${running.url}/api/stats`, { method: 'HEAD' });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /application\/json/);
    assert.equal(await res.text(), '');
  });

  test('a read-only server refuses ingest with 403', async () => {
    await fails('/api/articles', 403, /read-only/, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"x"}' });
  });

  test('a server limited to local host names refuses other Host headers', async () => {
    const guarded = await listen(createApiServer({ store, allowedHosts: LOOPBACK_HOSTS }), 0);
    try {
      const ask = (host: string) => new Promise<number>((resolve, reject) => {
        const u = new URL(guarded.url);
        request({ host: u.hostname, port: u.port, path: '/api/stats', headers: { host } }, (res) => { res.resume(); resolve(res.statusCode!); })
          .on('error', reject).end();
      });
      assert.equal(await ask(`127.0.0.1:${new URL(guarded.url).port}`), 200);
      assert.equal(await ask('localhost:8080'), 200);
      assert.equal(await ask('[::1]:8080'), 200);
      assert.equal(await ask('attacker.example:8080'), 403);
      assert.equal(await ask('localhost.attacker.example'), 403);
    } finally {
      await guarded.close();
    }
  });

  test('overlong URLs answer 414', async () => {
    await fails(`/api/search?q=${'a'.repeat(5000)}`, 414, /longer than/);
  });

  test('the page, its stylesheet and scripts are served with a strict content policy; nothing else', async () => {
    const page = await fetch(`${running.url}/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type')!, /text\/html/);
    assert.match(page.headers.get('content-security-policy')!, /script-src 'self'/);
    assert.match(await page.text(), /<script type="module" src="\/assets\/client\/main.js">/);
    assert.match((await fetch(`${running.url}/assets/client/main.js`)).headers.get('content-type')!, /javascript/);
    assert.equal((await fetch(`${running.url}/assets/style.css`)).status, 200);
    assert.equal((await fetch(`${running.url}/assets/client/nope.js`)).status, 404);
    assert.equal((await fetch(`${running.url}/package.json`)).status, 404);
    // a raw request, so the client does not normalise the dots away
    const status = await new Promise<number>((resolve, reject) => {
      const u = new URL(running.url);
      request({ host: u.hostname, port: u.port, path: '/assets/client/..%2f..%2fpackage.json' }, (res) => { res.resume(); resolve(res.statusCode!); })
        .on('error', reject).end();
    });
    assert.equal(status, 404);
  });
});

describe('ingest through the API (--allow-ingest)', () => {
  let ingest: RunningServer, ingestStore: Store;
  before(async () => {
    const dir = path.join(DIR, 'ingest');
    mkdirSync(dir, { recursive: true });
    ({ store: ingestStore } = corpusStore(path.join(dir, 'ingest.db')));
    const analyzer = new Analyzer();
    ingest = await listen(createApiServer({ store: ingestStore, allowIngest: true, analyze: (a) => analyzer.analyzeRaw(a), maxBodyBytes: 64 * 1024 }), 0);
  });
  after(async () => { await ingest.close(); ingestStore.close(); });

  const post = (body: string, type = 'application/json') =>
    fetch(`${ingest.url}/api/articles`, { method: 'POST', headers: { 'content-type': type }, body });

  test('analyses and stores a posted article once', async () => {
    const article = {
      id: 'posted-1', outlet: 'Harbour Times', published: '2026-03-15', title: 'Oman hosts further talks',
      text: 'Oman said on Sunday that it would host a second round of talks between Iran and the United States next week. '
        + '"Both delegations have confirmed they will attend," the Omani foreign minister told reporters in Muscat.',
    };
    const first = await post(JSON.stringify(article));
    assert.equal(first.status, 201);
    const added = await first.json() as Json;
    assert.equal(added.inserted, true);
    const again = await post(JSON.stringify(article));
    assert.equal(again.status, 200);
    assert.deepEqual(await again.json(), { id: added.id, inserted: false, duplicate: 'exact' });
    const result = await (await fetch(`${ingest.url}/api/articles/${added.id}/result`)).json() as Json;
    assert.equal(result.article.outlet, 'Harbour Times');
    assert.ok(result.sentences.length >= 2, 'the engine analysed it');
  });

  test('refuses bodies that are not JSON, malformed, too large or not articles', async () => {
    const check = async (res: Response, status: number, message: RegExp) => {
      assert.equal(res.status, status);
      const body = await res.json() as Json;
      assert.match(body.error.message, message);
    };
    await check(await post('text=hello', 'application/x-www-form-urlencoded'), 415, /must be JSON/);
    await check(await post('{"text": '), 400, /not valid JSON/);
    await check(await post(JSON.stringify({ title: 'no text' })), 422, /no "text"/);
    await check(await post(JSON.stringify({ text: '   ' })), 422, /empty/);
    await check(await post(JSON.stringify({ text: 'Iran said no.', published: 'soon' })), 422, /not a date/);
    await check(await post(JSON.stringify({ text: 'word '.repeat(20_000) })), 413, /larger than the limit/);
  });
});

describe('dossier serve', () => {
  test('refuses bad options before opening anything', async () => {
    const bad = await runCli(['serve', '--port', 'eighty']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--port must be a number/);
    assert.equal((await runCli(['serve', '--port', '70000'])).status, 2);
    assert.equal((await runCli(['serve', 'extra'])).status, 2);
    const help = await runCli(['serve', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--allow-ingest/);
  });
});
