import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CONTENT_CUTS } from '../../src/stages/attributions/boundaries.js';
import { withEntities } from './helpers.js';

/** The attribution whose cue is `cue`: its content as text and its evidence. */
function framed(text: string, cue: string): { content: string; evidence: string | undefined } {
  const doc = withEntities.analyzeDocument({ text, published: '2019-03-05' });
  const a = doc.layer('attribution').find((x) => x.data.cue !== null && text.slice(x.data.cue.start, x.data.cue.end) === cue);
  assert.ok(a, `no attribution with cue "${cue}"`);
  return { content: text.slice(a.data.content.start, a.data.content.end), evidence: a.provenance.evidence };
}

test('a content outside quotation marks ends before a non-restrictive relative clause', () => {
  const a = framed('The mayor said the city would build three new bridges over the river, which will probably cost more than planned.', 'said');
  assert.equal(a.content, 'the city would build three new bridges over the river');
  assert.match(a.evidence ?? '', /content\.cut\.relative/);
});

test('a content ends before a participle adjunct, not before a participle of saying', () => {
  const a = framed('The minister said the government would raise the tax on imported cars next year, drawing sharp criticism from dealers.', 'said');
  assert.equal(a.content, 'the government would raise the tax on imported cars next year');
  assert.match(a.evidence ?? '', /content\.cut\.participle/);
  // (", stating that ..." is an attribution of its own in the frame rules: the cut's test alone)
  const participle = CONTENT_CUTS.find((c) => c.id === 'content.cut.participle')!;
  const tok = (value: string) => ({ start: 0, end: value.length, value, low: value, pos: 'VERB', word: true });
  assert.equal(participle.opens(tok('drawing'), false), true);
  assert.equal(participle.opens(tok('stating'), true), false);
});

test('a content ends before a lone dash, not at a pair of dashes around an aside', () => {
  const a = framed('The governor said the state would hire two thousand new teachers by the autumn — a promise her rivals call empty.', 'said');
  assert.equal(a.content, 'the state would hire two thousand new teachers by the autumn');
  assert.match(a.evidence ?? '', /content\.cut\.dash/);
  const b = framed('The mayor said the new bridge over the harbour -- the third in a decade -- would open next spring.', 'said');
  assert.match(b.content, /would open next spring$/);
});

test('quoted words and short heads are not cut', () => {
  const a = framed('“We will build three new bridges over the river, which will cost a great deal,” the mayor said.', 'said');
  assert.match(a.content, /which will cost a great deal/);
  const b = framed('The coach said that Mr. Lomas, who joined in May, had been dropped.', 'said');
  assert.match(b.content, /had been dropped$/);
  assert.doesNotMatch(b.evidence ?? '', /content\.cut/);
});
