import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attributions, bare, withEntities, type Seen } from './helpers.js';

// Articles written for these tests in the style of wire copy; none is taken from a real outlet.

/** The attribution whose content contains `words`. */
function find(list: Seen[], words: string): Seen {
  const a = list.find((x) => x.content.includes(words));
  assert.ok(a, `no attribution with content containing "${words}"; found: ${JSON.stringify(list.map((x) => x.content))}`);
  return a;
}

test('indirect speech after the cue: "X said that ..." and "X said ..."', () => {
  const list = attributions('Finance Minister Elena Varga said that the budget would be balanced by 2021. The opposition leader said the plan was unrealistic.');
  const a = find(list, 'the budget would be balanced');
  assert.equal(a.cue, 'said');
  assert.equal(a.source, 'Finance Minister Elena Varga');
  assert.equal(a.speaker, 'Elena Varga');
  assert.equal(a.kind, 'indirect');
  assert.match(a.rule, /^cue\.say\./);
  const b = find(list, 'the plan was unrealistic');
  assert.equal(b.source, 'The opposition leader');
});

test('content before the cue: "..., X said." and "..., said X."', () => {
  const list = attributions('The talks will resume next month, the mediator said. Both sides have agreed to a ceasefire, said Tomas Berg, a United Nations envoy.');
  assert.equal(find(list, 'talks will resume').source, 'the mediator');
  const b = find(list, 'agreed to a ceasefire');
  assert.equal(b.cue, 'said');
  assert.match(b.source ?? '', /Tomas Berg/);
});

test('"X said ..., adding that ..." gives two attributions from one speaker', () => {
  const list = attributions('Mayor Rosa Lindqvist said the bridge would reopen on Friday, adding that repairs had cost less than expected.');
  const a = find(list, 'the bridge would reopen');
  assert.ok(!a.content.includes('repairs'), 'the first content stops before "adding"');
  const b = find(list, 'repairs had cost less');
  assert.equal(b.cue, 'adding');
  assert.equal(b.speaker, 'Rosa Lindqvist');
});

test('curly, straight, single quotes and guillemets', () => {
  const curly = find(attributions('“We will not back down,” the governor said.'), 'We will not back down');
  assert.equal(curly.kind, 'direct');
  assert.equal(curly.source, 'the governor');
  const straight = find(attributions('"The vote was rigged," said Anton Petrov, a local organiser.'), 'The vote was rigged');
  assert.equal(straight.kind, 'direct');
  assert.match(straight.source ?? '', /Anton Petrov/);
  const single = find(attributions('‘Prices will keep rising,’ the central bank governor warned.'), 'Prices will keep rising');
  assert.equal(single.cue, 'warned');
  const guillemets = find(attributions('«Nous ne céderons pas», the prime minister said on Tuesday.'), 'Nous ne céderons pas');
  assert.equal(guillemets.kind, 'direct');
});

test('a quote split by its cue keeps both parts', () => {
  const list = attributions('“Sanctions,” the minister said, “are not a substitute for diplomacy.”');
  const a = find(list, 'not a substitute for diplomacy');
  assert.ok(a.parts && a.parts.length === 2, 'two parts');
  assert.equal(a.parts![0], '“Sanctions,”');
  assert.equal(a.source, 'the minister');
});

test('a quote that runs over several sentences, and one that runs over paragraphs', () => {
  const text = 'Senator Maria Olsen said: “This bill is a disgrace. It takes money from schools. We will fight it.”';
  const a = find(attributions(text), 'This bill is a disgrace');
  assert.ok(a.content.includes('We will fight it'));
  const paragraphs = [
    'Union leader Karl Brandt spoke to workers outside the plant on Monday.',
    '“We have waited three years for a contract. Our patience is gone,” Brandt said.',
    '“If management will not talk, we will strike.',
    '“And we will stay out as long as it takes.”',
    'The company did not comment.',
  ].join('\n\n');
  const b = find(attributions(paragraphs), 'We have waited three years');
  assert.ok(b.content.includes('as long as it takes'), `content runs on into the next paragraphs: ${b.content}`);
  assert.equal(b.speaker, 'Karl Brandt');
});

test('a headline colon attributes the words after it', () => {
  const list = attributions('Okafor: Reform bill will pass this year\n\nLAGOS — The speaker of parliament expects a vote in June.');
  const a = find(list, 'Reform bill will pass');
  assert.equal(a.cue, ':');
  assert.equal(a.source, 'Okafor');
  assert.equal(a.rule, 'cue.headline-colon');
});

