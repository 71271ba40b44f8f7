import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attributions, byCue } from './helpers.js';

// Speakers a source stands for by coreference (speakers.ts); sentences written for these tests.

test('pronouns: a person the actor base does not know, of the pronoun\'s gender, over the subject before', () => {
  const he = byCue(attributions('Maria Ortiz met Tom Blake in Dayton. He wrote on Twitter that the talks had gone well.'), 'wrote');
  assert.equal(he.speaker, 'Tom Blake');
  const she = byCue(attributions('Maria Ortiz met Tom Blake in Dayton. She wrote on Twitter that the talks had gone well.'), 'wrote');
  assert.equal(she.speaker, 'Maria Ortiz');
  // subject continuity still holds when the pronoun fits the subject
  const subject = byCue(attributions('Senator Maria Ortiz toured the plant with Governor Tom Blake on Monday. She wrote on Twitter that the workers deserved better pay.'), 'wrote');
  assert.equal(subject.speaker, 'Maria Ortiz');
});

test('descriptions: "the official" is the official an indefinite description introduced, kept unnamed', () => {
  const list = attributions('A senior administration official said the sanctions would stay. The official said talks could resume next month.');
  assert.equal(list.find((a) => a.source === 'The official')?.speaker, 'A senior administration official');
  // none introduced: as written
  const alone = attributions('The official said talks could resume next month.');
  assert.equal(alone[0]?.speaker, 'The official');
});

test('bodies: "the company" is the business named before; "a statement from his office" is the office', () => {
  const company = attributions('Boeing said on Monday it would cut jobs. The company said the cuts would fall mostly on its commercial unit.');
  assert.equal(company.find((a) => a.source === 'The company')?.speaker, 'BOEING');
  const office = byCue(attributions('The minister said the plan would cost $3 billion, according to a statement from his office.'), 'according to');
  assert.equal(office.speaker, 'his office');
});

test('"they": the group that spoke just before, not a person', () => {
  const group = attributions('Iranian officials said on Monday the talks had stalled. They said a new round was not planned.');
  assert.equal(group.find((a) => a.source === 'They')?.speaker, 'Iranian officials');
  const person = attributions('Tom Baker said the plan had failed. They said it would cost more.');
  assert.equal(person.find((a) => a.source === 'They')?.speaker, 'They');
});

test('an aide is the aide, and a headline\'s "Iran\'s Zarif" is Zarif', () => {
  assert.equal(byCue(attributions('Abutalebi, an aide to Rohani, said the deal was dead.'), 'said').speaker, 'Abutalebi');
  assert.match(byCue(attributions('Iran’s Zarif Says Talks With Europe Are Over\n\nTehran said on Monday that talks had ended.'), 'Says').speaker ?? '', /Zarif/);
});
