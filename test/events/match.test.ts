import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LayerAnnotation } from '../../src/core/annotation.js';
import { Gazetteer } from '../../src/stages/events/gazetteer.js';
import { Lexicon, Present } from '../../src/stages/events/match.js';
import { ALL_TRIGGERS } from '../../src/stages/events/cameo-triggers.js';
import { TRIGGERS } from '../../src/stages/events/triggers.js';
import { analyse } from './helpers.js';

type Token = LayerAnnotation<'token'>;

/** The tokens of each sentence of a text of our own. */
function sentencesOf(text: string): Token[][] {
  const doc = analyse(text);
  const tokens = doc.layer('token');
  return doc.layer('sentence').map((s) => tokens.slice(s.data.firstToken, s.data.endToken));
}

const gazetteer = new Gazetteer();

test('the gazetteer, indexed by first word, finds what trying every length finds', () => {
  const text = 'The United States of America and the United Kingdom met in New York. South Korean and North Korean envoys '
    + 'spoke with the U.S. and Papua New Guinea officials. The European Union and Trinidad and Tobago signed. '
    + 'Officials from the Ivory Coast, Bosnia and Herzegovina and the Central African Republic said nothing.';
  let hits = 0;
  for (const tokens of sentencesOf(text)) {
    for (let i = 0; i < tokens.length; i++) {
      for (const end of [tokens.length, Math.min(tokens.length, i + 2)]) {
        let expected: { id: string; n: number } | null = null;
        for (let n = Math.min(gazetteer.longest, end - i); n >= 1 && !expected; n--) {
          const entry = gazetteer.lookup(tokens.slice(i, i + n).map((t) => t.data.normal));
          if (entry) expected = { id: entry.id, n };
        }
        const found = gazetteer.longestAt(tokens, i, end);
        assert.deepEqual(found && { id: found.entry.id, n: found.n }, expected, `at "${tokens[i]!.data.value}" up to ${end}`);
        if (found) hits++;
      }
    }
  }
  assert.ok(hits >= 10, `the text names places (${hits} found)`);
});

const lexicon = new Lexicon(ALL_TRIGGERS);

test('the longest trigger wins, a look-alike is blocked, and a lone trigger is returned as found', () => {
  const [held, released, expelled] = sentencesOf('Ecuador and Peru held long talks in Lima. Chile released a statement on Monday. '
    + 'Bolivia expelled the consul.');
  const talks = lexicon.findTriggers(held!);
  assert.deepEqual(talks.map((m) => m.entry.id), ['trigger.consult.hold-talks']);
  assert.equal(talks[0]!.tokens.length, 2);
  assert.ok(talks[0]!.shadowed?.some((e) => e.id === 'trigger.consult.talk'), 'the shorter pattern it won over is kept as evidence');
  assert.ok(!lexicon.findTriggers(released!).some((m) => m.entry.id.startsWith('trigger.retreat.release')), 'a released statement is no release');
  assert.equal(lexicon.findTriggers(expelled!).length, 1);
});

test('the dictionary\'s patterns find what the project\'s own lexicon does not', () => {
  const [tokens] = sentencesOf('Rebels ambushed a convoy near the border.');
  assert.deepEqual(new Lexicon(TRIGGERS).findTriggers(tokens!).map((m) => m.entry.type), []);
  const found = lexicon.findTriggers(tokens!);
  assert.deepEqual(found.map((m) => m.entry.type), ['ASSAULT']);
  assert.ok(found[0]!.entry.id.startsWith('trigger.cameo.'));
});

test('a lexicon\'s word tables are its own: one made later with other patterns changes nothing for another', () => {
  const [tokens] = sentencesOf('Lanterns filled the harbour.');
  const lantern = tokens!.find((t) => t.data.normal === 'lanterns')!;
  assert.deepEqual(lexicon.wordFormsOf(lantern).ids, [], 'no shipped pattern uses the word');
  const own = new Lexicon([{ id: 'trigger.test.lantern', pattern: 'lantern', type: 'PROTEST', cameo: '14' }], []);
  assert.ok(own.triggers.starts('lantern'));
  assert.equal(own.wordFormsOf(lantern).ids.length, 1);
  assert.deepEqual(lexicon.wordFormsOf(lantern).ids, [], 'the shipped lexicon still knows no such word');
  assert.deepEqual(own.findTriggers(tokens!).map((m) => m.entry.id), ['trigger.test.lantern']);
});

