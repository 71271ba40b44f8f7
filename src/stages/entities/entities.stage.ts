import { actorBaseOf, type ActorBase, type ResolvedActor } from '../../actors/index.js';
import { isTitleCase } from '../../actors/text.js';
import type { Part } from '../../actors/base.js';
import type { EntityType, MentionKind } from '../../core/layers.js';
import type { Range } from '../../core/span.js';
import type { StageFactory } from '../../core/stage.js';
import { tokenIndexRange } from '../../text/lookup.js';
import { EntityBook } from './book.js';
import { classifyUnknownName } from '../../actors/names.js';
import { wordsOfSentence, type Word } from './words.js';

export const ENTITIES_VERSION = '1.0.0';

// words that may sit inside a description between the determiner and the head noun
const INSIDE = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);
const LEADING = /^(?:the|a|an|some|many|several|few|most|other|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|both|all|its|their|his|her|\d+)$/i;

const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Rep|Sen|Gov|Gen|Col|Maj|Capt|Lt|Sgt|Adm|Brig|Cmdr|Rev|Sheikh|Ayatollah|Mullah|Imam|Rabbi|Father|Hon)\.?$/;

const PLACE_BEFORE = /^(?:to|in|into|from|of|with|against|toward|towards|visit|visited|visiting|near|across|inside|outside|and)$/i;

/** A stretch of a sentence that names or describes actors, with the base's parse of it. */
interface Run {
  readonly words: readonly Word[];
  readonly parts: readonly Part[];
  /** index into words of the first word after the leading determiners */
  readonly core: number;
}

/**
 * Entities and their mentions. Each sentence is read as runs of words that can name actors
 * (capitalised names, nationality words, sector words, their adjectives); the actor base parses
 * each run and resolves it as of the publication date. Named people take the country, sector and
 * role of the title before them or the appositive after them; later surnames, titles ("the
 * president") and descriptions of the same person become mentions of that person.
 */
export const entitiesStage: StageFactory = (resources) => {
  const base = actorBaseOf(resources);
  return {
    name: 'entities',
    version: ENTITIES_VERSION,
    requires: ['sentence', 'token'],
    uses: ['date'],
    assigns: ['entity', 'mention'],
    run(doc, out) {
      const date = doc.meta.published ?? null;
      const book = new EntityBook(doc.text);
      const tokens = doc.layer('token');
      for (const sentence of doc.layer('sentence')) {
        const [from, to] = tokenIndexRange(doc, sentence);
        const words = wordsOfSentence(doc.text, tokens, from, to);
        const parts = base.parse(words.map((w) => w.text), date);
        const sentenceText = doc.text.slice(sentence.start, sentence.end);
        for (const run of runsOf(words, parts)) readRun(base, book, run, words, parts, sentenceText, date, doc.text);
      }
      book.settleCountries();
      book.write(out);
    },
  };
};

/** Splits a sentence's parts into runs: maximal stretches with no break that can describe actors. */
function runsOf(words: readonly Word[], parts: readonly Part[]): Run[] {
  const runs: Run[] = [];
  let cur: Part[] = [];
  // how many parts of the current run are not 'other'
  let named = 0;
  const flush = () => {
    if (!cur.length) return;
    // a run ends at its last name, proper word, sector word or modifier
    while (cur.length && cur[cur.length - 1]!.kind === 'other') cur.pop();
    if (named > 0) {
      const first = cur[0]!.at, last = cur[cur.length - 1]!;
      const ws = words.slice(first, last.at + last.words);
      let core = 0;
      while (core < ws.length - 1 && LEADING.test(ws[core]!.text)) core++;
      // parts are never changed: a run from the sentence's first word shares them
      runs.push({ words: ws, parts: first === 0 ? cur : cur.map((p) => shifted(p, first)), core });
    }
    cur = [];
    named = 0;
  };
  for (const p of parts) {
    const w = words[p.at]!;
    // a run does not go on past a possessive into a verb, nor across punctuation
    const joins = cur.length > 0 && !w.breakBefore;
    let fits: boolean;
    if (p.kind === 'other') {
      fits = INSIDE.has(w.pos) || named === 0 && (LEADING.test(w.text) || w.pos === 'DET');
      if (fits && w.pos === 'PROPN' && /^\p{Ll}/u.test(w.text)) fits = false;
    } else if (p.kind === 'proper') {
      // a capitalised word at the start of a sentence is a name only when tagged as one
      fits = w.pos === 'PROPN' || w.index > 0;
    } else fits = true;
    if (!fits) { flush(); continue; }
    if (!joins) flush();
    cur.push(p);
    if (p.kind !== 'other') named++;
    // a possessive ends a name run only when a name follows ("Iran’s foreign minister" goes on)
  }
  flush();
  return runs;
}

