import { readFileSync } from 'node:fs';
import { DossierError } from '../core/errors.js';

/**
 * Towns and regions to their country (data/actors/gazetteer.json, converted from GeoNames and ISO
 * 3166-2 by scripts/convert-gazetteer.mjs): "Mariupol" is Ukraine's, "Puerto Penasco" Mexico's. The
 * last resort of the actor base, for names nothing else knows; a place is never an actor or a person.
 * The file is read on the first look-up, not when the base is built (most runs need few of its
 * 27,000 names, and many none); its content never changes, so neither does an answer.
 *
 * The converter writes the names in sorted order, one `"key":"CODE"` after another, so a look-up is
 * a binary search over the file's text itself (entries are found around a position by the `","`
 * between them, which a name without escapes cannot contain): nothing is parsed, where parsing the
 * 27,000 entries into an object took some 40 ms of nearly every process's first article (most
 * articles name something the base does not know). A file with escapes is parsed instead.
 */
export class PlaceGazetteer {
  private table: PlaceTable | null = null;

  constructor(private readonly file: string) {}

  /** The country (ISO alpha-3) of the place with this index key (`keyOf`), or null. */
  countryOf(key: string): string | null {
    this.table ??= PlaceTable.read(readFileSync(this.file, 'utf8'), this.file);
    return this.table.countryOf(key);
  }
}

/** The `names` object of a gazetteer file: key -> country code. */
export class PlaceTable {
  private constructor(
    private readonly text: string,
    /** where the first entry starts (its opening quote) and where the entries end (the `}` after the last) */
    private readonly first: number,
    private readonly end: number,
    private readonly parsed: Readonly<Record<string, string>> | null,
  ) {}

  /**
   * The table of a gazetteer file's text (`where` names the file in an error). The text must be in the
   * converter's form, its names sorted (JavaScript's string order) and without escapes; one with
   * escapes is parsed.
   */
  static read(text: string, where: string): PlaceTable {
    const open = '"names":{';
    const first = text.indexOf(open) + open.length;
    const end = text.lastIndexOf('}}');
    if (first >= open.length && end >= first && !text.includes('\\')) return new PlaceTable(text, first, end, null);
    try {
      return new PlaceTable('', 0, 0, (JSON.parse(text) as { names: Record<string, string> }).names);
    } catch (e) {
      throw new DossierError('INTERNAL', `the place gazetteer cannot be read: ${(e as Error).message}`, { where });
    }
  }

  /** The start of the first entry at or after `at` (or the end). */
  private entryFrom(at: number): number {
    if (at <= this.first) return this.first;
    const separator = this.text.indexOf('","', at - 2);
    return separator < 0 || separator + 2 > this.end ? this.end : separator + 2;
  }

  countryOf(key: string): string | null {
    if (this.parsed) return Object.hasOwn(this.parsed, key) ? this.parsed[key]! : null;
    const text = this.text;
    // the entries from lo (inclusive) to hi (exclusive), both entry starts
    let lo = this.first, hi = this.end;
    while (lo < hi) {
      let at = this.entryFrom((lo + hi) >>> 1);
      if (at >= hi) at = lo;
      const keyEnd = text.indexOf('":"', at + 1);
      const codeEnd = text.indexOf('"', keyEnd + 3);
      const candidate = text.slice(at + 1, keyEnd);
      if (candidate === key) return text.slice(keyEnd + 3, codeEnd);
      if (candidate < key) lo = text[codeEnd + 1] === ',' ? codeEnd + 2 : this.end;
      else hi = at;
    }
    return null;
  }
}
