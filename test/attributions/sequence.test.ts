import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Tok } from '../../src/stages/attributions/frames.js';
import {
  allowed, emissions, LABELS, loadSequenceTagger, N_LABELS, quotedTokens, rolesOfSpans, sentenceFeatures, sequenceTaggerOf, spansOfLabels, viterbi, worthTagging,
  type SentenceView, type SequenceWeights,
} from '../../src/stages/attributions/sequence.js';
import { Analyzer } from '../../src/analyze.js';
import { Resources } from '../../src/core/resources.js';
import { attributions, byCue, withEntities } from './helpers.js';

/** Tokens of a sentence written as "word/POS word/POS ...", offsets as if one space apart. */
function toks(tagged: string): Tok[] {
  let at = 0;
  return tagged.split(' ').map((wp) => {
    const cut = wp.lastIndexOf('/');
    const value = wp.slice(0, cut), pos = wp.slice(cut + 1);
    const t = { start: at, end: at + value.length, value, low: value.toLowerCase(), pos, word: /[\p{L}\p{N}]/u.test(value) };
    at += value.length + 1;
    return t;
  });
}

function view(t: Tok[], lexiconAt: Record<number, number> = {}, rule: number[] = []): SentenceView {
  return {
    toks: t,
    lexicon: Int8Array.from(t, (_, i) => lexiconAt[i] ?? -1),
    quoted: new Uint8Array(t.length),
    rule: Uint8Array.from(t, (_, i) => rule[i] ?? 0),
  };
}

const label = (name: (typeof LABELS)[number]) => LABELS.indexOf(name);

test('spans are read off labels as CofeNet reads them: an I- that does not continue its role opens nothing', () => {
  const labels = ['B-source', 'I-source', 'B-cue', 'B-content', 'I-content', 'O', 'I-content', 'B-content'].map((l) => label(l as (typeof LABELS)[number]));
  assert.deepEqual(spansOfLabels(labels), [
    { role: 'source', a: 0, b: 2 }, { role: 'cue', a: 2, b: 3 }, { role: 'content', a: 3, b: 5 }, { role: 'content', a: 7, b: 8 },
  ]);
});

test('an I- label follows only its own B- or I-', () => {
  assert.ok(allowed(label('B-cue'), label('I-cue')));
  assert.ok(allowed(label('I-cue'), label('I-cue')));
  assert.ok(!allowed(label('O'), label('I-cue')));
  assert.ok(!allowed(-1, label('I-content')));
  assert.ok(!allowed(label('B-source'), label('I-content')));
  assert.ok(allowed(label('I-source'), label('B-cue')));
});

test('Viterbi finds the best path the transitions allow, never an I- out of place', () => {
  // one feature slot (bits 0): every token's emission comes from the scores given directly
  const w: SequenceWeights = { bits: 0, emission: new Float64Array(N_LABELS), transition: new Float64Array((N_LABELS + 1) * N_LABELS) };
  const scores = new Float64Array(3 * N_LABELS);
  // token 0 prefers I-cue (not allowed first), then B-cue; tokens 1-2 prefer I-cue
  scores[label('I-cue')] = 5; scores[label('B-cue')] = 3;
  scores[N_LABELS + label('I-cue')] = 4;
  scores[2 * N_LABELS + label('O')] = 1;
  const best = viterbi(w, scores, 3);
  assert.deepEqual([...best.labels], [label('B-cue'), label('I-cue'), label('O')]);
  assert.equal(best.score, 8);
  // forbidding the cue at token 1 gives the next best reading
  const without = viterbi(w, scores, 3, (i, y) => i === 1 && y !== label('O'));
  assert.deepEqual([...without.labels], [label('B-cue'), label('O'), label('O')]);
});

test('the features of a token follow the rules\' role on it, the cue lexicon and the quotation, and nothing else', () => {
  const s = toks('The/DET minister/NOUN warned/VERB that/SCONJ prices/NOUN would/AUX rise/VERB ./PUNCT');
  const plain = sentenceFeatures(view(s));
  assert.deepEqual(sentenceFeatures(view(s)), plain, 'the same sentence gives the same features');
  assert.ok(plain.every((f) => f.length === plain[0]!.length), 'every token has one feature per template');
  const withCue = sentenceFeatures(view(s, { 2: 9 }));
  assert.notDeepEqual(withCue[2], plain[2], 'the lexicon hit is a feature of the cue');
  assert.notDeepEqual(withCue[4], plain[4], 'and the distance to it a feature of the words after it');
  const ruled = sentenceFeatures(view(s, {}, [1, 5, 6, 7, 3, 3, 3]));
  assert.notDeepEqual(ruled[2], plain[2], 'the rules\' role is a feature');
  const shared = ruled[7]!.filter((x) => plain[7]!.includes(x)).length;
  assert.ok(shared > 0 && shared < plain[7]!.length, 'a token the rules left alone keeps its own features and sees its neighbour\'s role');
});

