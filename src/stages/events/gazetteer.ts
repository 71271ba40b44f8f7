import { worldCountries, type WorldCountry } from '../../ontology/world-countries.js';

/**
 * A small fallback for naming the parties of events when neither the entities stage nor the actor
 * base is available: countries, their adjectives, plural demonyms and capitals (from world-countries),
 * the common short forms news uses, and the sector that the head noun of a phrase gives ("Turkish
 * police" -> COP). The actor base in src/actors is the real resolver; this keeps the events stage
 * useful and testable on its own.
 */
export interface GazetteerEntry {
  readonly id: string;
  readonly name: string;
  readonly country: string;
  /** sector when the words name the actor alone ("Iran", "Tehran" -> GOV); adjectives leave it to the head noun */
  readonly sector: string | null;
  readonly adjective: boolean;
}

/** Short forms and metonyms news uses that the country table lacks, by ISO code. */
const EXTRA_NAMES: Readonly<Record<string, readonly string[]>> = {
  USA: ['U.S.', 'US', 'U.S.A.', 'America', 'Washington', 'White House', 'Pentagon', 'State Department'],
  GBR: ['Britain', 'Great Britain', 'U.K.', 'UK', 'London', 'Downing Street'],
  RUS: ['Kremlin', 'Soviet Union', 'USSR', 'Moscow'],
  CHN: ['PRC', 'Beijing'],
  PRK: ['North Korea', 'Pyongyang', 'DPRK'],
  KOR: ['South Korea', 'Seoul'],
  PSE: ['Palestine', 'Gaza', 'West Bank', 'Hamas', 'PLO', 'Palestinian Authority'],
  IRN: ['Iran', 'Tehran', 'Islamic Republic'],
  CIV: ['Ivory Coast'],
  TUR: ['Turkey', 'Ankara'],
  CZE: ['Czech Republic', 'Czechia'],
  COD: ['Congo'],
  MMR: ['Burma'],
  SYR: ['Damascus'],
  ISR: ['Jerusalem'],
};
const EXTRA_ADJECTIVES: Readonly<Record<string, readonly string[]>> = {
  USA: ['U.S.', 'US'], GBR: ['UK'], RUS: ['Soviet'], PRK: ['North Korean'], KOR: ['South Korean'],
  PSE: ['Palestinian'], NLD: ['Dutch'], CHE: ['Swiss'], FRA: ['French'], GRC: ['Greek'], CZE: ['Czech'],
  PHL: ['Filipino', 'Philippine'], TUR: ['Turkish'], BIH: ['Bosnian'], SRB: ['Serb'], HRV: ['Croat'],
};
/** International bodies (ONTOLOGY.md codes). */
const BODIES: readonly [string, string, readonly string[]][] = [
  ['United Nations', 'UNO', ['UN', 'U.N.', 'United Nations', 'Security Council', 'U.N. Security Council', 'UN Security Council']],
  ['European Union', 'EUR', ['EU', 'E.U.', 'European Union', 'European Commission']],
  ['NATO', 'IGO', ['NATO', 'Nato']],
  ['Association of Southeast Asian Nations', 'IGO', ['ASEAN']],
  ['African Union', 'IGO', ['African Union', 'AU']],
  ['Arab League', 'IGO', ['Arab League']],
  ['OPEC', 'IGO', ['OPEC']],
];

/** The sector a head noun gives the phrase it ends ("Iranian protesters" -> CVL). */
export const SECTOR_NOUNS: Readonly<Record<string, string>> = {
  police: 'COP', policeman: 'COP', policemen: 'COP',
  army: 'MIL', military: 'MIL', troops: 'MIL', troop: 'MIL', forces: 'MIL', force: 'MIL', soldiers: 'MIL', soldier: 'MIL',
  warships: 'MIL', navy: 'MIL', tanks: 'MIL', helicopters: 'MIL', aircraft: 'MIL', jets: 'MIL', artillery: 'MIL',
  rebels: 'REB', rebel: 'REB', guerrillas: 'REB', guerillas: 'REB', militants: 'REB', insurgents: 'REB', separatists: 'REB',
  protesters: 'CVL', demonstrators: 'CVL', students: 'CVL', people: 'CVL', civilians: 'CVL', citizens: 'CVL', residents: 'CVL',
  villagers: 'CVL', workers: 'LAB', union: 'LAB', unions: 'LAB', refugees: 'REF',
  opposition: 'OPP', dissidents: 'OPP', activists: 'OPP',
  parliament: 'LEG', congress: 'LEG', senate: 'LEG', lawmakers: 'LEG', legislators: 'LEG',
  court: 'JUD', judge: 'JUD', judges: 'JUD', prosecutors: 'JUD', prosecutor: 'JUD',
  party: 'PTY', parties: 'PTY', businesses: 'BUS', companies: 'BUS', company: 'BUS',
  hackers: 'UNK', settlers: 'CVL', landowners: 'CVL', farmers: 'CVL',
  government: 'GOV', officials: 'GOV', official: 'GOV', minister: 'GOV', ministry: 'GOV', president: 'GOV',
  leader: 'GOV', leaders: 'GOV', authorities: 'GOV', administration: 'GOV', spokesman: 'GOV', envoy: 'GOV',
  diplomats: 'GOV', regime: 'GOV', negotiator: 'GOV', prime: 'GOV', secretary: 'GOV',
};

