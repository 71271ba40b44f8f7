import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Analyzer } from '../../analyze.js';
import type { Result } from '../../result/schema.js';

// articles written for these tests, in the style of wire copy
const analyzer = new Analyzer({ stages: ['tokens', 'dates', 'entities'] });
const run = (text: string, published = '2019-03-04'): Result => analyzer.analyze({ id: 't', text, published });
const find = (r: Result, name: string) => r.entities.find((e) => e.name === name);
const texts = (r: Result, name: string) => find(r, name)?.mentions.map((m) => m.text) ?? [];

const SUMMIT = `Turkish President Recep Tayyip Erdogan met Russian Foreign Minister Sergei Lavrov in Ankara on Monday.
Erdogan told reporters the talks were useful. Lavrov, speaking later, said Moscow wanted calm in the region.
The president added that Turkish troops would stay. Iranian officials and Syrian rebels were not invited, Reuters reported.`;

test('titles give people their country, sector and role; surnames become mentions of them', () => {
  const r = run(SUMMIT);
  const erdogan = find(r, 'Recep Tayyip Erdogan');
  assert.ok(erdogan);
  assert.equal(erdogan.country, 'TUR');
  assert.equal(erdogan.sector, 'GOV');
  assert.equal(erdogan.role, 'President of Turkey');
  assert.deepEqual(texts(r, 'Recep Tayyip Erdogan'), ['Recep Tayyip Erdogan', 'Erdogan', 'The president']);
  assert.deepEqual(texts(r, 'Sergei Lavrov'), ['Sergei Lavrov', 'Lavrov']);
  assert.equal(find(r, 'Sergei Lavrov')?.country, 'RUS');
});

test('metonyms, groups and outlets resolve', () => {
  const r = run(SUMMIT);
  const moscow = r.entities.find((e) => e.mentions.some((m) => m.text === 'Moscow'));
  assert.equal(moscow?.country, 'RUS');
  assert.equal(moscow?.sector, 'GOV');
  assert.deepEqual([find(r, 'Iranian officials')?.country, find(r, 'Iranian officials')?.sector], ['IRN', 'GOV']);
  assert.deepEqual([find(r, 'Syrian rebels')?.country, find(r, 'Syrian rebels')?.sector], ['SYR', 'REB']);
  assert.deepEqual([find(r, 'Turkish troops')?.country, find(r, 'Turkish troops')?.sector], ['TUR', 'MIL']);
  assert.deepEqual([find(r, 'Reuters')?.type, find(r, 'Reuters')?.country, find(r, 'Reuters')?.sector], ['MEDIA', 'GBR', 'JRN']);
});

test('an appositive after an unknown name gives the person a role, and the surname follows', () => {
  const r = run('Ahmad Karimi, Iran\'s deputy oil minister, said exports would rise. Karimi did not give figures.');
  const k = find(r, 'Ahmad Karimi');
  assert.ok(k);
  assert.deepEqual([k.type, k.country, k.sector], ['PERSON', 'IRN', 'GOV']);
  assert.deepEqual(texts(r, 'Ahmad Karimi'), ['Ahmad Karimi', 'Karimi']);
});

test('dates decide office: the same name is GOV in office and ELI after', () => {
  const text = 'Mike Pompeo spoke at a conference in Washington.';
  assert.equal(find(run(text, '2018-10-01'), 'Mike Pompeo')?.sector, 'GOV');
  assert.equal(find(run(text, '2023-10-01'), 'Mike Pompeo')?.sector, 'ELI');
  const former = run('Former Israeli Prime Minister Ehud Olmert criticised the plan.', '2019-01-01');
  assert.deepEqual([find(former, 'Ehud Olmert')?.country, find(former, 'Ehud Olmert')?.sector], ['ISR', 'ELI']);
});

test('a title with a country names the office holder of the day', () => {
  const r = run('Iran\'s foreign minister rejected the offer on Tuesday.', '2018-08-01');
  assert.deepEqual(texts(r, 'Javad Zarif'), ['Iran\'s foreign minister']);
});

