import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wordDiff } from '../../src/web/client/diff.js';
import { ftsQuery } from '../../src/web/client/list-views.js';

test('word differences: what an outlet changed, added and left out', () => {
  assert.deepEqual(wordDiff('We will not negotiate under pressure', 'We will never negotiate under pressure'), [
    { op: 'same', text: 'We will' }, { op: 'removed', text: 'not' }, { op: 'added', text: 'never' },
    { op: 'same', text: 'negotiate under pressure' },
  ]);
  // case and punctuation do not count as changes
  assert.deepEqual(wordDiff('the talks, he said', 'The talks he said.'), [{ op: 'same', text: 'The talks he said.' }]);
  assert.deepEqual(wordDiff('', 'new words'), [{ op: 'added', text: 'new words' }]);
  assert.deepEqual(wordDiff('old words', ''), [{ op: 'removed', text: 'old words' }]);
});

test('the search box quotes plain words and passes query syntax through', () => {
  assert.equal(ftsQuery("Iran's envoy"), '"Iran\'s" "envoy"');
  assert.equal(ftsQuery('  ceasefire   monitors '), '"ceasefire" "monitors"');
  assert.equal(ftsQuery('"nuclear talks" OR Muscat'), '"nuclear talks" OR Muscat');
  assert.equal(ftsQuery('sanction*'), 'sanction*');
});
