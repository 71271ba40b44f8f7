import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attributions, byCue } from './helpers.js';

// one test a pattern of issue 13, on sentences written for them

test('the passive "was quoted as saying by" an outlet: the quoted person speaks, the outlet relays', () => {
  const a = byCue(attributions('Iran will not negotiate under pressure, Ali Vaezi was quoted as saying by Fars news agency.'), 'was quoted as saying');
  assert.equal(a.source, 'Ali Vaezi');
  assert.equal(a.content, 'Iran will not negotiate under pressure');
  assert.deepEqual(a.via, ['Fars']);
});

test('a trailing relay (", CNBC reports", ", per the New York Times", ", reports the AP") is via, not content', () => {
  for (const [tail, outlet] of [['CNBC reports', 'CNBC'], ['per the New York Times', 'New York Times'], ['reports the AP', 'Associated Press']] as const) {
    const a = byCue(attributions(`The deal will be signed next week, the minister said, ${tail}.`), 'said');
    assert.equal(a.content, 'The deal will be signed next week');
    assert.deepEqual(a.via, [outlet], tail);
  }
});

test('"according to X, Y said": Y speaks, X relays', () => {
  const list = attributions('According to Reuters, Pompeo said the talks would resume.');
  const a = byCue(list, 'said');
  assert.equal(a.source, 'Pompeo');
  assert.deepEqual(a.via, ['Reuters']);
  assert.equal(a.content, 'the talks would resume');
});

test('"the statement said" is the body that issued it', () => {
  const a = byCue(attributions('The European Union issued new rules on Monday. The statement said the measures were temporary.'), 'said');
  assert.equal(a.source, 'The statement');
  assert.equal(a.speaker, 'European Union');
});

test('"X, an aide to Y, said" is X', () => {
  const a = byCue(attributions('Hamid Abutalebi, an aide to Hassan Rouhani, said the offer was a humiliation.'), 'said');
  assert.equal(a.speaker, 'Hamid Abutalebi');
});

test('a headline "Iran\'s Zarif Says ..." gives Zarif, not Iran', () => {
  const a = byCue(attributions("Iran's Zarif Says Talks Are Over"), 'Says');
  assert.match(a.speaker ?? '', /Zarif$/);
  assert.doesNotMatch(a.speaker ?? '', /Iran/);
});

test('content from the right side of the cue: ", an official said on Tuesday, a day after ..." reports the words before it', () => {
  const a = byCue(attributions('Protesters will be punished, an official said on Tuesday, a day after the riots in the capital.'), 'said');
  assert.equal(a.content, 'Protesters will be punished');
  assert.equal(a.source, 'an official');
});

test('no speech in "recalled its envoy"; "recalled that ..." still reports', () => {
  assert.deepEqual(attributions('Seoul recalled its envoy to Tokyo on Monday.'), []);
  assert.equal(byCue(attributions('The minister recalled that the envoy had warned of the attack.'), 'recalled').content, 'that the envoy had warned of the attack');
});

test('a capitalised adverb opening a sentence ("Then the mayor said") is no part of the source', () => {
  const list = attributions('Pompeo told reporters on Friday that the plan stood. Then the mayor said the bridge would reopen.');
  assert.equal(byCue(list, 'said').source, 'the mayor');
});

test('sources as PolNeAR draws them: the closing comma of an appositive and a party label before the cue', () => {
  assert.equal(byCue(attributions('Michael Flynn, a top campaign surrogate, said the deal was bad.'), 'said').source, 'Michael Flynn, a top campaign surrogate,');
  assert.equal(byCue(attributions('Rep. John Mica (R-Fla.) said the hearing would go on.'), 'said').source, 'Rep. John Mica (R-Fla.)');
});

