import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Analyzer } from '../../src/analyze.js';
import { ruleCatalogue } from '../../src/pipeline/rules.js';
import { FRAME_RULES, readCue, type CueAt, type Frame, type Tok } from '../../src/stages/attributions/frames.js';
import { buildLexicon, FRAME_SHAPES } from '../../src/stages/attributions/lexicon.js';
import { lowerForm, hasWordCharacter } from '../../src/text/lookup.js';

// One sentence a frame rule, written for these tests; each is read by the rule table directly, so a
// test says which entry of FRAME_RULES read the cue, and what frame it made.

const tokens = new Analyzer({ stages: ['tokens'] });
const lexicon = buildLexicon();

interface Read { readonly rule: string | null; readonly emitted: string | null; readonly content: string | null; readonly source: string | null; readonly parts?: string[] }

/**
 * The frames of a one-sentence text for the given cue words, in order, each with the table rule that
 * read it. With `quotes`, a curly quotation closing before a cue or opening after it is passed to the
 * rules as the stage passes it (the stage's own checks on those quotations are not under test here).
 */
function read(text: string, cueWords: readonly string[], quotes = true): Map<string, Read> {
  const doc = tokens.analyzeDocument({ text, published: '2019-03-05' });
  const toks: Tok[] = doc.layer('token').map((t) => ({ start: t.start, end: t.end, value: t.data.value, low: lowerForm(t.data.value), pos: t.data.pos, word: hasWordCharacter(t.data.value) }));
  const slice = (r: { start: number; end: number } | null | undefined) => (r ? text.slice(r.start, r.end) : null);
  const earlier: Frame[] = [];
  const out = new Map<string, Read>();
  for (const word of cueWords) {
    const at = toks.findIndex((t) => t.low === word);
    const entry = lexicon.get(word);
    assert.ok(at >= 0 && entry, `${word} is a cue of the lexicon in "${text}"`);
    const cue: CueAt = { at, entry, quoteBefore: quotes ? quoteBefore(text, toks, at) : null, quoteAfter: quotes ? quoteAfter(text, toks[at]!.end) : null };
    const r = readCue(toks, cue, earlier);
    if (r?.frame) earlier.push(r.frame);
    out.set(word, {
      rule: r?.rule.id ?? null, emitted: r?.frame?.rule ?? null, content: slice(r?.frame?.content), source: slice(r?.frame?.source),
      ...(r?.frame?.contentParts ? { parts: r.frame.contentParts.map((p) => text.slice(p.start, p.end)) } : {}),
    });
  }
  return out;
}

function quoteBefore(text: string, toks: readonly Tok[], at: number): CueAt['quoteBefore'] {
  const close = text.lastIndexOf('”', toks[at]!.start);
  if (close < 0) return null;
  const open = text.lastIndexOf('“', close);
  const after = toks.findIndex((t) => t.start > close);
  return { range: { start: open + 1, end: close }, after };
}

function quoteAfter(text: string, from: number): CueAt['quoteAfter'] {
  const open = text.indexOf('“', from);
  return open < 0 ? null : { range: { start: open + 1, end: text.indexOf('”', open) } };
}

