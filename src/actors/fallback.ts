import type { NameEntry } from './base.js';
import type { ActorFile, CountryExtra, Modifier, PersonEntry, SectorWord } from './schema.js';
import { keyOf } from './text.js';

/**
 * The fallback layer of the actor base (the converted dictionaries: 30,000 entries) in a compiled
 * form that costs next to nothing to load: a header line with what the base must know at once
 * (the layer's countries, sector words and modifiers, and for each word that starts one of its names
 * the lengths of those names), one line an entry (JSON), then one line a name key,
 * `key<TAB>n,m*` (the numbers of its entries' lines, `*` for a name matched only as written), sorted
 * by key. A name is looked up by binary search in the text and parsed only then, so building the base
 * reads no entry that no article names. `scripts/convert-dictionaries.mjs` writes the compiled
 * file beside the actor file it compiles (data/actors/dictionaries.compiled.txt);
 * `compileFallback` is the one definition of the form, for the converter and for a fallback
 * actor file given as such.
 */
export interface FallbackHeader {
  readonly countries: readonly CountryExtra[];
  readonly sectorWords: readonly SectorWord[];
  readonly modifiers: readonly Modifier[];
  /** each first word of a name of the layer: one bit per length, in words, of the names it starts (bit n for n words) */
  readonly first: Readonly<Record<string, number>>;
  /** the longest name, in words */
  readonly maxWords: number;
  /** how many bytes of entry lines follow the header (the key lines follow them) */
  readonly bytes: number;
}

// two or three capitals, with or without dots ("IS", "CIA", "U.N."): an acronym whatever list it
// came in, matched only as written; longer ones are often written as words ("Nato", "Opec", "Ansa")
const SHORT_ACRONYM = /^(?:\p{Lu}\.?){2,3}$/u;

/**
 * The names of the entries of actor files, in the order the base adds them: IGOs, organisations,
 * outlets, places, people. A person of a fallback layer is known by full name only.
 */
export function namedEntries(f: ActorFile, fallback: boolean): [string, NameEntry][] {
  const out: [string, NameEntry][] = [];
  const all = (names: { name: string; aliases?: readonly string[]; acronyms?: readonly string[] }, e: NameEntry) => {
    out.push([names.name, e]);
    names.aliases?.forEach((a) => out.push([a, e]));
    names.acronyms?.forEach((a) => out.push([a, { ...e, caseSensitive: true }]));
  };
  const mark = fallback ? { fallback: true } : {};
  for (const g of f.igos ?? []) all(g, { kind: 'igo', id: g.id, name: g.name, type: 'IGO', country: g.code, sector: g.sector ?? null, caseSensitive: false, ...mark });
  for (const o of f.organisations ?? []) all(o, { kind: o.type === 'AGREEMENT' ? 'agreement' : 'org', id: o.id, name: o.name, type: o.type, country: o.country, sector: o.sector, caseSensitive: false, ...mark });
  for (const o of f.outlets ?? []) all(o, { kind: 'outlet', id: o.id, name: o.name, type: 'MEDIA', country: o.country, sector: 'JRN', caseSensitive: false, ...(o.ordinaryWord ? { ordinaryWord: true } : {}), ...mark });
  for (const p of f.places ?? []) all(p, { kind: 'place', id: p.id, name: p.name, type: 'GPE', country: p.country, sector: p.sector ?? null, caseSensitive: false, ...mark });
  if (fallback) {
    for (const p of f.people ?? []) {
      const e = personEntry(p, false);
      for (const n of [p.name, ...(p.aliases ?? [])]) out.push([n, e]);
    }
  }
  return out;
}

/** A person of a fallback layer as a name entry: known by full name only. */
function personEntry(p: PersonEntry, caseSensitive: boolean): NameEntry {
  return { kind: 'person', id: p.id, name: p.name, type: 'PERSON', country: null, sector: null, caseSensitive, person: p, fallback: true };
}

/** The key a name is indexed by: its article dropped (as ActorBase.addName keys it). */
export const nameKeyOf = (name: string): string => keyOf(name.replace(/^the /i, ''));

/** The entry as the base keeps it under a name: a short name in capitals matches only as written. */
export function asNamed(name: string, e: NameEntry): NameEntry {
  return !e.caseSensitive && SHORT_ACRONYM.test(name.replace(/^the /i, '')) ? { ...e, caseSensitive: true } : e;
}

/**
 * The compiled form of fallback actor files (see FallbackLayer). Within the layer the first entry
 * to give a key keeps it, as when the layer was added name by name. Deterministic.
 */
