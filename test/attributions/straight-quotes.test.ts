import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Range } from '../../src/core/span.js';
import { findQuotes } from '../../src/stages/attributions/quotes.js';
import { attributions, byCue } from './helpers.js';

// Sentences written for these tests in the style of headlines and wire copy.

const quoted = (text: string, paragraphs: readonly Range[] = [{ start: 0, end: text.length }]) => findQuotes(text, paragraphs).map((q) => text.slice(q.start, q.end));

test('straight single quotes quote where they open a word and close one', () => {
  assert.deepEqual(quoted("Storms bring 'fury,' forecaster tells coast"), ['fury,']);
  assert.deepEqual(quoted("Oslo's mayor called the plan 'over for now' on Monday."), ['over for now']);
  assert.deepEqual(quoted("He said 'we don't know' and left."), ["we don't know"]);
});

test('apostrophes are not quotation marks: possessives, contractions, elisions, or a mark never closed', () => {
  assert.deepEqual(quoted("The band's '90s hits and rock 'n' roll were 'a mistake,' he said."), ['a mistake,']);
  assert.deepEqual(quoted("The players' union said it didn't know."), []);
  assert.deepEqual(quoted("Rock 'n roll is back, and the fans love 'em."), []);
  // a mark left open in its paragraph does not run into the next
  const text = "She said 'maybe.\n\nThe vote is on Friday.'";
  assert.deepEqual(quoted(text, [{ start: 0, end: 16 }, { start: 18, end: text.length }]), []);
});

test('a headline quoting in straight single quotes is direct speech', () => {
  const a = byCue(attributions("'We will not back down,' the minister said on Monday."), 'said');
  assert.equal(a.content, "'We will not back down,'");
  assert.equal(a.kind, 'direct');
  assert.equal(a.source, 'the minister');
});
