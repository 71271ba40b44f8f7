import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alignTokens } from './align.js';
import { paragraphRanges } from './paragraphs.js';

test('paragraphs split at blank lines, and at every line when there are none', () => {
  const blank = 'Headline here\n\nFirst paragraph,\nwrapped onto two lines.\n\n  Second one.  \n';
  assert.deepEqual(paragraphRanges(blank).map((r) => blank.slice(r.start, r.end)),
    ['Headline here', 'First paragraph,\nwrapped onto two lines.', 'Second one.']);
  const lines = 'Headline\nFirst paragraph.\r\nSecond paragraph.';
  assert.deepEqual(paragraphRanges(lines).map((r) => lines.slice(r.start, r.end)), ['Headline', 'First paragraph.', 'Second paragraph.']);
  assert.deepEqual(paragraphRanges('  \n \n'), []);
});

test('token values are found in the text; rewritten tokens take the gap', () => {
  const text = 'He didn’t go.';
  const offsets = alignTokens(text, ['He', 'did', 'n’t', 'go', '.']);
  assert.deepEqual([...offsets], [0, 2, 3, 6, 6, 9, 10, 12, 12, 13]);
  const rewritten = alignTokens('Say "hi" now', ['Say', '``', 'hi', "''", 'now']);
  assert.deepEqual([...rewritten], [0, 3, 4, 5, 5, 7, 7, 8, 9, 12], 'rewritten quote marks cover the marks, and "hi" is still found');
});
