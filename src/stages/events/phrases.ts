import type { Document } from '../../core/document.js';
import type { ActorRefData } from '../../core/layers.js';
import { isNonState } from '../../ontology/actors.js';
import { mentionsByEntity } from '../../text/lookup.js';
import { spacedHyphen } from './clauses.js';
import { Gazetteer, sectorOfNoun } from './gazetteer.js';

import type { Token } from '../../text/lookup.js';

/**
 * A noun phrase of a sentence (token indices into the sentence's tokens, half-open) and the actors
 * it names, if any. Events take their parties from these phrases.
 */
export interface Phrase {
  readonly start: number;
  readonly end: number;
  readonly refs: ActorRefData[];
  /** a personal pronoun ("it", "they", "he"): its actor is found by the caller */
  readonly pronoun: boolean;
  /** how the actors were found, for provenance */
  readonly rule: string | null;
}

/** Something that turns a phrase's words into an actor: the actor base, when it is installed. */
export interface PhraseResolver {
  resolve(text: string, date: string | null): ActorRefData | null;
}

const NOUNISH = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'DET']);
const PRONOUNS = new Set(['it', 'they', 'he', 'she', 'we', 'i', 'its', 'their', 'his', 'her', 'our', 'them', 'him', 'us']);
/** possessives open a phrase like a determiner ("his Patriotic Front") */
const POSSESSIVES = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);
const DAY_WORDS = new Set(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February',
  'March', 'April', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'today', 'yesterday', 'tomorrow']);
/** Heads of a people living where they are, not of a state: "the Albanian population", "the Greek minority". */
const GROUPS_OF_ORIGIN = new Set(['population', 'populations', 'minority', 'minorities', 'community', 'communities', 'diaspora']);
const NOT_IN_PHRASE = new Set(['that', 'which', 'who', 'whom', 'whose', 'this', 'these', 'those', 'what']);

function inPhraseAt(t: Token, sentenceStart: number): boolean {
  if (NOT_IN_PHRASE.has(t.data.normal)) return false;
  if (NOUNISH.has(t.data.pos)) return true;
  // a capitalised word inside a sentence is a name or a nationality, whatever the tagger says ("to French mediation")
  if (t.data.pos === 'VERB' && capitalisedWord(t.data.value) && t.start !== sentenceStart) return true;
  if (POSSESSIVES.has(t.data.normal)) return true;
  if (t.data.value === "'s" || t.data.value === '’s' || t.data.value === "'") return true;
  return t.data.pos === 'PUNCT' && t.data.value === '-';
}

/** Whether a word starts with a capital letter followed by a small one (A-Z, a-z): "French", not "US". */
function capitalisedWord(word: string): boolean {
  const a = word.charCodeAt(0), b = word.charCodeAt(1);
  return a >= 65 && a <= 90 && b >= 97 && b <= 122;
}

/**
 * The noun phrases of a sentence, by part of speech: runs of determiners, adjectives, nouns and
 * names, possessives kept inside ("Iran's foreign ministry"). Pronouns are phrases of their own.
 */
export function chunk(tokens: readonly Token[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  // whether each token may stand in a phrase, asked once a token (the loops below ask again and again)
  const inPhrase = inPhraseFlags(tokens);
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const possessiveOpensPhrase = POSSESSIVES.has(t.data.normal) && i + 1 < tokens.length && inPhrase[i + 1] === 1 && tokens[i + 1]!.data.pos !== 'PUNCT';
    if (t.data.pos === 'PRON' && PRONOUNS.has(t.data.normal) && !possessiveOpensPhrase) { out.push({ start: i, end: i + 1 }); i++; continue; }
    if (inPhrase[i] !== 1 || t.data.pos === 'PUNCT') { i++; continue; }
    let j = i;
    // a possessive opens a phrase of its own ("on Monday | their forces"); a day or month stands alone
    // ("on Tuesday | several such officials")
    if (DAY_WORDS.has(t.data.value)) { out.push({ start: i, end: i + 1 }); i++; continue; }
    while (j < tokens.length && inPhrase[j] === 1 && !(j > i && POSSESSIVES.has(tokens[j]!.data.normal))
      && !(j > i && DAY_WORDS.has(tokens[j]!.data.value))) j++;
    // a trailing hyphen or determiner belongs to what follows
    let end = j;
    while (end > i && (tokens[end - 1]!.data.pos === 'PUNCT' || tokens[end - 1]!.data.pos === 'DET')) end--;
    if (end > i) out.push({ start: i, end });
    i = j;
  }
  return out;
}

