import table from './cameo2plover.json' with { type: 'json' };
import { isPloverType, LEGACY_TYPES, type PloverType } from './plover.js';

export interface CameoMapping {
  readonly code: string;
  readonly type: PloverType;
  readonly mode: string | null;
  readonly context: string | null;
}

type Row = { type: string | null; mode: string | null; context: string | null };
const rows = table as Record<string, Row>;

/**
 * The PLOVER type a CAMEO code maps to, from the Open Event Data Alliance's conversion table
 * (transcribed to cameo2plover.json by scripts/cameo-table.mjs). An unlisted code falls back to its
 * parent ("0231" -> "023" -> "02"); codes with no PLOVER event (01, 02: statements, appeals) give null.
 */
export function ploverOfCameo(code: string): CameoMapping | null {
  for (let c = code; c.length >= 2; c = c.slice(0, -1)) {
    const row = rows[c];
    if (!row?.type) continue;
    const type = isPloverType(row.type) ? row.type : LEGACY_TYPES[row.type];
    if (!type) return null;
    return { code: c, type, mode: row.mode, context: row.context };
  }
  return null;
}

/** The two-digit CAMEO root of a code ("1631" -> "16"). */
export function cameoRoot(code: string): string {
  return code.slice(0, 2);
}

export function cameoCodes(): string[] {
  return Object.keys(rows);
}
