import type { EntityType } from '../core/layers.js';
import { buildCountries, type CountryNames } from './countries.js';
import { asNamed, compileFallback, FallbackLayer, nameKeyOf, namedEntries, withoutInnerPossessive, type FallbackKey } from './fallback.js';
import type { PlaceGazetteer } from './gazetteer.js';
import type { LearnedLookup, LearnedPerson } from './learned.js';
import { classifyUnknownName } from './names.js';
import { joinableRun, joinsAt, KnownKeys, LONGEST_SHIFT, PhraseTrie, shapeOf, WordFlag, type PhraseNode, type TrieDump } from './phrases.js';
import type { ActorFile, Modifier, PersonEntry, SectorWord, Term } from './schema.js';
import { dayEnd, dayStart, isCapitalised, isTitleCase, keyOf, PLACE_HEADS, skeletonOf, wordsOf } from './text.js';

/** An actor description resolved to who it is, as of a date. */
export interface ResolvedActor {
  /** canonical name ("Mike Pompeo", "Iran", "Iranian officials", "Reuters") */
  name: string;
  type: EntityType;
  /** ISO alpha-3, KOS, or IGO/UNO/EUR/NGO/MNC */
  country: string | null;
  sector: string | null;
  /** "Secretary of State" */
  role: string | null;
  /** id of the actor-base entry */
  actorId?: string;
  /** rule id that resolved it */
  rule: string;
  confidence: number;
}

/** What `ActorBase.explain` says of a resolution. */
export interface ActorExplanation {
  /** the rule ids the resolution's rule is made of, in order */
  rules: string[];
  /** the layer of the base the entry came from */
  layer: 'hand-written' | 'dictionaries' | null;
  entry?: { id: string; kind: NameEntry['kind']; name: string };
  /** for a person: the term in force on the date, or the last one before it */
  term?: Term & { inForce: boolean };
}

export interface ResolveOptions {
  /** YYYY-MM-DD: office holders resolve as of this day */
  date?: string | null;
  /** the sentence or paragraph around the description, used to settle ambiguous names */
  context?: string;
  /** the words right before the description in its sentence ("Michael" before "Jordan") */
  before?: string;
  /** more text to count cues in for ambiguous names (the whole article), beyond `context` */
  cues?: string;
  /**
   * the context says where the description is set ("Saudi", "Mexico"): a description that names no
   * country takes the one country the context names. For descriptions given with a short setting
   * (`dossier actor --context`); in running text a sentence names too many places for that.
   */
  countryFromContext?: boolean;
}

/** How a proper name in the base resolves, before dates and modifiers are applied. */
export interface NameEntry {
  readonly kind: 'place' | 'country' | 'capital' | 'metonym' | 'adjective' | 'plural' | 'igo' | 'org' | 'agreement' | 'outlet' | 'person';
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
  readonly country: string | null;
  readonly sector: string | null;
  /** acronyms match only as written ("US" but not "us") */
  readonly caseSensitive: boolean;
  readonly ambiguous?: boolean;
  /** for ambiguous names, what the name means when it is not the country */
  readonly otherSense?: CountryNames['otherSense'];
  readonly person?: PersonEntry;
  /** an outlet named by an ordinary English word ("Liberation", "Guardian"): see inLongerName */
  readonly ordinaryWord?: boolean;
  /** from a fallback layer (the converted dictionaries): a person's name there is a full name only */
  readonly fallback?: boolean;
}

/**
 * A base as JSON (ActorBase.snapshot): its indexes as the constructor leaves them, so that a base
 * built again from the same files is read back rather than derived anew (keys, countries, the word
 * trie: most of a start-up's building of the base). Objects shared between indexes (an entry under
 * several names, a person under names and surnames, a sector word under its words) are written once,
 * in a table, and named by their place in it, so they are shared again once read. Maps are lists of
 * their [key, value] pairs in their order, sets lists.
 */
export interface ActorBaseSnapshot {
  readonly snapshot: typeof SNAPSHOT_FORMAT;
  readonly countries: readonly SnapshotCountry[];
  readonly personIds: readonly (readonly [string, number])[];
  readonly names: readonly (readonly [string, readonly number[]])[];
  readonly byId: readonly number[];
  readonly skeletonSources: readonly (string | readonly [string, number])[];
  readonly surnames: readonly (readonly [string, readonly number[]])[];
  readonly sectorWords: readonly (readonly [string, number])[];
  readonly modifiers: readonly (readonly [string, number])[];
  readonly firstWords: readonly (readonly [string, number])[];
  readonly maxWords: number;
  /** the known-keys bitmap, in base64 */
  readonly known: string;
  /** the word trie, its values numbered in phraseValues: [names (their place in `names`), case-sensitive (1), sector word, modifier], -1 for none */
  readonly phrases: TrieDump;
  readonly phraseValues: readonly (readonly [number, number, number, number])[];
  readonly people: readonly PersonEntry[];
  readonly sectorWordTable: readonly SectorWord[];
  readonly modifierTable: readonly Modifier[];
  readonly entries: readonly SnapshotEntry[];
}
/** the form of ActorBaseSnapshot: a snapshot of another form is not read (see actorBaseOf) */
export const SNAPSHOT_FORMAT = 2;
/** A name entry with its person as its place in the snapshot's people. */
type SnapshotEntry = Omit<NameEntry, 'person'> & { readonly person?: number };
/** A country's names with lists for sets. */
type SnapshotCountry = { readonly [K in keyof CountryNames]: CountryNames[K] extends Set<string> ? readonly string[] : CountryNames[K] };

/** One piece of a parsed description: `at` is the index of its first word, `words` how many it covers. */
export type Part =
  | { kind: 'name'; entry: NameEntry; at: number; words: number; surname?: boolean }
  | { kind: 'sector'; word: SectorWord; at: number; words: number }
  | { kind: 'modifier'; modifier: Modifier; at: number; words: number }
  | { kind: 'proper'; word: string; at: number; words: 1 }
  | { kind: 'other'; word: string; at: number; words: 1 };

/** What an index key names: proper names, a sector word, a modifier (a key may be several). */
interface PhraseEntries {
  names?: readonly NameEntry[];
  /** some of the names match only as written */
  caseSensitive?: boolean;
  sector?: SectorWord;
  modifier?: Modifier;
}

/** People's full names by their consonant skeleton with its spaces dropped (skeletonOf: "Bahram Qasemi", "Abdulmalik"), and the hand-written base's surnames by theirs ("Qasemi" alone is the surname "qassemi"). */
interface SkeletonIndex {
  readonly names: Map<string, NameEntry[]>;
  readonly surnames: Map<string, Set<string>>;
}

const RESOLVED_LIMIT = 20_000;
const WORD_FLAGS_LIMIT = 50_000;
// the days of one batch of articles: a few thousand at most
const DAY_MEMO_LIMIT = 5_000;
const LED = /^(.+)-(?:led|run|controlled|ruled)$/;
const ARTICLE = /^(?:The|A|An|Some|Many)$/;

const DETERMINER = /^(?:the|a|an|some|many|several|few|other|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|scores|\d+)$/i;

/**
 * The actor knowledge base: countries, IGOs, organisations, outlets, dated office holders, sector
 * words and modifiers, indexed for lookup by name and for parsing free descriptions.
 */
export class ActorBase {
  private readonly names = new Map<string, NameEntry[]>();
  /** every name entry by its id, for explanations */
  private readonly byId = new Map<string, NameEntry>();
  private readonly surnames = new Map<string, PersonEntry[]>();
  /**
   * What the skeleton indexes are made of, in the order the names were added: people's full names
   * (two words or more) with their entry, and the hand-written base's surnames. The indexes are
   * built on their first look-up (skeletons()): only a name no other index knows needs them, and
   * a skeleton costs a dozen regular expressions, a good part of building the base.
   */
  private readonly skeletonSources: (readonly [string, NameEntry] | string)[] = [];
  private skeletonIndex: SkeletonIndex | null = null;
  private readonly sectorWords = new Map<string, SectorWord>();
  private readonly modifiers = new Map<string, Modifier>();
  readonly countries: Map<string, CountryNames>;
  readonly people = new Map<string, PersonEntry>();
  /** the longest phrase, in words, of any index, to bound matching */
  maxWords = 1;
  /** for each first word of an indexed phrase, the longest phrase starting with it: most words start none */
  private readonly firstWords = new Map<string, number>();
  /** the names, sector words and modifiers again, by the keys of their words: parse looks phrases up word by word */
  private readonly phrases = new PhraseTrie<PhraseEntries>();
  /** the flags of each word text seen (see WordFlag), a bounded memo: sentences repeat the same words */
  private readonly wordFlags = new Map<string, number>();
  /** the trie node of each word text seen that starts some phrase: its key need not be looked up again */
  private readonly firstNodes = new Map<string, PhraseNode<PhraseEntries>>();
  /** the keys the base knows anything about, to pass over most words without a look-up */
  private readonly knownKeys = new KnownKeys();
  /** holderOf's memo, by day, country and title */
  private readonly holders = new Map<string, { person: PersonEntry; term: Term } | null>();
  /** surnameOnDay's memo, by day then surname key */
  private readonly surnamesOnDay = new Map<string, Map<string, readonly PersonEntry[]>>();
  /**
   * Resolutions that depended on the text and the date alone, by date then text: the same
   * descriptions come back sentence after sentence and article after article. Callers copy a
   * result to change it, never mutate it.
   */
  private readonly resolved = new Map<string, Map<string, ResolvedActor | null>>();
  private resolvedCount = 0;
  /** bumped whenever a resolution reads more than its text and date (context, cues, learned layer) */
  private impureReads = 0;
  /** bumped whenever a resolution reads the date: one that does not is the same on any day */
  private dateReads = 0;
  /** resolutions that did not depend on the date either, by text */
  private readonly resolvedAnyDay = new Map<string, ResolvedActor | null>();