/** 1 for each token that may stand in a noun phrase, 0 otherwise (the sentence's own: no buffer outlives the call). */
function inPhraseFlags(tokens: readonly Token[]): Uint8Array {
  const flags = new Uint8Array(tokens.length);
  const first = tokens[0]?.start ?? -1;
  // a dash ends a phrase: "SINGAPORE - Trump" is a dateline and a name
  for (let i = 0; i < tokens.length; i++) flags[i] = inPhraseAt(tokens[i]!, first) && !spacedHyphen(tokens, i) ? 1 : 0;
  return flags;
}

/** Reads the actors of a sentence's phrases from the mention layer, the actor base, or the gazetteer. */
export class PhraseReader {
  constructor(private readonly gazetteer: Gazetteer, private readonly resolver: PhraseResolver | null) {}

  /**
   * A country for an actor that came without one (a speaker the attributions stage could only name:
   * "a senior British minister"), from the actor base or the gazetteer; the ref unchanged otherwise.
   */
  complete(ref: ActorRefData, date: string | null): ActorRefData {
    if (ref.country) return ref;
    const found = this.countryOfName(ref.name, date);
    return found ? { ...ref, country: found.country, sector: ref.sector ?? found.sector } : ref;
  }

  /** speakers come back event after event: their country once per name and day */
  private readonly namedCountries = new Map<string, Map<string, NamedCountry | null>>();
  private namedCount = 0;

  private countryOfName(name: string, date: string | null): NamedCountry | null {
    let byName = this.namedCountries.get(date ?? '');
    const known = byName?.get(name);
    if (known !== undefined) return known;
    if (this.namedCount > 20_000) { this.namedCountries.clear(); this.namedCount = 0; byName = undefined; }
    if (!byName) { byName = new Map(); this.namedCountries.set(date ?? '', byName); }
    const found = this.findCountryOfName(name, date);
    byName.set(name, found);
    this.namedCount++;
    return found;
  }

  private findCountryOfName(name: string, date: string | null): NamedCountry | null {
    const r = this.resolver?.resolve(name, date);
    if (r?.country) return { country: r.country, sector: r.sector };
    const words = Gazetteer.key(name).split(' ');
    const original = name.split(/\s+/);
    for (let i = 0; i < words.length; i++) {
      if (!capitalised(original[i] ?? '')) continue;
      for (let n = Math.min(this.gazetteer.longest, words.length - i); n >= 1; n--) {
        const hit = this.gazetteer.lookup(words.slice(i, i + n));
        if (hit && n === 1 && !this.gazetteer.writtenAs(words[i]!, original[i] ?? '')) continue;
        if (hit) return { country: hit.country, sector: sectorOfNoun(words.at(-1) ?? '') ?? 'GOV' };
      }
    }
    return null;
  }

  read(doc: Document, tokens: readonly Token[], date: string | null): Phrase[] {
    const mentions = doc.has('mention') ? mentionsIn(doc, tokens) : null;
    const out: Phrase[] = [];
    for (const c of chunk(tokens)) out.push(this.readPhrase(doc, tokens, c, mentions, date));
    return out;
  }