test('mixed speech: a paraphrase with a quoted fragment', () => {
  const a = find(attributions('The general said the offensive had “broken the back” of the rebellion.'), 'broken the back');
  assert.equal(a.kind, 'mixed');
});

test('"according to X" before and after its content', () => {
  const list = attributions('According to the health ministry, 40 people were taken to hospital. Fuel prices rose by a third in March, according to official figures.');
  const a = find(list, '40 people were taken');
  assert.equal(a.source, 'the health ministry');
  assert.match(a.rule, /^cue\.according-to/);
  assert.equal(find(list, 'Fuel prices rose').source, 'official figures');
});

test('outlets reporting in their own voice are the speaker, with no via', () => {
  const list = attributions('The Los Angeles Times reported that turnout was the lowest in decades. Reuters points out that the law has never been enforced.');
  const a = find(list, 'turnout was the lowest');
  assert.equal(a.speaker, 'Los Angeles Times');
  assert.deepEqual(a.via, []);
  const b = find(list, 'never been enforced');
  assert.equal(b.cue, 'points out');
  assert.equal(b.speaker, 'Reuters');
});

test('beliefs: "X believes ...", "X fears ..."', () => {
  const list = attributions('Many farmers believe the drought will last another year. The minister fears that prices will double.');
  assert.equal(find(list, 'the drought will last').source, 'Many farmers');
  assert.match(find(list, 'prices will double').rule, /^belief\.think/);
});

test('pronouns resolve to the person named before; "it" to an outlet', () => {
  const text = 'Defence Minister Jonas Ekberg visited the base on Monday. He said the troops would stay until spring. The Guardian published the report on Sunday. It said the contract had been awarded without a tender.';
  const list = attributions(text);
  assert.equal(find(list, 'the troops would stay').speaker, 'Jonas Ekberg');
  assert.equal(find(list, 'awarded without a tender').speaker, 'The Guardian');
});

test('surnames resolve to the full name seen earlier; offices and groups stay as written', () => {
  const text = 'Opposition leader Hanna Kowalczyk called for new elections. Kowalczyk said the government had lost its majority. Her office said she would travel to Brussels. Government officials said the vote would go ahead.';
  const list = attributions(text);
  assert.equal(find(list, 'lost its majority').speaker, 'Hanna Kowalczyk');
  assert.equal(find(list, 'travel to Brussels').speaker, "Hanna Kowalczyk's office");
  assert.equal(find(list, 'the vote would go ahead').speaker, 'Government officials');
});

test('via: "quoted him as saying", "told Reuters", "in an interview with CNN"', () => {
  const text = 'Foreign Minister Idris Haddad spoke after the summit. Newsweek quoted him as saying that the border would remain closed. Haddad told Reuters that talks would continue. In an interview with CNN, Haddad said the ceasefire was holding.';
  const list = attributions(text);
  const a = find(list, 'the border would remain closed');
  assert.equal(a.speaker, 'Idris Haddad');
  assert.deepEqual(a.via, ['Newsweek']);
  assert.equal(a.cue, 'quoted him as saying');
  const b = find(list, 'talks would continue');
  assert.deepEqual(b.via, ['Reuters']);
  assert.equal(b.speaker, 'Idris Haddad');
  const c = find(list, 'the ceasefire was holding');
  assert.deepEqual(c.via, ['CNN']);
});

test('via: "carried by state media", "according to a Reuters report"', () => {
  const list = attributions('The army chief said the exercises were defensive, in remarks carried by state media. Three ships were seized, according to a Reuters report.');
  assert.deepEqual(find(list, 'exercises were defensive').via, ['state media']);
  const b = find(list, 'Three ships were seized');
  assert.ok(b.speaker === 'Reuters' || b.via.includes('Reuters'), JSON.stringify(b));
});

