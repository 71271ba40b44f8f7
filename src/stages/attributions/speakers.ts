import type { Document } from '../../core/document.js';
import type { ActorRefData, EntityType } from '../../core/layers.js';
import type { Range } from '../../core/span.js';
import { lowerForm, sentenceIndexAt } from '../../text/lookup.js';
import givenNames from './given-names.json' with { type: 'json' };
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
const GIVEN_NAME_GENDER: ReadonlyMap<string, Gender> = new Map([
  ...givenNames.female.map((n) => [n, 'female'] as const),
  ...givenNames.male.map((n) => [n, 'male'] as const),
]);

/** Whether a person of `gender` (an honorific's or a pronoun's) may bear a full name: its given name is not one of the other gender's (given-names.json). */
function fitsGender(name: string, gender: Gender | null): boolean {
  const space = name.indexOf(' ');
  if (!gender || space < 0) return true;
  const given = GIVEN_NAME_GENDER.get(lowerForm(name.slice(0, space)));
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
        this.candidates.push({ name: d.name, type: d.type, country: d.country, sector: d.sector, role: d.role, at: m.start, span: { start: m.start, end: m.end }, entity: m.data.entity });
      }
      // outlets the entities stage read otherwise ("state media" as a group) still count as outlets for via
      for (const o of this.outletSpans) {
        if (this.candidates.some((c) => c.type === 'MEDIA' && c.span.start < o.end && c.span.end > o.start)) continue;
        this.candidates.push({ name: o.name, type: 'MEDIA', country: null, sector: 'MED', at: o.start, span: o });
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
    const persons = this.within(span).filter((c) => c.type === 'PERSON' || (c.type === 'UNKNOWN' && this.expand(c, c.at).type === 'PERSON'));
    const c = persons[0];
    if (!c) return null;
    // only titles and names before the name; after it, nothing, or an appositive after a comma
    for (let i = from; i < verb && tokens[i]!.start < c.span.start; i++) {
      const v = (tokens[i]!.data as { value: string }).value;
      if (/\p{L}/u.test(v) && !/^\p{Lu}/u.test(v)) return null;
    }
    // an honorific of the other gender ("Mrs. Clinton ... He noted") breaks the chain
    const honorific = HONORIFIC.exec(this.doc.text.slice(first.start, c.span.end))?.[1];
    if (honorific && pronoun && PRONOUN_GENDER.get(pronoun) !== genderOfHonorific(honorific)) return null;
    const after = this.doc.text.slice(c.span.end, tokens[verb - 1]!.end);
    if (/\p{L}/u.test(after) && !/^\s*,/.test(after)) {
      // auxiliaries and adverbs between the name and the verb ("Tom Baker has also") are fine
      if (!/^(?:\s+(?:has|have|had|is|was|were|will|would|also|then|later|again|never|not|\p{Ll}+ly))+\s*$/u.test(after)) return null;
    }
    return this.refOf(this.expand(c, c.at), c.span);
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
    if (GROUP_PRONOUNS.has(low)) return asWritten;
    // "reports from Iranian Resistance groups": the reports speak for their authors
    const from = /^(?:the\s+|new\s+|recent\s+)*(?:reports?|statements?|comments?|remarks?|accounts?|posts?|messages?)\s+(?:from|by|of)\s+(.+?)(?:\s+(?:regarding|about|on|concerning|over)\b.*)?$/i.exec(text);
    if (from) {
      const start = source.start + text.indexOf(from[1]!);
      return this.resolveOnly({ start, end: start + from[1]!.length });
    }
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
    // "Hamid Abutalebi, an aide to Hassan Rouhani": the name before an appositive's comma is the speaker, not
    // the one the description mentions
    const comma = text.indexOf(',');
    if (comma > 0 && /^\s*(?:an?|the|who|one|another|whose|\p{Ll}+(?:\s+\p{Ll}+)?\s+(?:to|of|for|at))\b/u.test(text.slice(comma + 1)) && this.within({ start: source.start, end: source.start + comma }).some((c) => c.type === 'PERSON' || c.type === 'UNKNOWN')) {
      return this.resolveOnly({ start: source.start, end: source.start + comma });
    }
    // "the statement said": the body that issued it, the organisation last heard from
    if (STATEMENT.test(low)) {
      const spoke = [...this.history].reverse().find((h) => h.at < source.start && !h.person && !STATEMENT.test(h.ref.name.toLowerCase()) && !this.isOutletName(h.ref.name));
      if (spoke && source.start - spoke.at < 2000) return { ref: { ...spoke.ref, span: source }, person: false };
      const org = this.lastBefore(source.start, (x) => x.type === 'ORG' || x.type === 'IGO' || x.type === 'GPE');
      if (org && source.start - org.at < 1500) return { ref: this.refOf(org, source), person: false };
      return asWritten;
    }
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
    if (inside.length) {
      // the name nearest the end of the phrase is the head: "Foreign Ministry spokesman Bahram Qassemi"
      const persons = inside.filter((c) => c.type === 'PERSON' || (c.type === 'UNKNOWN' && this.expand(c, source.start).type === 'PERSON'));
      const best = persons[persons.length - 1] ?? inside[inside.length - 1]!;
      const full = this.expand(best, source.start);
      return { ref: this.refOf(full, source), person: full.type === 'PERSON' };
    }
    // a surname the entities stage did not link here: the full name it has elsewhere
    if (/^\p{Lu}[\p{L}’'-]+$/u.test(text)) {
      const full = this.fullNames.get(text)?.find((o) => o.c.type === 'PERSON')?.c;
      if (full) return { ref: this.refOf(full, source), person: true };
    }
    const role = ROLE_WORDS.exec(low);
    if (role && /^(the|a|an)\b/.test(low) && words.length <= 4) {
      // the person last named who holds that office, else the last person quoted or named
      const holds = (x: Candidate) => x.type === 'PERSON' && !!x.role && x.role.toLowerCase().includes(role[1]!.toLowerCase());
      const holder = this.lastBefore(source.start, holds) ?? this.candidates.find(holds) ?? null;
      if (holder) return { ref: this.refOf(holder, source), person: true };
      const p = this.personBefore(source.start);
      if (p) return { ref: { ...p, span: source }, person: true };
    }
    return asWritten;
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