  private readPhrase(doc: Document, tokens: readonly Token[], c: { start: number; end: number }, mentions: readonly MentionAt[] | null, date: string | null): Phrase {
    const first = tokens[c.start]!;
    if (c.end - c.start === 1 && first.data.pos === 'PRON') return phrase(c, [], true, null);
    // one pass over the phrase's words for what the rules below ask of them
    let ethnic = false, coordinated = false, named = false;
    for (let k = c.start; k < c.end; k++) {
      const t = tokens[k]!;
      if (t.data.normal === 'ethnic') ethnic = true;
      else if (t.data.normal === 'and') coordinated = true;
      if (capitalised(t.data.value)) named = true;
    }
    // "ethnic Albanians in Serbia", "the Albanian population of the province", "the Turkish minority in
    // Bulgaria": an ethnicity, not a nationality; the country is where they live
    if (ethnic || (c.end - c.start > 1 && GROUPS_OF_ORIGIN.has(tokens[c.end - 1]!.data.normal))) return phrase(c, [], false, null);
    // mentions name the parties; one without a country gives way to what the base or gazetteer finds.
    // Several in one phrase are one actor ("Iran's foreign ministry spokesman Bahram Qassemi": the
    // last, its head) unless the phrase coordinates them ("the Sudanese government and the SPLA")
    const mentioned: ActorRefData[] = [];
    if (mentions) for (const m of mentions) if (m.start >= c.start && m.end <= c.end) mentioned.push(m.ref);
    if (mentioned.length) {
      const refs = coordinated ? mentioned : this.explicitCountry(tokens, c, mentioned.at(-1)!);
      return phrase(c, uniqueRefs(refs), false, 'party.mention');
    }
    // the actor base is asked about phrases that name something (a capital letter), not "the island"
    if (this.resolver && named) {
      const text = withoutArticle(doc.text.slice(tokens[c.start]!.start, tokens[c.end - 1]!.end));
      const ref = this.resolver.resolve(text, date);
      if (ref?.country) {
        const refs = this.explicitCountry(tokens, c, { ...ref, span: { start: tokens[c.start]!.start, end: tokens[c.end - 1]!.end } });
        return phrase(c, refs, false, 'party.actor-base');
      }
      // the names inside a longer phrase: "Trump's non-specific offer", "the Iranian-backed rebels";
      // first as the article's own entities call them (a surname), then through the actor base
      for (const run of capitalisedRuns(tokens, c.start, c.end)) {
        const words = doc.text.slice(tokens[run.start]!.start, tokens[run.end - 1]!.end);
        const known = this.castNameOf(doc, words.toLowerCase());
        if (known) {
          const span = { start: tokens[run.start]!.start, end: tokens[run.end - 1]!.end };
          return phrase(c, [{ ...known, span }], false, 'party.entity-name');
        }
        if (run.end - run.start === c.end - c.start) continue;
        const part = this.resolver.resolve(words, date);
        if (part?.country) {
          const span = { start: tokens[run.start]!.start, end: tokens[run.end - 1]!.end };
          return phrase(c, this.explicitCountry(tokens, c, { ...part, span }), false, 'party.actor-base.name');
        }
      }
    }
    const refs = this.fromGazetteer(doc, tokens, c.start, c.end);
    return phrase(c, refs, false, refs.length ? 'party.gazetteer' : null);
  }

  private castDoc: Document | null = null;
  private castNames = new Map<string, ActorRefData>();

  /**
   * The article's entity the text calls by this name (lower case): its full name, a mention or, for
   * people, the surname; the first entity to use a name keeps it. The article's names are listed once,
   * on the first question: looking each name up through every entity and mention made a long
   * article's cost grow with the square of its length.
   */
  private castNameOf(doc: Document, key: string): ActorRefData | undefined {
    if (this.castDoc !== doc) {
      this.castDoc = doc;
      this.castNames = castNamesOf(doc);
    }
    return this.castNames.get(key);
  }

