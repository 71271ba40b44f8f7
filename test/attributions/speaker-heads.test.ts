import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attributions, byCue } from './helpers.js';

// Sources that open with a name and go on past it (speakers.ts SOURCE_HEAD_ENDS); sentences written for these tests.

test('speaker.head.appositive: the name before an appositive, not a place or body the appositive names', () => {
  const place = byCue(attributions('Willa Granger, a teacher from Fresno, California, said the school would close.'), 'said');
  assert.equal(place.speaker, 'Willa Granger');
  const body = byCue(attributions('Martin Oduya, executive director of the Lakeside Housing Trust, said rents had doubled.'), 'said');
  assert.equal(body.speaker, 'Martin Oduya');
  const owner = byCue(attributions('Donald Trump held a rally. Corey Lindqvist, Trump’s former campaign manager, said the crowd was large.'), 'said');
  assert.equal(owner.speaker, 'Corey Lindqvist');
});

test('speaker.head.appositive: a list of names is no appositive', () => {
  const a = byCue(attributions('Senators Ann Ortiz, Bill Marsh and Carla Dent said the bill would fail.'), 'said');
  assert.notEqual(a.speaker, 'Ann Ortiz');
});

test('speaker.head.relative and speaker.head.label: the name before "who" or a party label', () => {
  const who = byCue(attributions('Barack Obama spoke first. Senator Ruth Calloway, who met Obama last week, said the plan was sound.'), 'said');
  assert.equal(who.speaker, 'Ruth Calloway');
  const label = byCue(attributions('Rep. Tom Hadley (R-Ohio) said the vote would be close.'), 'said');
  assert.equal(label.speaker, 'Tom Hadley');
  const labelled = byCue(attributions('Rep. Tom Hadley (R-Ohio), head of the Rural Caucus, said the vote would be close.'), 'said');
  assert.equal(labelled.speaker, 'Tom Hadley');
});

test('speaker.head.affiliation: a person "of" or "at" a body is the person; a body "of" a place is the body', () => {
  const person = byCue(attributions('Jeffrey Ward of the Brookfield Institute said the estimate was too low.'), 'said');
  assert.equal(person.speaker, 'Jeffrey Ward');
  const honorific = byCue(attributions('Mr. Ward at the Brookfield Institute said the estimate was too low.'), 'said');
  assert.notEqual(honorific.speaker, 'Brookfield Institute');
  const body = byCue(attributions('The University of Michigan said the program would continue.'), 'said');
  assert.equal(body.speaker, 'University of Michigan');
});

test('speaker.whole-name: a body named in full is the speaker, not the place or words its name ends with', () => {
  const a = byCue(attributions('The Center for Responsive Politics, a watchdog group, said spending had doubled.'), 'said');
  assert.equal(a.speaker, 'Center for Responsive Politics');
  // a title's complement is no body: the person after it speaks
  const kerry = byCue(attributions('Secretary of State John Kerry said the talks would resume.'), 'said');
  assert.equal(kerry.speaker, 'John Kerry');
});

test('a source cut after its honorific ("Mr.") is the person the name after it stands for', () => {
  const text = "Oliver K. Hedge runs a golf firm in Orlando.\n\n''Many clubs that closed should have closed,'' Mr. Hedge said.";
  assert.equal(byCue(attributions(text), 'said').speaker, 'Oliver K. Hedge');
});

test('speaker.serving: people described by whom they serve speak, not the one they serve', () => {
  const text = 'Senator Tom Baker visited the plant on Monday.\n\n';
  const spokesman = byCue(attributions(`${text}A spokesman for Tom Baker said the visit had been planned for months.`), 'said');
  assert.equal(spokesman.speaker, 'A spokesman for Tom Baker');
  const aides = byCue(attributions(`${text}Aides to Baker said the senator would return in June.`), 'said');
  assert.equal(aides.speaker, 'Aides to Baker');
  const owner = byCue(attributions(`${text}Baker’s campaign strategists said the visit had gone well.`), 'said');
  assert.equal(owner.speaker, "Tom Baker's campaign strategists");
  assert.equal(byCue(attributions(`${text}Baker’s campaign said the visit had gone well.`), 'said').speaker, "Tom Baker's campaign");
  // the description with the name of who it is: that name
  const named = byCue(attributions(`${text}A spokesman for the senator, Ali Rahimi, said the visit had gone well.`), 'said');
  assert.equal(named.speaker, 'Ali Rahimi');
  const manager = byCue(attributions(`${text}Baker’s campaign manager, Corey Lindqvist, said the visit had gone well.`), 'said');
  assert.equal(manager.speaker, 'Corey Lindqvist');
});

test('speaker.the-poll: "the poll found" is who made the poll named before', () => {
  const text = 'A new Harwell College poll released on Tuesday shows the mayor ahead. The poll found that most voters had already decided.';
  assert.equal(byCue(attributions(text), 'found').speaker, 'Harwell College');
  // no poll named before: the words as written
  assert.equal(byCue(attributions('The poll found that most voters had already decided.'), 'found').speaker, 'The poll');
});

test('a list of names speaks together, as written, whether or not each name was read as an actor', () => {
  const text = 'Donald Trump met Paul Ryan on Monday.\n\n';
  assert.equal(byCue(attributions(`${text}Trump and Ryan said the meeting had gone well.`), 'said').speaker, 'Trump and Ryan');
  assert.equal(byCue(attributions(`${text}Mr. Lott and Senator Dana Pruitt said the meeting had gone well.`), 'said').speaker, 'Mr. Lott and Senator Dana Pruitt');
  // labels in a list are no head
  assert.match(byCue(attributions('Sens. Ann Ortiz (D-Ore.) and Bill Marsh (R-Ky.) said the bill would fail.'), 'said').speaker ?? '', /Ann Ortiz \(D-Ore\.\) and Bill Marsh/);
});

test('speaker.whole-name: a body whose name holds a place is the body, with the place\'s country', () => {
  const a = byCue(attributions('Priorities USA, a political action committee, said the ads would run in May.'), 'said');
  assert.equal(a.speaker, 'Priorities USA');
});
