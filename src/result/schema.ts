import { Type, type Static } from '@sinclair/typebox';
import { ENTITY_TYPES, MODALITIES, QUAD_CLASSES, QUAD_CLASS_NUMBERS, SECTORS } from '../core/vocabulary.js';

/**
 * The result format (see CONTRACT.md), written once as a JSON Schema from which the TypeScript
 * types are derived; `npm run schema` writes schema/result.schema.json from this file.
 */
export const SpanSchema = Type.Object({
  start: Type.Integer({ minimum: 0, description: 'UTF-16 code unit offset into article.text, inclusive' }),
  end: Type.Integer({ minimum: 0, description: 'UTF-16 code unit offset into article.text, exclusive' }),
  text: Type.String(),
}, { $id: 'Span', additionalProperties: false });

export const ProvenanceSchema = Type.Object({
  stage: Type.String(),
  version: Type.String(),
  rule: Type.String({ description: 'id of the rule that made the annotation' }),
  confidence: Type.Number({ minimum: 0, maximum: 1 }),
  evidence: Type.Optional(Type.String()),
}, { additionalProperties: false, description: 'why the annotation exists' });

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const ActorRefSchema = Type.Object({
  name: Type.String(),
  country: Nullable(Type.String({ description: 'ISO 3166-1 alpha-3, or IGO/UNO/EUR/NGO/MNC/KOS' })),
  sector: Nullable(Type.String({ description: SECTORS.join(', ') })),
  span: Type.Optional(SpanSchema),
}, { additionalProperties: false });

export const AttributionSchema = Type.Object({
  kind: Type.Union([Type.Literal('direct'), Type.Literal('indirect'), Type.Literal('mixed')]),
  content: SpanSchema,
  contentParts: Type.Optional(Type.Array(SpanSchema, { description: 'the parts of a discontinuous content, in text order' })),
  cue: Nullable(SpanSchema),
  source: Nullable(SpanSchema),
  speaker: Nullable(ActorRefSchema),
  via: Type.Array(ActorRefSchema, { description: 'outlets that relayed the words, outermost first' }),
  parent: Nullable(Type.Integer({ minimum: 0, description: 'index of the attribution this one is nested in' })),
  provenance: ProvenanceSchema,
}, { additionalProperties: false });

export const ModalitySchema = Type.Union(MODALITIES.map((m) => Type.Literal(m)));

export const EventSchema = Type.Object({
  type: Type.String({ description: 'one of the 16 PLOVER event types' }),
  mode: Nullable(Type.String()),
  modality: ModalitySchema,
  actor: Type.Array(ActorRefSchema),
  recipient: Type.Array(ActorRefSchema),
  trigger: SpanSchema,
  sentence: SpanSchema,
  date: Nullable(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  attribution: Nullable(Type.Integer({ minimum: 0, description: 'index into attributions' })),
  cameo: Nullable(Type.String()),
  quadClass: Type.Integer({
    minimum: Math.min(...QUAD_CLASS_NUMBERS), maximum: Math.max(...QUAD_CLASS_NUMBERS),
    description: QUAD_CLASS_NUMBERS.map((q) => `${q} ${QUAD_CLASSES[q]}`).join(', '),
  }),
  score: Type.Number({ minimum: -10, maximum: 10 }),
  location: Type.Optional(Type.Object({
    name: Type.String(),
    country: Nullable(Type.String({ description: 'ISO 3166-1 alpha-3 of the place, when known' })),
    span: SpanSchema,
  }, { additionalProperties: false, description: 'where the event took place ("met in Singapore", the dateline): a place, never a party' })),
  provenance: ProvenanceSchema,
}, { additionalProperties: false });

export const EntitySchema = Type.Object({
  name: Type.String(),
  type: Type.Union(ENTITY_TYPES.map((t) => Type.Literal(t))),
  country: Nullable(Type.String()),
  sector: Nullable(Type.String()),
  role: Nullable(Type.String()),
  mentions: Type.Array(SpanSchema),
  provenance: ProvenanceSchema,
}, { additionalProperties: false });

export const DateMentionSchema = Type.Object({
  span: SpanSchema,
  date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
  endDate: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  granularity: Type.Union([Type.Literal('day'), Type.Literal('month'), Type.Literal('year')]),
  relation: Type.Union([Type.Literal('past'), Type.Literal('present'), Type.Literal('future')]),
  provenance: ProvenanceSchema,
}, { additionalProperties: false });

export const DiagnosticSchema = Type.Object({
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('info')]),
  code: Type.String(),
  message: Type.String(),
  stage: Type.Optional(Type.String()),
  span: Type.Optional(SpanSchema),
}, { additionalProperties: false });

export const ArticleSchema = Type.Object({
  id: Type.String(),
  text: Type.String({ description: 'the text all offsets index' }),
  published: Nullable(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  outlet: Nullable(Type.String()),
  url: Nullable(Type.String()),
  title: Nullable(Type.String()),
}, { additionalProperties: false });

export const ResultSchema = Type.Object({
  article: ArticleSchema,
  attributions: Type.Array(AttributionSchema),
  events: Type.Array(EventSchema),
  entities: Type.Array(EntitySchema),
  dates: Type.Array(DateMentionSchema),
  sentences: Type.Array(Type.Object({ start: Type.Integer(), end: Type.Integer() }, { additionalProperties: false }),
    { description: 'sentence boundaries, for readers and viewers' }),
  diagnostics: Type.Array(DiagnosticSchema),
  engine: Type.Object({
    name: Type.Literal('dossier'),
    version: Type.String(),
    stages: Type.Array(Type.Object({ name: Type.String(), version: Type.String() }, { additionalProperties: false })),
  }, { additionalProperties: false }),
  error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: false,
    description: 'set, in batch mode, when the article could not be analysed' })),
}, { $id: 'https://github.com/dossier/dossier/schema/result.schema.json', title: 'dossier analysis result', additionalProperties: false });

export type SpanJson = Static<typeof SpanSchema>;
export type ActorRefJson = Static<typeof ActorRefSchema>;
export type AttributionJson = Static<typeof AttributionSchema>;
export type EventJson = Static<typeof EventSchema>;
export type EntityJson = Static<typeof EntitySchema>;
export type Result = Static<typeof ResultSchema>;