  /**
   * A phrase that says its country in so many words keeps it: "Algerian President Ahmed Ben Bella" is
   * Algerian whatever a namesake elsewhere in the actor base is.
   */
  private explicitCountry(tokens: readonly Token[], c: { start: number; end: number }, ref: ActorRefData): ActorRefData[] {
    const stated = this.statedCountry(tokens, c.start, c.end);
    if (stated === null || ref.country === stated) return [ref];
    if (isNonState(ref.country)) return [ref];
    return [{ ...ref, country: stated }];
  }

  /** The country of the first country word inside a phrase (what `fromGazetteer` names first), or null. */
  private statedCountry(tokens: readonly Token[], start: number, end: number): string | null {
    for (let i = start; i < end; i++) {
      if (!capitalised(tokens[i]!.data.value)) continue;
      const hit = this.gazetteer.longestAt(tokens, i, end);
      if (hit) return hit.entry.country;
    }
    return null;
  }

  /** Country words inside a phrase; coordinated adjectives give several ("the Turkish and Greek sides"). */
  private fromGazetteer(doc: Document, tokens: readonly Token[], start: number, end: number): ActorRefData[] {
    const refs: ActorRefData[] = [];
    const head = tokens[end - 1]!.data.normal;
    for (let i = start; i < end; i++) {
      if (!capitalised(tokens[i]!.data.value)) continue;
      const hit = this.gazetteer.longestAt(tokens, i, end);
      if (!hit) continue;
      const isHead = i + hit.n === end;
      const headSector = isHead ? null : sectorOfNoun(head) ?? sectorOfNoun(head.endsWith('s') ? head.slice(0, -1) : head) ?? null;
      const sector = isHead ? (hit.entry.sector ?? 'GOV') : (headSector ?? hit.entry.sector ?? 'GOV');
      const span = { start: tokens[start]!.start, end: tokens[end - 1]!.end };
      refs.push({ name: withoutArticle(doc.text.slice(span.start, span.end)), country: hit.entry.country, sector, span });
      i += hit.n - 1;
    }
    if (refs.length < 2) return refs;
    // "Iran's foreign ministry", "U.S. negotiator Paul Nitze": one actor, the first country named
    return uniqueRefs(hasWord(tokens, start, end, 'and') ? refs : refs.slice(0, 1));
  }
}

/** Whether one of the tokens from `start` to `end` (half-open) has this normal form. */
function hasWord(tokens: readonly Token[], start: number, end: number, normal: string): boolean {
  for (let i = start; i < end; i++) if (tokens[i]!.data.normal === normal) return true;
  return false;
}

/** Whether a word starts with a capital letter (A-Z): a name, in the middle of a sentence. */
function capitalised(word: string): boolean {
  return capitalisedAt(word, 0);
}

/** Whether the character at `i` is a capital letter (A-Z). */
function capitalisedAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 65 && c <= 90;
}

/** Every name the text calls an entity with a country by (lower case), with the first entity to use it, as an actor. */
function castNamesOf(doc: Document): Map<string, ActorRefData> {
  const names = new Map<string, ActorRefData>();
  const text = doc.text;
  const mentionsOf = mentionsByEntity(doc);
  for (const e of doc.layer('entity')) {
    const { name, country, sector, type } = e.data;
    if (!country) continue;
    const called = (words: string) => {
      const key = words.toLowerCase();
      if (!names.has(key)) names.set(key, { name, country, sector, entity: e.id });
    };
    if (capitalised(name)) called(name);
    for (const m of mentionsOf.get(e.id) ?? []) if (m.end > m.start && capitalisedAt(text, m.start)) called(text.slice(m.start, m.end));
    if (type === 'PERSON') {
      const surname = lastWordOf(name);
      if (capitalised(surname)) called(surname);
    }
  }
  return names;
}

