/**
 * The closed sets of values the engine's results use, each defined here once. The layer types
 * (core/layers.ts), the result schema (result/schema.ts), the actor-file schema, and the checks of
 * the API and the command line are all derived from these lists, so adding a value is one edit.
 */

/** How an event is reported: it happened, did not, might, will, or happened long before. */
export const MODALITIES = ['asserted', 'negated', 'hypothetical', 'future', 'historical'] as const;
export type Modality = (typeof MODALITIES)[number];

/** What kind of thing an entity is. */
export const ENTITY_TYPES = ['PERSON', 'ORG', 'MEDIA', 'GPE', 'NORP', 'IGO', 'AGREEMENT'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** How a mention refers to its entity (each is also the mention's rule id: mention.<kind>). */
export const MENTION_KINDS = ['name', 'surname', 'title', 'description', 'pronoun', 'metonym', 'demonym', 'acronym'] as const;
export type MentionKind = (typeof MENTION_KINDS)[number];

/** GDELT's quad classes, by number, with what each means. */
export const QUAD_CLASSES = {
  1: 'verbal cooperation',
  2: 'material cooperation',
  3: 'verbal conflict',
  4: 'material conflict',
} as const;
export type QuadClass = keyof typeof QUAD_CLASSES;
export const QUAD_CLASS_NUMBERS = Object.keys(QUAD_CLASSES).map(Number) as readonly QuadClass[];

/**
 * The sector an actor belongs to (PLOVER's and CAMEO's actor codes): the ontology's sectors, then the
 * codes PLOVER's agents dictionary (NGEC) adds: AGR farmers and fishers, SOC civil society (activists,
 * rights groups, environmentalists), PRE partially recognised states, PRM paramilitaries and private
 * armies (src/actors/README.md, sector conventions).
 */
export const SECTORS = ['GOV', 'MIL', 'COP', 'JUD', 'LEG', 'PTY', 'OPP', 'REB', 'SPY', 'CVL', 'BUS', 'JRN', 'MED', 'EDU', 'REL', 'LAB', 'REF', 'CRM', 'ELI', 'UAF', 'UNK', 'AGR', 'SOC', 'PRE', 'PRM'] as const;
export type Sector = (typeof SECTORS)[number];

/** Whether a string is one of a closed set's values (narrowing it to the set's type). */
export function isOneOf<T extends string | number>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}
