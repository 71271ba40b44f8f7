import type { RawArticle } from '../../src/ingest/article.js';
import type { ActorRefJson, Result } from '../../src/result/schema.js';
import { article, resultFor } from './results.js';

/**
 * A few articles written for the upgrade test (migrations.test.ts): events whose parties carry
 * spans, people keyed by name, a happening two outlets report, a quote two outlets print. The
 * fixtures test/fixtures/store-v9.db, -v10.db, -v11.db and -v12.db hold them as dossier stored them at schema versions 9 to 12 (each made
 * once by the code of that version, `node --import tsx test/store/upgrade-corpus.ts FILE` run in a
 * checkout of it); the test upgrades a copy and compares every answer with a store that ingests
 * them today.
 */
const ref = (text: string, name: string, country: string | null, sector: string | null, words?: string): ActorRefJson => {
  if (words === undefined) return { name, country, sector };
  const start = text.indexOf(words);
  return { name, country, sector, span: { start, end: start + words.length, text: words } };
};

export function upgradeCorpus(): { article: RawArticle; result: Result }[] {
  const t1 = 'Iran rejected a proposal from the United States on Monday. Foreign Minister Abbas Araghchi said "we will never negotiate under pressure from anyone" in Tehran.';
  const a1 = article('up-1', t1, { outlet: 'Wire A', published: '2026-03-02', title: 'Iran says no', url: 'https://a.example/1' });
  const t2 = 'Tehran turned down the American proposal on Monday, officials said. Araghchi said "we will never negotiate under any pressure from anyone" at a briefing.';
  const a2 = article('up-2', t2, { outlet: 'Wire B', published: '2026-03-03' });
  const t3 = 'Senator Jane Holloway met Pakistan\'s foreign minister in Islamabad. The minister praised the visit and said "our two countries share many interests today".';
  const a3 = article('up-3', t3, { outlet: 'Wire A', published: '2026-03-04' });
  return [
    { article: a1, result: resultFor(a1, [
      { type: 'REJECT', trigger: 'rejected', actor: [ref(t1, 'Iran', 'IRN', 'GOV', 'Iran')], recipient: [ref(t1, 'the United States', 'USA', 'GOV', 'the United States')], cameo: '12' },
    ], [{ content: 'we will never negotiate under pressure from anyone', speaker: ref(t1, 'Abbas Araghchi', 'IRN', 'GOV', 'Abbas Araghchi') }], ['Abbas Araghchi']) },
    { article: a2, result: resultFor(a2, [
      { type: 'REJECT', trigger: 'turned down', actor: [ref(t2, 'Iran', 'IRN', 'GOV', 'Tehran')], recipient: [ref(t2, 'the United States', 'USA', 'GOV', 'American')], cameo: '12' },
    ], [{ content: 'we will never negotiate under any pressure from anyone', speaker: ref(t2, 'Abbas Araghchi', 'IRN', 'GOV', 'Araghchi') }]) },
    { article: a3, result: resultFor(a3, [
      { type: 'CONSULT', trigger: 'met', actor: [ref(t3, 'Jane Holloway', 'USA', 'LEG', 'Jane Holloway')], recipient: [ref(t3, 'Pakistan', 'PAK', 'GOV'), ref(t3, 'foreign minister', 'PAK', 'GOV', 'foreign minister')], quadClass: 1, score: 1, cameo: null },
      { type: 'AGREE', trigger: 'praised', actor: [ref(t3, 'The minister', 'PAK', 'GOV', 'The minister')], recipient: [], modality: 'asserted', quadClass: 1, score: 2 },
    ], [{ content: 'our two countries share many interests today', speaker: null, kind: 'direct' }], ['Jane Holloway']) },
  ];
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/.*\//, '/'))) {
  const { openStore } = await import('../../src/store/store.js');
  const store = openStore(process.argv[2]!);
  for (const { article: a, result } of upgradeCorpus()) store.addArticle(a, result);
  store.close();
}