test('a headline with the cue after the content and its hearer ("..., Trump tells N. Korea"): the words before the comma', () => {
  const a = byCue(attributions("Threats invite 'fury,' Trump tells N. Korea"), 'tells');
  assert.equal(a.source, 'Trump');
  assert.match(a.content, /^Threats invite 'fury/);
  // the straight single quotes are quotation marks: the quotation and the clause leading into it
  assert.equal(a.rule, 'cue.tell.quote-before');
  // the same shape in body text, the hearer followed by an adjunct
  const b = byCue(attributions('The border will stay closed, the minister told reporters on Friday.'), 'told');
  assert.equal(b.rule, 'cue.tell.content-before-hearer');
  assert.equal(b.content, 'The border will stay closed');
  assert.equal(b.source, 'the minister');
  // a noun phrase that opens a clause after the verb is no hearer: nothing is read before the comma
  assert.ok(!attributions('The border will stay closed, the minister told reporters the plan failed.').some((x) => x.content === 'The border will stay closed'));
});

test('"with a warning: ..." and "..., warning that ...": the clause after the cue, the main clause\'s subject as speaker', () => {
  const a = byCue(attributions('The president ended the meeting with a warning: the talks would not resume without a deal.'), 'warning:');
  assert.equal(a.content, 'the talks would not resume without a deal');
  assert.equal(a.source, 'The president');
  assert.equal(a.rule, 'cue.with-noun');
  const b = byCue(attributions('The minister left the talks early, warning that the sanctions would stay in place.'), 'warning');
  assert.equal(b.content, 'that the sanctions would stay in place');
  assert.equal(b.source, 'The minister');
  // a relative "that" after the noun is no report
  assert.deepEqual(attributions('The mayor opened the session with a statement that angered the council.'), []);
});

test('"He tweeted" / "she wrote on Twitter": the person the sentences before are about, not the last-named man', () => {
  // the last person named (Mike Pence) is the object of the sentence before; its subject is "he", and before it Tom Baker
  const a = byCue(attributions('Senator Tom Baker spoke at the rally on Friday. He later met Mike Pence, who had flown in from Washington. He tweeted that the plan was a disaster.'), 'tweeted');
  assert.equal(a.speaker, 'Tom Baker');
  // a clause opener before the pronoun keeps the chain ("On Saturday, she ...")
  const b = byCue(attributions('Senator Jane Ortiz visited the plant on Friday. On Saturday, she toured the port with Mike Pence. She wrote on Twitter that the port would close.'), 'wrote');
  assert.equal(b.speaker, 'Jane Ortiz');
});

test('", warning that" after a relative clause is said by the main clause\'s subject, not the relative one', () => {
  for (const verb of ['met', 'criticized']) {
    const list = attributions(`The governor ${verb} the senator, who said the bill was fair, warning that the state could not pay for it.`);
    assert.equal(byCue(list, 'warning').source, 'The governor', verb);
    assert.equal(byCue(list, 'said').speaker, 'the senator', verb);
  }
  const adjunct = byCue(attributions('The mayor met Tom Baker, who runs the port, on Monday, warning that the strike must end.'), 'warning');
  assert.equal(adjunct.source, 'The mayor');
  // a main verb after the relative clause: its subject, as before
  const main = byCue(attributions('Sen. Ann Ruiz, who leads the budget committee, voted against the plan on Tuesday, warning that it would cost billions.'), 'warning');
  assert.equal(main.speaker, 'Ann Ruiz');
});

test('a description that keeps its bearer anonymous ("the senior official", "a senior administration official") is not the last person named', () => {
  const definite = byCue(attributions('President Donald Trump met Kim Jong Un in Singapore on Tuesday. The senior official told reporters that the summit had gone well.'), 'told');
  assert.equal(definite.speaker, 'The senior official');
  const indefinite = byCue(attributions('Donald Trump spoke at the rally on Friday. A senior administration official told reporters that the talks would go on.'), 'told');
  assert.equal(indefinite.speaker, 'A senior administration official');
  // "the spokesman" is not the president named before; "the minister" is still the minister named before
  assert.equal(byCue(attributions('President Donald Trump arrived in Hanoi on Monday. The spokesman said the talks would go on.'), 'said').speaker, 'The spokesman');
  assert.equal(byCue(attributions('Foreign Minister Javad Zarif arrived in New York on Monday. The minister said Iran would not negotiate.'), 'said').speaker, 'Javad Zarif');
  // of the country the description names, and the minister named before rather than one the actor base knows by that title
  const iranian = 'Foreign Minister Javad Zarif met Foreign Minister Heiko Maas in Geneva on Monday. The Iranian minister said the talks had failed.';
  assert.equal(byCue(attributions(iranian), 'said').speaker, 'Javad Zarif');
  assert.equal(byCue(attributions(iranian.replace('Iranian', 'German')), 'said').speaker, 'Heiko Maas');
});

test('"the ministry said", "the magazine reported": the body or the outlet named before', () => {
  const ministry = byCue(attributions("Iran's Foreign Ministry summoned the Swiss envoy on Monday. The ministry said the sanctions were illegal."), 'said');
  assert.equal(ministry.source, 'The ministry');
  assert.match(ministry.speaker ?? '', /Foreign Ministry$/);
  const list = attributions('Zarif told Der Spiegel that Iran would not talk, the magazine reported on Monday.');
  assert.equal(byCue(list, 'reported on').speaker, 'Der Spiegel');
});

test('"He wrote on Twitter" after a subject the entities stage left unnamed: the subject, not the man named after it', () => {
  const a = byCue(attributions('Senator Tom Baker met President Donald Trump on Friday. He wrote on Twitter that the meeting was productive.'), 'wrote');
  assert.equal(a.speaker, 'Tom Baker');
});

test('"clarified" reports a clause (the learned cue tagger knows the verb)', () => {
  const a = byCue(attributions('The spokesman later clarified that the offer still stood.'), 'later clarified');
  assert.equal(a.content, 'that the offer still stood');
  assert.equal(a.source, 'The spokesman');
});

test('a quotation after a verb with a sense that is no speech ("recalled: ...") is speech whatever its words', () => {
  const a = byCue(attributions('The spokesman recalled: "The envoy left the capital at night."'), 'recalled:');
  assert.equal(a.rule, 'cue.recall.quote-after');
  assert.equal(a.content, '"The envoy left the capital at night."');
});

test('"obtained by" / "seen by" an outlet: the document speaks, the outlet relays', () => {
  const a = byCue(attributions('The letter, obtained by The Straits Times, says the port will close in May.'), 'says');
  assert.deepEqual(a.via, ['Straits Times']);
  const b = byCue(attributions('The port will close in May, according to a letter seen by Reuters.'), 'according to');
  assert.equal(b.speaker, 'a letter');
  assert.deepEqual(b.via, ['Reuters']);
});

test('"told the magazine that ..., it reported": the speaker told it, the outlet relays, and the relay is no part of what was told', () => {
  const list = attributions('Foreign Minister Javad Zarif gave an interview to Der Spiegel. He told the magazine that Iran would not negotiate, it reported on Monday.');
  const told = byCue(list, 'told');
  assert.equal(told.speaker, 'Javad Zarif');
  assert.equal(told.content, 'that Iran would not negotiate');
  assert.deepEqual(told.via, ['Der Spiegel']);
  assert.equal(byCue(list, 'reported on').speaker, 'Der Spiegel');
});

test('"In a joint statement, France, Germany and Britain said": the whole list speaks, as written', () => {
  const a = byCue(attributions('In a joint statement, France, Germany and Britain said they regretted the decision.'), 'said');
  assert.equal(a.source, 'France, Germany and Britain');
  assert.equal(a.speaker, 'France, Germany and Britain');
  // a clause opener before a pair is no member of the list
  assert.equal(byCue(attributions('On Monday, Germany and Britain said they regretted the decision.'), 'said').source, 'Germany and Britain');
  assert.equal(byCue(attributions('In Paris, Germany and Britain said they regretted the decision.'), 'said').source, 'Germany and Britain');
});

test('a quotation split around its cue keeps its first half even when both halves are short', () => {
  const a = byCue(attributions('"The sanctions," the minister said, "are economic terrorism."'), 'said');
  assert.equal(a.rule, 'cue.say.split-quote');
  assert.deepEqual(a.parts, ['"The sanctions,"', '"are economic terrorism."']);
});

test('guards of issue 13\'s patterns that already held: "claimed", "X said, Tasnim news agency reported", "John Bolton ... said" after Trump', () => {
  assert.equal(byCue(attributions('The minister claimed that the ship had entered Iranian waters.'), 'claimed').content, 'that the ship had entered Iranian waters');
  const vaezi = byCue(attributions('The talks will resume in Geneva, Vaezi said, Tasnim news agency reported.'), 'said');
  assert.equal(vaezi.content, 'The talks will resume in Geneva');
  assert.deepEqual(vaezi.via, ['Tasnim']);
  for (const text of ['President Donald Trump left Hanoi on Thursday. John Bolton, the national security adviser, said the talks had failed.', 'President Donald Trump left Hanoi on Thursday. National Security Adviser John Bolton said the talks had failed.']) {
    assert.equal(byCue(attributions(text), 'said').speaker, 'John Bolton', text);
  }
});
