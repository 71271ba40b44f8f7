import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BOILERPLATE_RULES } from '../../src/store/boilerplate.js';
import { MINHASH_SIZE, boilerplateRule, contentHash, minhash, signatureFromBuffer, signatureToBuffer, similarity } from '../../src/store/fingerprint.js';
import { dice, wordChanges } from '../../src/store/merge/quotes.js';
import { contextNames, matchScore, reportKey, triggerStems } from '../../src/store/merge/happenings.js';
import { party } from '../../src/store/merge/parties.js';
import { actor, article, resultFor, type EventSpec } from './results.js';

const STORY = `The city council voted on Wednesday to close the old coal plant by the end of next year, ending a decade of disputes over air quality in the valley.

Mayor Ana Lindqvist said the decision would cost about 300 jobs but that the plant's owners had agreed to retrain workers for the new solar farm planned on the same site.

Residents who had campaigned for the closure gathered outside city hall after the vote, while union representatives said they would study the retraining offer before deciding whether to challenge it.`;

test('boilerplate rules have unique ids and match what outlets add, not article sentences', () => {
  assert.equal(new Set(BOILERPLATE_RULES.map((r) => r.id)).size, BOILERPLATE_RULES.length);
  assert.equal(boilerplateRule('Share this article'), 'boilerplate.share');
  assert.equal(boilerplateRule('Sign up for our daily newsletter'), 'boilerplate.subscribe');
  assert.equal(boilerplateRule('© 2026 Valley Media Group. All rights reserved.'), 'boilerplate.copyright');
  assert.equal(boilerplateRule('Reporting by Ana Berg; Editing by Tom Lee'), 'boilerplate.credit');
  assert.equal(boilerplateRule('Residents who had campaigned for the closure gathered outside city hall.'), null);
  // a long paragraph that happens to mention a newsletter is content
  assert.equal(boilerplateRule(`The ministry said in its newsletter that ${'prices rose sharply across the region. '.repeat(8)}`), null);
});

test('the content hash ignores case, punctuation, spacing and boilerplate, and sees a changed word', () => {
  const h = contentHash(STORY);
  assert.equal(contentHash(STORY.toUpperCase().replace(/\n\n/g, '\n\n\n')), h);
  assert.equal(contentHash(`Advertisement\n\n${STORY}\n\nFollow us on Twitter`), h);
  assert.notEqual(contentHash(STORY.replace('300 jobs', '400 jobs')), h);
});

test('MinHash finds the same story with an added note, not a different story, and skips short texts', () => {
  const sig = minhash(STORY)!;
  assert.ok(similarity(sig, minhash(`${STORY}\n\nThis story has been updated with comments from the union.`)!) >= 0.8);
  const other = minhash(STORY.split(' ').reverse().join(' '))!;
  assert.ok(similarity(sig, other) < 0.2);
  assert.equal(minhash('Too short to fingerprint reliably.'), null);
});

test('a stored signature keeps 16 bits of each minimum and gives the similarity of the whole minima; one stored whole still reads', () => {
  const sig = minhash(STORY)!;
  const near = minhash(`${STORY}\n\nThis story has been updated with comments from the union.`)!;
  const other = minhash(STORY.split(' ').reverse().join(' '))!;
  assert.equal(signatureToBuffer(sig).byteLength, MINHASH_SIZE * 2);
  for (const text of [sig, near, other]) {
    const whole = sig.filter((h, k) => h === text[k]).length / MINHASH_SIZE;
    assert.equal(similarity(text, signatureFromBuffer(signatureToBuffer(sig))), whole);
    // before migration 13 a signature was stored with its 32-bit minima
    assert.equal(similarity(text, signatureFromBuffer(Buffer.from(sig.buffer.slice(0)))), whole);
  }
});

test('quote fidelity: word changes and the share of words kept', () => {
  assert.deepEqual(wordChanges('We will never give up', 'We will never give up'), { changes: [], fidelity: 1 });
  const v = wordChanges('We will never give up our rights', 'We shall never give up');
  assert.deepEqual(v.changes, [{ op: 'replace', from: 'will', to: 'shall' }, { op: 'delete', from: 'our rights', to: '' }]);
  assert.equal(v.fidelity, 0.571);
  assert.ok(dice(['a', 'b', 'c'], ['a', 'b', 'd']) > 0.6);
});