test('roles of tokens: a cue inside another report\'s content is a cue; each span\'s first token is marked', () => {
  const s = toks('He/PRON said/VERB she/PRON told/VERB him/PRON no/DET ./PUNCT');
  const at = (a: number, b: number) => ({ start: s[a]!.start, end: s[b - 1]!.end });
  const roles = rolesOfSpans(s, [
    { role: 'source', range: at(0, 1) }, { role: 'cue', range: at(1, 2) }, { role: 'content', range: at(2, 6) },
    { role: 'source', range: at(2, 3) }, { role: 'cue', range: at(3, 4) }, { role: 'content', range: at(4, 6) },
  ]);
  // 1 source, 2 cue, 3 content; 4 more on a span's first token
  assert.deepEqual([...roles], [5, 6, 5, 6, 7, 3, 0]);
});

test('quoted tokens are those inside the marks', () => {
  const s = toks('“/PUNCT No/INTJ deal/NOUN ,/PUNCT ”/PUNCT he/PRON said/VERB');
  const q = quotedTokens(s, [{ start: s[1]!.start, end: s[3]!.end }]);
  assert.deepEqual([...q], [0, 1, 1, 1, 0, 0, 0]);
});

test('only sentences with a cue word, a quotation mark or a rule span are tagged', () => {
  assert.equal(worthTagging(view(toks('The/DET river/NOUN rose/VERB ./PUNCT'))), false);
  assert.equal(worthTagging(view(toks('The/DET river/NOUN rose/VERB ./PUNCT'), { 2: 2 })), true);
  assert.equal(worthTagging(view(toks('The/DET “/PUNCT river/NOUN ”/PUNCT rose/VERB'))), true);
  assert.equal(worthTagging(view(toks('The/DET river/NOUN rose/VERB ./PUNCT'), {}, [0, 3])), true);
});

test('a word\'s shape is the same feature whether its letters are ASCII or not (the ASCII shortcut agrees with the Unicode classes)', () => {
  // the shape is template 4; the pairs differ only in an accented letter, so only their path to the shape differs
  const shape = (word: string) => sentenceFeatures(view(toks(`${word}/PROPN`)))[0]![4];
  for (const [ascii, other] of [['Obama', 'Émile'], ['NATO', 'ÉTAT'], ['state-run', 'état-run'], ['prices', 'précis'], ['2018', '٢٠١٨']] as const) {
    assert.equal(shape(ascii), shape(other), `${ascii} and ${other}`);
  }
  assert.notEqual(shape('Obama'), shape('NATO'));
  assert.notEqual(shape('2018'), shape('prices'));
  assert.notEqual(shape('state-run'), shape('prices'));
});

test('the shipped tagger reads a sentence as the exported steps do: its labels, its attributions and their margins', () => {
  const tagger = loadSequenceTagger()!;
  const s = toks('The/DET senator/NOUN said/VERB the/DET plan/NOUN would/AUX fail/VERB ,/PUNCT aides/NOUN warned/VERB ./PUNCT');
  const v = view(s, { 2: 9, 9: 8 });
  const scores = emissions(tagger, sentenceFeatures(v));
  const best = viterbi(tagger, scores, s.length);
  const read = tagger.tag(v).attributions;
  assert.ok(read.length > 0, 'the sentence reports someone');
  assert.deepEqual(read.map((a) => a.cue), spansOfLabels(best.labels).filter((x) => x.role === 'cue').filter((c) => read.some((a) => a.cue.a === c.a)));
  for (const a of read) {
    const without = viterbi(tagger, scores, s.length, (i, y) => i >= a.cue.a && i < a.cue.b && y !== label('O'));
    assert.equal(a.margin, best.score - without.score, 'the margin is the best reading against the best without the cue');
  }
});

test('the shipped tagger is a few MB at most, and tags a sentence the same way every time', () => {
  const tagger = loadSequenceTagger();
  assert.ok(tagger, 'model/sequence-tagger.json holds weights');
  assert.ok(tagger.emission.length <= 4 * 1024 * 1024);
  const s = toks('The/DET senator/NOUN said/VERB the/DET plan/NOUN would/AUX fail/VERB ./PUNCT');
  const v = view(s, { 2: 9 }, [5, 1, 6, 7, 3, 3, 3]);
  const once = tagger.tag(v), again = loadSequenceTagger()!.tag(v);
  assert.deepEqual(again.attributions, once.attributions);
  assert.deepEqual(again.proposals, once.proposals);
  const scores = emissions(tagger, sentenceFeatures(v));
  const labels = [...viterbi(tagger, scores, s.length).labels].map((y) => LABELS[y]);
  assert.deepEqual(labels, ['B-source', 'I-source', 'B-cue', 'B-content', 'I-content', 'I-content', 'I-content', 'O']);
});