export function compileFallback(files: readonly ActorFile[]): string {
  // each entry once (a line), each key with the entries it names: their line numbers, "*" after
  // one that matches only as written
  const entries: NameEntry[] = [];
  const index = new Map<NameEntry, number>();
  const byKey = new Map<string, { entry: NameEntry; n: number; caseSensitive: boolean }[]>();
  for (const f of files) {
    const owner = new Map<string, string>();
    for (const [name, e] of namedEntries(f, true)) {
      const key = nameKeyOf(name);
      if (!key) continue;
      const list = byKey.get(key);
      // the first entry to name a key keeps it; its own other names under the same key once
      if (list && owner.get(key) !== e.id) continue;
      owner.set(key, e.id);
      // acronyms are copies of their entry marked case-sensitive: one line for both
      const plain: NameEntry = { ...e, caseSensitive: false };
      const same = entries.length && entries[entries.length - 1]!.id === e.id ? entries[entries.length - 1]! : null;
      let n = same ? index.get(same)! : -1;
      if (n < 0) { n = entries.length; entries.push(plain); index.set(plain, n); }
      const item = { entry: plain, n, caseSensitive: asNamed(name, e).caseSensitive };
      if (!list) byKey.set(key, [item]);
      else if (!list.some((x) => x.n === n)) list.push(item);
    }
  }
  const first: Record<string, number> = {};
  let maxWords = 1;
  // sorted by their UTF-8 bytes: the layer is searched as bytes, never decoded whole
  const keys = [...byKey.keys()].map((k) => Buffer.from(k)).sort(Buffer.compare).map((b) => b.toString());
  for (const key of keys) {
    const words = key.split(' ');
    maxWords = Math.max(maxWords, words.length);
    // names of more than 31 words are none
    if (words.length < 32) first[words[0]!] = (first[words[0]!] ?? 0) | (1 << words.length);
  }
  const header: FallbackHeader = {
    countries: files.flatMap((f) => f.countries ?? []),
    sectorWords: files.flatMap((f) => f.sectorWords ?? []),
    modifiers: files.flatMap((f) => f.modifiers ?? []),
    first, maxWords, bytes: 0,
  };
  // a person is stored as the person (their other names are the keys that point to them)
  const stored = entries.map((e) => JSON.stringify(e.person ? { kind: 'person', person: { ...e.person, aliases: undefined } } : { ...e, caseSensitive: undefined, fallback: undefined }));
  // a key points to its entries' lines by where they start, in bytes after the header line
  const at: number[] = [];
  let offset = 0;
  for (const line of stored) { at.push(offset); offset += Buffer.byteLength(line) + 1; }
  const refs = (k: string) => byKey.get(k)!.map((x) => `${at[x.n]}${x.caseSensitive ? '*' : ''}`).join(',');
  return [JSON.stringify({ ...header, bytes: offset }), ...stored, ...keys.map((k) => `${k}\t${refs(k)}`)].join('\n') + '\n';
}

// the parsed entries of the keys looked up, a bounded memo (a pure function of the key)
const ENTRIES_LIMIT = 20_000;

/** A compiled fallback layer: its header at once, its names on demand. */
export class FallbackLayer {
  readonly header: FallbackHeader;
  /** where the entry lines begin, and the key lines */
  private readonly entriesAt: number;
  private readonly start: number;
  private readonly entries = new Map<string, readonly NameEntry[] | null>();

  /** The compiled text as its UTF-8 bytes (a file read without decoding it: most of it is never read). */
  constructor(private readonly bytes: Uint8Array) {
    const end = bytes.indexOf(NL);
    if (end < 0) throw new Error('a compiled fallback layer has a header line');
    this.header = JSON.parse(decoder.decode(bytes.subarray(0, end))) as FallbackHeader;
    this.entriesAt = end + 1;
    this.start = this.entriesAt + this.header.bytes;
  }

  /** The bits of the lengths of the layer's names that start with this word's key (bit n for n words); 0 for none. */
  firstBits(wordKey: string): number {
    return Object.hasOwn(this.header.first, wordKey) ? this.header.first[wordKey]! : 0;
  }

  /** The entries the layer keeps under a name key, or null. */
  lookup(key: string): readonly NameEntry[] | null {
    let found = this.entries.get(key);
    if (found === undefined) {
      const refs = this.find(encoder.encode(key));
      found = refs === null ? null : refs.split(',').map((ref) => {
        const from = this.entriesAt + Number.parseInt(ref, 10);
        const e = JSON.parse(decoder.decode(this.bytes.subarray(from, this.bytes.indexOf(NL, from)))) as NameEntry;
        const caseSensitive = ref.endsWith('*');
        return e.person ? personEntry(e.person, caseSensitive) : { ...e, caseSensitive, fallback: true };
      });
      if (this.entries.size >= ENTRIES_LIMIT) this.entries.clear();
      this.entries.set(key, found);
    }
    return found;
  }

  /** The entry references of a key, by binary search over the key lines (sorted by their bytes). */
  private find(key: Uint8Array): string | null {
    const bytes = this.bytes;
    // lo is always a line's start; the line sought, if any, starts in [lo, hi)
    let lo = this.start, hi = bytes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const line = Math.max(lo, bytes.lastIndexOf(NL, mid - 1) + 1);
      const tab = bytes.indexOf(TAB, line);
      const order = compareBytes(bytes, line, tab, key);
      const end = bytes.indexOf(NL, tab);
      if (order === 0) return decoder.decode(bytes.subarray(tab + 1, end < 0 ? bytes.length : end));
      if (order < 0) lo = end < 0 ? bytes.length : end + 1;
      else hi = line;
    }
    return null;
  }
}

const NL = 0x0a, TAB = 0x09;
const decoder = new TextDecoder(), encoder = new TextEncoder();

/** The order of bytes[from, to) against key, as Buffer.compare orders them. */
function compareBytes(bytes: Uint8Array, from: number, to: number, key: Uint8Array): number {
  const n = Math.min(to - from, key.length);
  for (let i = 0; i < n; i++) {
    const d = bytes[from + i]! - key[i]!;
    if (d !== 0) return d;
  }
  return to - from - key.length;
}
