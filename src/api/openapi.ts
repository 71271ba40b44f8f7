import { QUAD_CLASS_NUMBERS } from '../core/vocabulary.js';
import { ActorRefSchema, ResultSchema } from '../result/schema.js';
import { ENGINE_VERSION } from '../version.js';
import type { Route } from './router.js';
import type { ParamSpec } from './validate.js';

/**
 * The OpenAPI 3.1 description of the API, built from the route table (paths, parameters, statuses)
 * and the schemas below (bodies). The analysis result's schema is the engine's own.
 */
type Json = Record<string, unknown>;

const s = (type: string, extra: Json = {}): Json => ({ type, ...extra });
const nullable = (type: string): Json => ({ type: [type, 'null'] });
const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const arr = (items: Json): Json => ({ type: 'array', items });
const obj = (properties: Json, required = Object.keys(properties)): Json => ({ type: 'object', properties, required });
const pageOf = (item: Json): Json => obj({ items: arr(item), total: s('integer'), limit: s('integer'), offset: s('integer') });

const SOURCE = obj({ articleId: s('string'), outlet: nullable('string'), url: nullable('string'), published: nullable('string'), title: nullable('string') });

const EVENT = obj({
  id: s('string'), articleId: s('string'), index: s('integer'), type: s('string'), mode: nullable('string'), modality: s('string'),
  actor: arr(ref('ActorRef')), recipient: arr(ref('ActorRef')), date: nullable('string'), quadClass: s('integer'), score: s('number'),
  cameo: nullable('string'), trigger: s('string'), sentence: s('string'), confidence: s('number'), happeningId: nullable('string'), source: SOURCE,
});

const HAPPENING = obj({
  id: s('string'), type: s('string'), mode: nullable('string'), modality: s('string'), modalities: arr(s('string')), recaps: arr(s('string')), date: nullable('string'),
  actor: arr(ref('ActorRef')), recipient: arr(ref('ActorRef')), actorCodes: arr(s('string')), recipientCodes: arr(s('string')),
  quadClass: s('integer'), score: s('number'), cameo: nullable('string'), sources: s('integer'), outlets: arr(s('string')),
  reportCount: s('integer'), reports: arr(ref('Event')),
});

const QUOTE = obj({
  id: s('string'), speaker: { anyOf: [ref('ActorRef'), { type: 'null' }] }, text: s('string'), sources: s('integer'),
  variantCount: s('integer'), minFidelity: s('number'), firstPublished: nullable('string'),
  variants: arr(obj({
    articleId: s('string'), index: s('integer'), kind: s('string'), text: s('string'), fidelity: s('number'),
    changes: arr(obj({ op: s('string', { enum: ['insert', 'delete', 'replace'] }), from: s('string'), to: s('string') })), source: SOURCE,
  })),
});

const ARTICLE = obj({
  id: s('string'), sourceId: s('string'), title: nullable('string'), outlet: nullable('string'), url: nullable('string'),
  published: nullable('string'), contentHash: s('string'), ingestedAt: s('string'),
  counts: obj({ events: s('integer'), attributions: s('integer'), entities: s('integer') }),
  copies: arr(obj({ url: nullable('string'), outlet: nullable('string'), sourceId: s('string') })),
});

