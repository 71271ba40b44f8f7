import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { DossierError } from '../../src/core/errors.js';
import type { Store } from '../../src/store/store.js';
import { tempDir } from '../helpers/tmp.js';
import { actor, article, resultFor } from './results.js';

/**
 * The behaviour every Store implementation must have. An implementation's test file calls
 * `storeContract('name', (file) => open(file))`. Articles here are written for the tests.
 */
export function storeContract(name: string, open: (file: string, options?: { readonly?: boolean }) => Store): void {
  const fresh = () => open(path.join(tempDir(), 'store.db'));

  const IRN = actor('Iran', 'IRN', 'GOV'), USA = actor('the United States', 'USA', 'GOV');
  const ARAGHCHI = actor('Abbas Araghchi', 'IRN', 'GOV');

  const LONG = [
    'Iran on Tuesday rejected a proposal from the United States to resume talks over its nuclear programme, saying the terms were unacceptable and would leave the country exposed to new sanctions.',
    'Foreign Minister Abbas Araghchi told reporters in Tehran that the offer, delivered through Omani mediators last week, asked for too much and promised too little in return.',
    'Officials in Washington said they were disappointed by the decision but that the door to diplomacy remained open, and that they would consult European partners before deciding on next steps.',
    'Analysts said the rejection made a return to the negotiating table before the end of the year unlikely.',
  ].join('\n\n');

  test(`${name}: the same article twice is stored once, also under another URL or with different boilerplate`, () => {
    const store = fresh();
    const first = article('wire-1', LONG, { published: '2026-03-10', outlet: 'Gulf Wire', url: 'https://gulfwire.example/a1' });
    const a = store.addArticle(first, resultFor(first));
    assert.equal(a.inserted, true);
    assert.deepEqual(store.addArticle(first, resultFor(first)), { id: a.id, inserted: false, duplicate: 'exact' });

    const elsewhere = article('copy-2', LONG, { published: '2026-03-10', outlet: 'Daily Ledger', url: 'https://ledger.example/x' });
    assert.equal(store.addArticle(elsewhere, resultFor(elsewhere)).inserted, false);

    const boilerplate = article('copy-3', `Share this article\n\n${LONG}\n\nReporting by Jane Doe; editing by John Roe\n\n© 2026 Ledger Media. All rights reserved.`,
      { outlet: 'Ledger Weekend' });
    assert.equal(store.addArticle(boilerplate, resultFor(boilerplate)).inserted, false);

    const edited = article('copy-4', `${LONG}\n\nThis article was amended to give the minister's full title.`, { outlet: 'Evening Post' });
    assert.deepEqual(store.addArticle(edited, resultFor(edited)), { id: a.id, inserted: false, duplicate: 'near' });

    const short = article('short', 'Iran accepted the proposal.', { outlet: 'X' });
    assert.equal(store.addArticle(short, resultFor(short)).inserted, true);
    const rewritten = article('rewrite', [
      'Tehran turned down an American offer on Tuesday to restart nuclear negotiations, calling the conditions unacceptable.',
      'Speaking in the capital, Abbas Araghchi said the proposal passed on by Oman demanded a great deal and offered little.',
      'The State Department voiced disappointment and said it would talk to its European allies about what to do next.',
    ].join('\n\n'), { outlet: 'Other Wire' });
    assert.equal(store.findDuplicate(rewritten), null, 'a different write-up of the same news is a different article');
    assert.equal(store.findDuplicate(edited), a.id);
    assert.equal(store.stats().articles, 2);
    const stored = store.getArticle(a.id)!;
    assert.equal(stored.sourceId, 'wire-1');
    assert.deepEqual(stored.copies.map((c) => c.sourceId).sort(), ['copy-2', 'copy-3', 'copy-4']);
    store.close();
  });

  test(`${name}: a stored result comes back as it went in`, () => {
    const store = fresh();
    const a = article('r1', 'Iran rejected the offer. "We will not bow to pressure from anyone," Araghchi said.', { published: '2026-03-10', outlet: 'Gulf Wire' });
    const result = resultFor(a, [{ type: 'REJECT', trigger: 'rejected', actor: [IRN], recipient: [USA] }],
      [{ content: 'We will not bow to pressure from anyone,', speaker: ARAGHCHI }]);
    const { id } = store.addArticle(a, result);
    assert.deepEqual(store.getResult(id), result);
    assert.equal(store.getResult('nope'), null);
    assert.equal(store.getArticle(id)!.counts.events, 1);
    store.close();
  });

  test(`${name}: full-text search finds articles with a snippet and refuses bad syntax with a usage error`, () => {
    const store = fresh();
    const a = article('s1', 'The central bank raised interest rates to curb inflation.', { title: 'Rates up', published: '2026-01-02' });
    const b = article('s2', 'Farmers protested outside parliament over fuel prices.', { published: '2026-01-03' });
    store.addArticle(a, resultFor(a));
    store.addArticle(b, resultFor(b));
    const hits = store.search('inflation');
    assert.equal(hits.total, 1);
    assert.match(hits.items[0]!.snippet, /\[inflation\]/);
    assert.equal(store.search('"fuel prices"').items[0]!.article.sourceId, 's2');
    assert.equal(store.search('volcano').total, 0);
    // dossier's search syntax (src/store/search-query.ts): what is not an operator is text
    for (const bad of ['AND OR (', '*', 'OR inflation', 'inflation NOT']) {
      assert.throws(() => store.search(bad), (e: unknown) => e instanceof DossierError && e.code === 'USAGE', bad);
    }
    assert.equal(store.search('"fuel prices').total, 1, 'an unclosed quote runs to the end');
    assert.equal(store.search('word:x').total, 0, 'a colon is text, not a column filter');
    assert.equal(store.search('infl*').total, 1, 'a prefix');
    assert.equal(store.search('inflation OR farmers').total, 2);
    assert.equal(store.search('inflation NOT farmers').total, 1);
    store.close();
  });

  test(`${name}: two outlets reporting one event make one happening with two sources`, () => {
    const store = fresh();
    const a = article('h1', 'Tehran rejected the American proposal on Monday.', { published: '2026-04-07', outlet: 'Gulf Wire' });
    const b = article('h2', 'Iran has rejected a US offer, its foreign ministry said on Tuesday.', { published: '2026-04-08', outlet: 'Daily Ledger' });
    const c = article('h3', 'Iran rejected a fresh US offer of talks, weeks after turning down the first.', { published: '2026-04-20', outlet: 'Daily Ledger' });
    const d = article('h4', 'Iran threatened the United States with retaliation.', { published: '2026-04-08', outlet: 'Gulf Wire' });
    store.addArticle(a, resultFor(a, [{ type: 'REJECT', trigger: 'rejected', actor: [actor('Tehran', 'IRN', 'GOV')], recipient: [USA] }]));
    store.addArticle(b, resultFor(b, [{ type: 'REJECT', trigger: 'rejected', actor: [IRN], recipient: [actor('US', 'USA', null)], date: '2026-04-06' }]));
    store.addArticle(c, resultFor(c, [{ type: 'REJECT', trigger: 'rejected', actor: [IRN], recipient: [USA] }]));
    store.addArticle(d, resultFor(d, [{ type: 'THREATEN', trigger: 'threatened', actor: [IRN], recipient: [USA], quadClass: 3, score: -6 }]));
    assert.equal(store.stats().events, 4);
    assert.equal(store.stats().happenings, 3);
    const rejections = store.happenings({ type: 'REJECT', dyad: ['IRN', 'USA'] });
    assert.equal(rejections.total, 2);
    const merged = rejections.items.find((h) => h.reportCount === 2)!;
    assert.equal(merged.sources, 2);
    assert.deepEqual(merged.outlets, ['Daily Ledger', 'Gulf Wire']);
    assert.equal(merged.date, '2026-04-06');
    const full = store.happening(merged.id)!;
    assert.deepEqual(full.reports.map((r) => r.source.outlet).sort(), ['Daily Ledger', 'Gulf Wire']);
    assert.ok(full.reports.every((r) => r.happeningId === merged.id));
    assert.equal(store.happening('h999999'), null);
    store.close();
  });

  test(`${name}: reports that differ in modality, parties or type stay apart; other words for one act join it; one outlet twice is one source`, () => {
    const store = fresh();
    const base = { type: 'REJECT', actor: [IRN], recipient: [USA] };
    const a = article('m1', 'Iran rejected the plan.', { published: '2026-05-01', outlet: 'Gulf Wire' });
    const b = article('m2', 'Iran did not reject the plan, an aide insisted.', { published: '2026-05-01', outlet: 'Gulf Wire' });
    const c = article('m3', 'Iran rejected the plan put forward by France.', { published: '2026-05-01', outlet: 'Gulf Wire' });
    const d = article('m4', 'Iran rejected the plan again, an official said.', { published: '2026-05-02', outlet: 'gulf wire' });
    const e = article('m5', 'Iran vetoed the plan.', { published: '2026-05-02', outlet: 'Evening Post' });
    store.addArticle(a, resultFor(a, [{ ...base, trigger: 'rejected' }]));
    store.addArticle(b, resultFor(b, [{ ...base, trigger: 'reject', modality: 'negated' as const }]));
    store.addArticle(c, resultFor(c, [{ ...base, trigger: 'rejected', recipient: [actor('France', 'FRA', 'GOV')] }]));
    store.addArticle(d, resultFor(d, [{ ...base, trigger: 'rejected' }]));
    store.addArticle(e, resultFor(e, [{ ...base, trigger: 'vetoed' }]));
    const f = article('m6', 'Iran threatened the United States.', { published: '2026-05-02', outlet: 'Evening Post' });
    store.addArticle(f, resultFor(f, [{ ...base, type: 'THREATEN', trigger: 'threatened' }]));
    // the same dyad's rejection in other words ("vetoed") the next day is the same act; a threat is another
    const h = store.happenings({ actor: 'IRN', recipient: 'USA', modality: 'asserted' });
    assert.deepEqual(h.items.map((x) => [x.type, x.reportCount, x.sources]).sort(), [['REJECT', 3, 2], ['THREATEN', 1, 1]]);
    assert.equal(store.stats().happenings, 4);
    store.close();
  });

  test(`${name}: people are parties by name: two politicians of one country are not one party`, () => {
    const store = fresh();
    const sanders = actor('Bernie Sanders', 'USA', 'LEG'), obama = actor('Barack Obama', 'USA', 'GOV');
    const a = article('p1', 'Bernie Sanders endorsed Tim Canova on Monday.', { published: '2026-07-25', outlet: 'Gulf Wire' });
    const b = article('p2', 'Barack Obama endorsed Debbie Wasserman Schultz on Monday.', { published: '2026-07-25', outlet: 'Daily Ledger' });
    const c = article('p3', 'Sanders has endorsed Canova, the insurgent candidate.', { published: '2026-07-26', outlet: 'Evening Post' });
    store.addArticle(a, resultFor(a, [{ type: 'SUPPORT', trigger: 'endorsed', actor: [sanders] }], [], ['Bernie Sanders']));
    store.addArticle(b, resultFor(b, [{ type: 'SUPPORT', trigger: 'endorsed', actor: [obama] }], [], ['Barack Obama']));
    store.addArticle(c, resultFor(c, [{ type: 'SUPPORT', trigger: 'endorsed', actor: [sanders] }], [], ['Bernie Sanders']));
    const h = store.happenings({ type: 'SUPPORT' });
    assert.deepEqual(h.items.map((x) => x.sources).sort(), [1, 2]);
    assert.equal(store.happenings({ actor: 'Sanders' }).items[0]!.sources, 2);
    // without a recipient, a party and a verb are not enough: the sentences must share a name
    const d = article('p4', 'Bernie Sanders endorsed a minimum wage bill on Monday.', { published: '2026-07-25', outlet: 'Metro Tribune' });
    store.addArticle(d, resultFor(d, [{ type: 'SUPPORT', trigger: 'endorsed', actor: [sanders] }], [], ['Bernie Sanders']));
    assert.equal(store.happenings({ actor: 'Sanders' }).total, 2);
    store.close();
  });

  test(`${name}: the same quote from two outlets is one quote with its variants and their differences`, () => {
    const store = fresh();
    const a = article('q1', 'Araghchi said: "We will never negotiate under the shadow of threats and sanctions."', { published: '2026-06-01', outlet: 'Gulf Wire' });
    const b = article('q2', '"We will not negotiate under the shadow of threats," Iran\'s foreign minister Araghchi said.', { published: '2026-06-02', outlet: 'Daily Ledger' });
    const c = article('q3', 'Araghchi added: "Our missile programme is not up for discussion at any table."', { published: '2026-06-02', outlet: 'Daily Ledger' });
    store.addArticle(a, resultFor(a, [], [{ content: 'We will never negotiate under the shadow of threats and sanctions.', speaker: actor('Abbas Araghchi', 'IRN', 'GOV') }]));
    store.addArticle(b, resultFor(b, [], [{ content: 'We will not negotiate under the shadow of threats,', speaker: actor("Iran's foreign minister Araghchi", 'IRN', 'GOV') }]));
    store.addArticle(c, resultFor(c, [], [{ content: 'Our missile programme is not up for discussion at any table.', speaker: ARAGHCHI }]));
    assert.equal(store.stats().quotes, 2);
    const merged = store.quotes({ text: 'negotiate shadow' });
    assert.equal(merged.total, 1);
    const q = merged.items[0]!;
    assert.equal(q.sources, 2);
    assert.equal(q.variantCount, 2);
    assert.equal(q.variants[0]!.fidelity, 1);
    const v = q.variants[1]!;
    assert.ok(v.fidelity < 1 && v.fidelity > 0.6, `fidelity ${v.fidelity}`);
    assert.deepEqual(v.changes, [{ op: 'replace', from: 'never', to: 'not' }, { op: 'delete', from: 'and sanctions', to: '' }]);
    assert.equal(store.quotes({ speaker: 'Araghchi' }).total, 2);
    assert.equal(store.quotes({ speaker: 'IRNGOV' }).total, 2);
    assert.equal(store.quotes({ speaker: 'Zarif' }).total, 0);
    assert.equal(store.quote(q.id)!.text, q.text);
    store.close();
  });

  test(`${name}: events by dyad, type, dates, modality and outlet; series count happenings once`, () => {
    const store = fresh();
    const rows: [string, string, string, string, number, number][] = [
      // id, outlet, published, type, quad, score
      ['e1', 'Gulf Wire', '2026-07-01', 'REJECT', 3, -4],
      ['e2', 'Daily Ledger', '2026-07-01', 'REJECT', 3, -4],
      ['e3', 'Gulf Wire', '2026-07-03', 'CONSULT', 1, 1],
      ['e4', 'Gulf Wire', '2026-07-03', 'ASSAULT', 4, -9],
    ];
    for (const [id, outlet, published, type, quadClass, score] of rows) {
      const text = `Iran and the United States: ${type.toLowerCase()} reported by ${outlet} (${id}).`;
      const a = article(id, text, { outlet, published });
      store.addArticle(a, resultFor(a, [{ type, trigger: type.toLowerCase(), actor: [USA], recipient: [IRN], quadClass, score }]));
    }
    const noise = article('e5', 'France praised Germany at the summit.', { outlet: 'Gulf Wire', published: '2026-07-02' });
    store.addArticle(noise, resultFor(noise, [{ type: 'CONSULT', trigger: 'praised', actor: [actor('France', 'FRA', 'GOV')], recipient: [actor('Germany', 'DEU', 'GOV')] }]));
    assert.equal(store.events({ dyad: ['IRN', 'USA'] }).total, 4);
    assert.equal(store.events({ actor: 'USAGOV', recipient: 'IRN' }).total, 4);
    assert.equal(store.events({ actor: 'IRN' }).total, 0);
    assert.equal(store.events({ type: 'reject' }).total, 2);
    assert.equal(store.events({ from: '2026-07-02', to: '2026-07-03' }).total, 3);
    assert.equal(store.events({ outlet: 'daily ledger' }).total, 1);
    assert.equal(store.events({ modality: 'negated' }).total, 0);
    assert.equal(store.events({ actor: 'the united states' }).total, 4);
    const page = store.events({ limit: 2, offset: 1 });
    assert.equal(page.items.length, 2);
    assert.equal(page.total, 5);
    const series = store.dyadSeries('IRN', 'USA');
    assert.deepEqual(series, [
      { date: '2026-07-01', quad: { 1: 0, 2: 0, 3: 1, 4: 0 }, total: 1, meanScore: -4 },
      { date: '2026-07-03', quad: { 1: 1, 2: 0, 3: 0, 4: 1 }, total: 2, meanScore: -4 },
    ]);
    assert.deepEqual(store.dyadSeries('USA', 'IRN', { from: '2026-07-02' }).map((p) => p.date), ['2026-07-03']);
    assert.deepEqual(store.dyadSeries('IRN', 'DEU'), []);
    // directed: USA acted on IRN in every row; codes in any case
    assert.equal(store.dyadSeries('usa', 'irn', { directed: true }).length, 2);
    assert.deepEqual(store.dyadSeries('IRN', 'USA', { directed: true }), []);
    assert.deepEqual(store.dyadSeries('IRN', 'USA', { modalities: ['negated'] }), []);
    // volume: the day's happenings whoever the parties (France and Germany on 07-02 are outside the dyad's days)
    assert.deepEqual(store.dyadSeries('IRN', 'USA', { volume: true }).map((p) => [p.date, p.total, p.all]), [['2026-07-01', 1, 1], ['2026-07-03', 2, 2]]);
    assert.equal(store.events({ modality: ['asserted', 'negated'] }).total, 5);
    assert.equal(store.events({ minConfidence: 0.5 }).total, 5);
    assert.equal(store.events({ minConfidence: 1.01 }).total, 0);
    assert.equal(store.happenings({ minConfidence: 1.01 }).total, 0);
    assert.equal(store.events({ actor: 'usa' }).total, 4, 'a code in lower case');
    store.close();
  });

  test(`${name}: the stories an actor appears in`, () => {
    const store = fresh();
    const a = article('st1', 'Iran rejected the offer. "We will not bow to pressure from anyone," Araghchi said.', { published: '2026-03-10', outlet: 'Gulf Wire' });
    const b = article('st2', 'Farmers protested outside parliament over fuel prices.', { published: '2026-03-11' });
    store.addArticle(a, resultFor(a, [{ type: 'REJECT', trigger: 'rejected', actor: [IRN], recipient: [USA] }],
      [{ content: 'We will not bow to pressure from anyone,', speaker: ARAGHCHI }]));
    store.addArticle(b, resultFor(b));
    const iran = store.actorStories('IRN');
    assert.equal(iran.total, 1);
    assert.deepEqual(iran.items[0]!.roles, ['actor', 'speaker']);
    assert.equal(iran.items[0]!.events, 1);
    assert.equal(iran.items[0]!.quotes, 1);
    assert.deepEqual(store.actorStories('Araghchi').items[0]!.roles, ['speaker']);
    assert.deepEqual(store.actorStories('USA').items[0]!.roles, ['recipient']);
    assert.equal(store.actorStories('IRN', { from: '2026-03-11' }).total, 0);
    store.close();
  });

  test(`${name}: articles are listed by outlet and date, and a read-only store reads what was written`, () => {
    const dir = tempDir();
    const file = path.join(dir, 'ro.db');
    const store = open(file);
    for (let i = 1; i <= 5; i++) {
      const a = article(`l${i}`, `Story number ${i} about a bridge opening in town ${i}.`, { published: `2026-02-0${i}`, outlet: i % 2 ? 'Odd Times' : 'Even Herald' });
      store.addArticle(a, resultFor(a));
    }
    assert.equal(store.listArticles().total, 5);
    assert.deepEqual(store.listArticles({ outlet: 'odd times' }).items.map((x) => x.sourceId), ['l5', 'l3', 'l1']);
    assert.deepEqual(store.listArticles({ from: '2026-02-02', to: '2026-02-03', limit: 1 }).items.map((x) => x.sourceId), ['l3']);
    store.close();
    const ro = open(file, { readonly: true });
    assert.equal(ro.stats().articles, 5);
    const a = article('l9', 'Another bridge opened somewhere else entirely.');
    assert.throws(() => ro.addArticle(a, resultFor(a)));
    ro.close();
  });

  test(`${name}: people learned across the corpus are kept, looked up by name or unique surname, as of a date`, () => {
    const dir = tempDir();
    const file = path.join(dir, 'learned.db');
    const store = open(file);
    const learned = store.learnedActors();
    learned.learn('Ahmad Karimi', "Iran's deputy oil minister", 'IRN', 'GOV', '2026-02-01', "Ahmad Karimi, Iran's deputy oil minister");
    learned.learn('Ahmad Karimi', 'oil minister', 'IRN', 'GOV', '2026-03-01', 'Oil Minister Ahmad Karimi', { article: 'art-7', start: 10, end: 35 });
    learned.learn('Lena Karimi', 'journalist', null, 'JRN', '2026-03-02', 'Lena Karimi, a journalist');
    learned.learn('Tomas Berg', 'central bank governor', 'SWE', 'GOV', null, 'Tomas Berg, the central bank governor');
    store.close();
    const again = open(file, { readonly: true }).learnedActors();
    const karimi = again.lookup('ahmad  Karimi')!;
    assert.equal(karimi.role, 'oil minister');
    assert.equal(karimi.seen, 2);
    assert.deepEqual([karimi.firstSeen, karimi.lastSeen], ['2026-02-01', '2026-03-01']);
    assert.deepEqual(karimi.source, { article: 'art-7', start: 10, end: 35 });
    assert.equal(again.lookup('Berg')!.source, undefined);
    assert.equal(again.lookup('Ahmad Karimi', '2026-01-15'), null, 'not known before it was learned');
    assert.equal(again.lookup('Karimi'), null, 'two people carry the surname');
    assert.equal(again.lookup('Berg')!.country, 'SWE');
    again.learn('Nobody New', null, null, null, '2026-03-03', 'a read-only store learns nothing');
    assert.equal(again.lookup('Nobody New'), null);
  });
}
