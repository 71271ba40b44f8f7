import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attributions, byCue } from './helpers.js';

// Short articles written for these tests in the style of news copy; none is taken from a real outlet.

test('a quotation before a title and a name is the content, not the words after the cue', () => {
  for (const title of ['Mr.', 'Sen.', 'Gov.', 'Dr.']) {
    const text = `"The budget will pass before the recess," ${title} Alvarez said on Monday at a breakfast with donors in Boston, where the mayor also spoke.`;
    const a = byCue(attributions(text), 'said');
    assert.equal(a.content, '"The budget will pass before the recess,"', title);
    assert.equal(a.source, `${title} Alvarez`);
  }
  const initial = byCue(attributions('"We will not wait," Charles B. Fenwick said on Friday in Albany.'), 'said');
  assert.equal(initial.content, '"We will not wait,"');
});

test('"..., X said, adding that ...": the quotation is the first cue\'s, the clause after "adding" the second\'s', () => {
  const list = attributions('"We do not see a link to terrorism," the mayor said, adding that it would take "several more hours" before details emerge.');
  assert.equal(byCue(list, 'said').content, '"We do not see a link to terrorism,"');
  const added = byCue(list, 'adding');
  assert.equal(added.content, 'that it would take "several more hours" before details emerge');
  assert.equal(added.source, 'the mayor');
});

test('a quoted title after a cue is not the words spoken when a clause follows it', () => {
  const list = attributions('Ramos told NBC\'s "Meet the Press" that nobody would question the result.');
  const a = byCue(list, 'told');
  assert.match(a.content, /nobody would question the result$/);
  assert.ok(!list.some((x) => x.content === 'Meet the Press'), JSON.stringify(list));
});

test('a quotation split by a long source keeps the longer quoted part as its content', () => {
  const text = '"The levees held better than anyone expected," said Joan Whitfield, a professor of civil engineering at the state university who studies flood defenses, "and the pumps did the rest."';
  const a = byCue(attributions(text), 'said');
  assert.equal(a.content, '"The levees held better than anyone expected,"');
  const short = byCue(attributions('"Sanctions," he said, "are the opposite of dialogue."'), 'said');
  assert.equal(short.content, '"Sanctions," he said, "are the opposite of dialogue."');
});

test('"according to" takes its source up to the comma, whatever the tagger made of it', () => {
  const before = byCue(attributions('According to exit polls, the incumbent led by ten points among older voters.'), 'According to');
  assert.equal(before.source, 'exit polls');
  assert.equal(before.content, 'the incumbent led by ten points among older voters');
  const after = byCue(attributions('The host repeatedly mocked his guests on the air, according to show insiders.'), 'according to');
  assert.equal(after.source, 'show insiders');
  assert.equal(after.content, 'The host repeatedly mocked his guests on the air');
});

test('a subject with a description between commas is the source of the clause after the cue', () => {
  const a = byCue(attributions('But Megan Hale, senior associate for education organizing at the Institute for School Reform, said parents still want neighborhood schools.'), 'said');
  assert.equal(a.content, 'parents still want neighborhood schools');
  assert.match(a.source ?? '', /Megan Hale, senior associate for education organizing at the Institute for School Reform,$/);
});

test('a quotation goes on in the next sentence after a cue with a long tail of time and place', () => {
  const text = '"This is a long fight and we must lead it, and our plan has three parts," Lopez said on Thursday during a speech at the Council on Foreign Relations in New York City. "First, cut their funding. Second, protect our allies."';
  const a = byCue(attributions(text), 'said');
  assert.deepEqual(a.parts, ['"This is a long fight and we must lead it, and our plan has three parts,"', '"First, cut their funding. Second, protect our allies."']);
  // the long source and tail between the parts are not quoted words: the content is the main part
  assert.equal(a.content, '"This is a long fight and we must lead it, and our plan has three parts,"');
});