const SECTOR_BY_NOUN = new Map<string, string>(Object.entries(SECTOR_NOUNS));

/**
 * The sector a head noun gives (SECTOR_NOUNS), looked up in a Map: token strings are new with each
 * article, and a Map only hashes them, where an object's property look-up first searches V8's table
 * of every interned string (a large table, cold when the stage starts on an article).
 */
export function sectorOfNoun(word: string): string | undefined {
  return SECTOR_BY_NOUN.get(word);
}

/**
 * Nouns for one person ("a pastor", "an engineer"): with "from" or "of" and a place after them they say
 * where the person comes from (parties.ts, party.person-of-place), where "a meeting of" or "an offer
 * from" name a thing and its party.
 */
const PERSON_NOUNS: ReadonlySet<string> = new Set([
  'pastor', 'priest', 'missionary', 'journalist', 'reporter', 'blogger', 'student', 'citizen', 'national', 'resident', 'native',
  'man', 'woman', 'boy', 'girl', 'businessman', 'businesswoman', 'tourist', 'engineer', 'worker', 'activist', 'teacher',
  'doctor', 'academic', 'scholar', 'researcher', 'professor', 'lawyer', 'sailor', 'pilot', 'soldier', 'official', 'diplomat',
  'envoy', 'spy', 'athlete', 'veteran', 'contractor', 'employee', 'executive', 'filmmaker', 'writer', 'artist',
]);

export function isPersonNoun(word: string): boolean {
  return PERSON_NOUNS.has(word);
}

/** A name in capitals, dotted or not ("UN", "U.N.", "EU"). */
const ACRONYM = /^(?:[A-Z]\.?){2,5}$/;

/** Whether a word is written in capitals (its letters all upper case). */
function isCapitals(word: string): boolean {
  return word === word.toUpperCase() && word !== word.toLowerCase();
}

export class Gazetteer {
  /** normalised word sequence -> entry */
  private readonly entries = new Map<string, GazetteerEntry>();
  /** the numbers of words of the entries, by their first word, longest first */
  private readonly lengthsByFirst = new Map<string, number[]>();
  /** keys of the names written in capitals ("UN", "EU"): they match a word in capitals only */
  private readonly acronyms = new Set<string>();
  readonly longest: number;