  /** the fallback layer (the converted dictionaries), compiled: its names looked up on demand */
  private readonly fallback: FallbackLayer | null;

  /**
   * The base of these actor files, in order (a later file only adds to an earlier one's names);
   * a file marked `fallback` is the oldest layer, compiled here, unless `compiled` gives that
   * layer already compiled (the shipped dictionaries: see fallback.ts). Given a snapshot of a base
   * (ActorBase.snapshot), the base it was taken of, with `compiled` as its fallback layer: the
   * one the snapshot was taken with.
   */
  constructor(files: readonly ActorFile[] | ActorBaseSnapshot, readonly learned: LearnedLookup | null = null, private readonly gazetteer: PlaceGazetteer | null = null,
    compiled: FallbackLayer | null = null) {
    if (!Array.isArray(files)) {
      this.fallback = compiled;
      this.countries = this.restore(files as ActorBaseSnapshot);
      return;
    }
    const own = files.filter((f) => f.fallback !== true), old = files.filter((f) => f.fallback === true);
    this.fallback = compiled ?? (old.length ? new FallbackLayer(new TextEncoder().encode(compileFallback(old))) : null);
    const layer = this.fallback?.header;
    this.countries = buildCountries([...own.flatMap((f) => f.countries ?? []), ...layer?.countries ?? []]);
    for (const c of this.countries.values()) this.addCountry(c);
    for (const f of own) {
      for (const [name, e] of namedEntries(f, false)) this.addName(name, e);
      for (const p of f.people ?? []) this.addPerson(p);
      for (const w of f.sectorWords ?? []) for (const word of w.words) this.addWord(this.sectorWords, word, w);
      for (const m of f.modifiers ?? []) for (const word of m.words) this.addWord(this.modifiers, word, m);
    }
    if (layer) {
      // a fallback layer only adds: a name or word another file gives keeps that file's sense; its
      // names and sector words are looked up after the others' (namesOf, sectorOf), and the words
      // that start them are known
      for (const m of layer.modifiers) for (const word of m.words) if (!this.modifiers.has(keyOf(word))) this.addWord(this.modifiers, word, m);
      this.maxWords = Math.max(this.maxWords, layer.maxWords);
      this.knownKeys.addAll(layer.known);
    }
    for (const [key, names] of this.names) this.phrases.node(key).value = { names, caseSensitive: names.some((e) => e.caseSensitive) };
    for (const [key, sector] of this.sectorWords) (this.phrases.node(key).value ??= {}).sector = sector;
    for (const [key, modifier] of this.modifiers) (this.phrases.node(key).value ??= {}).modifier = modifier;
    for (const map of [this.firstWords, this.surnames, this.names, this.sectorWords]) for (const key of map.keys()) this.knownKeys.add(key);
    for (const key of ['the', 'jr', 'sr']) this.knownKeys.add(key);
  }

