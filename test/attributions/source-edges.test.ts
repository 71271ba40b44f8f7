import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sourceEdges } from '../../src/stages/attributions/source-edges.js';
import { attributions, byCue } from './helpers.js';

// The edges of a source as PolNeAR draws them (source-edges.ts SOURCE_EDGES); sentences written for these tests.

const edged = (source: string) => {
  const r = sourceEdges(source, { start: 0, end: source.length });
  return { text: source.slice(r.source.start, r.source.end), rules: r.rules };
};

test('source.edge.comma: a comma that closes no pair goes, one that closes an appositive stays', () => {
  assert.deepEqual(edged('Okafor,'), { text: 'Okafor', rules: ['source.edge.comma'] });
  assert.deepEqual(edged('Ruth Okafor, a nurse in Leeds,'), { text: 'Ruth Okafor, a nurse in Leeds,', rules: [] });
  const a = byCue(attributions('“The ward is full,” said Okafor, speaking of the night shift.'), 'said');
  assert.equal(a.source, 'Okafor');
});

test('source.edge.stop and whitespace: a full stop after a word goes, not after an abbreviation', () => {
  assert.equal(edged(' Dana Whitcombe. ').text, 'Dana Whitcombe');
  assert.equal(edged('Harold T. Pike Jr.').text, 'Harold T. Pike Jr.');
});

test('source.edge.statement: "in a statement" and "issued a statement" are no part of the source', () => {
  assert.equal(edged('Rep. Ann Lee in a statement').text, 'Rep. Ann Lee');
  assert.equal(edged('The Harbor Council issued a joint statement on Friday').text, 'The Harbor Council');
  const a = byCue(attributions('“We will not yield,” said Rep. Ann Lee in a statement.'), 'said');
  assert.equal(a.source, 'Rep. Ann Lee');
});

test('source.edge.time: a time after a name goes; after a poll or a clause it stays', () => {
  assert.equal(edged('Ann Lee at the time').text, 'Ann Lee');
  assert.equal(edged('Brightwater Bank just this month').text, 'Brightwater Bank');
  assert.equal(edged('a Lakeside College poll released last week').text, 'a Lakeside College poll released last week');
  assert.equal(edged('Tom Baker, a farmer who spoke on Tuesday').text, 'Tom Baker, a farmer who spoke on Tuesday');
});

test('source.edge.dateline and source.edge.relative: the dateline and the relative word are not the source', () => {
  assert.equal(edged('LISBON -- Fishing unions').text, 'Fishing unions');
  assert.equal(edged('which local radio').text, 'local radio');
  assert.equal(edged('that Mayor Ann Lee').text, 'Mayor Ann Lee');
  // a demonstrative is part of the phrase
  assert.equal(edged('that cautious approach').text, 'that cautious approach');
});

test('source.passive-target: the subject of a passive cue is its target, not its source', () => {
  const accused = attributions('The senator has been criticized for saying the war was lost.');
  assert.equal(accused[0]?.source, null);
  assert.equal(accused[0]?.speaker, null);
  // the subject's own state is its own: "is convinced" keeps its source
  assert.equal(byCue(attributions('Ann Lee is convinced that the vote was rigged.'), 'is convinced').speaker, 'Ann Lee');
  // a second verb of the same subject still shares it
  assert.equal(byCue(attributions('Tom Baker was asked about the deal and said it was fine.'), 'said').speaker, 'Tom Baker');
});

test('source.raising: "seemed to", "appears to" report an impression, the writer\'s', () => {
  const seemed = attributions('The farmers seemed to think the tariffs would pass.');
  assert.ok(seemed.every((a) => a.source === null), JSON.stringify(seemed));
});
