import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attributions } from './helpers.js';
import { findOutlets } from '../../src/stages/attributions/outlets.js';
import { frameFeatures, loadFrameFilter } from '../../src/stages/attributions/filter.js';

// Short articles written for these tests in the style of news copy; none is taken from a real outlet.

test('a cue that takes a noun phrase reports the phrase, not the adjuncts after it', () => {
  const list = attributions('The county sheriff endorsed Maria Lopez for governor last week at a rally in Dayton.');
  const a = list.find((x) => x.cue === 'endorsed');
  assert.ok(a, JSON.stringify(list));
  assert.equal(a.content, 'Maria Lopez for governor');
  assert.equal(a.source, 'The county sheriff');
});

test('a noun phrase followed by its verb is a clause: the content runs on', () => {
  const list = attributions('The ministry confirmed the talks would resume in Geneva in May.');
  const a = list.find((x) => x.cue === 'confirmed');
  assert.ok(a, JSON.stringify(list));
  assert.equal(a.content, 'the talks would resume in Geneva in May');
});

test('a second verb of the speaker ends what the first cue reports', () => {
  const list = attributions('Council member Ana Ruiz says she respects the mayor and calls him a capable manager of the city budget.');
  const a = list.find((x) => x.cue === 'says');
  assert.ok(a, JSON.stringify(list));
  assert.equal(a.content, 'she respects the mayor');
});

test('a coordinated cue with no subject of its own shares the earlier cue\'s source', () => {
  const list = attributions('The challenge is a hard sell for the governor, who decried the fuel tax long before taking office and promised that he would repeal it within a year.');
  const a = list.find((x) => x.cue === 'promised');
  assert.ok(a, JSON.stringify(list));
  assert.equal(a.content, 'that he would repeal it within a year');
  assert.ok(a.source, 'the source is the one of "decried"');
  assert.equal(a.source, list.find((x) => x.cue === 'decried')?.source);
});

test('the frame filter is trained, and rates a plain quotation far above a stray cue word', () => {
  const filter = loadFrameFilter();
  assert.ok(filter, 'model/frame-filter.json holds weights');
  const text = '“We will not sign this agreement,” the minister said on Monday. Some viewed the stadium.';
  const quote = { rule: 'cue.say.quote-before', cue: { start: text.indexOf('said'), end: text.indexOf('said') + 4 }, content: { start: 1, end: text.indexOf(',”') }, source: { start: text.indexOf('the minister'), end: text.indexOf('the minister') + 12 }, kind: 'direct' };
  const stray = { rule: 'cue.learned.viewed.content-after', cue: { start: text.indexOf('viewed'), end: text.indexOf('viewed') + 6 }, content: { start: text.indexOf('the stadium'), end: text.indexOf('the stadium') + 11 }, source: { start: text.indexOf('Some'), end: text.indexOf('Some') + 4 }, kind: 'indirect' };
  const p = filter.probability(text, quote), q = filter.probability(text, stray);
  assert.ok(p >= filter.threshold && p > 0.8, `quotation ${p}`);
  assert.ok(q < p, `stray ${q} < quotation ${p}`);
  assert.ok(frameFeatures(text, quote).includes('cue+shape=said|quote-before'));
});

test('outlet names are whole words: "Foxconn" and "APEC" are not outlets, "Fox" in "Fox Newsroom" is', () => {
  assert.deepEqual(findOutlets('Foxconn and APEC officials spoke.').map((o) => o.name), []);
  assert.deepEqual(findOutlets('He told Fox News and the AP.').map((o) => o.name), ['Fox News', 'Associated Press']);
  assert.deepEqual(findOutlets('A Fox Newsroom editor said so.').map((o) => o.name), ['Fox News']);
});

test('a following quotation credited to someone else does not continue the quote before it', () => {
  const text = '“Turnout will be high this year,” said Mayor Lena Olsen.\n\n“The polling stations open at seven and close at nine,” Kovacs notes.';
  const list = attributions(text);
  const a = list.find((x) => x.content.includes('Turnout will be high'));
  assert.ok(a, JSON.stringify(list));
  assert.ok(!a.content.includes('polling stations'), a.content);
});

test('a noun-phrase cue takes a lone name as what it reports', () => {
  const a = attributions('The county sheriff endorsed Lopez on Monday.').find((x) => x.cue === 'endorsed');
  assert.equal(a?.content, 'Lopez');
  assert.equal(a?.source, 'The county sheriff');
});