export const SCHEMAS: Json = {
  ActorRef: ActorRefSchema,
  Result: { ...ResultSchema, $id: undefined },
  Article: ARTICLE,
  ArticlePage: pageOf(ref('Article')),
  Added: obj({ id: s('string'), inserted: s('boolean'), duplicate: s('string', { enum: ['exact', 'near'] }) }, ['id', 'inserted']),
  SearchPage: pageOf(obj({ article: ref('Article'), snippet: s('string', { description: 'matched words between [ and ]' }) })),
  Event: EVENT,
  EventPage: pageOf(ref('Event')),
  Happening: HAPPENING,
  HappeningPage: pageOf(ref('Happening')),
  Quote: QUOTE,
  QuotePage: pageOf(ref('Quote')),
  DyadSeries: obj({
    a: s('string'), b: s('string'),
    points: arr(obj({
      date: s('string'), total: s('integer'), meanScore: s('number'),
      quad: obj({ 1: s('integer'), 2: s('integer'), 3: s('integer'), 4: s('integer') }),
    })),
  }),
  StoryPage: pageOf(obj({ article: ref('Article'), roles: arr(s('string')), events: s('integer'), quotes: s('integer') })),
  Stats: obj({ articles: s('integer'), events: s('integer'), happenings: s('integer'), quotes: s('integer') }),
  RuleList: obj({ items: arr(ref('Rule')) }),
  RuleMeanings: obj({ id: s('string'), meanings: arr(obj({ stage: s('string'), entries: arr(ref('Rule')) })) }),
  Rule: obj({ id: s('string'), stage: s('string'), description: s('string'), source: s('string', { description: 'the file that declares it' }) }),
  Error: obj({ error: obj({ status: s('integer'), code: s('string'), message: s('string') }) }),
};

const STATUS_TEXT: Record<number, string> = {
  400: 'bad parameters', 403: 'ingest is not allowed (start the server with --allow-ingest)', 404: 'not found',
  405: 'method not allowed', 413: 'body too large', 415: 'body is not JSON', 422: 'the article is unusable',
};

function parameterSchema(spec: ParamSpec): Json {
  switch (spec.kind) {
    case 'date': return s('string', { format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
    case 'int': return s('integer', { ...(spec.min !== undefined ? { minimum: spec.min } : {}), ...(spec.max !== undefined ? { maximum: spec.max } : {}) });
    case 'quad': return s('integer', { minimum: Math.min(...QUAD_CLASS_NUMBERS), maximum: Math.max(...QUAD_CLASS_NUMBERS) });
    case 'actor-pair': return s('string', { pattern: '^[^,]+,[^,]+$' });
    default: return s('string', { maxLength: 200 });
  }
}

export function openApiDocument(routes: readonly Route[]): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const parameters = [
      ...Object.entries(route.pathParams ?? {}).map(([name, description]) => ({ name, in: 'path', required: true, description, schema: s('string') })),
      ...Object.entries(route.query).map(([name, spec]) => ({ name, in: 'query', required: !!spec.required, description: spec.description, schema: parameterSchema(spec) })),
    ];
    const responses: Json = {
      [route.method === 'POST' ? '201' : '200']: { description: 'success', content: { 'application/json': { schema: ref(route.response) } } },
    };
    for (const status of new Set([...(route.errors ?? []), 405])) {
      responses[String(status)] = { description: STATUS_TEXT[status] ?? 'error', content: { 'application/json': { schema: ref('Error') } } };
    }
    const operation: Json = { summary: route.summary, operationId: operationId(route), parameters, responses };
    if (route.method === 'POST') {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: obj({ text: s('string'), id: s('string'), title: s('string'), outlet: s('string'), url: s('string'), published: s('string', { format: 'date' }) }, ['text']) } },
      };
    }
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation;
  }
  paths['/api/openapi.json'] = { get: { summary: 'This document', operationId: 'openapi', responses: { 200: { description: 'the OpenAPI document' } } } };
  return {
    openapi: '3.1.0',
    info: {
      title: 'dossier API', version: ENGINE_VERSION,
      description: 'Read-only access to a dossier corpus store: articles and their analyses, events, happenings, quotes, dyad series and search. '
        + 'Errors are JSON {error: {status, code, message}}. Writing (POST /api/articles) needs a server started with --allow-ingest.',
    },
    paths,
    components: { schemas: SCHEMAS },
  };
}

function operationId(route: Route): string {
  const words = route.path.replace(/^\/api\//, '').split('/').map((w) => w.replace(/[{}]/g, ''));
  return [route.method.toLowerCase(), ...words].map((w, i) => (i ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join('');
}