test('a sentence the rules miss: the tagger reports it, its source resolved by the speaker rules, its provenance saying so', () => {
  const text = 'Officials were not authorized to discuss the inquiry into the bank.';
  const rulesOnly = new Resources();
  rulesOnly.once('attributions.sequenceTagger', () => null);
  assert.deepEqual(attributions(text, new Analyzer({ resources: rulesOnly, stages: ['tokens', 'dates', 'entities', 'attributions'] })), []);
  const a = byCue(attributions(text), 'were not authorized to discuss');
  assert.equal(a.rule, 'sequence.tagged');
  assert.equal(a.source, 'Officials');
  assert.equal(a.speaker, 'Officials');
  assert.equal(a.content, 'the inquiry into the bank');
});

test('a rule frame keeps its rule and takes the tagger\'s cue boundaries, the evidence naming what was redrawn', () => {
  const text = 'Governor Alma Reyes had warmly praised the mayor before the election.';
  const doc = withEntities.analyzeDocument({ text, published: '2019-03-05' });
  const [a] = doc.layer('attribution');
  assert.ok(a);
  assert.match(a.provenance.rule, /^cue\./);
  assert.ok(a.data.cue);
  assert.equal(text.slice(a.data.cue.start, a.data.cue.end), 'had warmly praised');
  assert.match(a.provenance.evidence ?? '', /^sequence\.bounds: .*\bcue\b/);
  assert.equal(a.data.speaker?.name, 'Alma Reyes');
});

test('the tagger adds no attribution whose content is one or two words ("this view"): too often wrong on held-out data', () => {
  const list = attributions('Officials were not authorized to discuss the inquiry.');
  assert.ok(!list.some((a) => a.rule === 'sequence.tagged'), JSON.stringify(list));
});

/** A sentence's one attribution with the cue given, its content and the evidence of its provenance. */
function contentOf(text: string, cue: string): { content: string; evidence: string } {
  const doc = withEntities.analyzeDocument({ text, published: '2019-03-05' });
  const a = doc.layer('attribution').find((x) => x.data.cue && text.slice(x.data.cue.start, x.data.cue.end) === cue);
  assert.ok(a, `no attribution with cue "${cue}"`);
  return { content: text.slice(a.data.content.start, a.data.content.end), evidence: a.provenance.evidence ?? '' };
}

test('a content after its cue and outside quotation marks ends where the tagger ends it: an appositive or a new clause after it is the author\'s', () => {
  const plan = contentOf('The governor announced a plan to rebuild the harbour, the largest project in the state\'s history.', 'announced');
  assert.equal(plan.content, 'a plan to rebuild the harbour');
  assert.match(plan.evidence, /sequence\.content\.unquoted/);
  const bill = contentOf('The senator said the bill would lower drug prices, and she urged colleagues to pass it before the recess.', 'said');
  assert.equal(bill.content, 'the bill would lower drug prices');
});

test('the tagger does not end a content before a report inside it, nor in the middle of a phrase', () => {
  // its labels cannot nest: "clarified ... by saying" is a report inside the added words, not where they end
  const added = contentOf('The spokesman added that the ministry had clarified the order by saying the plant would stay open.', 'added');
  assert.equal(added.content, 'that the ministry had clarified the order by saying the plant would stay open');
  assert.equal(byCue(attributions('Surveys show that most parents favor the longer school day.'), 'show').content, 'that most parents favor the longer school day');
});

test('a form\'s features are the same read fresh or from the cache of forms met before, and follow its lower case', () => {
  const s = toks('Ministers/NOUN warned/VERB that/SCONJ the/DET Café/PROPN would/AUX close/VERB ./PUNCT');
  const first = sentenceFeatures(view(s));
  // other sentences with the same spellings in between fill the cache
  sentenceFeatures(view(toks('The/DET Café/PROPN warned/VERB ministers/NOUN ./PUNCT')));
  assert.deepEqual(sentenceFeatures(view(s)), first);
  // the same spelling given another lower case (as a caller may normalise it) is read from that lower case
  const other = s.map((t, i) => (i === 4 ? { ...t, low: 'cafe' } : t));
  assert.notDeepEqual(sentenceFeatures(view(other))[4], first[4]);
  assert.deepEqual(sentenceFeatures(view(s)), first);
});

test('a frame of the learned cue tagger stands only where the sequence tagger reads a report at its cue too', () => {
  const text = 'The farmers bemoaned that the rains had come too late for the harvest. The minister said the crop would recover.';
  // the shipped tagger reads both reports
  const read = attributions(text);
  assert.match(byCue(read, 'bemoaned').rule, /^cue\.tagged\./);
  assert.equal(byCue(read, 'bemoaned').content, 'that the rains had come too late for the harvest');
  assert.match(byCue(read, 'said').rule, /^cue\.say\./);
  // a tagger that reads no report anywhere (every weight 0: every token O): the cue tagger's frame goes, the lexicon's stays
  const silent = new Resources();
  silent.once('attributions.sequenceTagger', () => sequenceTaggerOf({ bits: 0, emission: new Float64Array(N_LABELS), transition: new Float64Array((N_LABELS + 1) * N_LABELS) }, 0, 1, 0));
  const unread = attributions(text, new Analyzer({ resources: silent, stages: ['tokens', 'dates', 'entities', 'attributions'] }));
  assert.deepEqual(unread.map((a) => a.cue), ['said']);
});
