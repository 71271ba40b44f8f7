import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { ActorBase, actorBaseOf, compileFallback, COMPILED_DICTIONARY_FILE, FallbackLayer, readDictionaryLayer, SHIPPED_ACTOR_FILES, type ActorFile } from '../../src/actors/index.js';
import { keyOf, skeletonOf } from '../../src/actors/text.js';
import { Analyzer } from '../../src/analyze.js';
import { Resources } from '../../src/core/resources.js';

// one base with the dictionary layer for the whole file: building it is the costly part
const base = actorBaseOf(new Resources());
const r = (text: string, date = '2021-06-01', context?: string) => base.resolve(text, { date, ...(context ? { context, countryFromContext: true } : {}) });
const cs = (text: string, date?: string) => { const a = r(text, date); return a ? `${a.country ?? ''}/${a.sector ?? ''}` : 'none'; };

test('transliteration: another spelling of a known name is that person ("Qasemi" for "Qassemi", "Rohani")', () => {
  assert.equal(skeletonOf(keyOf('Qasemi')), skeletonOf(keyOf('Ghassemi')));
  assert.equal(r('Bahram Qasemi', '2018-08-01')?.actorId, 'person.bahram-qassemi');
  assert.equal(r('Qasemi', '2018-08-01')?.actorId, 'person.bahram-qassemi');
  assert.equal(r('Rohani', '2018-08-01')?.actorId, 'person.hassan-rouhani');
  // a surname alone still follows the surname rules: a former minister is not named by it
  assert.equal(r('Matis', '2022-01-01'), null);
});

test('diacritics are folded for matching, never cut from the name', () => {
  assert.equal(keyOf('Erdoğan'), 'erdogan');
  assert.equal(keyOf('Khürelsükh'), 'khurelsukh');
  const a = r('Recep Tayyip Erdoğan', '2019-01-01');
  assert.equal(a?.country, 'TUR');
  assert.equal(a?.name, 'Recep Tayyip Erdogan');
});

test('an organisation takes its country from its own name first', () => {
  assert.equal(cs('the Saudi Ministry of Foreign Affairs'), 'SAU/GOV');
  assert.equal(cs('the Saudi National Guard'), 'SAU/MIL');
  // a setting given with the description fills a country the words lack
  assert.equal(r('the Pentagon', '2021-06-01', 'Saudi')?.country, 'USA', 'a country of its own wins over the setting');
  // a body many countries have ("the National Guard") has none of its own: the setting's, or none
  assert.equal(r('the National Guard', '2021-06-01')?.country, null);
  assert.equal(r('the National Guard', '2021-06-01', 'Saudi')?.country, 'SAU', 'the setting applies after a memoised resolution too');
  assert.equal(r('riot police', '2021-06-01', 'in Kenya')?.country, 'KEN');
});

test('dictionary people are known by full name and as of the date; their surname alone is no one', () => {
  assert.equal(cs('Laurent Gbagbo', '2005-01-01'), 'CIV/GOV');
  assert.equal(cs('Laurent Gbagbo', '2021-06-01'), 'CIV/ELI', 'after the sources end, a former official');
  assert.equal(r('Gbagbo', '2005-01-01')?.actorId, undefined);
  // a full name is one person: a longer name that starts with a known one is someone else
  assert.notEqual(r('Mohammed Hussein Roble')?.actorId, 'person.mohammed-bin-salman');
  // a hand-written person spelt as the dictionaries spell them stays the hand-written one
  assert.equal(r('Sergei Lavrov', '2019-01-01')?.actorId?.startsWith('dict.'), false);
});

test('agents from the dictionaries give sectors, PLOVER conventions on top', () => {
  assert.equal(cs('paramedics'), '/MED');
  assert.equal(cs('vandals'), '/CRM');
  assert.equal(cs('Ukrainian farmers'), 'UKR/AGR');
  assert.equal(cs('mujahideen'), '/REB');
  assert.equal(cs('taxi drivers'), '/CVL');
  assert.equal(cs('breakaway state'), '/PRE');
  assert.equal(cs('Somalia state news agency'), 'SOM/GOV', 'a state news agency is GOV');
  assert.equal(cs('an opposition lawmaker'), '/LEG', 'opposition leaves a legislator LEG');
  assert.equal(cs('retired vice president'), '/ELI');
  assert.equal(cs('Massachusetts Institute of Technology'), 'USA/EDU');
  // a fallback phrase never replaces the structure the hand-written words give
  assert.equal(r('the former president', '2019-01-01')?.rule, 'sector.president+modifier.former');
});