/** A part with its word index counted from `by` words later (a copy: parts are shared, never changed). */
function shifted(p: Part, by: number): Part {
  // one literal a kind rather than a spread of a varying shape (V8 copies spreads slowly)
  switch (p.kind) {
    case 'name': return p.surname === undefined
      ? { kind: p.kind, entry: p.entry, at: p.at - by, words: p.words }
      : { kind: p.kind, entry: p.entry, at: p.at - by, words: p.words, surname: p.surname };
    case 'sector': return { kind: p.kind, word: p.word, at: p.at - by, words: p.words };
    case 'modifier': return { kind: p.kind, modifier: p.modifier, at: p.at - by, words: p.words };
    case 'proper': return { kind: p.kind, word: p.word, at: p.at - by, words: p.words };
    case 'other': return { kind: p.kind, word: p.word, at: p.at - by, words: p.words };
  }
}

const textOf = (words: readonly Word[], full: string) => full.slice(words[0]!.start, words[words.length - 1]!.end);
const spanOf = (words: readonly Word[]): Range => ({ start: words[0]!.start, end: words[words.length - 1]!.end });

function mentionKindOf(actor: ResolvedActor, text: string, surname: boolean): MentionKind {
  if (surname) return 'surname';
  if (actor.rule.startsWith('metonym') || actor.rule.startsWith('capital')) return 'metonym';
  if (actor.rule.startsWith('adjective') || actor.rule.startsWith('plural')) return 'demonym';
  if (/^[A-Z.]{2,}$/.test(text)) return 'acronym';
  return actor.type === 'NORP' || actor.type === 'ORG' && !actor.actorId ? 'description' : 'name';
}