/** The last word of a name: what `name.split(/\s+/).at(-1)` gives ('' when the name ends in a space). */
function lastWordOf(name: string): string {
  let i = name.length;
  while (i > 0 && !isSpace(name.charCodeAt(i - 1))) i--;
  return i === 0 ? name : name.slice(i);
}

/** Whether a character is one that `\s` matches (white space and line terminators). */
function isSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 160 || c === 5760 || (c >= 8192 && c <= 8202)
    || c === 8232 || c === 8233 || c === 8239 || c === 8287 || c === 12288 || c === 65279;
}

/** Codes of bodies that are no country: a phrase's country word does not make them that country's. */

const ARTICLE = /^(the|a|an)\s+/i;

/**
 * The text without a leading article ("the White House" -> "White House"). Most names start with
 * another letter than t or a: those skip the regular expression.
 */
export function withoutArticle(text: string): string {
  const c = text.charCodeAt(0) | 0x20;
  return c === 0x74 || c === 0x61 ? text.replace(ARTICLE, '') : text;
}

/** A phrase of a sentence, always built with the same shape. */
function phrase(c: { start: number; end: number }, refs: ActorRefData[], pronoun: boolean, rule: string | null): Phrase {
  return { start: c.start, end: c.end, refs, pronoun, rule };
}

/** The runs of capitalised words in a phrase, possessive endings left out. */
function capitalisedRuns(tokens: readonly Token[], start: number, end: number): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  let i = start;
  while (i < end) {
    if (!capitalised(tokens[i]!.data.value)) { i++; continue; }
    let j = i;
    while (j < end && (capitalised(tokens[j]!.data.value) || (tokens[j]!.data.value === '.' && j > i))) j++;
    runs.push({ start: i, end: j });
    i = j;
  }
  return runs;
}

/** The country (and the sector it implies) a bare name was found to have. */
interface NamedCountry { readonly country: string; readonly sector: string | null }

/** A mention of an entity with a country in a sentence: its token range (half-open) and the actor it names. */
interface MentionAt { readonly start: number; readonly end: number; readonly ref: ActorRefData }

function mentionsIn(doc: Document, tokens: readonly Token[]): MentionAt[] {
  const first = tokens[0], last = tokens.at(-1);
  if (!first || !last) return [];
  const out: MentionAt[] = [];
  const all = doc.layer('mention');
  // mentions are sorted by start: find the first that can reach into the sentence, stop after it
  let lo = 0, hi = all.length;
  while (lo < hi) { const mid = (lo + hi) >>> 1; if (all[mid]!.start < first.start - 200) lo = mid + 1; else hi = mid; }
  for (let k = lo; k < all.length; k++) {
    const m = all[k]!;
    if (m.start >= last.end) break;
    if (m.end <= first.start) continue;
    const entity = doc.annotation(m.data.entity);
    if (!entity || entity.layer !== 'entity') continue;
    const data = entity.data as { name: string; country: string | null; sector: string | null };
    // a phrase takes only mentions of entities with a country
    if (!data.country) continue;
    let a = -1;
    for (let lo2 = 0, hi2 = tokens.length; lo2 < hi2;) {
      const mid = (lo2 + hi2) >>> 1;
      if (tokens[mid]!.end > m.start) { a = mid; hi2 = mid; } else lo2 = mid + 1;
    }
    let b = a;
    while (b < tokens.length && tokens[b]!.start < m.end) b++;
    if (a < 0) continue;
    out.push({ start: a, end: b, ref: { name: data.name, country: data.country, sector: data.sector, span: { start: m.start, end: m.end }, entity: entity.id } });
  }
  return out;
}

/** Actor references without repeats (same name, country and sector), first mention kept. */
export function uniqueRefs(refs: ActorRefData[]): ActorRefData[] {
  // none or one: nothing can repeat (a fresh array all the same, as callers may keep it)
  if (refs.length < 2) return refs.slice();
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = `${r.name}|${r.country}|${r.sector}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
