import type { QuadClass } from '../core/vocabulary.js';

/**
 * PLOVER's 16 event types (ONTOLOGY.md) with the GDELT-style quad class and the cooperation /
 * conflict score the engine reports beside each event. Scores follow the ontology's table; where it
 * gives a range (ACCUSE) the mode picks the value.
 */
export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT',
  'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN',
  'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;

export type PloverType = (typeof PLOVER_TYPES)[number];

export type { QuadClass };

export interface PloverTypeInfo {
  readonly type: PloverType;
  readonly quadClass: QuadClass;
  readonly score: number;
  /** the modes PLOVER defines for the type (empty when it has none) */
  readonly modes: readonly string[];
  /** the CAMEO root code the type corresponds to most closely */
  readonly cameoRoot: string;
}

const info = (type: PloverType, quadClass: QuadClass, score: number, cameoRoot: string, modes: string[] = []): PloverTypeInfo =>
  ({ type, quadClass, score, cameoRoot, modes });

export const PLOVER: Readonly<Record<PloverType, PloverTypeInfo>> = {
  AGREE: info('AGREE', 1, 2.5, '03'),
  CONSULT: info('CONSULT', 1, 2.5, '04', ['visit', 'third-party', 'multilateral', 'phone']),
  SUPPORT: info('SUPPORT', 1, 5, '05'),
  CONCEDE: info('CONCEDE', 1, 4.5, '08', ['ease', 'ceasefire', 'pardon', 'apology']),
  COOPERATE: info('COOPERATE', 2, 9.5, '06', ['economic', 'military', 'judicial', 'intelligence']),
  AID: info('AID', 2, 10, '07', ['economic', 'military', 'humanitarian', 'asylum']),
  RETREAT: info('RETREAT', 2, 6.5, '08', ['withdraw', 'release', 'disarm', 'ceasefire', 'access', 'resign', 'ease']),
  REQUEST: info('REQUEST', 3, 0, '10', ['assist', 'change', 'yield', 'meet']),
  ACCUSE: info('ACCUSE', 3, -2, '11', ['disapprove', 'investigate', 'allege']),
  REJECT: info('REJECT', 3, -2, '12', ['assist', 'change', 'yield', 'meet']),
  THREATEN: info('THREATEN', 3, -3.5, '13', ['restrict', 'arrest', 'relations', 'expel', 'territory', 'violence']),
  PROTEST: info('PROTEST', 4, -5, '14', ['demo', 'riot', 'strike', 'hunger', 'boycott', 'obstruct']),
  SANCTION: info('SANCTION', 4, -6, '16', ['convict', 'expel', 'withdraw', 'discontinue']),
  MOBILIZE: info('MOBILIZE', 4, -5.5, '15', ['troops', 'weapons', 'police', 'militia']),
  COERCE: info('COERCE', 4, -7, '17', ['seize', 'restrict', 'censor', 'arrest', 'deport']),
  ASSAULT: info('ASSAULT', 4, -9, '18', ['firearms', 'explosives', 'aerial', 'drone', 'abduct']),
};

/** ACCUSE spans -2 (disapproval) to -3.5 (formal allegation, investigation) in the ontology. */
const MODE_SCORES: Readonly<Record<string, number>> = {
  'ACCUSE/disapprove': -2, 'ACCUSE/investigate': -3, 'ACCUSE/allege': -3.5,
};

export function isPloverType(value: string): value is PloverType {
  return Object.prototype.hasOwnProperty.call(PLOVER, value);
}

export function quadClassOf(type: PloverType): QuadClass {
  return PLOVER[type].quadClass;
}

/**
 * MODE_SCORES by type, then mode: scoreOf runs for every event, and two look-ups on the strings at
 * hand cost less than building a "type/mode" key and looking that up.
 */
const MODE_SCORES_BY_TYPE = new Map<string, Map<string, number>>();
for (const [key, score] of Object.entries(MODE_SCORES)) {
  const slash = key.indexOf('/');
  const type = key.slice(0, slash), mode = key.slice(slash + 1);
  const byMode = MODE_SCORES_BY_TYPE.get(type) ?? new Map<string, number>();
  byMode.set(mode, score);
  MODE_SCORES_BY_TYPE.set(type, byMode);
}

export function scoreOf(type: PloverType, mode: string | null = null): number {
  return (mode !== null ? MODE_SCORES_BY_TYPE.get(type)?.get(mode) : undefined) ?? PLOVER[type].score;
}

/** Older PLOVER drafts (0.5) used types that 0.8 folded into others. */
export const LEGACY_TYPES: Readonly<Record<string, PloverType>> = {
  DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', INVESTIGATE: 'ACCUSE', FIGHT: 'ASSAULT',
};