/** Each rule of the table, a sentence it reads, and what it must make of it. */
const CASES: readonly { rule: string; text: string; cues: string[]; cue: string; quotes?: boolean; expect: Partial<Read> }[] = [
  { rule: 'quote.split', text: '“Sanctions,” the minister said, “are the opposite of dialogue.”', cues: ['said'], cue: 'said',
    expect: { emitted: 'cue.say.split-quote', source: 'the minister', parts: ['Sanctions,', 'are the opposite of dialogue.'] } },
  { rule: 'quote.before', text: '“We will rebuild the bridge by spring,” said Ann Ruiz, the city engineer.', cues: ['said'], cue: 'said',
    expect: { emitted: 'cue.say.quote-before', content: 'We will rebuild the bridge by spring,', source: 'Ann Ruiz, the city engineer' } },
  { rule: 'quote.after', text: 'The mayor said on Tuesday: “We will rebuild the bridge.”', cues: ['said'], cue: 'said',
    expect: { emitted: 'cue.say.quote-after', content: 'We will rebuild the bridge.', source: 'The mayor' } },
  { rule: 'particle.missing', text: 'The engineer pointed at the cracks in the old pier.', cues: ['pointed'], cue: 'pointed',
    expect: { emitted: null } },
  { rule: 'according.content-first', text: 'The bridge will reopen in May, according to city engineers.', cues: ['according'], cue: 'according',
    expect: { emitted: 'cue.according-to.after-content', content: 'The bridge will reopen in May', source: 'city engineers' } },
  { rule: 'according.source-first', text: 'According to city engineers, the bridge will reopen in May.', cues: ['according'], cue: 'according',
    expect: { emitted: 'cue.according-to.before-content', content: 'the bridge will reopen in May', source: 'city engineers' } },
  { rule: 'quoted-as-saying.passive', text: 'The bridge will reopen in May, Ann Ruiz was quoted as saying by the Daily Ledger.', cues: ['quoted'], cue: 'quoted',
    expect: { emitted: 'cue.quoted-as-saying.passive', content: 'The bridge will reopen in May', source: 'Ann Ruiz' } },
  { rule: 'quoted-as-saying', text: 'The Daily Ledger quoted Ann Ruiz as saying the bridge would reopen in May.', cues: ['quoted'], cue: 'quoted',
    expect: { emitted: 'cue.quoted-as-saying', content: 'the bridge would reopen in May', source: 'Ann Ruiz' } },
  { rule: 'quoted-as-saying.saying', text: 'The Daily Ledger quoted Ann Ruiz as saying the bridge would reopen in May.', cues: ['quoted', 'saying'], cue: 'saying',
    expect: { emitted: null } },
  { rule: 'passive.belief', text: 'About one voter in five is expected to stay home on election day.', cues: ['expected'], cue: 'expected',
    expect: { emitted: 'belief.think.passive', content: 'About one voter in five is expected to stay home on election day', source: null } },
  { rule: 'passive.by', text: 'The toll plan was criticized by several council members.', cues: ['criticized'], cue: 'criticized',
    expect: { emitted: 'cue.learned.criticized.passive', content: 'The toll plan', source: 'several council members' } },
  { rule: 'by-saying', text: 'The mayor answered the question by saying the bridge was safe.', cues: ['saying'], cue: 'saying',
    expect: { emitted: 'cue.say.by-saying', content: 'the bridge was safe', source: 'The mayor' } },
  { rule: 'coordinated', text: 'The mayor visited the site and warned that the bridge was unsafe.', cues: ['warned'], cue: 'warned',
    expect: { emitted: 'cue.warn.coordinated', content: 'that the bridge was unsafe', source: 'The mayor' } },
  { rule: 'participle.adverbial', text: 'Reporting on the vote, the paper printed the full count.', cues: ['reporting'], cue: 'reporting',
    expect: { emitted: null } },
  { rule: 'before.split', text: 'The bridge is safe, the engineer said, “and it will reopen in May.”', cues: ['said'], cue: 'said', quotes: false,
    expect: { emitted: 'cue.say.split-quote', source: 'the engineer', parts: ['The bridge is safe', 'and it will reopen in May'] } },
  { rule: 'before.hearer', text: 'The talks are over for now, the envoy told reporters on Friday.', cues: ['told'], cue: 'told',
    expect: { emitted: 'cue.tell.content-before-hearer', content: 'The talks are over for now', source: 'the envoy' } },
  { rule: 'before.inverted', text: 'The bridge is safe, said Ann Ruiz, the city engineer.', cues: ['said'], cue: 'said',
    expect: { emitted: 'cue.say.content-before', content: 'The bridge is safe', source: 'Ann Ruiz, the city engineer' } },
  { rule: 'before.subject', text: 'The bridge is safe, the engineer said on Tuesday.', cues: ['said'], cue: 'said',
    expect: { emitted: 'cue.say.content-before', content: 'The bridge is safe', source: 'the engineer' } },
  { rule: 'after.participle-shared', text: 'The mayor said the bridge was safe, adding that it would reopen in May.', cues: ['said', 'adding'], cue: 'adding',
    expect: { emitted: 'cue.add.participle', content: 'that it would reopen in May', source: 'The mayor' } },
  { rule: 'after.participle-clause', text: 'The council rejected the toll plan, saying that it cost too much.', cues: ['saying'], cue: 'saying',
    expect: { emitted: 'cue.say.participle', content: 'that it cost too much', source: 'The council' } },
  { rule: 'after.subject', text: 'The engineer said the bridge was safe.', cues: ['said'], cue: 'said',
    expect: { emitted: 'cue.say.content-after', content: 'the bridge was safe', source: 'The engineer' } },
];