// articles written for this test: names of the base, spelling variants, surnames, groups
const ARTICLES = [
  { id: 'a', published: '2018-08-01', text: 'TEHRAN, Aug 1 - Iranian Foreign Ministry spokesman Bahram Qasemi said on Wednesday that Washington could not be trusted. Qasemi added that Rohani would not meet Trump.' },
  { id: 'b', published: '2019-03-04', text: 'Senator Bernie Sanders spoke in Iowa. While Sanders spoke, protesters gathered outside. Sanders later met paramedics and farmers.' },
  { id: 'c', published: '2021-06-01', text: 'Recep Tayyip Erdoğan met officials of the Saudi Ministry of Foreign Affairs in Ankara. Laurent Gbagbo returned to Abidjan, where vandals had attacked a depot.' },
  { id: 'd', published: '2020-01-10', text: 'Ahmad Karimi, Iran\'s deputy oil minister, said exports would rise. Karimi did not give figures. Mujahideen fighters attacked a convoy, the Afghan army said.' },
];

function resultsInOrder(order: readonly number[]): Map<string, string> {
  const analyzer = new Analyzer();
  const out = new Map<string, string>();
  for (const i of order) { const a = ARTICLES[i]!; out.set(a.id, JSON.stringify(analyzer.analyze(a))); }
  return out;
}

test('one answer for one input: two orders in one process and another process give byte-identical results', () => {
  const forward = resultsInOrder([0, 1, 2, 3]);
  const backward = resultsInOrder([3, 2, 1, 0]);
  for (const a of ARTICLES) assert.equal(backward.get(a.id), forward.get(a.id), `article ${a.id} differs with the order`);
  // another process, another order again
  const script = `import { Analyzer } from ${JSON.stringify(fileURLToPath(new URL('../../src/analyze.ts', import.meta.url)))};
const articles = ${JSON.stringify(ARTICLES)};
const analyzer = new Analyzer();
const out = {};
for (const i of [2, 0, 3, 1]) out[articles[i].id] = JSON.stringify(analyzer.analyze(articles[i]));
process.stdout.write(JSON.stringify(out));`;
  const other = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 64 << 20 })) as Record<string, string>;
  for (const a of ARTICLES) assert.equal(other[a.id], forward.get(a.id), `article ${a.id} differs in another process`);
});

test('the dateline city is a place, never an actor', () => {
  const r = new Analyzer({ stages: ['tokens', 'dates', 'entities'] }).analyze({ text: 'ANKARA, May 3 - Turkish officials said Ankara would reply. Ankara rejected the plan.', published: '2021-05-03' });
  const dateline = r.entities.find((e) => e.mentions.some((m) => m.text === 'ANKARA'));
  assert.deepEqual([dateline?.type, dateline?.country, dateline?.sector], ['GPE', 'TUR', null]);
  // the same city in the story stands for the government
  assert.equal(r.entities.find((e) => e.mentions.some((m) => m.text === 'Ankara'))?.sector, 'GOV');
});

test('a transliteration is a spelling, not another name a few sounds alike', () => {
  assert.equal(r('Kanoute', '2019-06-01')?.actorId, undefined, 'not Conte');
});

test('the compiled dictionaries are the converted ones compiled (re-run the converter when they differ)', () => {
  const compiled = readFileSync(COMPILED_DICTIONARY_FILE, 'utf8');
  assert.equal(compileFallback([readDictionaryLayer()]), compiled);
});

test('a compiled fallback layer answers as the actor file it compiles', () => {
  const file: ActorFile = {
    version: '1', fallback: true,
    organisations: [{ id: 'org.x-front', name: 'Xanadu Liberation Front', type: 'ORG', country: 'NZL', sector: 'REB', acronyms: ['XLF'] }],
    people: [{ id: 'person.a-b', name: 'Ahmad Bakhtiari Zand', aliases: ['Ahmad Bakhtiari'], terms: [{ role: '', country: 'IRN', sector: 'GOV', from: '2001', to: '2009' }] }],
  };
  const eager = new ActorBase([...SHIPPED_ACTOR_FILES, file]);
  const compiled = new ActorBase(SHIPPED_ACTOR_FILES, null, null, new FallbackLayer(new TextEncoder().encode(compileFallback([file]))));
  for (const text of ['the Xanadu Liberation Front', 'XLF', 'Xlf', 'Ahmad Bakhtiari', 'former Ahmad Bakhtiari Zand', 'XLF fighters']) {
    assert.deepEqual(compiled.resolve(text, { date: '2005-01-01' }), eager.resolve(text, { date: '2005-01-01' }), text);
  }
  assert.equal(compiled.resolve('XLF', {})?.country, 'NZL');
  assert.equal(compiled.resolve('Xlf', {}), null, 'a short acronym only as written');
  assert.equal(compiled.resolve('Ahmad Bakhtiari', { date: '2005-01-01' })?.sector, 'GOV');
});