test('Georgia: the country or the US state, by context', () => {
  const abroad = run('Russian troops remain in two breakaway regions of Georgia, officials in Tbilisi said.');
  assert.equal(abroad.entities.find((e) => e.name === 'Georgia')?.country, 'GEO');
  const home = run('Voters in Georgia lined up in the Atlanta suburbs on Tuesday, the state\'s governor said.');
  assert.equal(home.entities.find((e) => e.name === 'Georgia')?.country, 'USA');
  // the cue may sit elsewhere in the article
  const far = run('Early voting began in Georgia on Monday. Turnout in the Atlanta suburbs was high, county officials said, and Republican and Democratic volunteers knocked on doors.');
  assert.equal(far.entities.find((e) => e.name === 'Georgia')?.country, 'USA');
  const farAbroad = run('Protests spread across Georgia on Monday. In Tbilisi, crowds waved EU flags and denounced Russian influence.');
  assert.equal(farAbroad.entities.find((e) => e.name === 'Georgia')?.country, 'GEO');
});

test('Jordan: the kingdom, or a person, by the words around it', () => {
  const r = run('Rep. Jim Jordan questioned the envoy about aid to Jordan. Jordan said the kingdom had done enough.');
  const person = find(r, 'Jim Jordan');
  assert.equal(person?.type, 'PERSON');
  assert.equal(person.sector, 'LEG');
  const kingdom = r.entities.find((e) => e.type === 'GPE' && e.country === 'JOR');
  assert.ok(kingdom, 'aid to Jordan is the country');
  assert.deepEqual(kingdom.mentions.map((m) => m.text), ['Jordan']);
  assert.deepEqual(person.mentions.map((m) => m.text), ['Jim Jordan', 'Jordan'], 'the second Jordan is the congressman speaking');
});

test('a surname shared by two people in one article goes to the one named last', () => {
  const r = run('Bill Clinton arrived first. Hillary Clinton followed an hour later. Clinton then thanked the crowd.', '2019-01-01');
  assert.deepEqual(texts(r, 'Bill Clinton'), ['Bill Clinton']);
  assert.deepEqual(texts(r, 'Hillary Clinton'), ['Hillary Clinton', 'Clinton']);
  const r2 = run('Hillary Clinton spoke first. Bill Clinton followed. Clinton, the former president, was brief.', '2019-01-01');
  // the appositive is a title mention of him too
  assert.deepEqual(texts(r2, 'Bill Clinton'), ['Bill Clinton', 'Clinton', 'former president']);
  assert.deepEqual(texts(r2, 'Hillary Clinton'), ['Hillary Clinton']);
});

test('every entity and mention says which rule made it', () => {
  const doc = analyzer.analyzeDocument({ text: SUMMIT, published: '2019-03-04' });
  for (const e of doc.layer('entity')) {
    assert.ok(e.provenance.rule);
    assert.equal(e.provenance.stage, 'entities');
  }
  const entityIds = new Set(doc.layer('entity').map((e) => e.id));
  for (const m of doc.layer('mention')) assert.ok(entityIds.has(m.data.entity));
});

test('a wire story: metonyms, appositives, group nouns and former leaders together', () => {
  const r = run(`KYIV, Feb 24 (Reuters) - Russian forces launched a missile barrage on Kyiv overnight, Ukrainian officials said.
Kremlin spokesman Dmitry Peskov told reporters Moscow was open to talks. Andriy Sybiha, Ukraine's foreign minister, called the
strikes a crime. Protesters gathered outside the Russian embassy in Warsaw, Polish police said. The Hamas-run health ministry
issued a statement. The former British prime minister Boris Johnson visited Kyiv.`, '2025-02-24');
  const of = (name: string) => { const e = find(r, name); return e ? `${e.country}/${e.sector}` : 'missing'; };
  assert.equal(of('Russian forces'), 'RUS/MIL');
  assert.equal(of('Ukrainian officials'), 'UKR/GOV');
  assert.equal(of('Dmitry Peskov'), 'RUS/GOV');
  assert.equal(of('Andrii Sybiha'), 'UKR/GOV', 'a spelling variant of a known minister');
  assert.equal(of('Russian embassy'), 'RUS/GOV');
  assert.equal(of('Polish police'), 'POL/COP');
  assert.equal(of('Hamas-run health ministry'), 'PSE/GOV');
  assert.equal(of('Boris Johnson'), 'GBR/ELI');
  assert.equal(r.entities.find((e) => e.mentions.some((m) => m.text === 'Moscow'))?.sector, 'GOV');
});