test('nested attributions: the inner one points to the outer and lists it in via', () => {
  const text = 'President Mark Dunmore left for the summit. Secretary of State Laura Fenwick stayed behind. The Washington Post quoted her as saying: “Dunmore said he is ready to meet them without conditions.”';
  const list = attributions(text);
  const outer = find(list, 'Dunmore said he is ready');
  assert.equal(outer.speaker, 'Laura Fenwick');
  assert.equal(outer.via.length, 1);
  assert.match(outer.via[0]!, /Washington Post/);
  const inner = list.find((x) => x.content.startsWith('he is ready'));
  assert.ok(inner, JSON.stringify(list));
  assert.equal(inner.parent, outer.id);
  assert.equal(inner.speaker, 'Mark Dunmore');
  assert.deepEqual(inner.via, [outer.via[0], 'Laura Fenwick']);
});

test('without the entities stage, names, outlets and pronouns are still resolved', () => {
  const list = attributions('Energy Minister Paolo Ricci met investors on Tuesday. He told Bloomberg that the pipeline would be finished by 2024.', bare);
  const a = find(list, 'the pipeline would be finished');
  assert.equal(a.speaker, 'Paolo Ricci');
  assert.deepEqual(a.via, ['Bloomberg']);
});

test('every attribution says why it exists', () => {
  const doc = withEntities.analyzeDocument({ text: '“It is over,” the coach said after the match.', published: null });
  for (const a of doc.layer('attribution')) {
    assert.equal(a.provenance.stage, 'attributions');
    assert.ok(a.provenance.rule && a.provenance.confidence > 0 && a.provenance.confidence <= 1);
  }
  assert.equal(doc.layer('attribution').length, 1);
});

test('sentences without a cue give no attribution', () => {
  assert.deepEqual(attributions('The river rose two metres overnight. Roads were closed across the valley.'), []);
});

test('a quotation credited with a dash and a name', () => {
  const text = 'Readers wrote in about the new tram line.\n\n“It takes me twenty minutes less to get to work.” ― Lena Fischer\n\n“The stops are too far apart.” ― Omar Haddou';
  const list = attributions(text);
  const a = find(list, 'twenty minutes less');
  assert.equal(a.cue, '―');
  assert.equal(a.source, 'Lena Fischer');
  assert.equal(a.rule, 'cue.dash-credit');
  assert.equal(find(list, 'too far apart').source, 'Omar Haddou');
});

test('a description after the name is part of the source; an aside is not', () => {
  const list = attributions('Maria Duarte, a professor of economics at the national university, said the currency would fall. Governor Paul Hendricks, speaking to reporters in the capital, said the roads would reopen.');
  assert.match(find(list, 'the currency would fall').source ?? '', /^Maria Duarte, a professor of economics at the national university,$/);
  assert.equal(find(list, 'the roads would reopen').source, 'Governor Paul Hendricks');
});

test('first-person speech inside a quotation is part of the quote, not an attribution of its own', () => {
  const list = attributions('“I said that we would win, and I think we did,” the coach told reporters.');
  assert.equal(list.length, 1, JSON.stringify(list));
  assert.match(list[0]!.content, /^“I said that we would win/);
});

test('transcripts: a turn opened by a speaker in capitals and a colon', () => {
  const text = 'Part of the interview follows.\n\nHOST: Will the minister resign this week?\n\nALVAREZ: No. I have done nothing wrong, and the inquiry will show it.';
  const list = attributions(text);
  const a = find(list, 'I have done nothing wrong');
  assert.equal(a.source, 'ALVAREZ');
  assert.equal(a.rule, 'cue.transcript-turn');
  assert.ok(a.content.startsWith('No.'), a.content);
});

test('boundaries as PolNeAR draws them: the quotation marks, and the comma inside them, are part of the content', () => {
  const text = '“The harbour will reopen in May,” the port authority said. The mayor said, "We have waited long enough." The council said the plan was late.';
  const list = attributions(text);
  assert.equal(list[0]!.content, '“The harbour will reopen in May,”');
  assert.ok(list.some((a) => a.content === '"We have waited long enough."'), JSON.stringify(list.map((a) => a.content)));
  // words not in quotation marks keep their edges: no full stop at the end
  assert.ok(list.some((a) => a.content === 'the plan was late'), JSON.stringify(list.map((a) => a.content)));
});

test('a poll\'s share before a plain reporting verb is its subject, even when the tagger reads the verb as a noun', () => {
  const list = attributions('Six in 10 say the new mayor is decisive. Nearly 52 percent say they trust the council.');
  assert.deepEqual(list.map((a) => [a.cue, a.source, a.content]), [['say', 'Six in 10', 'the new mayor is decisive'], ['say', 'Nearly 52 percent', 'they trust the council']]);
});
