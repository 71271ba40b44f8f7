import type { Document } from '../../core/document.js';
import type { ActorRefData, EntityType } from '../../core/layers.js';
import type { Range } from '../../core/span.js';
import { lowerForm, sentenceIndexAt } from '../../text/lookup.js';
import givenNames from './given-names.json' with { type: 'json' };
import mobyNames from './given-names.moby.json' with { type: 'json' };
import { findOutlets } from './outlets.js';

/** Someone who can be a speaker: from the entities layer, or a capitalised name found in the text. */
export interface Candidate {
  readonly name: string;
  readonly type: EntityType | 'UNKNOWN';
  readonly country: string | null;
  readonly sector: string | null;
  readonly at: number;
  readonly span: Range;
  readonly entity?: number;
  /** the office the entities stage knows the person by ("President"), for role descriptions */
  readonly role?: string | null;
  /** the entities stage read the person from a title or a description ("the Iranian minister"), not a name */
  readonly described?: boolean;
}

/** Looks a description up in the actor base: its country and sector, and a canonical name for persons. */
export type Describe = (text: string) => { name: string; type: string; country: string | null; sector: string | null } | null;

const PERSON_PRONOUNS = new Set(['he', 'she', 'him', 'her', 'his']);
// pronouns that are the subject of their clause, for subject continuity
const SUBJECT_PRONOUNS = new Set(['he', 'she']);
// how far back a chain of pronouns may lead to the named subject, and how long a subject may be
const CONTINUITY_SENTENCES = 4;
const SUBJECT_TOKENS = 14;
const VERB_TAGS = new Set(['VERB', 'AUX']);
const HONORIFIC = /\b(Mr|Mrs|Ms|Miss)\b\.?/;
// an honorific right before a name ("Mrs. Clinton", "Mr Obama")
const HONORIFIC_BEFORE = /\b(Mr|Mrs|Ms|Miss)\b\.?\s+$/;
const THING_PRONOUNS = new Set(['it', 'its']);
const GROUP_PRONOUNS = new Set(['they', 'them', 'we', 'i', 'you', 'who']);
// heads of descriptions that stand for a person named nearby ("the spokesman", "the Secretary of State")
const ROLE_WORDS = /\b(president|secretary|minister|spokesman|spokeswoman|spokesperson|leader|chairman|chairwoman|senator|governor|ambassador|director|chief|official|premier|chancellor|king|queen|prince|general|commander|candidate|nominee|mayor|envoy|adviser|advisor|lawmaker|congressman|congresswoman|representative|speaker|aide|head)\b/i;
const NAME_RUN = /(?:\p{Lu}[\p{L}’'.-]+)(?:\s+(?:\p{Lu}[\p{L}’'.-]+|de|al|bin|van|von|la|of\s+\p{Lu}[\p{L}]+))*/gu;
// capitalised titles before a name: "Energy Minister Paolo Ricci" names Paolo Ricci
const TITLE = /^(?:president|minister|secretary|senator|sen\.|rep\.|gov\.|governor|spokesman|spokeswoman|spokesperson|leader|chairman|chairwoman|chief|general|gen\.|ambassador|director|mayor|premier|chancellor|envoy|judge|speaker|king|queen|prince|commander|adviser|advisor|officer|head|lawmaker|congressman|congresswoman|representative|candidate|nominee|pope|ayatollah|sheikh|dr\.?|mr\.?|mrs\.?|ms\.?)$/i;
const NOT_NAMES = new Set(['The', 'A', 'An', 'But', 'And', 'In', 'On', 'At', 'He', 'She', 'It', 'They', 'We', 'I', 'This', 'That', 'These', 'Those', 'His', 'Her', 'Their', 'Its', 'If', 'When', 'While', 'After', 'Before', 'As', 'For', 'With', 'According', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Mr', 'Mrs', 'Ms', 'Dr', 'So', 'Yet', 'Still', 'However', 'There', 'Some', 'Many', 'What', 'Why', 'How', 'Who', 'Not', 'No']);

type Gender = 'female' | 'male';
const PRONOUN_GENDER: ReadonlyMap<string, Gender> = new Map([['he', 'male'], ['him', 'male'], ['his', 'male'], ['she', 'female'], ['her', 'female']]);
const genderOfHonorific = (honorific: string): Gender => (honorific.toLowerCase() === 'mr' ? 'male' : 'female');
// the given names written by hand: enough to tell a person's name from a body's ("Tom Baker" from "Foreign Ministry")
const GIVEN_NAME_GENDER: ReadonlyMap<string, Gender> = new Map([
  ...givenNames.female.map((n) => [n, 'female'] as const),
  ...givenNames.male.map((n) => [n, 'male'] as const),
]);
// for a name's gender, the public lists too (given-names.moby.json; many are also places and words, "Virginia", "Will", so they tell no person from a body)
const GENDER_OF_GIVEN_NAME: ReadonlyMap<string, Gender> = new Map([
  ...mobyNames.female.map((n) => [n, 'female'] as const),
  ...mobyNames.male.map((n) => [n, 'male'] as const),
  ...GIVEN_NAME_GENDER,
]);

/** Whether a person of `gender` (an honorific's or a pronoun's) may bear a full name: its given name is not one of the other gender's (given-names.json). */
function fitsGender(name: string, gender: Gender | null): boolean {
  const space = name.indexOf(' ');
  if (!gender || space < 0) return true;
  const given = GENDER_OF_GIVEN_NAME.get(lowerForm(name.slice(0, space)));
  return !given || given === gender;
}

/**
 * "Hillary Clinton" is not "William Jefferson Clinton": a person's name of two words or more stands
 * for a fuller name that opens with the same given name, or that ends with all of it (a surname of
 * two words, "Guajardo Villarreal", "Van Voorhis").
 */
function keepsGivenName(short: string, full: string): boolean {
  const space = short.indexOf(' ');
  // "Mr. King" has a title where the given name would be
  return space < 0 || TITLE.test(short.slice(0, space)) || full.startsWith(short.slice(0, space + 1)) || full.endsWith(` ${short}`);
}

const SUCH_GROUP = /^(?:(?:several|some|many|few|two|three|four|five|all|the)\s+)?(?:such|these|those)\s+(officials|leaders|diplomats|lawmakers|ministers|analysts|experts|critics|groups|activists|protesters|officers|commanders|negotiators)$/i;

const STATEMENT = /^(?:the|a|its|their|this|that)\s+(?:(?:joint|written|brief|separate|official|new)\s+)?(?:statement|communiqu[eé]|release|press release|announcement|declaration|notice)$/;

/**
 * Definite descriptions that stand for a body or an outlet named before ("the ministry said", "the
 * magazine reported"): the last candidate of that kind, within a few paragraphs, whose name has the
 * head noun (a body: "Foreign Ministry"), or any outlet (an outlet). One entry a kind of description;
 * the ids name them (speakers are data of the attribution, not rules it was made by, so the catalogue
 * does not list them).
 */
export const BODY_DESCRIPTIONS: readonly { readonly id: string; readonly description: RegExp; readonly refers: 'outlet' | 'body' | 'author' }[] = [
  // "the poll found": who made the poll named before ("a new Quinnipiac University poll", "a CNN/ORC survey")
  { id: 'speaker.the-poll', description: /^the\s+(?:(?:new|latest|recent|same|national|online|exit|nationwide|statewide|\d+-state)\s+)*(poll|survey)$/, refers: 'author' },
  { id: 'speaker.the-outlet', description: /^the\s+(?:(?:german|french|british|american|iranian|russian|chinese|state|news|weekly|daily|online|semi-official|official)\s+)*(magazine|newspaper|paper|daily|weekly|news agency|broadcaster|network|channel|website|outlet|tabloid)$/, refers: 'outlet' },
  { id: 'speaker.the-body', description: /^the\s+(?:(?:foreign|defense|defence|interior|justice|finance|state|health|oil|economy|trade)\s+)?(ministry|department|agency|embassy|commission|committee|council|party|campaign|court|company|firm)$/, refers: 'body' },
];
// heads of descriptions that any business named before answers to, whatever its name ("Boeing ... the company")
const BUSINESS_HEADS = new Set(['company', 'firm']);
// how far back a description may find the body or outlet it stands for
const BODY_REACH = 3000;
// how far back "the official" may find "a senior official" who spoke, and "they" a group that spoke
const DESCRIPTION_REACH = 3000;
const GROUP_REACH = 400;
const INDEFINITE = /^(?:a|an|one|another)$/;

/**
 * Heads of descriptions that keep a person anonymous ("a senior official", "the aide"): they stand
 * for a named person only when one holds that role, never for the last person named (who is most
 * often the principal the official serves, "Trump ... the senior official told reporters").
 */
const ANONYMOUS_ROLE = /\b(?:officials?|sources?|diplomats?|aides?|advis[eo]rs?|insiders?|spokes(?:man|woman|person))\b/i;

/**
 * Where the head of a source ends: a source that opens with a name stands for that name, not for a
 * name in what the writer adds after it ("Willie Jones, an actor in Dallas," is not Dallas; "Tom
 * Baker of the Sierra Club" is not the club). One entry a way the head ends, the earliest in the
 * source cuts; `person` when the cut holds only after a person's name (a body's name goes on past
 * "of": "the University of Michigan"). The ids name them (data of the attribution, as above).
 */
export const SOURCE_HEAD_ENDS: readonly { readonly id: string; readonly ends: RegExp; readonly person: boolean }[] = [
  // "Willie Jones, 43, an actor in Dallas,", "Teck, the Canadian mining company,"
  { id: 'speaker.head.appositive', ends: /\s*,/, person: false },
  // "Senator Ann Lee, who chairs the committee", "Ann Lee who chairs"
  { id: 'speaker.head.relative', ends: /\s+(?:who|whose)\s/, person: false },
  // "Ted Cruz (R-Tex.)"
  { id: 'speaker.head.label', ends: /\s*\(/, person: false },
  // "Jeff Lewis of the Middlebury Institute", "Stacy Baker from Columbia", "Mr. Ward at the bank"
  { id: 'speaker.head.affiliation', ends: /\s+(?:of|from|at|with)\s/, person: true },
];
// the words a name may have in lower case ("Charles de Gaulle", "Osama bin Laden")
const NAME_PARTICLES = new Set(['de', 'da', 'del', 'der', 'di', 'du', 'al', 'el', 'bin', 'ibn', 'van', 'von', 'la', 'le', 'y']);
// a person's name after its titles: an honorific or a title before it, or a given name first
const PERSON_TITLED = /(?:^|\s)(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Fr|Rev|Sens|Reps)\.?\s/;
// an item of a list of names: capitalised words (initials, particles, a label in parentheses) up to the next comma or "and"
const LIST_ITEM = /^\s*(?:and\s+|&\s+)?(?:the\s+)?(?:\p{Lu}[\p{L}’'.-]*|\(\S+?\)|(?:de|al|bin|van|von|la)\b)(?:\s+(?:\p{Lu}[\p{L}’'.-]*|\(\S+?\)|(?:de|al|bin|van|von|la)\b))*\s*(?:,|$|\s(?:and|&)\s)/u;

// a body's whole name: capitalised words and the words that join them, after "the", ending with a capitalised word
const WHOLE_NAME = /^(?:[Tt]he\s+)?(\p{Lu}[\p{L}’'.&-]*(?:\s+(?:(?:of|for|on|and|the|de|in)\s+)*\p{Lu}[\p{L}’'.&-]*)*)[\s,]*$/u;

// people known by what they do for someone, singular and plural
const PEOPLE = String.raw`(?:spokes(?:man|woman|person|men|women|people)|aides?|advis[eo]rs?|assistants?|staff(?:ers?)?|strategists?|lawyers?|attorneys?|counsel|officials?|representatives?|reporters?|correspondents?|producers?|editors?|executives?|employees?|members?|supporters?|allies|ally|backers?|surrogates?|organizers?|organisers?|friends?|associates?|confidants?|loyalists?|donors?|volunteers?|operatives?|managers?|directors?|chiefs?|heads?|deputies|deputy|secretary|secretaries|envoys?|delegates?|delegations?|lawmakers?|sources?|people|person|someone|relatives?|daughters?|sons?|wife|husband|brother|sister|critics?|opponents?|defenders?|rivals?)`;
/**
 * Descriptions of people by their relation to someone named: the people described speak, not the one
 * they serve ("a spokesman for Tom Baker", "aides to Clinton", "Clinton's campaign strategists",
 * "a reporter for Reuters"). The description opens with an article, a number or a quantifier, or is
 * someone's; its head is one of PEOPLE. A description followed by the name of who it is ("a
 * spokesman, Ali Rahimi,") is the name's (SOURCE_HEAD_ENDS), seen before these.
 */
export const SERVING: readonly { readonly id: string; readonly description: RegExp }[] = [
  // "a spokesman for Tom Baker", "two aides to Clinton", "A reporter for AFP", "executives who worked with Tom Baker"
  { id: 'speaker.serving.of', description: new RegExp(String.raw`^(?:(?:a|an|the|one|two|three|four|several|some|many|most|other|few|dozens|\d+|former|top|senior|close|longtime|long-time)\s+)+(?:[\p{Ll}-]+\s+){0,3}${PEOPLE}(?:\s+of\s+(?:the\s+)?[\p{Ll}-]+)?\s+(?:for|to|of|at|with|in|from|close\s+to|who)\s`, 'iu') },
  // "Aides to Clinton", "Senior advisers to the president", "Supporters of Tom Baker": people in the plural need no article
  { id: 'speaker.serving.plural', description: new RegExp(String.raw`^(?:\p{L}[\p{Ll}-]*\s+){0,2}(?=\p{L}+s\s)${PEOPLE}\s+(?:for|to|of|at|with|close\s+to)\s`, 'iu') },
  // "Clinton's campaign strategists", "Mr. Lee's lawyer", "Trump's aides"; and the bodies that serve someone, "Clinton's campaign", "Baker's office"
  { id: 'speaker.serving.owner', description: new RegExp(String.raw`^(?:\p{Lu}[\p{L}.-]*\s+){0,3}\p{Lu}[\p{L}-]*[’']s?\s+(?:[\p{Ll}-]+\s+){0,3}(?:${PEOPLE}|campaign|team|camp|office|staff)[\s,]*$`, 'u') },
];

/** How many words a name has (words are single-space separated, as split(' ') counts them). */
function wordsIn(name: string): number {
  let n = 1;
  for (let i = name.indexOf(' '); i >= 0; i = name.indexOf(' ', i + 1)) n++;
  return n;
}

/** A capitalised run of words reduced to the name in it (leading function words dropped). */
function cleanName(run: string): string | null {
  let words = run.split(/\s+/);
  const lastTitle = words.reduce((k, w, i) => (TITLE.test(w) ? i : k), -1);
  if (lastTitle >= 0 && lastTitle < words.length - 1) {
    words = words.slice(lastTitle + 1);
    // "Secretary of State Mike Pompeo": the office's complement goes too
    if (words[0] === 'of') words = words.slice(2);
  }
  while (words.length && NOT_NAMES.has(words[0]!.replace(/[’'.]+$/, ''))) words.shift();
  const name = words.join(' ').replace(/[’']s$/, '');
  return name.length > 1 ? name : null;
}

/**
 * Resolves the words of a source to the actor they stand for: names through the entities layer
 * (or as written), pronouns to the nearest fitting candidate before them, role descriptions to the
 * name beside them or the last person, surnames to the full name seen earlier. Groups and offices
 * ("Iranian officials", "his office") are kept as written.
 */
export class SpeakerResolver {
  private readonly candidates: Candidate[] = [];
  private readonly outletSpans: ReturnType<typeof findOutlets>;

  constructor(private readonly doc: Document, private readonly describe: Describe = () => null) {
    this.outletSpans = findOutlets(doc.text);
    if (doc.has('mention') && doc.has('entity')) {
      for (const m of doc.layer('mention')) {
        const e = doc.annotation(m.data.entity);
        const d = e?.data as { name: string; type: EntityType; country: string | null; sector: string | null; role: string | null } | undefined;
        if (!d || m.data.kind === 'pronoun') continue;
        this.candidates.push({ name: d.name, type: d.type, country: d.country, sector: d.sector, role: d.role, at: m.start, span: { start: m.start, end: m.end }, entity: m.data.entity, described: m.data.kind === 'title' || m.data.kind === 'description' });
      }
      // outlets the entities stage read otherwise ("state media" as a group) still count as outlets for via
      for (const o of this.outletSpans) {
        if (this.candidates.some((c) => c.type === 'MEDIA' && c.span.start < o.end && c.span.end > o.start)) continue;
        this.candidates.push({ name: o.name, type: 'MEDIA', country: null, sector: 'MED', at: o.start, span: o });
      }
      // people the actor base does not know ("Governor Tom Blake", "Maria Ortiz"): a pronoun may stand for them
      // too. Only names a title or a given name (given-names.json) marks as a person's, so that "Foreign Ministry" is none
      const known = [...this.candidates].sort((a, b) => a.span.start - b.span.start);
      let k = 0;
      for (const m of doc.text.matchAll(NAME_RUN)) {
        // a run goes on past a sentence's end ("Tom Blake. He"): the name ends at a full stop after a word
        const run = m[0].split(/(?<=\p{Ll}{3})\.\s/u)[0]!;
        const name = cleanName(run);
        if (!name?.includes(' ')) continue;
        const start = m.index + run.indexOf(name), end = start + name.length;
        while (k < known.length && known[k]!.span.end <= start) k++;
        if (k < known.length && known[k]!.span.start < end) continue;
        const titled = run.slice(0, run.indexOf(name)).split(/\s+/).some((w) => TITLE.test(w));
        if (!titled && !GIVEN_NAME_GENDER.has(lowerForm(name.slice(0, name.indexOf(' '))))) continue;
        this.candidates.push({ name, type: 'PERSON', country: null, sector: null, at: start, span: { start, end } });
      }
    } else {
      for (const o of this.outletSpans) this.candidates.push({ name: o.name, type: 'MEDIA', country: null, sector: 'MED', at: o.start, span: o });
      for (const m of doc.text.matchAll(NAME_RUN)) {
        const name = cleanName(m[0]);
        if (!name) continue;
        const start = m.index + m[0].indexOf(name);
        if (this.outletSpans.some((o) => o.start < start + name.length && o.end > start)) continue;
        const multi = name.includes(' ');
        this.candidates.push({ name, type: multi ? 'PERSON' : 'UNKNOWN', country: null, sector: null, at: start, span: { start, end: start + name.length } });
      }
    }
    this.candidates.sort((a, b) => a.span.start - b.span.start);
    for (const c of this.candidates) {
      const sp = c.name.lastIndexOf(' ');
      if (sp < 0) continue;
      const last = c.name.slice(sp + 1);
      let list = this.fullNames.get(last);
      if (!list) this.fullNames.set(last, (list = []));
      list.push({ c, words: wordsIn(c.name) });
    }
  }

  /** Names of two words or more by their last word, in text order: surnames find their full name at once. */
  private readonly fullNames = new Map<string, { c: Candidate; words: number }[]>();

  /** The candidates that lie inside a range. */
  within(r: Range): Candidate[] {
    // candidates are sorted by start: find the first at or after r.start, then scan to r.end
    let lo = 0, hi = this.candidates.length;
    while (lo < hi) { const mid = (lo + hi) >>> 1; if (this.candidates[mid]!.span.start < r.start) lo = mid + 1; else hi = mid; }
    const out: Candidate[] = [];
    for (let i = lo; i < this.candidates.length && this.candidates[i]!.span.start < r.end; i++) {
      if (this.candidates[i]!.span.end <= r.end) out.push(this.candidates[i]!);
    }
    return out;
  }

  /** Whether the words of a range name an outlet. */
  outletIn(r: Range): Candidate | null {
    return this.within(r).find((c) => c.type === 'MEDIA') ?? null;
  }

  /**
   * The full name of a surname or a short name, from the first fuller mention before `at` that keeps
   * its given name and fits the honorific before it ("Mrs. Clinton" is not Bill Clinton). A name the
   * entities stage gave the mention that the honorific contradicts is read as the surname alone.
   */
  private expand(c: Candidate, at: number): Candidate {
    if (c.type === 'MEDIA') return c;
    const honorific = HONORIFIC_BEFORE.exec(this.doc.text.slice(Math.max(0, c.span.start - 6), c.span.start))?.[1];
    const gender = honorific ? genderOfHonorific(honorific) : null;
    if (!fitsGender(c.name, gender)) c = { name: c.name.slice(c.name.lastIndexOf(' ') + 1), type: 'PERSON', country: null, sector: null, at: c.at, span: c.span };
    const n = wordsIn(c.name), short = c.name, person = c.type === 'PERSON' || c.type === 'UNKNOWN';
    const fuller = this.fullNames.get(short.slice(short.lastIndexOf(' ') + 1))?.find((o) => o.c.at < at && o.words > n && o.c.name !== short && (!person || keepsGivenName(short, o.c.name)) && fitsGender(o.c.name, gender))?.c;
    return fuller ? { ...c, name: fuller.name, type: 'PERSON', country: fuller.country ?? c.country, sector: fuller.sector ?? c.sector, ...(fuller.entity !== undefined ? { entity: fuller.entity } : {}) } : c;
  }

  private lastBefore(at: number, ok: (c: Candidate) => boolean): Candidate | null {
    for (let i = this.candidates.length - 1; i >= 0; i--) {
      const c = this.candidates[i]!;
      if (c.span.end <= at && ok(c)) return c;
    }
    return null;
  }

  /** The speakers resolved so far, in the order their cues come; persons marked. */
  private readonly history: { ref: ActorRefData; at: number; person: boolean }[] = [];

  /** The person a pronoun before `at` most plausibly stands for: of the pronoun's gender when it has one, as far as given names tell. */
  private personBefore(at: number, gender: Gender | null = null): ActorRefData | null {
    const spoke = [...this.history].reverse().find((h) => h.at < at && h.person && fitsGender(h.ref.name, gender));
    const named = this.lastBefore(at, (x) => x.type === 'PERSON' && fitsGender(x.name, gender));
    // the last person quoted wins unless someone else was named since, well after
    if (spoke && (!named || named.at < spoke.at + 250 || spoke.ref.name.endsWith(named.name))) return spoke.ref;
    return named ? this.refOf(this.expand(named, named.at), named.span) : spoke?.ref ?? null;
  }

  /**
   * Subject continuity: "Senator Jane Ortiz visited the plant with Mike Pence. She tweeted ...": a
   * pronoun that opens its sentence stands for the person the sentences before are about, the
   * subject they open with (through a chain of the same pronoun), not the last person named. Null
   * when the pronoun does not open its sentence, or the sentences before open with some other
   * subject (then the nearest fitting person decides, personBefore).
   */
  private subjectBefore(source: Range, pronoun: string): ActorRefData | null {
    if (!SUBJECT_PRONOUNS.has(pronoun) || !this.doc.has('sentence') || !this.doc.has('token')) return null;
    const sentences = this.doc.layer('sentence'), tokens = this.doc.layer('token');
    const here = sentenceIndexAt(this.doc, source.start);
    if (here < 1 || this.subjectOf(sentences[here]!.data, tokens, source) !== 'pronoun') return null;
    for (let k = here - 1; k >= 0 && k >= here - CONTINUITY_SENTENCES; k--) {
      const subject = this.subjectOf(sentences[k]!.data, tokens, null, pronoun);
      if (subject === 'pronoun') continue;
      return subject;
    }
    return null;
  }

  /**
   * The subject a sentence opens with, before its first verb: 'pronoun' when it is `pronoun` (or the
   * token at `at`), the person when a person's name is the whole subject ("Senator Jane Ortiz", "Tom
   * Baker, a senator,"), else null. A description around the name ("a spokesman for Tom Baker") is
   * some other subject.
   */
  private subjectOf(s: { firstToken: number; endToken: number }, tokens: ReturnType<Document['layer']>, at: Range | null, pronoun?: string): ActorRefData | 'pronoun' | null {
    let verb = s.firstToken;
    while (verb < s.endToken && verb - s.firstToken < SUBJECT_TOKENS && !VERB_TAGS.has((tokens[verb]!.data as { pos: string }).pos)) verb++;
    if (verb >= s.endToken || verb - s.firstToken >= SUBJECT_TOKENS || verb === s.firstToken) return null;
    // a clause opener ("On Friday,", "Later,"): the subject follows the last comma before the verb
    let from = s.firstToken;
    for (let i = s.firstToken; i < verb; i++) if ((tokens[i]!.data as { value: string }).value === ',') from = i + 1;
    const first = tokens[from];
    if (!first) return null;
    const word = (tokens[from]!.data as { value: string }).value.toLowerCase();
    if (at) return first.start === at.start ? 'pronoun' : null;
    // "He later met ...": adverbs between the pronoun and its verb
    if (word === pronoun) {
      for (let i = from + 1; i < verb; i++) if ((tokens[i]!.data as { pos: string }).pos !== 'ADV') return null;
      return 'pronoun';
    }
    const span = { start: first.start, end: tokens[verb - 1]!.end };
    const inSubject = this.within(span);
    const persons = inSubject.filter((c) => c.type === 'PERSON' || (c.type === 'UNKNOWN' && this.expand(c, c.at).type === 'PERSON'));
    const c = persons[0] ?? (inSubject.length ? null : this.unlinkedName(span));
    if (!c) return null;
    // only titles and names before the name; after it, nothing, or an appositive after a comma
    for (let i = from; i < verb && tokens[i]!.start < c.span.start; i++) {
      const v = (tokens[i]!.data as { value: string }).value;
      if (/\p{L}/u.test(v) && !/^\p{Lu}/u.test(v)) return null;
    }
    // an honorific of the other gender ("Mrs. Clinton ... He noted") breaks the chain
    const honorific = HONORIFIC.exec(this.doc.text.slice(first.start, c.span.end))?.[1];
    if (honorific && pronoun && PRONOUN_GENDER.get(pronoun) !== genderOfHonorific(honorific)) return null;
    // and so does a given name of the other gender ("Maria Ortiz met Tom Blake. He wrote ...")
    const full = this.expand(c, c.at);
    if (pronoun && !fitsGender(full.name, PRONOUN_GENDER.get(pronoun) ?? null)) return null;
    const after = this.doc.text.slice(c.span.end, tokens[verb - 1]!.end);
    if (/\p{L}/u.test(after) && !/^\s*,/.test(after)) {
      // auxiliaries and adverbs between the name and the verb ("Tom Baker has also") are fine
      if (!/^(?:\s+(?:has|have|had|is|was|were|will|would|also|then|later|again|never|not|\p{Ll}+ly))+\s*$/u.test(after)) return null;
    }
    return this.refOf(full, c.span);
  }

  /**
   * A person's name of two words or more that opens a subject the entities stage linked to nothing
   * ("Senator Tom Baker met Mike Pence"): the capitalised run at its start, titles dropped, when a
   * title stood before it or it opens with a given name (given-names.json).
   */
  private unlinkedName(span: Range): Candidate | null {
    const text = this.doc.text.slice(span.start, span.end);
    NAME_RUN.lastIndex = 0;
    const m = NAME_RUN.exec(text);
    if (!m || m.index !== 0) return null;
    const name = cleanName(m[0]);
    if (!name?.includes(' ')) return null;
    // a person's, not a body's ("Foreign Ministry officials"): a title before it or a given name first
    const titled = m[0].slice(0, m[0].indexOf(name)).split(/\s+/).some((w) => TITLE.test(w));
    if (!titled && !GIVEN_NAME_GENDER.has(lowerForm(name.slice(0, name.indexOf(' '))))) return null;
    const start = span.start + m[0].indexOf(name);
    return { name, type: 'PERSON', country: null, sector: null, at: start, span: { start, end: start + name.length } };
  }

  private refOf(c: Candidate, span: Range): ActorRefData {
    return { name: c.name, country: c.country, sector: c.sector, span, ...(c.entity !== undefined ? { entity: c.entity } : {}) };
  }

  /** The actor a source stands for, remembered for the pronouns that follow. */
  resolve(source: Range, cueAt: number, anchors = true): ActorRefData {
    const r = this.resolveOnly(source);
    if (r.ref.country === null && r.ref.sector === null) {
      // country and sector from the actor base, for groups and descriptions kept as written
      const d = this.describe(r.ref.name);
      if (d) r.ref = { ...r.ref, country: d.country, sector: d.sector };
    }
    // speech reported inside someone's quotation does not change who "he" is afterwards
    if (anchors) this.history.push({ ref: r.ref, at: cueAt, person: r.person });
    return r.ref;
  }

  private resolveOnly(source: Range): { ref: ActorRefData; person: boolean } {
    const text = this.doc.text.slice(source.start, source.end);
    const low = lowerForm(text);
    const asWritten = { ref: { name: text, country: null, sector: null, span: source } as ActorRefData, person: false };
    const words = low.split(/\s+/);
    if (words.length === 1 && PERSON_PRONOUNS.has(low)) {
      const p = this.subjectBefore(source, low) ?? this.personBefore(source.start, PRONOUN_GENDER.get(low) ?? null);
      return p ? { ref: { ...p, span: source }, person: true } : asWritten;
    }
    if (words.length === 1 && THING_PRONOUNS.has(low)) {
      const spoke = [...this.history].reverse().find((h) => h.at < source.start && !h.person && this.isOutletName(h.ref.name));
      const c = this.lastBefore(source.start, (x) => x.type === 'MEDIA' || x.type === 'ORG');
      if (spoke && (!c || spoke.ref.name === c.name || spoke.at > c.at - 300)) return { ref: { ...spoke.ref, span: source }, person: false };
      return c ? { ref: this.refOf(c, source), person: false } : asWritten;
    }
    if (GROUP_PRONOUNS.has(low)) {
      const group = low === 'they' ? this.groupSpokeBefore(source.start) : null;
      return group ? { ref: { ...group, span: source }, person: false } : asWritten;
    }
    // "reports from Iranian Resistance groups": the reports speak for their authors
    const from = /^(?:the\s+|an?\s+|new\s+|recent\s+|joint\s+|written\s+)*(?:reports?|statements?|comments?|remarks?|accounts?|posts?|messages?)\s+(?:from|by|of)\s+(.+?)(?:\s+(?:regarding|about|on|concerning|over)\b.*)?$/i.exec(text);
    if (from) {
      const start = source.start + text.indexOf(from[1]!);
      return this.resolveOnly({ start, end: start + from[1]!.length });
    }
    // "a letter seen by Reuters": the document speaks, the outlet that obtained it relays (via.ts)
    const obtained = /^(.+?),?\s+(?:obtained|seen|reviewed)\s+by\s/i.exec(text);
    if (obtained) return this.resolveOnly({ start: source.start, end: source.start + obtained[1]!.length });
    // "his office", "her aides": the owner resolved, the rest kept ("Mike Pompeo's office")
    const poss = /^(his|her)\s+(.+)$/i.exec(text);
    if (poss) {
      const p = this.personBefore(source.start, PRONOUN_GENDER.get(poss[1]!.toLowerCase()) ?? null);
      return p ? { ref: { name: `${p.name}'s ${poss[2]}`, country: p.country, sector: p.sector, span: source }, person: false } : asWritten;
    }
    // "several such officials", "these officials": the group named before with the same head ("Iranian officials")
    const such = SUCH_GROUP.exec(text);
    if (such) {
      const named = this.groupBefore(such[1]!, source.start);
      if (named) return { ref: { name: named, country: null, sector: null, span: source }, person: false };
    }
    // "Mr." alone, a source cut after the honorific: the name follows it
    if (/^(?:mr|mrs|ms|dr)\.?$/.test(low)) {
      const name = /^\s+\p{Lu}[\p{L}’'-]+/u.exec(this.doc.text.slice(source.end, source.end + 40));
      if (name) return this.resolveOnly({ start: source.start, end: source.end + name[0].length });
    }
    // "Hamid Abutalebi, an aide to Hassan Rouhani": the name the source opens with is the speaker, not
    // the one the description after it mentions (SOURCE_HEAD_ENDS)
    const head = this.headOf(text, source);
    if (head) {
      const r = this.resolveOnly(head);
      const written = this.doc.text.slice(head.start, head.end);
      // a name no candidate stands for, as written: a person's when titled or opening with a given name
      return r.ref.name === written && !r.person ? { ref: r.ref, person: this.looksLikePerson(written) } : r;
    }
    // "a spokesman for Tom Baker", "aides to Clinton", "Clinton's campaign strategists": someone described by whom they serve
    const serving = this.servingSomeone(text, source);
    if (serving) return serving;
    // "the statement said": the body that issued it, the organisation last heard from
    if (STATEMENT.test(low)) {
      const spoke = [...this.history].reverse().find((h) => h.at < source.start && !h.person && !STATEMENT.test(h.ref.name.toLowerCase()) && !this.isOutletName(h.ref.name));
      if (spoke && source.start - spoke.at < 2000) return { ref: { ...spoke.ref, span: source }, person: false };
      const org = this.lastBefore(source.start, (x) => x.type === 'ORG' || x.type === 'IGO' || x.type === 'GPE');
      if (org && source.start - org.at < 1500) return { ref: this.refOf(org, source), person: false };
      return asWritten;
    }
    // "the ministry said", "the magazine reported": the body or outlet named before
    const body = this.bodyFor(low, source.start);
    if (body) return { ref: this.refOf(body, source), person: false };
    const inside = this.within(source);
    // offices and groups stay as written: "Iranian officials", "the White House's aides"
    if (/\b(office|officials|spokespeople|aides|groups|ministry|sources|analysts|commentators|critics|experts|people|some|many|others)\b/i.test(low) && !inside.some((c) => c.type === 'PERSON' && c.name.includes(' '))) {
      const o = inside.find((c) => c.type === 'MEDIA');
      if (o && !/\b(office|officials)\b/i.test(low)) return { ref: this.refOf(o, source), person: false };
      return asWritten;
    }
    // "Iran's Zarif": the name after the possessive is the speaker, its country the one before
    const owned = /^(.+?)['’]s\s+((?:\p{Lu}[\p{L}’'.-]+\s*){1,3})$/u.exec(text);
    if (owned && !inside.some((c) => c.span.start >= source.start + owned[1]!.length + 2)) {
      const owner = inside.find((c) => c.type === 'GPE');
      return { ref: { name: owned[2]!.trim(), country: owner?.country ?? null, sector: null, span: source }, person: true };
    }
    // "France, Germany and Britain": several actors speak together, the group as written
    const listed = this.coordinated(inside, source) ?? this.listedNames(text, source, inside);
    if (listed) return { ref: listed, person: false };
    // "the Iranian minister": the minister named before, ahead of the one the actor base guesses for the description
    const described = inside.length > 0 && inside.every((c) => c.described && c.type === 'PERSON');
    const named = described ? this.roleHolder(text, low, words.length, source, false) : null;
    if (named) return named;
    if (inside.length) {
      // the name nearest the end of the phrase is the head: "Foreign Ministry spokesman Bahram Qassemi"
      // a "person" right after "of" or "for" in a body's name is the rest of that name ("the Center for Responsive Politics")
      const persons = inside.filter((c) => (c.type === 'PERSON' || (c.type === 'UNKNOWN' && this.expand(c, source.start).type === 'PERSON')) && !/\s(?:of|for|on)\s+$/.test(this.doc.text.slice(Math.max(source.start, c.span.start - 5), c.span.start)));
      // "the Center for Responsive Politics", "the University of Michigan": a body's whole name, not the place or words at its end
      const body = persons.length ? null : this.wholeName(text, source, inside);
      if (body) return body;
      const best = persons[persons.length - 1] ?? inside[inside.length - 1]!;
      const full = this.expand(best, source.start);
      return { ref: this.refOf(full, source), person: full.type === 'PERSON' };
    }
    // a surname the entities stage did not link here: the full name it has elsewhere
    if (/^\p{Lu}[\p{L}’'-]+$/u.test(text)) {
      const full = this.fullNames.get(text)?.find((o) => o.c.type === 'PERSON')?.c;
      if (full) return { ref: this.refOf(full, source), person: true };
    }
    return this.roleHolder(text, low, words.length, source, true) ?? this.introducedBefore(low, source) ?? asWritten;
  }

  /**
   * "A senior administration official said ... The official said": a definite description (the, two
   * to four words) stands for the speaker an indefinite one with the same head noun introduced
   * within DESCRIPTION_REACH, kept unnamed as it was introduced. Null when none did.
   */
  private introducedBefore(low: string, source: Range): { ref: ActorRefData; person: boolean } | null {
    const words = low.split(/\s+/);
    if (words[0] !== 'the' || words.length < 2 || words.length > 4 || !/^\p{Ll}+$/u.test(words[words.length - 1]!)) return null;
    const head = words[words.length - 1]!;
    for (let i = this.history.length - 1; i >= 0; i--) {
      const h = this.history[i]!;
      if (h.at >= source.start) continue;
      if (source.start - h.at > DESCRIPTION_REACH) break;
      // the description's own words, before what the writer adds ("a senior official, who asked not to be named")
      const own = lowerForm(h.ref.name).split(/,|\s+who\s/)[0]!.trim().split(/\s+/);
      if (INDEFINITE.test(own[0]!) && own.length > 1 && own[own.length - 1] === head) return { ref: { ...h.ref, span: source }, person: h.person };
    }
    return null;
  }

  /**
   * "Iranian officials said ... They said": the group that last spoke within GROUP_REACH, a plural
   * description ("Iranian officials", "two diplomats") or a list ("France and Germany"). Null when
   * the last speaker before is a person or a single body, or none spoke so near.
   */
  private groupSpokeBefore(at: number): ActorRefData | null {
    const h = this.history.findLast((x) => x.at < at);
    if (!h || at - h.at > GROUP_REACH || h.person) return null;
    const own = h.ref.name.split(/,|\s+who\s/)[0]!.trim();
    const plural = /^(?:\p{L}[\p{L}-]*\s+){0,3}\p{Ll}[\p{Ll}-]*[^s’'\s]s$/u.test(own) && !/(?:ss|news|us|is)$/.test(own);
    const list = /\s(?:and|&)\s/.test(own) && !/[’']s\s/.test(own);
    return plural || list ? h.ref : null;
  }

  /**
   * The head of a source that opens with a name and goes on past it (SOURCE_HEAD_ENDS): the range of
   * the name, or null. Lists of names ("Trump, Clinton and Sanders") have no head.
   */
  private headOf(text: string, source: Range): Range | null {
    let end = -1;
    let person = false;
    for (const h of SOURCE_HEAD_ENDS) {
      const m = h.ends.exec(text);
      if (m && m.index > 0 && (end < 0 || m.index < end)) { end = m.index; person = h.person; }
    }
    if (end < 0) return null;
    // "Rand Paul (Ky.) and Marco Rubio (Fla.)": labels in a list
    if (text[end] === '(' || /^\s+\(/.test(text.slice(end))) { if (/^\s*\([^()]*\)\s*,?\s*(?:and|&)\s/.test(text.slice(end))) return null; }
    const name = text.slice(0, end);
    const range = { start: source.start, end: source.start + end };
    if (/\s(?:and|&)\s/.test(name)) return null;
    // the name: capitalised words (after "the"), with the particles names have; or words around a person's name ("the venture capitalist Ann Lee")
    const words = name.replace(/^the\s+/i, '').split(/\s+/);
    while (words.length > 1 && TITLE.test(words[0]!)) words.shift();
    const named = words.length > 0 && !NOT_NAMES.has(words[0]!.replace(/[’'.]+$/, '')) && words.every((w) => /^\p{Lu}/u.test(w) || NAME_PARTICLES.has(w));
    // "Trump's campaign manager, Corey Lee,", "a spokesman for the ministry, Ali Rahimi,": a description, then the name of who it is
    const appositive = named || text[end] !== ',' ? null : /^,\s*((?:(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep)\.\s+)?\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*)+)\s*(?:,|$)/u.exec(text.slice(end));
    if (appositive) {
      const start = source.start + end + appositive[0].indexOf(appositive[1]!);
      return { start, end: start + appositive[1]!.length };
    }
    if (!named && !this.within(range).some((c) => c.type === 'PERSON' || c.type === 'UNKNOWN')) return null;
    // "Trump, Clinton and Sanders": a comma between items of a list
    if (text[end] === ',' || /^\s+,/.test(text.slice(end))) {
      const rest = text.slice(text.indexOf(',', end) + 1);
      if (LIST_ITEM.test(rest) && /\s(?:and|&)\s+(?:the\s+)?\p{Lu}/u.test(rest)) return null;
    }
    if (person && !this.within(range).some((c) => c.type === 'PERSON') && !this.looksLikePerson(name)) return null;
    return range;
  }

  /**
   * A source that is one name of capitalised words joined by "of", "for", "on", "and" ("the Center
   * for Responsive Politics"), none of whose candidates begins where it begins: the name as written
   * (the candidate that spans all of it, if one does). Null for other sources.
   */
  private wholeName(text: string, source: Range, inside: readonly Candidate[]): { ref: ActorRefData; person: boolean } | null {
    const m = WHOLE_NAME.exec(text);
    if (!m) return null;
    // a body's name has its joining words or its article ("Mrs. Clinton", "Secretary Kerry" are persons')
    const first = m[1]!.split(/\s+/)[0]!;
    // "Priorities USA", "the U.S. Treasury", "Iran Foreign Ministry": a name with a place in it is not the place
    const places = inside.length > 0 && inside.every((c) => c.type === 'GPE');
    if (NOT_NAMES.has(first) || TITLE.test(first) || !(/^the\s/i.test(text) || /\s(?:of|for|on|and|the|in)\s/.test(m[1]!) || places)) return null;
    const start = source.start + text.indexOf(m[1]!), end = start + m[1]!.length;
    const whole = inside.find((c) => c.span.start === start && c.span.end === end);
    if (whole) return { ref: this.refOf(whole, source), person: false };
    if (!places && inside.some((c) => c.span.start === start)) return null;
    return { ref: { name: m[1]!, country: places ? inside[0]!.country : null, sector: null, span: { start, end } }, person: false };
  }

  /**
   * A description of people by their relation to someone named (SERVING): the people described, as
   * written, with the country and sector of whom they serve; null for other sources.
   */
  private servingSomeone(text: string, source: Range): { ref: ActorRefData; person: boolean } | null {
    const relation = SERVING.find((r) => r.description.test(text));
    if (!relation) return null;
    const served = this.within(source).filter((c) => c.type !== 'MEDIA' || relation.id === 'speaker.serving.of');
    const principal = served[served.length - 1];
    const name = text.replace(/[\s,]+$/, '');
    // "Clinton's campaign": the owner by the full name they have, as "his campaign" has it
    const owner = relation.id === 'speaker.serving.owner' ? /^(.*?)[’']s?\s+(.*)$/u.exec(name) : null;
    if (owner) {
      const ref = this.resolveOnly({ start: source.start, end: source.start + owner[1]!.length }).ref;
      return { ref: { name: `${ref.name}'s ${owner[2]}`, country: ref.country ?? principal?.country ?? null, sector: ref.sector ?? principal?.sector ?? null, span: source }, person: false };
    }
    return { ref: { name, country: principal?.country ?? null, sector: principal?.sector ?? null, span: source }, person: false };
  }

  /** Whether a name no candidate stands for is a person's: titled ("Mr. Ward", "Sen. Ann Lee") or opening with a given name of two words or more. */
  private looksLikePerson(name: string): boolean {
    const words = name.replace(/^the\s+/i, '').split(/\s+/);
    const firstName = words.findIndex((w) => !TITLE.test(w) && !/^(?:Former|Then|Acting|Deputy|Vice|Senior|Chief)$/.test(w));
    return PERSON_TITLED.test(` ${name}`) || words.slice(0, Math.max(0, firstName)).some((w) => TITLE.test(w)) || (words.length - firstName >= 2 && GIVEN_NAME_GENDER.has(lowerForm(words[firstName] ?? '')));
  }

  /**
   * The person a definite role description stands for ("the minister", "the Iranian minister"): the
   * person last named who holds that office (of the country the description names), else, with
   * `anyPerson`, the last person quoted or named unless the description keeps its bearer anonymous.
   * Null otherwise; "a senior official", an indefinite description, introduces someone new.
   */
  private roleHolder(text: string, low: string, words: number, source: Range, anyPerson: boolean): { ref: ActorRefData; person: boolean } | null {
    const role = ROLE_WORDS.exec(low);
    if (role && /^the\b/.test(low) && words <= 4) {
      const word = role[1]!.toLowerCase();
      // "the Iranian minister": of the country the description names, when both are known
      const country = this.describe(text)?.country ?? null;
      const fits = (c: string | null) => !country || !c || c === country;
      const holds = (x: Candidate) => x.type === 'PERSON' && !x.described && !!x.role && x.role.toLowerCase().includes(word) && fits(x.country);
      const holder = this.lastBefore(source.start, holds) ?? this.candidates.find(holds) ?? null;
      if (holder) return { ref: this.refOf(holder, source), person: true };
      const p = !anyPerson || ANONYMOUS_ROLE.test(low) ? null : this.personBefore(source.start);
      if (p && fits(p.country)) return { ref: { ...p, span: source }, person: true };
    }
    return null;
  }

  /**
   * The body or outlet a definite description stands for (BODY_DESCRIPTIONS): "the ministry" is the
   * last body named before with "ministry" in its name ("Iran's Foreign Ministry"), "the magazine"
   * the last outlet named. Null when nothing fits within BODY_REACH.
   */
  private bodyFor(low: string, at: number): Candidate | null {
    for (const d of BODY_DESCRIPTIONS) {
      const m = d.description.exec(low);
      if (!m) continue;
      const head = m[1]!;
      const near = (c: Candidate) => at - c.span.end < BODY_REACH;
      if (d.refers === 'outlet') return this.lastBefore(at, (c) => c.type === 'MEDIA' && near(c));
      if (d.refers === 'author') return this.authorBefore(head, at);
      const named = this.lastBefore(at, (c) => (c.type === 'ORG' || c.type === 'IGO') && near(c) && lowerForm(c.name).includes(head))
        // "Boeing said ... The company said": a business is a company whatever its name
        ?? (BUSINESS_HEADS.has(head) ? this.lastBefore(at, (c) => c.type === 'ORG' && c.sector === 'BUS' && near(c)) : null);
      // a body the entities stage did not name: the capitalised run that ends with the head ("Foreign Ministry")
      const from = Math.max(0, at - BODY_REACH);
      const re = new RegExp(`(?:\\p{Lu}[\\p{L}.’'-]*['’]s\\s+)?(?:\\p{Lu}[\\p{L}’'-]+\\s+)+${head[0]!.toUpperCase()}${head.slice(1)}\\b`, 'gu');
      let run: RegExpExecArray | null = null;
      for (const r of this.doc.text.slice(from, at).matchAll(re)) run = r;
      if (run && (!named || from + run.index >= named.span.end)) {
        const words = run[0].split(/\s+/);
        while (words.length > 1 && NOT_NAMES.has(words[0]!)) words.shift();
        const start = from + run.index + run[0].length - words.join(' ').length;
        if (words.length > 1) return { name: words.join(' '), type: 'ORG', country: null, sector: null, at: start, span: { start, end: from + run.index + run[0].length } };
      }
      return named;
    }
    return null;
  }

  /**
   * Who made the last poll or survey named before `at` within BODY_REACH: the capitalised words right
   * before the noun ("a Quinnipiac University poll", "the latest CNN/ORC survey"). Null when it has none.
   */
  private authorBefore(noun: string, at: number): Candidate | null {
    const from = Math.max(0, at - BODY_REACH);
    let run: RegExpExecArray | null = null;
    for (const m of this.doc.text.slice(from, at).matchAll(new RegExp(String.raw`((?:\p{Lu}[\p{L}.&/'’-]*\s+)*\p{Lu}[\p{L}.&/'’-]*)\s+(?:[\p{Ll}-]+\s+)?${noun}s?\b`, 'gu'))) run = m;
    if (!run) return null;
    const words = run[1]!.split(/\s+/);
    while (words.length && (NOT_NAMES.has(words[0]!) || /^(?:New|Latest|Recent)$/.test(words[0]!))) words.shift();
    if (!words.length) return null;
    const name = words.join(' ').replace(/['’]s$/, '');
    const start = from + run.index + run[1]!.length - words.join(' ').length;
    const named = this.within({ start, end: start + name.length });
    const whole = named.find((c) => c.span.start === start && c.span.end === start + name.length);
    return whole ?? { name, type: 'ORG', country: null, sector: null, at: start, span: { start, end: start + name.length } };
  }

  /**
   * A source that lists actors joined by commas and "and" and nothing else ("France, Germany and
   * Britain", "Mr. Ryan and Ms. Pelosi"): the list as written, with the country or sector they share.
   */
  private coordinated(inside: readonly Candidate[], source: Range): ActorRefData | null {
    if (inside.length < 2) return null;
    const text = this.doc.text;
    for (let i = 1; i < inside.length; i++) {
      if (!/^\s*,?\s*(?:and\s+|&\s+)?(?:the\s+)?$/i.test(text.slice(inside[i - 1]!.span.end, inside[i]!.span.start))) return null;
    }
    if (!/^\s*,?\s*(?:and|&)\s+(?:the\s+)?$/i.test(text.slice(inside[inside.length - 2]!.span.end, inside[inside.length - 1]!.span.start))) return null;
    // only titles or an article before the first, nothing after the last
    if (!/^(?:the\s+)?(?:(?:\p{Lu}[\p{L}.]*\s+){0,2})?$/iu.test(text.slice(source.start, inside[0]!.span.start)) || /\p{L}/u.test(text.slice(inside[inside.length - 1]!.span.end, source.end))) return null;
    const shared = (k: 'country' | 'sector') => (inside.every((c) => c[k] === inside[0]![k]) ? inside[0]![k] : null);
    return { name: text.slice(source.start, source.end), country: shared('country'), sector: shared('sector'), span: source };
  }

  /**
   * A source that is a list of names whether or not the entities stage read each ("Trump and Ryan",
   * "Mr. Rubio and Senator Ted Cruz", "Clinton and the DNC"): the list as written, with the country or
   * sector its named actors share. Null unless every item is capitalised words (titles, initials, a
   * label in parentheses) and "and" joins the last.
   */
  private listedNames(text: string, source: Range, inside: readonly Candidate[]): ActorRefData | null {
    const written = text.replace(/[\s,]+$/, '');
    if (!/\s(?:and|&)\s/.test(written)) return null;
    const items = written.split(/\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+/);
    if (items.length < 2 || !items.every((item) => LIST_ITEM.test(item))) return null;
    const shared = (k: 'country' | 'sector') => (inside.length && inside.every((c) => c[k] === inside[0]![k]) ? inside[0]![k] : null);
    return { name: written, country: shared('country'), sector: shared('sector'), span: source };
  }

  /** The last group named before `at` with this head noun and a capitalised word before it ("Iranian officials"), within a few paragraphs. */
  private groupBefore(head: string, at: number): string | null {
    const from = Math.max(0, at - 3000);
    const re = new RegExp(`(?:\\p{Lu}[\\p{L}’'-]+\\s+)+${head.replace(/[^\p{L}-]/gu, '')}\\b`, 'gu');
    let last: string | null = null;
    for (const m of this.doc.text.slice(from, at).matchAll(re)) last = m[0];
    if (!last) return null;
    // a sentence's first word is capitalised for its position, not as a name ("The officials")
    const words = last.split(/\s+/);
    while (words.length > 1 && NOT_NAMES.has(words[0]!)) words.shift();
    return words.length > 1 ? words.join(' ') : null;
  }

  isOutletName(name: string): boolean {
    return this.candidates.some((c) => c.type === 'MEDIA' && c.name === name);
  }
}
