import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attributions, byCue } from './helpers.js';

// Short articles written for these tests in the style of news copy; none is taken from a real outlet.

test('a quotation that ended the sentence before is not the content of the next cue', () => {
  const list = attributions('The mayor said "the question is the timing." Gov. Ellen Marsh said it would be "improper" to comment while the inquiry goes on.');
  const a = list.find((x) => x.source === 'Gov. Ellen Marsh');
  assert.ok(a, JSON.stringify(list));
  assert.match(a.content, /^it would be "improper" to comment/);
});

test('a quotation inside the clause after the cue is part of indirect speech, not the whole content', () => {
  const a = byCue(attributions('Harlan said he won "every single debate" in which he took part.'), 'said');
  assert.equal(a.content, 'he won "every single debate" in which he took part');
});

test('a quoted title in a phrase before the subject is not the cue\'s content', () => {
  const list = attributions('On the broadcast of "Sunday Roundtable," Gov. Ellen Marsh said her party would win the seat.');
  const a = byCue(list, 'said');
  assert.equal(a.content, 'her party would win the seat');
  assert.ok(!list.some((x) => x.content.includes('Sunday Roundtable')), JSON.stringify(list));
});

test('a split quotation may have an abbreviation between its parts', () => {
  const a = byCue(attributions('"The count will be fair," Harlan said at a rally in Durham, N.C., "but many people will be watching it closely."'), 'said');
  assert.equal(a.rule, 'cue.say.split-quote');
  assert.deepEqual(a.parts, ['"The count will be fair,"', '"but many people will be watching it closely."']);
});

test('a clause that leads into a quotation belongs to the reported words', () => {
  const a = byCue(attributions('Dalton "signed an immunity agreement," Jordan said on Tuesday.'), 'said');
  assert.equal(a.content, 'Dalton "signed an immunity agreement,"');
  assert.equal(a.kind, 'mixed');
});

test('two-apostrophe quotations carry on into the next sentence like curly ones', () => {
  const a = byCue(attributions("''This is not reform,'' said Paul Rennick, a tax lawyer in Ohio. ''It adds even more rules.''"), 'said');
  assert.equal(a.parts?.length, 2, JSON.stringify(a));
});

test('"X, who said ...": the source is "who" as written and the speaker is X', () => {
  const a = byCue(attributions('The plan was backed by Marcia Okafor, the city treasurer, who said that the budget would balance by June.'), 'said');
  assert.equal(a.source, 'who');
  assert.equal(a.speaker, 'Marcia Okafor');
});

test('an inverted source runs through its relative clause', () => {
  const a = byCue(attributions('"It is a tax increase," said Dana Ruiz, an economist who ran the budget office and now teaches in Ohio.'), 'said');
  assert.equal(a.source, 'Dana Ruiz, an economist who ran the budget office and now teaches in Ohio');
  assert.equal(a.speaker, 'Dana Ruiz');
});

test('a hyphenated name is one source', () => {
  assert.equal(byCue(attributions('Prime Minister Lee Seung-ho said the talks would resume.'), 'said').source, 'Prime Minister Lee Seung-ho');
  assert.equal(byCue(attributions('"It is over," said Maria Ortiz-Blanco, an economist.'), 'said').source, 'Maria Ortiz-Blanco, an economist');
});

test('a participle with a quotation after it takes the subject of its clause', () => {
  assert.equal(byCue(attributions('Harlan wrote to the board on Monday, saying: "The count will be fair."'), 'saying:').source, 'Harlan');
});

test('a subject with a phrase hung on it is taken whole when it starts its clause', () => {
  assert.equal(byCue(attributions('Developers and supporters in Congress say the program creates jobs.'), 'say').source, 'Developers and supporters in Congress');
  assert.equal(byCue(attributions('The spokesman for the ministry said the talks would resume.'), 'said').source, 'The spokesman for the ministry');
});

test('reader quotations credited with a dash: nested curly marks, and a paragraph opened with a closing mark', () => {
  const text = 'Readers wrote in.\n\n”I am afraid for this country, for my children and for their schools.” ― Sonya Hale\n\n“I would rather live in what he calls “hell” than in his world.” ― Ana Roda';
  const list = attributions(text);
  assert.equal(list.find((a) => a.source === 'Sonya Hale')?.content, '”I am afraid for this country, for my children and for their schools.”');
  assert.equal(list.find((a) => a.source === 'Ana Roda')?.content, '“I would rather live in what he calls “hell” than in his world.”');
});