/** Reads one run: the names in it, the person it introduces, the group or body it describes. */
function readRun(base: ActorBase, book: EntityBook, run: Run, sentenceWords: readonly Word[], sentenceParts: readonly Part[],
  sentence: string, date: string | null, full: string): void {
  const { words, parts } = run;
  const lastPart = parts[parts.length - 1]!;
  // the person named at the end of the run: known (a name part), or unknown capitalised words
  let nameStart = parts.length;
  while (nameStart > 0) {
    const p = parts[nameStart - 1]!;
    // "Michael Jordan": a name that can be a surname, after a given name, is one
    const surnameSense = p.kind === 'name' && p.entry.otherSense?.type === 'PERSON' && parts[nameStart - 2]?.kind === 'proper';
    if (p.kind === 'proper' || (p.kind === 'name' && p.entry.kind === 'person') || surnameSense) nameStart--;
    else break;
  }
  // "Mr", "Rep.", "Gen." before a name belong to the title, not to the name
  while (nameStart < parts.length - 1 && parts[nameStart]!.kind === 'proper' && HONORIFIC.test(words[parts[nameStart]!.at]!.text)) nameStart++;
  // "Trump spokesman Jason Miller" written "Trump Jason Miller" in a caption: a known person
  // before two unknown capitalised words is a mention of their own
  while (parts.length - nameStart >= 3 && parts[nameStart]!.kind === 'name' && parts.slice(nameStart + 1).every((p) => p.kind === 'proper')) {
    const p = parts[nameStart] as Extract<Part, { kind: 'name' }>;
    addName(base, book, p, words.slice(p.at, p.at + p.words), full, date, sentence);
    nameStart++;
  }
  const nameParts = parts.slice(nameStart);
  const before = parts.slice(0, nameStart);
  let headIndex = before.length - 1;
  while (headIndex >= 0 && before[headIndex]!.kind !== 'sector') headIndex--;
  // the title stands right before the name ("Foreign Minister Javad Zarif"), not a word away
  const headPart = before[headIndex];
  const titled = nameParts.length > 0 && headIndex >= 0 && headIndex === nameStart - 1
    // "the president's Pacific roots": a possessive title does not name what follows
    && !(headPart && words[headPart.at + headPart.words - 1]!.possessive);

  // names inside the run before its head, each its own entity ("White House" of "White House
  // officials", "North Korean" of "North Korean dictator Kim"); organisation words with the
  // names before them ("the Iranian Foreign Ministry" of "... Ministry spokesman Qassemi")
  const prefixEnd = nameParts.length ? nameStart : parts.length - 1;
  // "anti-government protests": a modifier before a noun that is not an actor describes the noun
  const after = sentenceWords[words[words.length - 1]!.index + 1];
  if (lastPart.kind === 'modifier' && after && !after.breakBefore && after.pos === 'NOUN') return;
  // "military action", "criminal justice", "executive order": a sector word before a noun that
  // is not an actor is an adjective of that noun (but "the president's offer" names the president)
  const lastWord = words[words.length - 1]!;
  if (lastPart.kind === 'sector' && !lastWord.possessive && after && !after.breakBefore && after.pos === 'NOUN' && /^\p{Ll}/u.test(after.text)) {
    if (!parts.some((p) => p.kind === 'name' || p.kind === 'proper')) return;
  }
  for (let i = 0; i < prefixEnd; i++) {
    const p = parts[i]!;
    if (p.kind === 'name') {
      const ws = words.slice(p.at, p.at + p.words);
      // in a group noun the nationality word is part of the group, not an entity of its own
      if (!titled && p.entry.kind === 'adjective' && lastPart.kind === 'sector') continue;
      addName(base, book, p, ws, full, date, sentence, undefined, beforeOf(sentenceWords, ws[0]!));
    } else if (p.kind === 'sector' && p.word.organisation && i < prefixEnd - 1 && i > 0) {
      const ws = words.slice(run.core, p.at + p.words);
      const text = textOf(ws, full);
      const actor = base.resolve(text, { date, context: sentence, cues: full });
      if (actor && actor.country) book.add(actor, spanOf(ws), 'description', headKey(actor, ws));
    }
  }

  if (nameParts.length) {
    const nameWords = words.slice(nameParts[0]!.at, lastPart.at + lastPart.words);
    const known = nameParts.length === 1 && nameParts[0]!.kind === 'name' ? nameParts[0] as Extract<Part, { kind: 'name' }> : null;
    const proper = nameParts.filter((p) => p.kind === 'proper');
    if (titled || proper.length >= 2 || known || proper.length === 1) {
      const description = textOf(words.slice(run.core), full);
      const appositive = titled ? null : appositiveAfter(base, sentenceWords, sentenceParts, nameWords[nameWords.length - 1]!, full, date, sentence);
      let actor: ResolvedActor | null;
      const nameText = textOf(nameWords, full);
      // a surname the article has already given a person to
      const inDoc = nameWords.length === 1 ? book.personBySurname(nameText, nameWords[0]!.start) : null;
      if (inDoc !== null && !titled) {
        book.mention(inDoc, spanOf(nameWords), 'surname');
        return;
      }
      // a title before one word that cannot be a name ("General Assembly", "President But") is no person
      if (titled && !known && proper.length === 1 && nameParts.length === 1 && !classifyUnknownName(['X', proper[0]!.word])) return;
      // "WALLACE: But, Governor ...": a word that is no name before an appositive is not a person
      if (appositive && !known && proper.length === nameParts.length && !classifyUnknownName(proper.length === 1 ? ['X', proper[0]!.word] : proper.map((p) => (p as { word: string }).word))) return;
      // in a headline every word has its capital: unknown capitalised words there are no one's name,
      // after a title or not ("Pompeo Sets Preconditions", "Maduro's Order", "Diplomats Draws Protest")
      const headline = isTitleCase(sentenceWords.map((w) => w.text));
      if (headline && titled && !known && proper.length === nameParts.length) return;
      if (titled) actor = base.resolve(description, { date, context: sentence, cues: full });
      else if (appositive) actor = base.resolve(`${nameText}, ${appositive.text}`, { date, context: sentence, cues: full });
      else actor = base.resolve(nameText, { date, context: sentence, cues: full });
      // capitalised words the base cannot place: the words themselves tell what they are
      if (actor?.rule === 'person.unknown') actor = null;
      // a body the base named by its head noun alone (NAME_RULES) is its own entity, as below: two
      // unknown bodies of one head ("Cato Institute", "Enterprise Institute") are not one
      // ("a member of the Armed Services Committee": the body is the name, not the description)
      const namedBody = (a: ResolvedActor | null) => !!a && !a.actorId && a.rule.split('+').pop()!.startsWith('name.head.');
      if (namedBody(actor)) {
        const body = titled ? base.resolve(nameText, { date, context: sentence, cues: full }) : actor;
        if (body && namedBody(body)) { book.add(body, spanOf(nameWords), 'name'); return; }
      }
      if (!actor && nameParts.length >= 2) {
        const what = classifyUnknownName(nameWords.map((w) => w.text));
        if (!what) return;
        if (what.type === 'PERSON' && headline) return;
        actor = { name: nameText, type: what.type, country: null, sector: what.sector, role: null, rule: what.rule, confidence: 0.4 };
        if (what.type !== 'PERSON') { book.add(actor, spanOf(nameWords), 'name'); return; }
      }
      // an unknown name that is not a person's keeps no title ("Tax Policy Center" after "the")
      if (actor?.type === 'PERSON' && !actor.actorId && !titled && !appositive && proper.length === nameParts.length && !classifyUnknownName(nameWords.map((w) => w.text))) return;
      if (actor && (actor.type === 'PERSON' || known)) {
        // one word for a person with a longer name is their surname
        const surname = !!known?.surname || (nameWords.length === 1 && actor.type === 'PERSON' && actor.name.includes(' '));
        // the words that introduced the person with a role: the title and the name, or the name and its appositive
        const evidence = titled ? { start: words[run.core]!.start, end: nameWords[nameWords.length - 1]!.end }
          : appositive ? { start: nameWords[0]!.start, end: appositive.span.end } : null;
        book.add(actor, spanOf(nameWords), surname ? 'surname' : mentionKindOf(actor, nameText, false), undefined, evidence);
        if (appositive && actor.type === 'PERSON') book.skip(appositive.span);
        return;
      }
      if (actor) { book.add(actor, spanOf(nameWords), mentionKindOf(actor, nameText, false), headKey(actor, nameWords)); return; }
    }
    // proper words we cannot place: leave them
    if (!titled) return;
  }

  // the run is a description: a group, a body, or a title standing for a person
  const coreWords = words.slice(run.core);
  if (lastPart.kind === 'name') {
    const ws = words.slice(lastPart.at, lastPart.at + lastPart.words);
    // "the Iranians": the article decides GOV or CVL, so the determiner goes with the name
    const text = lastPart.entry.kind === 'plural' ? textOf(words.slice(Math.min(run.core, lastPart.at) > 0 ? lastPart.at - 1 : lastPart.at, lastPart.at + lastPart.words), full) : textOf(ws, full);
    addName(base, book, lastPart, ws, full, date, sentence, text, beforeOf(sentenceWords, ws[0]!));
    return;
  }
  const text = textOf(coreWords, full);
  if (book.skipped(spanOf(coreWords))) return;
  let actor = base.resolve(text, { date, context: sentence, cues: full });
  if (!actor) return;
  // "his subordinates", "her aides": the group of the person last named before them
  const owner = run.core > 0 && /^(?:his|her)$/i.test(words[run.core - 1]!.text) && actor.type === 'NORP' ? book.lastPerson(words[0]!.start) : null;
  if (owner && actor) {
    const surname = owner.name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).pop() ?? owner.name;
    actor = { ...actor, name: `${surname}’s ${text}`, country: actor.country ?? owner.country, rule: `${actor.rule}+possessor.person`, confidence: Math.min(actor.confidence, 0.6) };
    book.add(actor, spanOf(words), 'description', `${headKey(actor, coreWords)}|${owner.name}`);
    return;
  }
  if (actor.type === 'PERSON' && actor.rule.startsWith('title.holder')) {
    // a title the base gave a holder for: the article's own person of that role comes first
    const inDoc = book.personWithRole({ ...actor, role: actor.role }, coreWords[0]!.start, text);
    if (inDoc !== null) book.mention(inDoc, spanOf(words), 'title');
    else book.add(actor, spanOf(words), 'title');
    return;
  }
  if (actor.type === 'PERSON' && !actor.actorId) {
    // "the president", "Iran's foreign minister": the person of that role the article has named, or the base's holder of it
    const person = book.personWithRole(actor, coreWords[0]!.start, text) ?? holderOf(base, actor, date);
    if (person !== null) {
      if (typeof person === 'number') book.mention(person, spanOf(words), 'title');
      else book.add(person, spanOf(words), 'title');
    }
    return;
  }
  book.add(actor, spanOf(words), mentionKindOf(actor, text, false), headKey(actor, coreWords));
}

