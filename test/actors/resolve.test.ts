import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ActorBase, MemoryLearnedActors, SHIPPED_ACTOR_FILES } from '../../src/actors/index.js';

const base = new ActorBase(SHIPPED_ACTOR_FILES);
const r = (text: string, date?: string, context?: string) => base.resolve(text, { date: date ?? null, ...(context ? { context } : {}) });

test('a title with a country is the holder of that office on the day', () => {
  assert.equal(r('the Russian president', '2023-06-01')?.name, 'Vladimir Putin');
  assert.equal(r('the Russian president', '2010-06-01')?.name, 'Dmitry Medvedev');
  assert.equal(r("Iran's foreign minister", '2018-08-01')?.name, 'Javad Zarif');
  assert.equal(r("Iran's foreign minister", '2022-03-01')?.name, 'Hossein Amir-Abdollahian');
  // a deputy is not the minister
  assert.notEqual(r("Iran's deputy foreign minister", '2018-08-01')?.name, 'Javad Zarif');
});

test('a surname alone: the one in office, else the one who led a country; East Asian family names come first', () => {
  assert.equal(r('Trump', '2021-06-01')?.name, 'Donald Trump');
  assert.equal(r('Trump', '2021-06-01')?.sector, 'ELI');
  assert.equal(r('Trump', '2024-03-01')?.sector, 'PTY', 'a candidate again in 2024');
  assert.equal(r('Clinton', '2016-09-01')?.name, 'Hillary Clinton', 'the candidate, not the former president');
  // a former minister is not found by surname alone
  assert.equal(r('Mattis', '2022-01-01'), null);
  assert.equal(r('Kim', '2018-06-12')?.name, 'Kim Jong-un');
  assert.equal(r('Xi', '2019-01-01')?.name, 'Xi Jinping');
  assert.equal(r('Secretary Clinton', '2012-01-01')?.name, 'Hillary Clinton');
  assert.equal(r('President Clinton', '1998-01-01')?.name, 'Bill Clinton');
  // "John Lee" of Hong Kong does not make every John a Lee
  assert.equal(r('John', '2023-01-01'), null);
});

test('an unknown given name before a known surname is someone else ("Michael Brown", "Omar Khalil")', () => {
  assert.notEqual(r('Michael Brown', '2014-08-10')?.actorId, 'person.gordon-brown');
  assert.equal(r('Omar Khalil, a Syrian rebel commander', '2016-01-01')?.country, 'SYR');
});

test('modifiers: former is ELI, opposition is OPP; relational heads drop the country', () => {
  assert.equal(r('former Iranian President Mahmoud Ahmadinejad', '2012-01-01')?.sector, 'ELI');
  // a body keeps its own sector under "opposition" (PLOVER agents: PTYOPP, LEG); officials and people do not
  assert.equal(r('Russian opposition lawmakers')?.sector, 'LEG');
  assert.equal(r('opposition activists')?.sector, 'OPP');
  assert.equal(r('opposition leader')?.sector, 'OPP');
  assert.equal(r("Iran's regional adversaries")?.country, null);
  assert.equal(r('the Saudi-led coalition')?.country, 'SAU');
});

test('initials and suffixes do not hide a name', () => {
  assert.equal(r('George W Bush', '2005-01-01')?.actorId, 'person.george-w-bush');
  assert.equal(r('Joseph R. Biden Jr.', '2022-01-01')?.actorId, 'person.joe-biden');
  assert.equal(r('the U.S.')?.country, 'USA');
});

test('a user file adds people and a learned layer answers for names the base lacks', () => {
  const learned = new MemoryLearnedActors();
  learned.learn('Ahmad Karimi', 'deputy oil minister', 'IRN', 'GOV', '2019-03-04', 'Ahmad Karimi, Iran\'s deputy oil minister');
  const mine = new ActorBase([...SHIPPED_ACTOR_FILES, { version: '1', outlets: [{ id: 'outlet.valley-courier', name: 'Valley Courier', country: 'NZL' }] }], learned);
  assert.deepEqual([mine.resolve('the Valley Courier')?.type, mine.resolve('the Valley Courier')?.country], ['MEDIA', 'NZL']);
  assert.equal(mine.resolve('Ahmad Karimi', { date: '2019-06-01' })?.country, 'IRN');
  assert.equal(mine.resolve('Ahmad Karimi', { date: '2019-06-01' })?.rule, 'learned.person');
  assert.equal(mine.resolve('Ahmad Karimi', { date: '2018-06-01' })?.country ?? null, null);
});

test('a remembered resolution is given again only when nothing it read can differ: the day, the context, what was learned', () => {
  // the same questions, in an order that asks each again under other conditions, to a base that
  // remembers its answers and to a fresh base for each question
  const questions: [string, string | null, string?][] = [
    ['Iranian officials', '2019-01-01'], ['Iranian officials', '2023-01-01'], ['Iranian officials', null],
    ['Mike Pompeo', '2019-01-01'], ['Mike Pompeo', '2023-01-01'], ['Mike Pompeo', null],
    ['the Russian president', '2023-06-01'], ['the Russian president', '2010-06-01'], ['the Russian president', null],
    ['Trump', '2021-06-01'], ['Trump', '2024-03-01'], ['Trump', '2016-01-01'],
    ['Georgia', '2020-11-01', 'Voters in Atlanta waited for hours as Georgia counted ballots.'],
    ['Georgia', '2020-11-01', 'Tbilisi said Georgia would ask Moscow to withdraw from South Ossetia.'],
    ['Georgia', '2020-11-01'],
  ];
  const warm = new ActorBase(SHIPPED_ACTOR_FILES);
  for (const [text, date, context] of questions) {
    const options = { date, ...(context ? { context } : {}) };
    assert.deepEqual(warm.resolve(text, options), new ActorBase(SHIPPED_ACTOR_FILES).resolve(text, options), `${text} ${date} ${context ?? ''}`);
  }
  // a name the corpus teaches between two questions
  const learned = new MemoryLearnedActors();
  const base = new ActorBase(SHIPPED_ACTOR_FILES, learned);
  assert.equal(base.resolve('Leyla Hamidi', { date: '2019-06-01' })?.rule, 'person.unknown');
  learned.learn('Leyla Hamidi', 'deputy health minister', 'IRN', 'GOV', '2019-03-04', 'Leyla Hamidi, Iran\'s deputy health minister');
  assert.equal(base.resolve('Leyla Hamidi', { date: '2019-06-01' })?.rule, 'learned.person');
});