test('happening matching: modality group, day window, recaps, shared parties and wording', () => {
  const a = article('x', 'Iran rejected the offer.', { published: '2026-01-10' });
  const ev = (spec: EventSpec, text = a.text) => resultFor({ ...a, text }, [spec]).events[0]!;
  const base = { type: 'REJECT', trigger: 'rejected', actor: [actor('Iran', 'IRN', 'GOV')], recipient: [actor('US', 'USA', null)] };
  const key = (r: ReturnType<typeof reportKey>) => ({
    type: r.type, quadClass: r.quadClass, modality: r.modality, dateMin: r.date, dateMax: r.date, actorKeys: r.actorKeys, recipientKeys: r.recipientKeys,
    recipientCountries: r.recipientCountries, stems: new Set(r.stems), cameo: r.cameo, context: new Set(r.context),
  });
  const h = key(reportKey(ev(base), '2026-01-10'));
  assert.equal(matchScore(reportKey(ev(base), '2026-01-12'), h)?.rule, 'merge.happening.trigger-stem');
  assert.equal(matchScore(reportKey(ev(base), '2026-01-13'), h), null, 'three days apart');
  assert.equal(matchScore(reportKey(ev({ ...base, modality: 'negated' }), '2026-01-10'), h), null, 'a denial is not the act');
  assert.ok(matchScore(reportKey(ev({ ...base, modality: 'future' }), '2026-01-11'), h), 'other modality words for the act');
  assert.equal(matchScore(reportKey(ev({ ...base, actor: [actor('Iraq', 'IRQ', 'GOV')] }), '2026-01-10'), h), null);
  assert.equal(matchScore(reportKey(ev({ ...base, trigger: 'offer' }), '2026-01-10'), h)?.rule, 'merge.happening.dyad-quad', 'other words, the same dyad and day');
  assert.equal(matchScore(reportKey(ev({ ...base, trigger: 'offer' }), '2026-01-12'), h), null, 'other words two days apart');
  assert.equal(matchScore(reportKey(ev({ ...base, type: 'THREATEN', trigger: 'offer' }), '2026-01-10'), h), null, 'another type of the same quad class');
  assert.equal(matchScore(reportKey(ev(base), null), h), null, 'no date');
  // a recap: a week later, in words that say it recalls
  const recap = 'A week after Iran rejected the offer, no talks are planned.';
  assert.equal(matchScore(reportKey(ev(base, recap), '2026-01-17'), h)?.rule, 'merge.happening.recap');
  assert.equal(matchScore(reportKey(ev({ ...base, actor: [] }, recap), '2026-01-17'), h)?.recap, true, 'a recap without its actor');
  assert.equal(matchScore(reportKey(ev(base), '2026-01-17'), h), null, 'a week later without recap words is a new act');
  assert.equal(matchScore(reportKey(ev(base, recap), '2026-03-17'), h), null, 'too long after');
  assert.deepEqual(triggerStems('has rejected'), ['rejec']);
  assert.deepEqual(triggerStems('meetings'), ['meet']);
  assert.deepEqual(contextNames('On Monday, Sen. Bernie Sanders endorsed Tim Canova in Florida.', ['Bernie Sanders']), ['tim', 'canova', 'florida']);
});

test('parties: the state by its country however named, people and other bodies by name', () => {
  const persons = new Set(['abbas araghchi']);
  assert.equal(party(actor('Tehran', 'IRN', null), persons).key, 'IRN');
  assert.equal(party(actor('the Iranian government', 'IRN', null), persons).key, 'IRN');
  assert.equal(party(actor('the United States', 'USA', null), persons).key, 'USA');
  assert.equal(party(actor('Justice Department', 'USA', 'GOV'), persons).key, 'USA');
  assert.equal(party(actor('Abbas Araghchi', 'IRN', 'GOV'), persons).key, 'person:abbas araghchi');
  assert.equal(party(actor('Houston', 'USA', null), persons).key, 'name:houston');
  assert.equal(party(actor('Democratic Party', 'USA', 'PTY'), persons).key, 'name:democratic party');
});