/** A name part as an entity of its own. */
/** The word right before `w` in its sentence when nothing separates them, else ''. */
function beforeOf(words: readonly Word[], w: Word): string {
  const prev = words[w.index - 1];
  return prev && !w.breakBefore ? prev.text : '';
}

function addName(base: ActorBase, book: EntityBook, p: Extract<Part, { kind: 'name' }>, ws: readonly Word[], full: string, date: string | null, sentence: string, text?: string, before = ''): void {
  const t = text ?? textOf(ws, full);
  // "Jordan said" after "Jim Jordan" is the person; "aid to Jordan" is still the country
  if (p.entry.otherSense?.type === 'PERSON' && !PLACE_BEFORE.test(before)) {
    const inDoc = book.personBySurname(t, ws[0]!.start);
    if (inDoc !== null) { book.mention(inDoc, spanOf(ws), 'surname'); return; }
  }
  if (p.surname) {
    const inDoc = book.personBySurname(t, ws[0]!.start);
    if (inDoc !== null) { book.mention(inDoc, spanOf(ws), 'surname'); return; }
  }
  const actor = base.resolve(p.surname ? p.entry.name : t, { date, context: sentence, before, cues: full });
  if (!actor) return;
  // the dateline's city says where the story was filed: a place, never an actor ("ANKARA, May 3 -")
  if (actor.type === 'GPE' && inDateline(full, ws[0]!.start)) {
    const place = { ...actor, sector: null, rule: `${actor.rule}+dateline` };
    book.add(place, spanOf(ws), 'name', `dateline|${actor.actorId ?? actor.name}`);
    return;
  }
  const span = text && text !== textOf(ws, full) ? { start: full.indexOf(text, ws[0]!.start - text.length), end: ws[ws.length - 1]!.end } : spanOf(ws);
  book.add(actor, span.start >= 0 ? span : spanOf(ws), mentionKindOf(actor, textOf(ws, full), !!p.surname), actor.actorId ? `${actor.actorId}|${p.entry.kind === 'capital' || p.entry.kind === 'metonym' ? actor.name : p.entry.kind}` : undefined);
}