test('"called X a Y": what is named and what it is called are the content; "what some called" and "called for" are not naming', () => {
  assert.equal(byCue(attributions('At the forum, Alvarez called her vote on the war a mistake, but she noted that others agreed.'), 'called').content, 'her vote on the war a mistake');
  assert.equal(byCue(attributions('Pepper called the ruling a "huge win for voters."'), 'called').content, 'the ruling a "huge win for voters."');
  const what = attributions('The pact would create what some called an "Asian shield" against the north.');
  assert.ok(!what.some((a) => a.content.startsWith('an ')), JSON.stringify(what));
  assert.match(byCue(attributions('The senator called for an inquiry into the sale.'), 'called for').content, /inquiry into the sale/);
});

test('a plain verb after a plural subject is a cue even when the tagger reads it as a noun ("polls show")', () => {
  assert.equal(byCue(attributions('Polls show that most voters favor the plan.'), 'show').content, 'that most voters favor the plan');
  assert.equal(byCue(attributions('More than half of the money arrived in March alone, new fundraising reports show.'), 'show').content, 'More than half of the money arrived in March alone');
});

test('"In a poll, ...": the poll is the source of the clause after the comma', () => {
  const a = byCue(attributions('In a Channel 4 poll last week, Ms. Ortiz had a six-point lead over her rival.'), 'In');
  assert.equal(a.source, 'a Channel 4 poll last week');
  assert.equal(a.content, 'Ms. Ortiz had a six-point lead over her rival');
  assert.ok(!attributions('In March, Ms. Ortiz had a six-point lead over her rival.').some((x) => x.cue === 'In'));
});

test('a quoted title before a cue is not its content, nor is a quotation before "X said, adding that ..."', () => {
  const list = attributions('At the end of her song "A Change Is Gonna Come," she added the words "Vote Tuesday."');
  assert.ok(!list.some((a) => a.content.startsWith('A Change')), JSON.stringify(list));
  const adding = byCue(attributions('"The mine was a success," the report said, adding that its value quadrupled in a year.'), 'adding');
  assert.equal(adding.content, 'that its value quadrupled in a year');
});

test('a clause leads into a quotation in two apostrophes too', () => {
  const a = byCue(attributions("However good the goal, using the tax code ''is a misguided approach,'' said Mr. Kamin."), 'said');
  assert.match(a.content, /^However good the goal, using the tax code ''is a misguided approach/);
});

test('"..., said X, a description ...": the description belongs to the source and the words before are the content', () => {
  const a = byCue(attributions('The first television ad could run this week, said Brian Okoro, a longtime adviser to the family who oversees the campaign.'), 'said');
  assert.equal(a.content, 'The first television ad could run this week');
  assert.equal(a.source, 'Brian Okoro, a longtime adviser to the family who oversees the campaign');
  assert.equal(a.speaker, 'Brian Okoro');
});

test('a headline colon after a name quotes that person; a section label before a colon is no speaker', () => {
  const list = attributions('A lesson from Loretta Lynch: Be the voice that people hear\n\nThe Latest: Vance taxes not filed in Ohio\n\nCorrection: An earlier version of this story gave the wrong date.');
  assert.deepEqual(list.filter((a) => a.rule === 'cue.headline-colon').map((a) => [a.source, a.content]), [['Loretta Lynch', 'Be the voice that people hear']]);
});

test('a belief in the passive with no holder ("is expected to") reports the subject and the infinitive together', () => {
  const a = byCue(attributions('About one voter in nine this fall is expected to be under 25.'), 'expected');
  assert.equal(a.content, 'About one voter in nine this fall is expected to be under 25');
  assert.equal(a.source, null);
});

test('"said as much": the pro-form is the whole content', () => {
  assert.equal(byCue(attributions('The campaign manager said as much in an interview on Thursday morning.'), 'said').content, 'as much');
});

test('a participle right after a scare quotation reports the clause after it, with the clause\'s subject as source', () => {
  const a = byCue(attributions('Iran on Tuesday rejected an offer to meet "without preconditions," saying Washington must first return to the deal.'), 'saying');
  assert.equal(a.content, 'Washington must first return to the deal');
  assert.equal(a.source, 'Iran');
});
