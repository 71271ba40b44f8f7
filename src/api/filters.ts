import { DossierError } from '../core/errors.js';
import { MODALITIES, QUAD_CLASSES, QUAD_CLASS_NUMBERS } from '../core/vocabulary.js';
import { PLOVER_TYPES, isPloverType } from '../ontology/plover.js';
import { modalityFilter, parseMinConfidence, parseModalities } from '../store/filter-values.js';
import type { EventQuery } from '../store/store.js';
import { CLI_LABEL, DATE_PARAMS, DEFAULT_LIMIT, PAGE_PARAMS, readParams, type ParamLabel, type ParamSpecs, type ParamValue } from './validate.js';

/**
 * The filters of event and happening queries, checked in one place for the API (query strings) and
 * the command line (options), so both accept and refuse the same values with the same reasons.
 */
export const EVENT_PARAMS: ParamSpecs = {
  ...PAGE_PARAMS, ...DATE_PARAMS,
  actor: { kind: 'string', description: 'who acted: a country code (IRN), country and sector (IRNGOV) or a name' },
  recipient: { kind: 'string', description: 'whom it was done to (same forms as actor)' },
  dyad: { kind: 'actor-pair', description: 'both parties in either direction, two actors separated by a comma: USA,IRN' },
  type: { kind: 'string', description: 'PLOVER event type, e.g. REJECT' },
  modality: { kind: 'string', description: `${MODALITIES.join(', ')}; several separated by commas; all` },
  outlet: { kind: 'string', description: 'the outlet that reported it' },
  quad: { kind: 'quad', description: `quad class (${QUAD_CLASS_NUMBERS.map((q) => `${q} ${QUAD_CLASSES[q]}`).join(', ')})` },
  article: { kind: 'string', description: 'only events reported in this article (its id)' },
  confidence: { kind: 'string', description: 'minimum confidence of a report, 0..1 (e.g. 0.5)' },
};

export type Params = Readonly<Record<string, ParamValue | undefined>>;

const str = (v: ParamValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: ParamValue | undefined): number | undefined => (typeof v === 'number' ? v : undefined);

export const pageOf = (q: Params) => ({ limit: num(q.limit) ?? DEFAULT_LIMIT, offset: num(q.offset) ?? 0 });
export const datesOf = (q: Params) => ({
  ...(str(q.from) ? { from: str(q.from)! } : {}), ...(str(q.to) ? { to: str(q.to)! } : {}),
});

/** The store's event query from checked parameters; an unknown modality or event type is refused. */
export function eventQuery(q: Params, label: ParamLabel): EventQuery {
  const modality = parseModalities(str(q.modality), label('modality'));
  const type = str(q.type)?.toUpperCase();
  if (type && !isPloverType(type)) {
    throw new DossierError('USAGE', `${label('type')} must be a PLOVER event type (${PLOVER_TYPES.join(', ')}), not "${str(q.type)}"`);
  }
  const dyad = Array.isArray(q.dyad) ? (q.dyad as readonly [string, string]) : undefined;
  const out: { -readonly [K in keyof EventQuery]: EventQuery[K] } = { ...pageOf(q), ...datesOf(q) };
  if (str(q.actor)) out.actor = str(q.actor)!;
  if (str(q.recipient)) out.recipient = str(q.recipient)!;
  if (dyad) out.dyad = dyad;
  if (type) out.type = type;
  if (modality) out.modality = modalityFilter(modality)!;
  const confidence = parseMinConfidence(str(q.confidence), label('confidence'));
  if (confidence !== undefined) out.minConfidence = confidence;
  if (str(q.outlet)) out.outlet = str(q.outlet)!;
  if (num(q.quad) !== undefined) out.quadClass = num(q.quad)!;
  if (str(q.article)) out.articleId = str(q.article)!;
  return out;
}

/**
 * A command's options checked as the API checks its query string (the same specs and reasons,
 * named as options): only the options the specs know are read, the command's others are its own.
 */
export function readOptions(values: Readonly<Record<string, string | boolean | undefined>>, specs: ParamSpecs): Params {
  const given: [string, string][] = [];
  for (const name of Object.keys(specs)) {
    const v = values[name];
    if (typeof v === 'string') given.push([name, v]);
  }
  return readParams(given, specs, CLI_LABEL);
}