  constructor() {
    // world-countries files Kosovo under the user-assigned UNK; the ontology's code is KOS (copies: the
    // table's objects are shared with every other user of it)
    const countries = worldCountries()
      .map((c) => (c.cca3 === 'UNK' ? { ...c, cca3: 'KOS' } : c));
    const add = (words: string, entry: GazetteerEntry) => {
      const key = Gazetteer.key(words);
      if (!key || this.entries.has(key)) return;
      this.entries.set(key, entry);
      if (ACRONYM.test(words)) this.acronyms.add(key);
    };
    // the short forms first: "French" is France's before it is the French Southern Territories'
    for (const c of countries) {
      for (const extra of EXTRA_NAMES[c.cca3] ?? []) add(extra, { id: `gazetteer.${c.cca3}.extra`, name: c.name.common, country: c.cca3, sector: 'GOV', adjective: false });
      for (const adj of EXTRA_ADJECTIVES[c.cca3] ?? []) add(adj, { id: `gazetteer.${c.cca3}.adjective`, name: adj, country: c.cca3, sector: null, adjective: true });
    }
    // a word several countries share goes to the main one, ranked as the actor base ranks them
    // (src/actors/countries.ts): a sovereign state before a territory ("American" is not American
    // Samoa's), a UN member before others, then the larger ("Dominican" is the Dominican Republic's)
    const mainness = (c: WorldCountry) => (c.independent ? 2e9 : 0) + (c.unMember ? 1e9 : 0) + Math.min(c.area ?? 0, 1e9 - 1);
    countries.sort((a, b) => mainness(b) - mainness(a));
    for (const c of countries) {
      const name = c.name.common;
      const noun = (id: string): GazetteerEntry => ({ id, name, country: c.cca3, sector: 'GOV', adjective: false });
      add(name, noun(`gazetteer.${c.cca3}.name`));
      add(c.name.official, noun(`gazetteer.${c.cca3}.official`));
      for (const alt of c.altSpellings) if (alt.length > 3 && !alt.includes(',')) add(alt, noun(`gazetteer.${c.cca3}.alt`));
      for (const cap of c.capital ?? []) add(cap, noun(`gazetteer.${c.cca3}.capital`));
      const adjectives = [...new Set([...(EXTRA_ADJECTIVES[c.cca3] ?? []), c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter((x): x is string => !!x))];
      for (const adj of adjectives) {
        add(adj, { id: `gazetteer.${c.cca3}.adjective`, name: adj, country: c.cca3, sector: null, adjective: true });
        // "Iranians", "the Palestinians": the people, and in news usually their leadership
        add(`${adj}s`, { id: `gazetteer.${c.cca3}.plural`, name: `${adj}s`, country: c.cca3, sector: 'GOV', adjective: false });
      }
    }
    for (const [name, code, aliases] of BODIES) {
      for (const a of aliases) add(a, { id: `gazetteer.body.${code}`, name, country: code, sector: null, adjective: false });
    }
    this.longest = Math.max(...[...this.entries.keys()].map((k) => k.split(' ').length));
    for (const key of this.entries.keys()) {
      const words = key.split(' ');
      const lengths = this.lengthsByFirst.get(words[0]!) ?? [];
      if (!lengths.includes(words.length)) lengths.push(words.length);
      this.lengthsByFirst.set(words[0]!, lengths);
    }
    for (const lengths of this.lengthsByFirst.values()) lengths.sort((a, b) => b - a);
  }

  /** The lookup key of a phrase: lower case, words split as the tokenizer splits them. */
  static key(words: string): string {
    return words.toLowerCase().replace(/’/g, "'").replace(/([^\s.])(?=[,;!?])/g, '$1 ').trim().split(/\s+/).join(' ');
  }

  /** Whether a one-word key may stand for the word as written: an acronym's key only for the word in capitals. */
  writtenAs(key: string, written: string): boolean {
    return !this.acronyms.has(key) || isCapitals(written);
  }

  lookup(words: readonly string[]): GazetteerEntry | undefined {
    return this.entries.get(words.join(' '));
  }

  /**
   * The longest entry that starts at `tokens[i]` and ends before `end`, by normal form, with its length
   * in tokens; null when none. Only the lengths some entry starting with that word has are tried, so a
   * word that starts no entry (most words) costs one look-up.
   */
  longestAt(tokens: readonly { readonly data: { readonly normal: string; readonly value?: string } }[], i: number, end: number): { entry: GazetteerEntry; n: number } | null {
    const first = tokens[i]!.data.normal;
    const max = Math.min(this.longest, end - i);
    if (first.includes(' ')) {
      // a normal form with a space in it would not be one word of a key: try every length
      for (let n = max; n >= 1; n--) {
        const entry = this.entryOf(tokens, i, n);
        if (entry) return { entry, n };
      }
      return null;
    }
    const lengths = this.lengthsByFirst.get(first);
    if (!lengths) return null;
    for (const n of lengths) {
      if (n > max) continue;
      const entry = this.entryOf(tokens, i, n);
      // an acronym is one only in capitals: "UN" is the United Nations, "Un" of "Kim Jong Un" is not
      if (entry && n === 1 && !this.writtenAs(first, tokens[i]!.data.value ?? first)) continue;
      if (entry) return { entry, n };
    }
    return null;
  }

  /** The entry of the `n` tokens from `i`, if any. */
  private entryOf(tokens: readonly { readonly data: { readonly normal: string } }[], i: number, n: number): GazetteerEntry | undefined {
    let key = tokens[i]!.data.normal;
    for (let k = i + 1; k < i + n; k++) key += ' ' + tokens[k]!.data.normal;
    return this.entries.get(key);
  }
}