  /**
   * The base's indexes as they stand after its constructor, as JSON data (see ActorBaseSnapshot).
   * Deterministic: the same files give the same snapshot.
   */
  snapshot(): ActorBaseSnapshot {
    const table = <T extends object>() => {
      const index = new Map<T, number>();
      return { all: [] as T[], of(x: T): number { let n = index.get(x); if (n === undefined) { index.set(x, n = this.all.length); this.all.push(x); } return n; } };
    };
    const people = table<PersonEntry>(), entries = table<NameEntry>(), sectorWords = table<SectorWord>(), modifiers = table<Modifier>();
    const personIds = [...this.people].map(([id, p]) => [id, people.of(p)] as const);
    const names = [...this.names].map(([key, list]) => [key, list.map((e) => entries.of(e))] as const);
    const byId = [...this.byId.values()].map((e) => entries.of(e));
    const skeletonSources = this.skeletonSources.map((s) => (typeof s === 'string' ? s : [s[0], entries.of(s[1])] as const));
    // a phrase's names are the list of its key in `names`
    const namesAt = new Map<readonly NameEntry[], number>([...this.names.values()].map((list, n) => [list, n]));
    const phraseValues: [number, number, number, number][] = [];
    const phrases = this.phrases.dump((v) => phraseValues.push([v.names ? namesAt.get(v.names)! : -1, v.caseSensitive ? 1 : 0,
      v.sector ? sectorWords.of(v.sector) : -1, v.modifier ? modifiers.of(v.modifier) : -1]) - 1);
    return {
      snapshot: SNAPSHOT_FORMAT,
      countries: [...this.countries.values()].map((c) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v instanceof Set ? [...v as Set<string>] : v])) as SnapshotCountry),
      personIds, names, byId, skeletonSources,
      surnames: [...this.surnames].map(([key, list]) => [key, list.map((p) => people.of(p))] as const),
      sectorWords: [...this.sectorWords].map(([key, w]) => [key, sectorWords.of(w)] as const),
      modifiers: [...this.modifiers].map(([key, m]) => [key, modifiers.of(m)] as const),
      firstWords: [...this.firstWords], maxWords: this.maxWords, known: this.knownKeys.toBase64(), phrases, phraseValues,
      // entries last: the tables above fill them; an entry names its person by place
      people: people.all, sectorWordTable: sectorWords.all, modifierTable: modifiers.all,
      entries: entries.all.map((e) => (e.person ? { ...e, person: people.of(e.person) } : e) as SnapshotEntry),
    };
  }

  /** Fills the indexes from a snapshot (the constructor's work read back) and gives the countries. */
  private restore(s: ActorBaseSnapshot): Map<string, CountryNames> {
    if (s.snapshot !== SNAPSHOT_FORMAT) throw new Error(`an actor base snapshot of format ${String(s.snapshot)}, not ${SNAPSHOT_FORMAT}`);
    const entries = s.entries.map((e) => (typeof e.person === 'number' ? { ...e, person: s.people[e.person]! } : e) as NameEntry);
    for (const [id, p] of s.personIds) this.people.set(id, s.people[p]!);
    const names = s.names.map(([key, list]) => { const named = list.map((n) => entries[n]!); this.names.set(key, named); return named; });
    for (const n of s.byId) this.byId.set(entries[n]!.id, entries[n]!);
    for (const source of s.skeletonSources) this.skeletonSources.push(typeof source === 'string' ? source : [source[0], entries[source[1]]!]);
    for (const [key, list] of s.surnames) this.surnames.set(key, list.map((p) => s.people[p]!));
    for (const [key, w] of s.sectorWords) this.sectorWords.set(key, s.sectorWordTable[w]!);
    for (const [key, m] of s.modifiers) this.modifiers.set(key, s.modifierTable[m]!);
    for (const [word, n] of s.firstWords) this.firstWords.set(word, n);
    this.maxWords = s.maxWords;
    this.knownKeys.addAll(s.known);
    this.phrases.load(s.phrases, (n) => {
      const [named, caseSensitive, sector, modifier] = s.phraseValues[n]!;
      return { ...named >= 0 ? { names: names[named]!, caseSensitive: caseSensitive === 1 } : {},
        ...sector >= 0 ? { sector: s.sectorWordTable[sector]! } : {}, ...modifier >= 0 ? { modifier: s.modifierTable[modifier]! } : {} };
    });
    return new Map(s.countries.map((c) => [c.code, Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Array.isArray(v) ? new Set(v) : v])) as unknown as CountryNames]));
  }

  /** The names under a key: the hand-written and users' files', else the fallback layer's. */
  private namesOf(key: string): readonly NameEntry[] | undefined {
    return this.names.get(key) ?? this.fallback?.names(key) ?? undefined;
  }

  /** The sector word of a key: the hand-written and users' files', else the fallback layer's where they read the words otherwise (knowsWord). */
  private sectorOf(key: string): SectorWord | undefined {
    return this.sectorWords.get(key) ?? this.fallbackSector(key);
  }

  private fallbackSector(key: string): SectorWord | undefined {
    const w = this.fallback?.lookup(key)?.sector;
    return w && !this.knowsWord(key) ? w : undefined;
  }

  /**
   * Whether the layers before a fallback one already read this word or phrase: as a sector word or
   * modifier, as a modifier and what follows ("former president", "opposition activists"), or as a
   * title and what follows, which the parts give with more structure (a title, a person, the
   * holder of an office) than one fallback phrase would.
   */
  private knowsWord(word: string): boolean {
    const key = keyOf(word);
    if (this.sectorWords.has(key) || this.modifiers.has(key)) return true;
    const words = key.split(' ');
    if (words.length < 2) return false;
    if (this.modifiers.has(words[0]!)) return true;
    // a title and more ("president of the united states", "minister for agriculture"): the title
    // and the country read apart name the office holder of the day, which one phrase would not
    for (let n = words.length - 1; n >= 1; n--) if (this.sectorWords.get(words.slice(0, n).join(' '))?.person) return true;
    return false;
  }

  private addCountry(c: CountryNames): void {
    const base = { id: c.id, country: c.code, caseSensitive: false, ambiguous: c.ambiguous, ...(c.otherSense ? { otherSense: c.otherSense } : {}) };
    for (const n of c.names) this.addName(n, { ...base, kind: 'country', name: c.name, type: 'GPE', sector: null, caseSensitive: n.length <= 4 && n === n.toUpperCase() });
    // a city-state's capital is the country's name ("Singapore"): there the name means the country
    for (const n of c.capitals) if (!c.names.has(n)) this.addName(n, { ...base, kind: 'capital', name: n, type: 'GPE', sector: 'GOV' });
    for (const n of c.metonyms) if (!c.names.has(n) && !c.capitals.has(n)) this.addName(n, { ...base, kind: 'metonym', name: n.replace(/^the /i, ''), type: 'ORG', sector: 'GOV' });
    for (const n of c.adjectives) this.addName(n, { ...base, kind: 'adjective', name: n, type: 'NORP', sector: null });
    for (const n of c.plurals) this.addName(n, { ...base, kind: 'plural', name: n, type: 'NORP', sector: 'CVL' });
  }

  private addPerson(p: PersonEntry): void {
    this.people.set(p.id, p);
    const e: NameEntry = { kind: 'person', id: p.id, name: p.name, type: 'PERSON', country: null, sector: null, caseSensitive: false, person: p };
    // East Asian names put the family name first: "Kim" of Kim Jong-un, "Xi" of Xi Jinping
    const familyFirst = FAMILY_NAME_FIRST.has(p.terms[0]!.country) && !WESTERN_GIVEN_NAME.test(p.name);
    for (const n of [p.name, ...(p.aliases ?? [])]) {
      this.addName(n, e);
      const words = keyOf(n).split(' ').filter((w) => !/^(?:al|el|bin|ibn|de|da|von|van|der|jr\.?|ii|iii)$/.test(w));
      const surnames = new Set([words[words.length - 1]!]);
      if (familyFirst && words.length > 1) surnames.add(words[0]!);
      // "al-Assad" is also written "Assad"
      for (const w of [...surnames]) if (/^(?:al|el)-/.test(w)) surnames.add(w.slice(3));
      for (const surname of surnames) {
        const list = this.surnames.get(surname) ?? [];
        if (!list.includes(p)) list.push(p);
        this.surnames.set(surname, list);
        this.skeletonSources.push(surname);
        this.skeletonIndex = null;
      }
    }
  }

  private addName(name: string, entry: NameEntry): void {
    // a short name in capitals is an acronym whatever list it came in ("CIA", "IS", "AP" as
    // names or aliases): "Cia" is a nickname and "Is" a verb in a headline, so only as written
    entry = asNamed(name, entry);
    const key = nameKeyOf(name);
    if (!this.byId.has(entry.id)) this.byId.set(entry.id, entry);
    if (entry.kind === 'person' && !entry.fallback && key.includes(' ')) {
      this.skeletonSources.push([key, entry]);
      this.skeletonIndex = null;
    }
    const list = this.names.get(key) ?? [];
    // the same entry under the same key once; the first one added is the main sense (a country's
    // name before its adjective: "US" is the United States, and "US officials" still take its code)
    if (!list.some((x) => x.id === entry.id && x.kind === entry.kind)) list.push(entry);
    this.names.set(key, list);
    this.noteFirstWord(key);
    const bare = withoutInnerPossessive(name);
    if (bare) this.addName(bare, entry);
  }

  /** The skeleton indexes (see skeletonSources), built on first use. */
  private skeletons(): SkeletonIndex {
    if (this.skeletonIndex) return this.skeletonIndex;
    const index: SkeletonIndex = { names: new Map(), surnames: new Map() };
    for (const source of this.skeletonSources) {
      if (typeof source === 'string') {
        const sk = skeletonOf(source);
        // short skeletons ("kr", "l") are too many names
        if (sk.length < 3) continue;
        const same = index.surnames.get(sk) ?? new Set<string>();
        same.add(source);
        index.surnames.set(sk, same);
      } else {
        const [key, entry] = source;
        // spaces and hyphens inside a name vary ("Abdul-Malik", "Abdulmalik", "Abdul Malik")
        const sk = skeletonOf(key).replace(/ /g, '');
        const same = index.names.get(sk) ?? [];
        if (!same.some((x) => x.id === entry.id)) same.push(entry);
        index.names.set(sk, same);
      }
    }
    return (this.skeletonIndex = index);
  }

  private addWord<T>(map: Map<string, T>, word: string, value: T): void {
    const key = keyOf(word);
    map.set(key, value);
    this.noteFirstWord(key);
  }

  private noteFirstWord(key: string): void {
    const words = key.split(' ');
    this.maxWords = Math.max(this.maxWords, words.length);
    this.firstWords.set(words[0]!, Math.max(this.firstWords.get(words[0]!) ?? 0, words.length));
  }

  /** Entries named exactly `text` (case-insensitive; acronyms as written). */
  lookupName(text: string): NameEntry[] {
    const clean = text.replace(/^the\s+/i, '').replace(/[’']s$/, '');
    // an acronym is written as one: in capitals, or with two capitals or more ("AfD", "PiS")
    const asAcronym = clean === clean.toUpperCase() || TWO_CAPITALS.test(clean);
    return (this.namesOf(keyOf(clean)) ?? []).filter((e) => !e.caseSensitive || e.name === clean || asAcronym);
  }

  sectorWord(text: string): SectorWord | undefined {
    return this.sectorOf(keyOf(text));
  }

  modifier(text: string): Modifier | undefined {
    return this.modifiers.get(keyOf(text));
  }

  /** People of the base whose surname (or single-word alias) this is. */
  peopleWithSurname(surname: string): readonly PersonEntry[] {
    return this.surnames.get(keyOf(surname)) ?? [];
  }

  /** The person a surname alone most likely means on a day: the only one, or the one in office then. */
  personBySurname(surname: string, date: string | null | undefined, before?: Part, titled = false): PersonEntry | null {
    this.dateReads++;
    let list = date ? this.surnameOnDay(keyOf(surname), date) : this.peopleWithSurname(surname);
    // "Secretary Clinton" is the Clinton who was a secretary, "President Clinton" the president
    if (before?.kind === 'sector' && list.length) {
      const title = [before.word.role ?? '', ...before.word.words].map((w) => w.toLowerCase()).filter((w) => w.length > 2);
      const fit = list.filter((p) => p.terms.some((t) => title.some((w) => t.role.toLowerCase().includes(w))));
      if (fit.length === 1) return fit[0]!;
      if (fit.length) list = fit;
      // "King Ahmed", "President Ahmed": a head-of-state or government title right before the
      // surname that none of its people ever held names someone else (not Prime Minister Abiy Ahmed)
      else if (titled && HEAD_TITLE_IDS.has(before.word.id)) return null;
    }
    if (list.length <= 1) return list[0] ?? null;
    if (date) {
      const inOffice = list.filter((p) => p.terms.some((t) => dayStart(t.from) <= date && (!t.to || dayEnd(t.to) >= date)));
      if (inOffice.length === 1) return inOffice[0]!;
      if (inOffice.length > 1) list = inOffice;
    }
    // among relatives and namesakes, a surname alone means the one who led a country ("Trump", "Kim")
    const leaders = list.filter((p) => p.terms.some((t) => HEAD_OF_STATE.test(t.role)));
    return leaders.length === 1 ? leaders[0]! : null;
  }

  /**
   * The people a surname alone may mean on a day, memoised by day: someone in office then, or a
   * former head of state or government ("Obama" in 2019); a former minister is introduced by full
   * name, and "Brown", "Fox" or "Rasmussen" alone are more often someone or something else.
   */
  private surnameOnDay(key: string, date: string): readonly PersonEntry[] {
    let byKey = this.surnamesOnDay.get(date);
    if (!byKey) {
      if (this.surnamesOnDay.size >= DAY_MEMO_LIMIT) this.surnamesOnDay.clear();
      this.surnamesOnDay.set(date, byKey = new Map());
    }
    let list = byKey.get(key);
    if (!list) {
      list = (this.surnames.get(key) ?? []).filter((p) => p.terms.some((t) => (dayStart(t.from) <= date && (!t.to || dayEnd(t.to) >= date)) || (HEAD_OF_STATE.test(t.role) && dayStart(t.from) <= date)));
      byKey.set(key, list);
    }
    return list;
  }

  /**
   * The person who held an office on a day: "the Russian president" in 2023, "Iran's supreme
   * leader". The title must begin the office's name, and deputies are not their principals.
   */
  holderOf(title: string, country: string, date: string): { person: PersonEntry; term: Term } | null {
    // every person's every term is looked at: the same few titles are asked again and again
    const memo = `${date}\u0000${country}\u0000${title}`;
    let holder = this.holders.get(memo);
    if (holder === undefined) {
      if (this.holders.size >= RESOLVED_LIMIT) this.holders.clear();
      holder = this.findHolder(title, country, date);
      this.holders.set(memo, holder);
    }
    return holder;
  }

  private findHolder(title: string, country: string, date: string): { person: PersonEntry; term: Term } | null {
    const t = keyOf(title).replace(/^(?:the|a|an) /, '');
    if (!t) return null;
    const hits: { person: PersonEntry; term: Term }[] = [];
    for (const p of this.people.values()) {
      for (const term of p.terms) {
        if (term.country !== country || dayStart(term.from) > date || (term.to && dayEnd(term.to) < date)) continue;
        const role = keyOf(term.role);
        if (role === t || role.startsWith(`${t} `)) hits.push({ person: p, term });
      }
    }
    return hits.length === 1 ? hits[0]! : null;
  }

  /** What a person is on a day: the term in force, or a former official after it (ELI). */
  personOn(p: PersonEntry, date: string | null | undefined): { country: string | null; sector: string; role: string | null; rule: string; confidence: number } {
    this.dateReads++;
    const terms = p.terms;
    if (!date) {
      // no date: the latest term, as the person is most often written about while in office
      const t = latest(terms);
      return { country: t.country, sector: t.sector, role: t.role || null, rule: 'person.latest-term', confidence: 0.7 };
    }
    const current = terms.filter((t) => dayStart(t.from) <= date && (!t.to || dayEnd(t.to) >= date));
    if (current.length) {
      // concurrent terms (a president who is also party leader): the first listed is the main one
      const t = current[0]!;
      return { country: t.country, sector: t.sector, role: t.role || null, rule: 'person.term', confidence: 0.95 };
    }
    const before = terms.filter((t) => t.to && dayEnd(t.to) < date);
    // dictionary terms carry a code, not a role: no role to be former of
    const formerRole = (t: Term) => (t.role ? `former ${t.role}` : null);
    if (p.otherwise) return { country: p.otherwise.country, sector: p.otherwise.sector, role: before.length ? formerRole(latest(before)) : null, rule: 'person.otherwise', confidence: 0.8 };
    if (before.length) {
      const t = latest(before);
      return { country: t.country, sector: 'ELI', role: formerRole(t), rule: 'person.former', confidence: 0.9 };
    }
    const first = terms.reduce((a, b) => (dayStart(a.from) <= dayStart(b.from) ? a : b));
    return { country: first.country, sector: first.sector === 'GOV' ? 'GOV' : first.sector, role: null, rule: 'person.before-term', confidence: 0.5 };
  }

  /**
   * Why a resolution came out as it did: the entry of the base it rests on (and which layer gave
   * it), the term of office in force on the date for a person, and the rule (ids joined by "+",
   * each one a table entry: see src/actors/README.md).
   */
  explain(actor: ResolvedActor, date: string | null = null): ActorExplanation {
    const id = actor.actorId;
    const entry = id ? this.byId.get(id) ?? (this.people.has(id) ? this.personEntry(this.people.get(id)!) : undefined)
      // an entry of the fallback layer, under the name it resolved to
      ?? this.fallback?.names(nameKeyOf(actor.name))?.find((e) => e.id === id) : undefined;
    const rules = actor.rule.split('+');
    const out: ActorExplanation = { rules, layer: null };
    if (!entry) return out;
    out.entry = { id: entry.id, kind: entry.kind, name: entry.name };
    out.layer = entry.fallback ? 'dictionaries' : 'hand-written';
    const p = entry.person;
    if (p && date) {
      const term = p.terms.find((t) => dayStart(t.from) <= date && (!t.to || dayEnd(t.to) >= date));
      const last = term ?? p.terms.filter((t) => dayStart(t.from) <= date).reduce<Term | undefined>((a, b) => (!a || dayStart(b.from) > dayStart(a.from) ? b : a), undefined);
      if (last) out.term = { ...last, inForce: !!term };
    }
    return out;
  }

  /** Resolves a free description ("Iranian Foreign Minister Javad Zarif", "riot police", "Tehran", "the LA Times"). */
  resolve(text: string, options: ResolveOptions = {}): ResolvedActor | null {
    const actor = this.resolveByText(text, options);
    // the setting is applied after the memo, which holds what the text and the date alone give
    return options.countryFromContext && options.context && actor && !actor.country ? this.withContextCountry(actor, options.context) : actor;
  }

  /** What the text says on the date (and its context, for ambiguous names), memoised when it read nothing more. */
  private resolveByText(text: string, options: ResolveOptions): ResolvedActor | null {
    const date = options.date ?? null;
    const dateKey = date ?? '\u0000';
    const anyDay = this.resolvedAnyDay.get(text);
    if (anyDay !== undefined) return anyDay;
    let byText = this.resolved.get(dateKey);
    const hit = byText?.get(text);
    if (hit !== undefined) return hit;
    const reads = this.impureReads, dateReads = this.dateReads;
    const actor = this.resolveAnew(text, options);
    // only what depended on the text and the date alone may be given again
    if (this.impureReads === reads) {
      if (this.resolvedCount >= RESOLVED_LIMIT) { this.resolved.clear(); this.resolvedAnyDay.clear(); this.resolvedCount = 0; byText = undefined; }
      if (this.dateReads === dateReads) this.resolvedAnyDay.set(text, actor);
      else {
        if (!byText) this.resolved.set(dateKey, byText = new Map());
        byText.set(text, actor);
      }
      this.resolvedCount++;
    }
    return actor;
  }

  private resolveAnew(text: string, options: ResolveOptions): ResolvedActor | null {
    const date = options.date ?? null;
    // trailing punctuation goes, but not the dot of an abbreviation ("the U.S.")
    const raw = text.replace(/[’‘]/g, "'").replace(/^[\s"“(]+/, '').replace(/(?<![A-Z]\.[A-Z])[\s"”).,;:]+$/, '').replace(/[\s"”),;:]+$/, '');
    if (!raw) return null;
    const exact = this.lookupName(raw);
    if (exact.length) {
      const entry = this.choose(exact, raw, options);
      if (entry) return this.fromEntry(entry, raw, date, null, 'name');
      const other = exact[0]!.otherSense;
      if (other) {
        const name = raw.replace(/^the\s+/i, '');
        return { name, type: other.type, country: other.country, sector: other.sector, role: null, rule: `${exact[0]!.id}.other-sense`, confidence: 0.6 };
      }
    }
    const variant = this.byTransliteration(raw, date);
    if (variant) return variant;
    // "Zarif, Iran's foreign minister": the name before the comma is the actor, the rest describes it
    const comma = raw.indexOf(',');
    if (comma > 0) {
      const who = this.resolve(raw.slice(0, comma), options);
      const what = this.compose(raw.slice(comma + 1).trim(), options);
      if (who?.type === 'PERSON' && who.actorId) return { ...who, rule: `${who.rule}+appositive` };
      if (who && what && (who.type === 'PERSON' || who.rule === 'person.unknown')) {
        return { ...who, country: who.country ?? what.country, sector: what.sector ?? who.sector, role: what.role ?? who.role, rule: `appositive.${what.rule}`, confidence: 0.8 };
      }
      if (!who && what) {
        const name = raw.slice(0, comma).trim();
        if (wordsOf(name).every(isCapitalised)) return { name, type: 'PERSON', country: what.country, sector: what.sector, role: what.role, rule: `appositive.${what.rule}`, confidence: 0.75 };
      }
    }
    const composed = this.compose(raw, options);
    if (composed && !(composed.rule === 'person.unknown' && !composed.country)) return composed;
    // a name nothing else knows may be a town or a region: "Mariupol", "Puerto Penasco"
    return this.place(raw) ?? composed;
  }

  /** The place of the gazetteer this whole name is ("Puerto Penasco", "the Northern Territory"): a GPE, never a person. */
  private place(raw: string): ResolvedActor | null {
    if (!this.gazetteer) return null;
    const name = raw.replace(/^the\s+/i, '');
    const words = wordsOf(name);
    if (!words.length || words.length > 5 || !words.every((w) => isCapitalised(w) || /^(?:of|de|del|la|el|al)$/.test(w))) return null;
    const country = this.gazetteer.countryOf(keyOf(name));
    return country ? { name, type: 'GPE', country, sector: null, role: null, rule: 'place.gazetteer', confidence: 0.7 } : null;
  }

  /** The country of the longest run of the description's unknown capitalised words that is a place ("Amherst College", "Rakhine rebels"). */
  private countryOfProperWords(parts: readonly Part[]): string | null {
    if (!this.gazetteer) return null;
    for (let i = 0; i < parts.length; i++) {
      if (parts[i]!.kind !== 'proper') continue;
      let j = i;
      while (parts[j + 1]?.kind === 'proper') j++;
      for (let end = j; end >= i; end--) {
        const run = parts.slice(i, end + 1).map((p) => (p.kind === 'proper' ? p.word : '')).join(' ');
        const country = this.gazetteer.countryOf(keyOf(run));
        if (country) return country;
      }
    }
    return null;
  }

  /**
   * A person of the base whose name is this one spelt another way ("Bahram Qasemi" for "Bahram
   * Qassemi", "Rohani" for "Rouhani"): names of capitalised words only, whose skeleton points to
   * one person; a surname alone also as of the date (the one in office among several).
   */
  private byTransliteration(raw: string, date: string | null): ResolvedActor | null {
    const words = wordsOf(raw);
    if (!words.length || words.length > 6 || !words.every(isCapitalised)) return null;
    const sk = skeletonOf(keyOf(raw));
    let entry: NameEntry | null = null, how = 'transliteration';
    // a spelling, not another name: a few letters apart at most ("Kanoute" is not "Conte")
    const near = (a: string, b: string) => editDistance(a, b) <= Math.max(1, Math.floor(a.length / 4));
    if (words.length > 1) {
      const hits = this.skeletons().names.get(sk.replace(/ /g, '')) ?? [];
      if (hits.length === 1 && near(keyOf(raw), keyOf(hits[0]!.name))) entry = hits[0]!;
      else if ((entry = this.byDoubledLetter(keyOf(raw)))) how = 'doubled-letter';
    } else if (sk.length >= 3 && !this.surnames.has(keyOf(raw)) && !CALENDAR_WORD.test(raw) && !COMMON_WORD.test(raw)) {
      // the surname it is another spelling of, when one: then as that surname alone would resolve
      // the nearest spelling when several share the skeleton ("Qasemi": "qassemi" before "qassem")
      const key = keyOf(raw);
      const spellings = [...this.skeletons().surnames.get(sk) ?? []].map((x) => ({ x, d: editDistance(key, x) })).sort((a, b) => a.d - b.d || (a.x < b.x ? -1 : 1));
      const nearest = spellings[0] && (spellings.length === 1 || spellings[1]!.d > spellings[0].d) ? spellings[0].x : null;
      const person = nearest && near(key, nearest) ? this.personBySurname(nearest, date) : null;
      if (person) entry = this.personEntry(person);
    }
    if (!entry) return null;
    const r = this.fromEntry(entry, raw, date, null, 'name');
    return { ...r, rule: `${r.rule}+${how}`, confidence: Math.min(r.confidence, 0.8) };
  }

  /**
   * The one person of the base (the dictionaries included) whose full name is this one with one
   * letter doubled or undoubled: "Francois Mitterand" is Mitterrand, "Boutros Boutros-Gali" Ghali is
   * not (another letter). The commonest misspelling of names in news; the skeletons above cover
   * the hand-written base only, as the dictionaries' twenty thousand names are not indexed so.
   */
  private byDoubledLetter(key: string): NameEntry | null {
    const found = new Set<NameEntry>();
    for (let i = 1; i < key.length; i++) {
      const c = key[i]!;
      if (!/[b-df-hj-np-tv-z]/.test(c) || key[i - 1] === ' ') continue;
      const variant = key[i + 1] === c ? key.slice(0, i) + key.slice(i + 1) : key[i - 1] === c ? null : key.slice(0, i + 1) + key.slice(i);
      if (!variant) continue;
      for (const e of this.namesOf(variant) ?? []) if (e.kind === 'person') found.add(e);
      if (found.size > 1) return null;
    }
    return found.size === 1 ? [...found][0]! : null;
  }

  /** The actor with the one country its context names, when it names exactly one (see ResolveOptions.countryFromContext). */
  private withContextCountry(actor: ResolvedActor, context: string): ResolvedActor {
    this.impureReads++;
    if (actor.type === 'IGO') return actor;
    const codes = new Set<string>();
    for (const part of this.parse(wordsOf(context))) {
      if (part.kind === 'name' && ['country', 'adjective', 'plural', 'capital', 'metonym'].includes(part.entry.kind) && !part.entry.ambiguous && part.entry.country) codes.add(part.entry.country);
    }
    if (codes.size !== 1) return actor;
    return { ...actor, country: [...codes][0]!, rule: `${actor.rule}+context-country`, confidence: Math.min(actor.confidence, 0.7) };
  }

  /** The sense of an ambiguous name in its context: a resolution that asks depends on more than its text. */
  private senseOf(entry: NameEntry, text: string, options: ResolveOptions): 'country' | 'other' {
    this.impureReads++;
    return ambiguousSense(entry, text, options.context ?? '', options.before, options.cues);
  }

  /** The learned person of this name: a resolution that asks depends on what the corpus taught so far. */
  private learnedPerson(name: string, date: string | null): LearnedPerson | null | undefined {
    if (!this.learned) return undefined;
    this.impureReads++;
    return this.learned.lookup(name, date);
  }

  /** Among entries sharing a name, the one the context supports. */
  private choose(entries: readonly NameEntry[], text: string, options: ResolveOptions): NameEntry | null {
    const first = entries[0]!;
    if (!first.ambiguous) return first;
    const sense = this.senseOf(first, text, options);
    if (sense === 'country') return first;
    return null;
  }

  /** A name-base entry with date and modifiers applied. */
  private fromEntry(entry: NameEntry, raw: string, date: string | null, modifier: Modifier | null, how: string): ResolvedActor {
    if (entry.person) {
      const p = this.personOn(entry.person, date);
      const former = modifier?.sector === 'ELI';
      return {
        name: entry.name, type: 'PERSON', country: p.country, sector: modifier ? modifier.sector : p.sector,
        role: former && p.role && !p.role.startsWith('former') ? `former ${p.role}` : p.role,
        actorId: entry.id, rule: modifier ? `${p.rule}+${modifier.id}` : p.rule, confidence: p.confidence,
      };
    }
    let sector = entry.sector;
    let name = entry.name;
    // "the Iranians" in a report on diplomacy is the state; "Iranians" without the article is people
    if (entry.kind === 'plural') {
      name = raw.replace(/^the\s+/i, '');
      if (/^the\s/i.test(raw)) sector = 'GOV';
    }
    if (entry.kind === 'adjective') name = raw.replace(/^the\s+/i, '');
    if (modifier) sector = modifier.sector;
    return {
      name, type: entry.type, country: entry.country, sector, role: null, actorId: entry.id,
      rule: `${entry.kind}.${how}`, confidence: entry.kind === 'plural' ? 0.75 : 0.9,
    };
  }

  /**
   * Splits a description into known phrases, longest first: names (capitalised, or acronyms as
   * written), sector words, modifiers; a capitalised word that is the surname of one person of the
   * base (in office on `date` when several share it) is that person.
   */
  parse(words: readonly string[], date: string | null = null): Part[] {
    const flags = words.map((w) => this.flagsOf(w));
    const parts: Part[] = [];
    const titleCase = isTitleCase(words);
    for (let i = 0; i < words.length;) {
      const best = this.phraseAt(words, flags, i);
      // a title that is also a surname, after a given name and ending the name, is the surname:
      // "Defence Secretary Tom King", "Martin Luther King" (but "King Abdullah", "the king")
      const prev = parts[parts.length - 1];
      if (best && !(best.kind === 'sector' && best.words === 1 && TITLE_SURNAME.test(words[i]!) && prev?.kind === 'proper' && prev.at === i - 1
        && !((flags[i + 1] ?? 0) & WordFlag.Capitalised))) { parts.push(best); i += best.words; continue; }
      const w = words[i]!;
      // "Saudi-led coalition", "the Hamas-run ministry": the nationality of who leads or runs it
      const led = w.includes('-') ? LED.exec(w) : null;
      const leader = led ? this.lookupName(led[1]!).find((e) => e.country) : undefined;
      if (leader) { parts.push({ kind: 'name', entry: { ...leader, kind: 'adjective', type: 'NORP', sector: null }, at: i, words: 1 }); i++; continue; }
      const proper = (flags[i]! & WordFlag.Capitalised) !== 0 && !ARTICLE.test(w);
      const person = proper && flags[i]! & WordFlag.Surname && this.maySurname(words, flags, i, parts, titleCase)
        ? this.personBySurname(w, date, prev, prev !== undefined && prev.at + prev.words === i) : null;
      if (person) parts.push({ kind: 'name', entry: this.personEntry(person), at: i, words: 1, surname: true });
      else parts.push(proper ? { kind: 'proper', word: w, at: i, words: 1 } : { kind: 'other', word: w, at: i, words: 1 });
      i++;
    }
    return parts;
  }

  /**
   * The longest phrase of the base at word i: a name (written with a capital), a sector word or a
   * modifier, in that order at each length. A word that starts no phrase (most words) is passed
   * over at once; initials ("U.S.", "H. R.") are keyed together with the next ones, so they try
   * every length. Phrases whose key is their words' keys joined are looked up in the word trie;
   * the others (accents, initials side by side, a final "Jr") are keyed whole.
   */
  private phraseAt(words: readonly string[], flags: readonly number[], i: number): Part | null {
    const bound = Math.min(flags[i]! >>> LONGEST_SHIFT, words.length - i);
    if (bound === 0) return null;
    const joinable = joinableRun(flags, i, bound);
    const nodes = this.phrases.walk(this.firstNodes.get(words[i]!), words, i, joinable);
    // the lengths of the fallback layer's names that start here, looked up once
    let fallbackLengths = -1;
    for (let n = bound; n >= 1; n--) {
      if (n > joinable || !joinsAt(flags, i, n)) {
        const found = this.phraseKeyedWhole(words, flags, i, n);
        if (found) return found;
        continue;
      }
      const entries = nodes[n - 1]?.value;
      // a name or sector word of the fallback layer (kept out of the trie) may start here; the words
      // join here, so the phrase's key is their keys joined
      let fallback: FallbackKey | null = null, key = '';
      if (!entries?.names || !entries.sector) {
        if (fallbackLengths < 0) fallbackLengths = this.fallback?.firstBits(keyOf(words[i]!)) ?? 0;
        if (fallbackLengths & (1 << n)) fallback = this.fallback!.lookup(key = n === 1 ? keyOf(words[i]!) : words.slice(i, i + n).map(keyOf).join(' '));
      }
      // its names go before a sector word or modifier of the same words, as the others' names do
      if (fallback?.names && !entries?.names) {
        const found = this.phraseKeyedWhole(words, flags, i, n);
        if (found?.kind === 'name') return found;
      }
      if (!entries) {
        const sector = fallback?.sector ? this.fallbackSector(key) : undefined;
        if (sector) return { kind: 'sector', word: sector, at: i, words: n };
        continue;
      }
      // proper names must be written with a capital: "turkey", "chad" and "china" are words
      if (entries.names && flags[i]! & WordFlag.Capitalised) {
        // what lookupName would give: acronyms only as written ("US" but not "Us")
        const named = entries.caseSensitive ? this.lookupName(n === 1 ? words[i]! : words.slice(i, i + n).join(' ')) : entries.names;
        if (named.length && !(n === 1 && this.inLongerName(named[0]!, words, flags, i)) && !this.beginsLongerName(named[0]!, flags, i + n)) return { kind: 'name', entry: named[0]!, at: i, words: n };
      }
      if (entries.sector) return { kind: 'sector', word: entries.sector, at: i, words: n };
      const sector = fallback?.sector ? this.fallbackSector(key) : undefined;
      if (sector) return { kind: 'sector', word: sector, at: i, words: n };
      if (entries.modifier) return { kind: 'modifier', modifier: entries.modifier, at: i, words: n };
    }
    return null;
  }

  /** The phrase of words i..i+n-1 looked up by the key of its whole text. */
  private phraseKeyedWhole(words: readonly string[], flags: readonly number[], i: number, n: number): Part | null {
    const phrase = words.slice(i, i + n).join(' ');
    const named = this.lookupName(phrase);
    if (named.length && isCapitalised(phrase) && !(n === 1 && this.inLongerName(named[0]!, words, flags, i)) && !this.beginsLongerName(named[0]!, flags, i + n)) return { kind: 'name', entry: named[0]!, at: i, words: n };
    const sw = this.sectorOf(keyOf(phrase));
    if (sw) return { kind: 'sector', word: sw, at: i, words: n };
    const m = this.modifiers.get(keyOf(phrase));
    if (m) return { kind: 'modifier', modifier: m, at: i, words: n };
    return null;
  }

  /**
   * Whether a one-word outlet name at word i is only a word of a longer name the base does not
   * know: "Liberation Tigers" are not the French daily, "Times Square" and "the Tampa Bay Times"
   * not the New York Times, "The Charlotte Observer" not the British Observer. Only outlets named by
   * an ordinary English word (marked in outlets.json): others stay the outlet before a capitalised
   * word ("CNN's Wolf Blitzer", "Reuters/Ipsos").
   */
  private inLongerName(entry: NameEntry, words: readonly string[], flags: readonly number[], i: number): boolean {
    // a place whose name has its article ("The Valley", Anguilla's capital) is named with it:
    // "Valley" after another word is that word's valley ("the Lam Valley")
    if ((entry.kind === 'capital' || entry.kind === 'place') && entry.name.startsWith('The ')) return !/^the$/i.test(words[i - 1] ?? '');
    if (!entry.ordinaryWord) return false;
    const next = flags[i + 1];
    if (next !== undefined && (next & WordFlag.Capitalised) !== 0 && (next & WordFlag.Known) === 0) return true;
    // "the Front for the Liberation of Rwanda": "of" and a name after it continue a longer name
    if (/^of$/i.test(words[i + 1] ?? '') && isCapitalised(words[i + 2] ?? '')) return true;
    const prev = flags[i - 1];
    return prev !== undefined && (prev & WordFlag.Capitalised) !== 0 && !ARTICLE.test(words[i - 1]!);
  }

  /**
   * Whether a dictionary person's full name is only the start of a longer name: "Mohammed Hussein"
   * before "Roble" is someone else, a full name being one person. The hand-written base's people
   * keep their names before a capitalised word ("Mike Pompeo Tuesday" is still Pompeo).
   */
  private beginsLongerName(entry: NameEntry, flags: readonly number[], next: number): boolean {
    if (!entry.fallback || entry.kind !== 'person') return false;
    const f = flags[next];
    return f !== undefined && (f & WordFlag.Capitalised) !== 0 && (f & WordFlag.Known) === 0;
  }

  /** Whether the capitalised word i, a surname of the base, may stand alone for a person here. */
  private maySurname(words: readonly string[], flags: readonly number[], i: number, parts: readonly Part[], titleCase = false): boolean {
    const w = words[i]!;
    if (CALENDAR_WORD.test(w) || FUNCTION_WORD.test(w) || (i === 0 && COMMON_WORD.test(w))) return false;
    // before the head of a place name it is the place's name ("the Lam Valley")
    const after = words[i + 1];
    if (after !== undefined && isCapitalised(after) && PLACE_HEADS.has(keyOf(after))) return false;
    // after a given name the base does not know ("Michael Brown"), a surname is someone else's
    const last = parts[parts.length - 1];
    if (last?.kind === 'proper' && last.at === i - 1) return false;
    // a full name is one person: a word the base knows as a place but that is also a personal name
    // ("Jordan", "Georgia") right before or after the surname makes a longer name ("Jordan Ahmed",
    // "Kim Jordan"), someone other than the base's person who shares the one word
    if (last?.kind === 'name' && last.at + last.words === i && last.entry.otherSense?.type === 'PERSON') return false;
    // and before another capitalised word it is someone's given name ("Omar Khalil"), unless every
    // long word is capitalised, as in a headline ("Pompeo Sets Preconditions")
    const next = flags[i + 1];
    if (next === undefined || !(next & WordFlag.Capitalised) || titleCase) return true;
    // nor before another surname: "Mohammed Hussein Roble" is one man, neither Mohammed nor Hussein
    return !!(next & WordFlag.Known) && !(next & WordFlag.Surname) && !this.isPersonalName(words[i + 1]!);
  }

  /** Whether a word the base knows as a name is also someone's personal name ("Jordan", "Georgia"). */
  private isPersonalName(word: string): boolean {
    return this.names.get(keyOf(word))?.some((e) => e.otherSense?.type === 'PERSON') ?? false;
  }

  /** A word's flags: its shape and what the indexes say of it (see WordFlag), memoised. */
  private flagsOf(word: string): number {
    const plain = this.knownKeys.plainFlags(word);
    if (plain >= 0) return plain;
    let flags = this.wordFlags.get(word);
    if (flags === undefined) {
      if (this.wordFlags.size >= WORD_FLAGS_LIMIT) { this.wordFlags.clear(); this.firstNodes.clear(); }
      const key = keyOf(word);
      const fallbackBits = this.fallback?.firstBits(key) ?? 0;
      const node = this.phrases.first(key);
      if (node) this.firstNodes.set(word, node);
      flags = shapeOf(word, key)
        | (this.surnames.has(key) ? WordFlag.Surname : 0)
        | (this.names.has(key) || this.sectorWords.has(key) || fallbackBits & 2 ? WordFlag.Known : 0)
        // initials ("U.S.", "H. R.") are keyed together with the next ones, so they try every length
        | (key.length === 1 ? this.maxWords : Math.max(this.firstWords.get(key) ?? 0, 31 - Math.clz32(fallbackBits))) << LONGEST_SHIFT;
      this.wordFlags.set(word, flags);
    }
    return flags;
  }

  /** The name entry of a person of the base. */
  personEntry(p: PersonEntry): NameEntry {
    return { kind: 'person', id: p.id, name: p.name, type: 'PERSON', country: null, sector: null, caseSensitive: false, person: p };
  }

  /** Resolves a description word by word: nationality, sector word, modifiers, person name. */
  private compose(raw: string, options: ResolveOptions): ResolvedActor | null {
    const date = options.date ?? null;
    // "ex-president", "ex-army officer": the prefix is the modifier "ex" (former) before the word
    const words = wordsOf(raw).flatMap((w) => (EX_PREFIX.test(w) ? ['ex', w.slice(3)] : [w]));
    const parts = asGivenNames(this.parse(words, date), words);
    const modifiers = parts.flatMap((p) => (p.kind === 'modifier' ? [p.modifier] : []));
    const names = parts.flatMap((p, i) => (p.kind === 'name' ? [{ entry: p.entry, at: i }] : []));
    const sectors = parts.flatMap((p, i) => (p.kind === 'sector' ? [{ word: p.word, at: i }] : []));
    return this.combine(raw, words, parts, names, sectors, modifiers, options);
  }

  /** The last word of the part at index `at` of `parts` (a sector phrase's head noun). */
  private headWord(words: readonly string[], parts: readonly Part[], at: number): string {
    const part = parts[at];
    return part ? words[part.at + part.words - 1] ?? '' : '';
  }

  /** Whether the part at `at` is the body a head word is "of" or "for" ("a spokesman for Hamas", "leader of the PKK"). */
  private ofBody(parts: readonly Part[], head: number, at: number): boolean {
    const between = parts.slice(head + 1, at).map((p) => (p.kind === 'other' ? p.word.toLowerCase() : ''));
    return (between[0] === 'of' || between[0] === 'for') && between.slice(1).every((w) => w === 'the');
  }

  /** Puts the parsed pieces of a description together into one actor. */
  combine(raw: string, words: readonly string[], parts: readonly Part[],
    names: readonly { entry: NameEntry; at: number }[], sectors: readonly { word: SectorWord; at: number }[],
    modifiers: readonly Modifier[], options: ResolveOptions): ResolvedActor | null {
    const date = options.date ?? null;
    const former = modifiers.find((m) => m.sector === 'ELI') ?? null;
    const head = sectors[sectors.length - 1] ?? null;
    const personPart = names.find((n) => n.entry.kind === 'person');
    // a known person named after the title ("Secretary of State Mike Pompeo") is the actor;
    // a group or body named after the person ("the Trump administration") takes their country
    if (personPart && (!head || head.at < personPart.at)) {
      return this.fromEntry(personPart.entry, raw, date, former, 'in-description');
    }
    // proper words not in the base: a person's name (after a title), or a name the corpus taught us
    // "Jim Jordan": a name that is also a surname counts as a proper word after a given name
    const proper = parts.flatMap((p, i) => (p.kind === 'proper' || (p.kind === 'name' && p.entry.otherSense?.type === 'PERSON' && parts[i - 1]?.kind === 'proper')
      ? [{ word: p.kind === 'proper' ? p.word : words[p.at]!, at: i }] : []));
    let country: string | null = null, countryRule = '';
    for (const n of names) {
      if (n.entry.ambiguous && this.senseOf(n.entry, raw, options) !== 'country') {
        // "Georgia's governor" in a story from Atlanta: the other sense may still have a country
        const other = n.entry.otherSense;
        if (other?.type === 'GPE' && other.country) { country = other.country; countryRule = 'other-sense'; break; }
        continue;
      }
      let c = n.entry.country;
      if (n.entry.person) c = this.personOn(n.entry.person, date).country;
      if (c) { country = c; countryRule = n.entry.kind; break; }
    }
    // "Iran's adversaries" are not Iran: a relational head drops the country before it
    if (head?.word.relational) { country = null; countryRule = ''; }
    // a group or body named after a town or region: "Amherst College", "Rakhine rebels"
    else if (!country && head && !(head.word.person && !isGroupNoun(this.headWord(words, parts, head.at)))) {
      const c = this.countryOfProperWords(parts);
      if (c) { country = c; countryRule = 'gazetteer'; }
    }
    // capitalised words closed by a group's or body's word are that body's name, no one's: "the
    // Progressive Renewal Party", "Green Mountain Rebels"
    const namedGroup = head !== null && proper.length > 0 && head.at === parts.length - 1 && head.at > proper[proper.length - 1]!.at
      && words.slice(parts[head.at]!.at).every(isCapitalised);
    const personName = !namedGroup && proper.length && (proper.length >= 2 || (head?.word.person && head.at < proper[0]!.at))
      ? proper.map((p) => p.word).join(' ') : null;
    if (personName && (!head || head.at < proper[0]!.at || !country)) {
      // a body's name the base does not know, by the head noun it ends in ("Rwandan Patriotic
      // Front", "Aboriginal Medical Alliance"): no person, but a body with the country named in it
      // the head of "X of Y" is X ("the Movement for the Liberation of Tuvalu")
      const of = parts.findIndex((p, k) => k > proper[0]!.at && p.kind === 'other' && /^(?:of|for)$/i.test(p.word));
      const named = of > 0 ? proper.filter((p) => p.at < of) : proper;
      const last = named[named.length - 1] ?? proper[proper.length - 1]!;
      const body = (of > 0 ? named.length > 0 && last.at === of - 1 : last.at === parts.length - 1) ? classifyUnknownName(named.map((p) => p.word)) : null;
      // (outlets are the outlets table's: an unknown "... Journal" is not made one here)
      // a person's title before the name makes the phrase a person's ("a member of the Armed
      // Services Committee")
      if (body && body.type !== 'PERSON' && body.type !== 'MEDIA' && !(head?.word.person && head.at < proper[0]!.at)) {
        const name = raw.trim().replace(/^(?:the|a|an)\s+/i, '');
        // a sector word inside the name says more than its head noun ("Northern Fleet's Arctic Group")
        const sector = former ? 'ELI' : (head && head.at < last.at && !head.word.person ? head.word.sector : body.sector);
        return { name, type: body.type, country, sector, role: null,
          rule: [countryRule && `country.${countryRule}`, body.rule].filter(Boolean).join('+'), confidence: country ? 0.7 : 0.5 };
      }
      // a person of the base spelt another way after a title ("spokesman Bahram Qasemi")
      const known = this.byTransliteration(personName, date);
      if (known) return { ...known, rule: `${known.rule}+in-description` };
      // a group noun before capitalised words begins a longer name, it is no one's title
      // ("Sudan People's Liberation Movement"); "journalist John Smith" keeps the title
      const title = head && !(head.at < proper[0]!.at && !head.word.person && isGroupNoun(this.headWord(words, parts, head.at))) ? head : null;
      const learned = this.learnedPerson(personName, date);
      const sector = former ? 'ELI' : title?.word.sector ?? learned?.sector ?? null;
      const role = title?.word.role ?? learned?.role ?? null;
      return {
        name: personName, type: 'PERSON', country: country ?? learned?.country ?? null, sector,
        role: former && role ? `former ${role}` : role,
        rule: title ? `title+${title.word.id}` : learned ? 'learned.person' : 'person.unknown', confidence: title ? 0.85 : learned ? 0.7 : 0.4,
      };
    }
    if (!head && !names.length) {
      const learned = this.learnedPerson(raw, date);
      if (learned) return { name: learned.name, type: 'PERSON', country: learned.country, sector: learned.sector, role: learned.role, rule: 'learned.person', confidence: 0.7 };
      // a modifier that names a group on its own: "the opposition", "dissident"
      const m = modifiers[0];
      if (m) return { name: raw.replace(/^(?:the|a|an)\s+/i, ''), type: 'NORP', country: null, sector: m.sector, role: null, rule: m.id, confidence: 0.6 };
      return null;
    }
    if (!head) {
      // an organisation's country from its own name first: "the Saudi National Guard" is Saudi
      // Arabia's guard, with the sector of the body ("Saudi" + the National Guard)
      const body = names.find((x, k) => k > 0 && (x.entry.kind === 'org' || x.entry.kind === 'igo') && x.entry.sector);
      const where = names[0]!;
      // a town or region's body too, when the body has no country of its own ("the Texas National Guard")
      const namesCountry = where.entry.kind === 'adjective' || where.entry.kind === 'country' || (where.entry.kind === 'place' && !body?.entry.country);
      if (body && namesCountry && !where.entry.ambiguous && where.entry.country && where.entry.country !== body.entry.country) {
        const name = words.filter((w, k) => k > 0 || !DETERMINER.test(w)).join(' ');
        // another country's body named by the words of one country's ("Chile's Defense Department"
        // is no Pentagon): the generic body the words also name gives the sector
        const bodyPart = parts.find((p) => p.kind === 'name' && p.entry === body.entry);
        const generic = bodyPart && body.entry.country ? this.sectorOf(keyOf(words.slice(bodyPart.at, bodyPart.at + bodyPart.words).join(' '))) : undefined;
        return { name, type: body.entry.type, country: where.entry.country, sector: modifiers[0]?.sector ?? generic?.sector ?? body.entry.sector, role: null,
          ...(generic ? { rule: `country.${where.entry.kind}+${generic.id}` } : { actorId: body.entry.id, rule: `country.${where.entry.kind}+${body.entry.kind}.name` }), confidence: 0.8 };
      }
      // a body named with its own country's adjective ("the Afghan Taliban", "the Chinese People's
      // Liberation Army") is that body: the nationality adds nothing to it
      if (body && (where.entry.kind === 'adjective' || where.entry.kind === 'country') && where.entry.country === body.entry.country) {
        return this.fromEntry(body.entry, raw, date, modifiers[0] ?? null, 'in-description');
      }
      // only names: "Iran's" or "Tehran" written with more around it; the first name decides
      const n = names[0]!;
      if (n.entry.ambiguous && this.senseOf(n.entry, raw, options) !== 'country') return null;
      return this.fromEntry(n.entry, raw, date, modifiers[0] ?? null, 'in-description');
    }
    // group nouns and bodies: "Iranian officials", "riot police", "the Iranian Foreign Ministry"
    const other = modifiers.find((m) => m.sector !== 'ELI');
    // "opposition" makes an official or a civilian OPP ("opposition leader", "opposition
    // activists") but leaves a body its own sector: an opposition lawmaker is LEG, an opposition
    // party PTY (the dictionaries' codes: LEG, PTYOPP -> PTY, CVLOPP -> OPP)
    const modifierWins = other && !(other.sector === 'OPP' && !GENERIC_SECTORS.has(head.word.sector));
    // the leaders and officials of a named body are of the body's sector ("Hamas leaders" REB, "BJP
    // officials" PTY, "CIA officials" SPY), and so are the forces of a non-state one ("Taliban
    // commanders" REB): the dictionaries' convention, the body's code first, the agent's after it
    // (and its gunmen, fighters and attackers: "cartel gunmen" of a named cartel are CRM)
    const body = !modifierWins && ARMED_OR_OFFICIAL.has(head.word.sector) && !head.word.organisation
      ? names.find((n) => (n.at < head.at || this.ofBody(parts, head.at, n.at)) && n.entry.kind === 'org' && n.entry.sector && (head.word.sector !== 'MIL' || !STATE_SECTORS.has(n.entry.sector))) : undefined;
    const sector: string = former ? 'ELI' : modifierWins ? other.sector : body?.entry.sector ?? head.word.sector;
    // "minister" is a person, "ministers" and "lawmakers" a group
    const plural = isGroupNoun(this.headWord(words, parts, head.at));
    const type: EntityType = head.word.organisation || (namedGroup && !head.word.person && !plural) ? 'ORG' : head.word.person && !plural ? 'PERSON' : 'NORP';
    const name = words.filter((w, i) => i > 0 || !DETERMINER.test(w)).join(' ').replace(/^(?:the|a|an)\s+/i, '');
    // whether there is a date decides here: the result depends on it
    if (type === 'PERSON' && country) this.dateReads++;
    if (type === 'PERSON' && country && date && !former) {
      // "the Russian president" on a day is the man in that office
      const headPart2 = parts[head.at]!;
      const phrase = words.slice(headPart2.at, headPart2.at + headPart2.words).join(' ');
      const holder = this.holderOf(phrase, country, date);
      if (holder) {
        return { name: holder.person.name, type: 'PERSON', country: holder.term.country, sector: holder.term.sector, role: holder.term.role, actorId: holder.person.id, rule: `title.holder+${head.word.id}`, confidence: 0.75 };
      }
    }
    return {
      name: name || raw, type, country, sector, role: type === 'PERSON' ? head.word.role ?? null : null,
      rule: [countryRule && `country.${countryRule}`, head.word.id, body && 'sector.of-body', former?.id ?? other?.id].filter(Boolean).join('+'),
      confidence: country ? 0.8 : 0.6,
    };
  }
}

/**
 * A town's or capital's one-word name among the capitalised words of a person's name is a given
 * name ("Santiago Peña", "Hamilton Mourão", "Juan Orlando Hernández"): when the description is such
 * a name ending in a word the base does not know (classifyUnknownName), after a title or not, those
 * places are proper words.
 */
function asGivenNames(parts: Part[], words: readonly string[]): Part[] {
  // the name: what follows a person's title, if one opens the description ("Defense Minister ...")
  const isTitle = (p: Part | undefined) => p?.kind === 'sector' && p.word.person === true;
  let from = 0;
  while (isTitle(parts[from])) from++;
  const name = parts.slice(from);
  const place = (p: Part) => p.kind === 'name' && p.words === 1 && (p.entry.kind === 'place' || p.entry.kind === 'capital');
  if (name.length < 2 || name.length > 4 || name[name.length - 1]!.kind !== 'proper' || !name.some(place) || !name.every((p) => p.kind === 'proper' || place(p))) return parts;
  const nameWords = words.slice(name[0]!.at);
  if (!nameWords.every(isCapitalised) || classifyUnknownName(nameWords)?.type !== 'PERSON') return parts;
  return parts.map((p) => (place(p) ? { kind: 'proper', word: words[p.at]!, at: p.at, words: 1 } : p));
}

/** Levenshtein distance of two short words. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

const TWO_CAPITALS = /\p{Lu}.*\p{Lu}/u;

// "ex-" before a word ("ex-president", "ex-Kenyan"), not a name written so ("Ex-Im")
const EX_PREFIX = /^ex-(?=\p{L})|^Ex-(?=\p{Ll})/u;

// sectors a modifier such as "opposition" overrides: officials and people in general
const GENERIC_SECTORS = new Set(['GOV', 'CVL', 'UNK']);
// head words whose sector gives way to a named body's before them: officials (GOV) and gunmen or
// fighters (REB, UAF) of any body, the forces (MIL) of a non-state one ("CIA paramilitaries" stay PRM)
const ARMED_OR_OFFICIAL = new Set(['GOV', 'MIL', 'REB', 'UAF']);
// sectors of the state's own bodies: their forces are what the head word says ("CIA paramilitaries")
const STATE_SECTORS = new Set(['GOV', 'MIL', 'COP', 'JUD', 'LEG', 'SPY']);

/** Whether a head noun names a group rather than one person: "ministers", "lawmakers", "police". */
function isGroupNoun(word: string): boolean {
  return /[^s]s$/i.test(word) || /^(?:police|people|clergy|media|press|public|military|staff)$/i.test(word);
}

// "May", "June", "Sunday" are far more often dates than surnames
const CALENDAR_WORD = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

// short family names that are English words ("To" of To Lam) are never taken for surnames alone
const FUNCTION_WORD = /^(?:To|In|On|At|An|As|Is|It|By|He|We|Us|No|So|Do|Go|Me|My|Of|Or|Up|If|Be|Am)$/;
// and longer surnames that are words too: at the start of a sentence they are the word
// titles that are also common surnames ("Tom King", "John Bishop")
const TITLE_SURNAME = /^(?:King|Bishop|Prince|Judge|Marshal|Dean|Pope|Chancellor|Sheriff|Deacon|Abbot|Governor)$/;
const COMMON_WORD = /^(?:Ma|Hu|Lee|Long|Young|King|Moon|Park|Song|Wang|Lam|Yang|Rice|Power|Price|Miller|Key|Holt|Brown|Green|White|Black|Bush|Rose|May|Said|Will|Hope|Grant|Law|Bell|Hill|Wood|Little|Low|High|Best|Love|Sun|Day|Way|Hall|Cook|Stone|Lynch|Page|Cotton|Moore|Young|Church|Major|Frank|Bishop)$/;

// East Asian officials who go by a Western given name first ("John Lee", "Carrie Lam")
const WESTERN_GIVEN_NAME = /^(?:John|Joseph|William|Carrie|Lawrence|Vivian|Paul|Peter|David|Michael|James|Mary|Anna|Frank|Henry|Eric|Kevin|Andrew|Thomas)\s/;
const HEAD_OF_STATE = /^(?:President of (?!the Presidium|the European|the World|the Kurdistan|the Houthi)|Prime Minister of|Premier of|Chancellor of (?!the Exchequer)|King of|Queen of|Emir of|Sultan of|Supreme Leader of)/;

// titles of heads of state and government (sectors.json): a surname after one must be of someone who held such an office
const HEAD_TITLE_IDS = new Set(['sector.president', 'sector.prime-minister', 'sector.head-of-state']);

const FAMILY_NAME_FIRST = new Set(['CHN', 'TWN', 'PRK', 'KOR', 'VNM', 'MMR', 'HKG']);

function latest(terms: readonly Term[]): Term {
  return terms.reduce((a, b) => (dayStart(a.from) >= dayStart(b.from) ? a : b));
}

// Words near "Georgia" that mean the US state, and near "Jordan" that mean a person rather than the kingdom.
const US_STATE_CUES = /\b(?:Atlanta|Savannah|Augusta|Macon|Gov\.|governor|state of Georgia|Georgia state|county|counties|U\.S\. state|Peach State|Alabama|Florida|Tennessee|South Carolina|Republican|Democrat(?:ic)?|GOP|Senate race|congressional|voters|primary|Raffensperger|Kemp|Abrams|Ossoff|Warnock)\b/gi;
const COUNTRY_CUES = /\b(?:Tbilisi|Caucasus|Abkhazia|South Ossetia|Ossetia|Saakashvili|Georgian|Moscow|Russia|Russian|Kremlin|ex-Soviet|former Soviet|Black Sea|Amman|Jordanian|Hashemite|King Abdullah|Abdullah II|West Bank|Syria|Iraq|Israel|Palestinian|kingdom|refugees|NATO|EU)\b/gi;

/** Which sense of an ambiguous country name the text and its context support. */
export function ambiguousSense(entry: NameEntry, text: string, context: string, before?: string, cues = ''): 'country' | 'other' {
  const all = `${text} ${context}`;
  // in running text the words just before decide ("Michael Jordan" but "visited Jordan"); for a
  // description given alone, any naming of the person in its context does
  const local = before !== undefined ? `${before} ${text}` : all;
  const name = entry.kind === 'country' ? entry.name : entry.name;
  // a given name or a title before the word makes it a surname ("Michael Jordan", "Rep. Jordan")
  const personBefore = new RegExp(`\\b(?:Mr|Mrs|Ms|Dr|Rep|Sen|Gov)\\.?\\s+${name}\\b|\\b(?!(?:In|To|From|And|Of|The|With|For|By|At|On|Near|Into|Against|Like|Visit|Visited|Leave|Left)\\b)\\p{Lu}\\p{Ll}+\\s+${name}\\b(?!\\s+(?:River|Valley))`, 'u');
  if (entry.kind === 'country' && entry.otherSense?.type === 'PERSON' && personBefore.test(local)) return 'other';
  // cues in the sentence count more than cues elsewhere in the article
  const inArticle = cueCountsOf(cues);
  const us = 3 * (all.match(US_STATE_CUES) ?? []).length + inArticle.us;
  const abroad = 3 * (all.match(COUNTRY_CUES) ?? []).length + inArticle.abroad;
  return us > abroad ? 'other' : 'country';
}

/**
 * The cues of a whole article, counted once for all its ambiguous names (counting them per name made a
 * long article's cost grow with the square of its length). The last article's counts are kept: a pure
 * function of the text, so an answer never depends on what was read before.
 */
let lastCueCounts: { readonly text: string; readonly us: number; readonly abroad: number } | null = null;
function cueCountsOf(text: string): { readonly us: number; readonly abroad: number } {
  if (lastCueCounts?.text !== text) {
    lastCueCounts = { text, us: (text.match(US_STATE_CUES) ?? []).length, abroad: (text.match(COUNTRY_CUES) ?? []).length };
  }
  return lastCueCounts;
}
