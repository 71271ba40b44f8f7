import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Analyzer } from '../../analyze.js';
import { Resources } from '../../core/resources.js';
import { WinkColumns } from './facts.js';
import { winkOf } from './nlp.js';

const analyzer = new Analyzer({ stages: ['tokens'] });

test('tokens carry exact offsets, also around contractions, curly quotes and emoji', () => {
  const text = 'He didn’t say “never” 🙂 — Iran’s envoy can\'t be reached.\n\nSecond paragraph here';
  const doc = analyzer.analyzeDocument(text);
  for (const t of doc.layer('token')) assert.equal(text.slice(t.start, t.end), t.data.value, `token ${t.data.index}`);
  const values = doc.layer('token').map((t) => t.data.value);
  assert.ok(values.includes('Iran'));
  assert.equal(doc.layer('paragraph').length, 2);
});

test('sentences never run across a paragraph break, even after a headline with no full stop', () => {
  const text = 'Iran rejects talks offer\n\nIran on Tuesday rejected the offer. Officials said so.';
  const doc = analyzer.analyzeDocument(text);
  assert.deepEqual(doc.layer('sentence').map((s) => text.slice(s.start, s.end)),
    ['Iran rejects talks offer', 'Iran on Tuesday rejected the offer.', 'Officials said so.']);
  const tokens = doc.layer('token');
  for (const s of doc.layer('sentence')) {
    for (let i = s.data.firstToken; i < s.data.endToken; i++) assert.equal(tokens[i]!.data.sentence, s.data.index);
  }
});

test('part of speech and lemma come from wink', () => {
  const doc = analyzer.analyzeDocument('The ministers did not meet.');
  const byValue = new Map(doc.layer('token').map((t) => [t.data.value, t.data]));
  assert.equal(byValue.get('ministers')?.lemma, 'minister');
  assert.equal(byValue.get('meet')?.pos, 'VERB');
});

/** An article's tokens with their tags, read alone and read after another article in the same process. */
function readAloneAndAfter(before: string, article: string): { alone: string[]; after: string[] } {
  const tagsOf = (analyzer: Analyzer, text: string) => analyzer.analyzeDocument({ text }).layer('token').map((t) => `${t.data.value}/${t.data.pos}`);
  const alone = tagsOf(new Analyzer({ stages: ['tokens'] }), article);
  const analyzer = new Analyzer({ stages: ['tokens'] });
  tagsOf(analyzer, before);
  return { alone, after: tagsOf(analyzer, article) };
}

test("an article's tokens do not depend on what the process read before it", () => {
  // possessives that end a sentence are the ones wink keeps whole, and then remembers
  const { alone, after } = readAloneAndAfter("The plan is no better than Obama's. It copies the party's.",
    "The senator criticised Obama's plan and the party's platform on Tuesday.");
  assert.deepEqual(after, alone);
  assert.ok(alone.includes('Obama/PROPN') && alone.includes("'s/PART") && alone.includes('party/NOUN'), alone.join(' '));
});

test('many analyzers in one process share one wink model', () => {
  for (let i = 0; i < 25; i++) new Analyzer({ stages: ['tokens'] }).analyzeDocument({ text: 'Talks resumed on Monday.' });
});

test('the words around a possessive are tagged alike whatever the process read before', () => {
  const { alone, after } = readAloneAndAfter('The campaign kept its distance from Clinton’s. Nobody else did, not even Clinton’s, she said: no.',
    'The hashtag, which a voter created in the wake of Clinton’s primary wins this week, spread fast.');
  assert.deepEqual(after, alone);
  // the marks wink reads swapped are stored as written
  const doc = analyzer.analyzeDocument({ text: 'It beats Smith’s. So does Smith’s, too.' });
  assert.deepEqual(doc.layer('token').map((t) => t.data.value), ['It', 'beats', 'Smith', '’s', '.', 'So', 'does', 'Smith', '’s', ',', 'too', '.']);
});

test('a sentence break after a party label or inside brackets is joined again; real breaks stay', () => {
  const text = 'Sen. Dana Whitfield (D-Mo.) said the bill would fail. Rep. Omar Castle (R-S.C.) disagreed. (He later apologized.) The vote is Friday.';
  const doc = analyzer.analyzeDocument(text);
  assert.deepEqual(doc.layer('sentence').map((s) => text.slice(s.start, s.end)), [
    'Sen. Dana Whitfield (D-Mo.) said the bill would fail.', 'Rep. Omar Castle (R-S.C.) disagreed.', '(He later apologized.)', 'The vote is Friday.',
  ]);
  const tokens = doc.layer('token');
  for (const s of doc.layer('sentence')) {
    for (let i = s.data.firstToken; i < s.data.endToken; i++) assert.equal(tokens[i]!.data.sentence, s.data.index);
  }
});

test('a sentence does not end after a title or an initial', () => {
  const text = 'The Rev. Paul Odell said the hall was full. Senators Ann Voss, R-N.C., and Tom Lyle, D-Ore., agreed.';
  const doc = analyzer.analyzeDocument(text);
  assert.deepEqual(doc.layer('sentence').map((s) => text.slice(s.start, s.end)), [
    'The Rev. Paul Odell said the hall was full.', 'Senators Ann Voss, R-N.C., and Tom Lyle, D-Ore., agreed.',
  ]);
});

test('lemma, normal form and type looked up by word are what wink gives token by token', () => {
  const nlp = winkOf(new Resources());
  const its = nlp.its;
  const columns = new WinkColumns(its);
  const texts = [
    "The ministers didn't meet; they'd left. Officials can't say, and won't, who left the talks.",
    'Protesters protested outside. The left-wing party said the leaves left on Monday, #talks @envoy 3.5% $20.',
    "They're meeting again: the meeting's over, she's sure we'll meet. Y'all ain't done.",
  ];
  // twice: the second time every word is remembered
  for (let round = 0; round < 2; round++) {
    for (const text of texts) {
      const wdoc = nlp.readDoc(text);
      const tokens = wdoc.tokens();
      const column = (helper: unknown) => tokens.out(helper as typeof its.value);
      assert.deepEqual(columns.of(wdoc), {
        values: column(its.value), pos: column(its.pos), lemma: column(its.lemma), normal: column(its.normal), type: column(its.type),
      });
    }
  }
});
