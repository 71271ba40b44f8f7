import { readFileSync } from 'node:fs';

/**
 * Towns and regions to their country (data/actors/gazetteer.json, converted from GeoNames and ISO
 * 3166-2 by scripts/convert-gazetteer.mjs): "Mariupol" is Ukraine's, "Puerto Penasco" Mexico's. The
 * last resort of the actor base, for names nothing else knows; a place is never an actor or a person.
 * The file is read on the first look-up, not when the base is built (most runs need few of its
 * 27,000 names, and many none); its content never changes, so neither does an answer.
 */
export class PlaceGazetteer {
  private names: Readonly<Record<string, string>> | null = null;

  constructor(private readonly file: string) {}

  /** The country (ISO alpha-3) of the place with this index key (`keyOf`), or null. */
  countryOf(key: string): string | null {
    this.names ??= (JSON.parse(readFileSync(this.file, 'utf8')) as { names: Record<string, string> }).names;
    return Object.hasOwn(this.names, key) ? this.names[key]! : null;
  }
}