test('a word several countries share belongs to the main one in the events gazetteer', () => {
  assert.equal(gazetteer.lookup(['dominican'])?.country, 'DOM');
  assert.equal(gazetteer.lookup(['american'])?.country, 'USA');
  assert.equal(gazetteer.lookup(['kosovo'])?.country, 'KOS');
  assert.equal(gazetteer.lookup(['dominica'])?.country, 'DMA');
});

test('a word\'s patterns are tried only when the sentence holds their second word, and the longest still wins', () => {
  const own = new Lexicon([
    { id: 'trigger.test.hold', pattern: 'hold', type: 'CONSULT', cameo: '04' },
    { id: 'trigger.test.hold-talks', pattern: 'hold ... talks', type: 'CONSULT', cameo: '04' },
    { id: 'trigger.test.hold-hostage', pattern: 'hold ... hostage|captive', type: 'ASSAULT', cameo: '18' },
    { id: 'trigger.test.hold-drill', pattern: 'hold drill|exercise', type: 'MOBILIZE', cameo: '15' },
  ], []);
  const [tokens] = sentencesOf('Gunmen held the two engineers hostage for a week.');
  const words = own.wordsIn(tokens!, 0, tokens!.length);
  const held = words[1]!.triggerStarts;
  assert.equal(held.length, 4);
  // the one-step pattern and the one whose second word ("hostage") is within its gap's reach, in lexicon order, each once
  assert.deepEqual(held.possible(tokens!, words, 1).map((c) => c.entry.id), ['trigger.test.hold', 'trigger.test.hold-hostage']);
  assert.deepEqual(own.findTriggers(tokens!).map((m) => m.entry.id), ['trigger.test.hold-hostage']);
  const [drills, talks] = sentencesOf('The two navies held drills. Later their envoys held long talks.');
  assert.deepEqual(own.findTriggers(drills!).map((m) => m.entry.id), ['trigger.test.hold-drill']);
  assert.deepEqual(own.findTriggers(talks!).map((m) => m.entry.id), ['trigger.test.hold-talks']);
});

test('the pattern words of a sentence are forgotten when the next one is matched, and numbers past the first thousand are kept', () => {
  const present = new Present();
  present.add(3); present.add(5000); present.add(3);
  assert.deepEqual(present.list, [3, 5000]);
  assert.ok(present.has(5000) && present.has(3) && !present.has(4));
  present.clear();
  assert.ok(!present.has(3) && !present.has(5000));
  assert.deepEqual(present.list, []);
});

test('patterns that share a step share its compiled form, and still match on their own', () => {
  const own = new Lexicon([
    { id: 'trigger.test.send-aid', pattern: 'send ... aid|relief', type: 'AID', cameo: '07' },
    { id: 'trigger.test.ship-aid', pattern: 'ship ... aid|relief', type: 'AID', cameo: '07' },
    { id: 'trigger.test.aid-convoy', pattern: 'aid|relief convoy', type: 'AID', cameo: '07' },
  ], []);
  const [send, ship, convoy] = ['send', 'ship', 'aid'].map((w) => own.triggers.startingWith([w]).all[0]!);
  // "... aid|relief" after a gap is one step; "aid|relief" leading a pattern, without a gap, is another
  assert.equal(send!.steps[1], ship!.steps[1]);
  assert.notEqual(convoy!.steps[0], send!.steps[1]);
  const [tokens] = sentencesOf('Turkey shipped emergency relief to the region.');
  assert.deepEqual(own.findTriggers(tokens!).map((m) => m.entry.id), ['trigger.test.ship-aid']);
});

test('a pattern whose second word is in the sentence but out of its step\'s reach is not tried', () => {
  const own = new Lexicon([
    { id: 'trigger.test.hold', pattern: 'hold', type: 'CONSULT', cameo: '04' },
    { id: 'trigger.test.hold-talks', pattern: 'hold ... talks', type: 'CONSULT', cameo: '04' },
    { id: 'trigger.test.hold-drill', pattern: 'hold drill|exercise', type: 'MOBILIZE', cameo: '15' },
  ], []);
  // "talks" past a comma, and "drills" not right after the verb: only the one-step pattern may match
  const [tokens] = sentencesOf('The envoys held firm on the border, and talks on drills went on.');
  const words = own.wordsIn(tokens!, 0, tokens!.length);
  const held = tokens!.findIndex((t) => t.data.normal === 'held');
  assert.deepEqual(words[held]!.triggerStarts.possible(tokens!, words, held).map((c) => c.entry.id), ['trigger.test.hold']);
  assert.deepEqual(own.findTriggers(tokens!).map((m) => m.entry.id), ['trigger.test.hold']);
});
