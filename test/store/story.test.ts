import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, test } from 'node:test';
import { Analyzer } from '../../src/analyze.js';
import { ingest, ingestSources } from '../../src/store/ingest.js';
import { openStore, type Store, type StoredEvent } from '../../src/store/store.js';
import { tempDir } from '../helpers/tmp.js';

/**
 * One story told by four outlets (test/fixtures/story, written for this test, with its
 * metadata.tsv): Trump's offer to meet Rouhani worded as "offered", "would meet", "could meet",
 * "had offered"; Iran's rejection of it, dated a day apart; a recap a week later; and an all-caps
 * tweet each outlet prints. Through the real engine and the store, each act must be one happening
 * holding every report of it, and the tweet one quote.
 */
const STORY = fileURLToPath(new URL('../fixtures/story/', import.meta.url));

let store: Store;
let events: StoredEvent[];

describe('one story across four outlets', () => {
  before(async () => {
    store = openStore(path.join(tempDir('dossier-story-'), 'story.db'));
    await ingest(store, { analyzer: new Analyzer() }, ingestSources([STORY]));
    events = store.events({ limit: 1000 }).items;
  });

  /** The reports of one act, which must all be found in one happening and fill it. */
  function oneHappening(name: string, reports: StoredEvent[], minOutlets: number): string {
    const outlets = new Set(reports.map((r) => r.source.outlet));
    assert.ok(outlets.size >= minOutlets, `${name}: the engine found reports in ${[...outlets].join(', ')} only`);
    const ids = new Set(reports.map((r) => r.happeningId));
    assert.equal(ids.size, 1, `${name}: ${reports.map((r) => `${r.source.outlet} "${r.trigger}" ${r.modality} -> ${r.happeningId}`).join('; ')}`);
    const h = store.happening([...ids][0]!)!;
    assert.deepEqual(h.reports.map((r) => r.id).sort(), reports.map((r) => r.id).sort(), `${name}: the happening holds only its reports`);
    return h.id;
  }

  test('every outlet is dated and named from the metadata.tsv beside the files', () => {
    assert.deepEqual(store.listArticles().items.map((a) => [a.outlet, a.published]).sort(), [
      ['Coastal Chronicle', '2026-07-21'], ['Harbor Herald', '2026-07-20'], ['Harbor Herald', '2026-07-28'],
      ['Lakeside Ledger', '2026-07-20'], ['Prairie Post', '2026-07-21']]);
  });

  test('the offer to meet, in four wordings and modalities over two days, is one happening', () => {
    const offer = events.filter((e) => e.actor.some((a) => /Trump/.test(a.name)) && ['AGREE', 'CONSULT'].includes(e.type)
      && e.modality !== 'negated' && /\b(offer|offered|meet|meetings)\b/.test(e.trigger));
    const id = oneHappening('offer', offer, 4);
    const h = store.happening(id)!;
    assert.equal(h.modality, 'asserted');
    assert.ok(h.modalities.length >= 2 && h.modalities[0] === 'asserted', `the happening shows every modality: ${h.modalities.join(', ')}`);
    assert.ok(new Set(h.reports.map((r) => r.date)).size === 2, 'reports keep their own dates, a day apart');
  });

  test('the rejection, dated a day apart, is one happening, and the recap a week later is a later report of it', () => {
    const rejections = events.filter((e) => e.type === 'REJECT');
    const id = oneHappening('rejection', rejections, 2);
    const h = store.happening(id)!;
    const recap = rejections.find((e) => e.source.published === '2026-07-28');
    assert.ok(recap, 'the recap is found');
    assert.deepEqual(h.recaps, [recap.id]);
    assert.ok(h.date! < '2026-07-22', 'the recap does not move the happening');
  });

  test('the all-caps tweet printed by three outlets is one quote under one speaker', () => {
    const tweets = store.quotes({ text: 'never ever threaten', limit: 50 }).items;
    assert.equal(tweets.length, 1, tweets.map((q) => `${q.speaker?.name}: ${q.text}`).join('\n'));
    assert.equal(tweets[0]!.sources, 3);
    assert.equal(tweets[0]!.speaker?.name, 'Donald Trump');
  });
});