describe('the frame rules (frames.ts FRAME_RULES)', () => {
  for (const c of CASES) {
    test(`${c.rule}: ${c.text}`, () => {
      const got = read(c.text, c.cues, c.quotes ?? true).get(c.cue)!;
      assert.equal(got.rule, c.rule, JSON.stringify(got));
      for (const [k, v] of Object.entries(c.expect)) assert.deepEqual(got[k as keyof Read], v, `${k} of ${JSON.stringify(got)}`);
    });
  }

  test('every rule has an id of its own and a sentence above', () => {
    const ids = FRAME_RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
    assert.deepEqual(CASES.map((c) => c.rule), ids, 'one case a rule, in table order');
  });

  test('every rule id a frame rule emits is declared in the rule catalogue', () => {
    const catalogue = ruleCatalogue();
    for (const r of FRAME_RULES) {
      if (r.emits === null) assert.equal(r.layout, 'no-frame', r.id);
      else if ((FRAME_SHAPES as readonly string[]).includes(r.emits)) assert.ok(catalogue.declares('attributions', `cue.say.${r.emits}`), r.id);
      else assert.ok(catalogue.declares('attributions', r.emits), r.id);
    }
  });
});

describe('quote.after and a phrase quoted inside a clause', () => {
  test('a quotation with words of the clause right after it is part of the content after the cue', () => {
    const got = read('The senator says Mayor Reyes “badly wrong” in cutting the school budget.', ['says']).get('says')!;
    assert.equal(got.rule, 'after.subject');
    assert.equal(got.content, 'Mayor Reyes “badly wrong” in cutting the school budget');
  });

  test('a quotation that ends its own words, or a naming verb\'s quotation, is still the content', () => {
    assert.equal(read('The senator said on Monday: “We are badly wrong.” Nobody answered.', ['said']).get('said')!.rule, 'quote.after');
    const named = read('The bloc is what some have called an “Arab NATO” comprised of rivals.', ['called']).get('called')!;
    assert.equal(named.rule, 'quote.after');
    assert.equal(named.content, 'Arab NATO');
  });
});

test('a frame carries the cue entry it was read from and the shape of the table rule that read it: the entry\'s rule for a shape, none for a rule of its own', () => {
  const shapes: ReadonlySet<string> = new Set(FRAME_SHAPES);
  const cases: readonly [string, string, string | null][] = [
    ['The minister said the talks had failed.', 'said', 'after'],
    ['The talks had failed, the minister said on Monday.', 'said', 'before'],
    ['The Daily Ledger quoted Ann Ruiz as saying the bridge would reopen in May.', 'quoted', null],
  ];
  for (const [text, word, shapeStart] of cases) {
    const doc = tokens.analyzeDocument({ text, published: '2019-03-05' });
    const toks: Tok[] = doc.layer('token').map((t) => ({ start: t.start, end: t.end, value: t.data.value, low: lowerForm(t.data.value), pos: t.data.pos, word: hasWordCharacter(t.data.value) }));
    const at = toks.findIndex((t) => t.low === word);
    const entry = lexicon.get(word)!;
    const r = readCue(toks, { at, entry, quoteBefore: null, quoteAfter: null }, []);
    const frame = r?.frame;
    assert.ok(frame, text);
    const emits = r!.rule.emits;
    assert.equal(frame.shape, emits !== null && shapes.has(emits) ? emits : null, text);
    assert.equal(frame.cueEntry, entry.id, text);
    if (shapeStart === null) assert.equal(frame.shape, null, text);
    else {
      assert.ok(frame.shape?.includes(shapeStart), `${text}: ${frame.shape}`);
      assert.equal(frame.rule, entry.rules[frame.shape!], text);
    }
  }
});
