/**
 * Country codes that name no state (ONTOLOGY.md, actors): IGO intergovernmental organisations (ASEAN,
 * NATO, OPEC ...), UNO United Nations bodies, EUR the European Union, NGO non-governmental
 * organisations, MNC multinational companies. An actor with one of them is not a country's government.
 */
export const NON_STATE_CODES = ['IGO', 'UNO', 'EUR', 'NGO', 'MNC'] as const;
export type NonStateCode = (typeof NON_STATE_CODES)[number];

const NON_STATE = new Set<string>(NON_STATE_CODES);

/** Whether a country code names no state (see NON_STATE_CODES). */
export function isNonState(code: string | null | undefined): boolean {
  return code !== null && code !== undefined && NON_STATE.has(code);
}
