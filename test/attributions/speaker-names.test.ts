import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attributions, bare, byCue } from './helpers.js';

// Short articles written for these tests; the names are of public figures, the sentences are not quoted from anywhere.

test('an honorific of the other gender does not expand a surname to a full name ("Mrs. Clinton" is not Bill Clinton)', () => {
  const both = 'Hillary Clinton and Bill Clinton spoke at the rally on Monday. Mrs. Clinton said the plan would fail.';
  assert.equal(byCue(attributions(both), 'said').speaker, 'Hillary Clinton');
  assert.equal(byCue(attributions(both.replace('Mrs.', 'Mr.')), 'said').speaker, 'Bill Clinton');
  // no fitting full name: the surname, not the other person's name
  const one = 'Former President Bill Clinton spoke at the rally on Monday. Mrs. Clinton said the plan would fail.';
  assert.equal(byCue(attributions(one), 'said').speaker, 'Clinton');
  assert.equal(byCue(attributions(one, bare), 'said').speaker, 'Clinton');
});

test('a name with a given name expands only to a fuller name that keeps it', () => {
  const text = 'William Jefferson Clinton spoke at the rally on Monday. Hillary Clinton said the plan would fail.';
  assert.equal(byCue(attributions(text, bare), 'said').speaker, 'Hillary Clinton');
  const same = 'Hillary Rodham Clinton spoke at the rally on Monday. Hillary Clinton said the plan would fail.';
  assert.equal(byCue(attributions(same, bare), 'said').speaker, 'Hillary Rodham Clinton');
});

test('a gendered pronoun stands for the nearest person whose given name does not tell the other gender', () => {
  const text = 'Nancy Pelosi met John Boehner at the Capitol on Monday. "The bill will pass," she said.';
  assert.equal(byCue(attributions(text), 'said').speaker, 'Nancy Pelosi');
  assert.equal(byCue(attributions(text, bare), 'said').speaker, 'Nancy Pelosi');
  assert.equal(byCue(attributions(text.replace('she', 'he')), 'said').speaker, 'John Boehner');
  const office = byCue(attributions('Nancy Pelosi met John Boehner at the Capitol on Monday. Her office said the bill would pass.'), 'said');
  assert.equal(office.speaker, "Nancy Pelosi's office");
});

test('the public given-name lists tell a pronoun which person it cannot be (given-names.moby.json)', () => {
  const text = 'Senator Mark Ellison spoke in Ohio on Monday. Phyllis Garrow, a local organizer, introduced him. "We will win this state," he said.';
  assert.equal(byCue(attributions(text), 'said').speaker, 'Mark Ellison');
});
