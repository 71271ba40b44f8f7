import { DossierError } from '../core/errors.js';
import { MODALITIES } from '../core/vocabulary.js';

/**
 * The values of the list filters added for the workbench (modality lists, minimum confidence), read
 * from text the same way by the HTTP API and the command line, so one filter means one thing
 * everywhere. `name` is how the caller names the option in messages ("modality", "--modality").
 */

/** One modality or several separated by commas ("asserted,historical"); "all" (or nothing) for every one. */
export function parseModalities(text: string | undefined, name: string): string[] | undefined {
  if (text === undefined || !text.trim() || text.trim().toLowerCase() === 'all') return undefined;
  const list = [...new Set(text.split(',').map((m) => m.trim().toLowerCase()).filter(Boolean))];
  const bad = list.find((m) => !(MODALITIES as readonly string[]).includes(m));
  if (bad !== undefined || !list.length) {
    throw new DossierError('USAGE', `${name} must be one of ${MODALITIES.join(', ')} (or several separated by commas, or all), not "${bad ?? text}"`);
  }
  return list;
}

/** A minimum confidence, a number from 0 to 1. */
export function parseMinConfidence(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  const n = Number(t);
  if (!/^(?:0|1)?(?:\.\d+)?$/.test(t) || !t || t === '.' || !(n >= 0 && n <= 1)) {
    throw new DossierError('USAGE', `${name} must be a number from 0 to 1 (a minimum confidence), not "${text}"`);
  }
  return n;
}

/** A modality filter for a query: one value as it is, several as a list. */
export const modalityFilter = (list: string[] | undefined): string | string[] | undefined =>
  list === undefined ? undefined : list.length === 1 ? list[0]! : list;
