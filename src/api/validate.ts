import { DossierError } from '../core/errors.js';
import { QUAD_CLASS_NUMBERS, isOneOf } from '../core/vocabulary.js';

/**
 * Query-string validation. Every endpoint names the parameters it accepts; any other parameter,
 * a repeated one, or a value of the wrong shape is a USAGE error (HTTP 400) that names it, so a
 * typo in a filter never silently returns the unfiltered corpus.
 */
export const MAX_LIMIT = 200;
export const DEFAULT_LIMIT = 50;
export const MAX_OFFSET = 1_000_000;
export const MAX_STRING = 200;

export type ParamKind = 'string' | 'date' | 'int' | 'actor-pair' | 'quad';

export interface ParamSpec {
  readonly kind: ParamKind;
  readonly description: string;
  readonly required?: boolean;
  /** for 'int' */
  readonly min?: number;
  readonly max?: number;
}

export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

export type ParamValue = string | number | readonly [string, string];

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const PAGE_PARAMS: ParamSpecs = {
  limit: { kind: 'int', min: 1, max: MAX_LIMIT, description: `how many items (1..${MAX_LIMIT}, default ${DEFAULT_LIMIT})` },
  offset: { kind: 'int', min: 0, max: MAX_OFFSET, description: 'how many items to skip' },
};

export const DATE_PARAMS: ParamSpecs = {
  from: { kind: 'date', description: 'first day, inclusive (YYYY-MM-DD)' },
  to: { kind: 'date', description: 'last day, inclusive (YYYY-MM-DD)' },
};

/** How a message names a parameter: the API says `parameter "from"`, the command line `--from`. */
export type ParamLabel = (name: string) => string;
export const API_LABEL: ParamLabel = (name) => `parameter "${name}"`;
export const CLI_LABEL: ParamLabel = (name) => `--${name}`;

/**
 * Reads and checks parameters (a query string's, or a command's options as name and text) against
 * the specs: the one validation of filters that the API and the command line share.
 */
export function readParams(query: Iterable<[string, string]>, specs: ParamSpecs, label: ParamLabel = API_LABEL): Record<string, ParamValue | undefined> {
  const out: Record<string, ParamValue | undefined> = {};
  const seen = new Set<string>();
  for (const [name, raw] of query) {
    const spec = specs[name];
    if (!spec) {
      const known = Object.keys(specs);
      throw new DossierError('USAGE', `unknown ${label(clip(name))}${known.length ? ` (known: ${known.join(', ')})` : ''}`);
    }
    if (seen.has(name)) throw new DossierError('USAGE', `${label(name)} is given more than once`);
    seen.add(name);
    out[name] = parseValue(name, raw, spec, label);
  }
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.required && out[name] === undefined) throw new DossierError('USAGE', `${label(name)} is required`);
  }
  if (typeof out.from === 'string' && typeof out.to === 'string' && out.from > out.to) {
    throw new DossierError('USAGE', `${label('from')} (${out.from}) is after ${label('to')} (${out.to})`);
  }
  return out;
}

function parseValue(name: string, raw: string, spec: ParamSpec, label: ParamLabel): ParamValue {
  if (raw.length > MAX_STRING) throw new DossierError('USAGE', `${label(name)} is longer than ${MAX_STRING} characters`);
  const text = raw.trim();
  if (!text) throw new DossierError('USAGE', `${label(name)} is empty`);
  switch (spec.kind) {
    case 'string':
      return text;
    case 'date': {
      if (!isValidDate(text)) throw new DossierError('USAGE', `${label(name)} must be a date YYYY-MM-DD, not "${clip(text)}"`);
      return text;
    }
    case 'int':
    case 'quad': {
      if (!/^-?\d{1,9}$/.test(text)) throw new DossierError('USAGE', `${label(name)} must be a whole number, not "${clip(text)}"`);
      const n = Number(text);
      // a quad class is one of a closed set: the message names the set, as for the other closed sets
      if (spec.kind === 'quad') {
        if (!isOneOf(QUAD_CLASS_NUMBERS, n)) throw new DossierError('USAGE', `${label(name)} must be one of ${QUAD_CLASS_NUMBERS.join(', ')}, not ${n}`);
        return n;
      }
      const min = spec.min ?? Number.MIN_SAFE_INTEGER, max = spec.max ?? Number.MAX_SAFE_INTEGER;
      if (n < min || n > max) throw new DossierError('USAGE', `${label(name)} must be between ${min} and ${max}, not ${n}`);
      return n;
    }
    case 'actor-pair': {
      const parts = text.split(',').map((p) => p.trim());
      if (parts.length !== 2 || !parts[0] || !parts[1]) {
        throw new DossierError('USAGE', `${label(name)} must be two actors separated by a comma (e.g. USA,IRN)`);
      }
      return [parts[0], parts[1]] as const;
    }
  }
}

/** A real calendar day, not just the right shape (2026-02-30 is refused). */
export function isValidDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Checks a path segment (an id or actor) the same way query strings are checked. */
export function readSegment(name: string, raw: string): string {
  let text: string;
  try { text = decodeURIComponent(raw); } catch { throw new DossierError('USAGE', `"${name}" is not a valid URL component`); }
  if (!text.trim()) throw new DossierError('USAGE', `"${name}" is empty`);
  if (text.length > MAX_STRING) throw new DossierError('USAGE', `"${name}" is longer than ${MAX_STRING} characters`);
  return text.trim();
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}...` : s);