// a dateline: a place in capitals at the head of the article, then a comma or an agency in
// brackets, a date or nothing, and a dash ("KYIV, Feb 24 (Reuters) -", "ANKARA -")
const DATELINE = /^\s*[\p{Lu}][\p{Lu}\p{M} .'’-]{1,40}(?:,[^\n]{0,40}?)?(?:\s*\([^)\n]{1,30}\))?\s+[-–—]{1,2}\s/u;

/** Whether the offset lies in the article's dateline. */
function inDateline(full: string, offset: number): boolean {
  if (offset > 60) return false;
  const m = DATELINE.exec(full.slice(0, 120));
  return !!m && offset < m[0].search(/[,(]|\s[-–—]/u);
}

/** The grouping key of a description: same type, country, sector and head word are one entity. */
function headKey(actor: ResolvedActor, words: readonly Word[]): string {
  const head = words[words.length - 1]!.text.toLowerCase();
  return `${actor.type}|${actor.country}|${actor.sector}|${head}`;
}

/** ", Iran's foreign minister," after a name: the words of the appositive, when it has a title in it. */
function appositiveAfter(base: ActorBase, words: readonly Word[], parts: readonly Part[], last: Word, full: string, date: string | null, sentence: string): { text: string; span: Range } | null {
  const i = last.index + 1;
  const next = words[i];
  if (!next || !next.breakBefore || full.slice(last.end, next.start).trim() !== ',') return null;
  let j = i;
  while (j < words.length && (j === i || !words[j]!.breakBefore)) j++;
  const ws = words.slice(i, j);
  if (ws.length > 8) return null;
  const hasTitle = parts.some((p) => p.at >= i && p.at < j && p.kind === 'sector' && p.word.person);
  if (!hasTitle) return null;
  const text = textOf(ws, full);
  const actor = base.resolve(text, { date, context: sentence, cues: full });
  return actor && (actor.country || actor.sector) ? { text, span: spanOf(ws) } : null;
}

/** The office holder of the base that a title with a country stands for on the date ("Iran's foreign minister" in 2018). */
function holderOf(base: ActorBase, title: ResolvedActor, date: string | null): ResolvedActor | null {
  if (!date || !title.country || !title.role) return null;
  const h = base.holderOf(title.role, title.country, date);
  return h ? { name: h.person.name, type: 'PERSON', country: h.term.country, sector: h.term.sector, role: h.term.role, actorId: h.person.id, rule: 'title.holder', confidence: 0.75 } : null;
}

export type { EntityType };
