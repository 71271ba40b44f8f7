import type { RawArticle } from '../../src/ingest/article.js';
import type { ActorRefJson, AttributionJson, EventJson, Result, SpanJson } from '../../src/result/schema.js';
import { ENGINE_VERSION } from '../../src/version.js';

/**
 * Builds analysis results by hand for store tests, so merging is tested on exactly the events
 * and quotes we mean, whatever the engine's stages find today.
 */
export interface EventSpec {
  type: string;
  trigger: string;
  actor: ActorRefJson[];
  recipient?: ActorRefJson[];
  date?: string | null;
  modality?: EventJson['modality'];
  quadClass?: number;
  score?: number;
  cameo?: string | null;
}

export interface QuoteSpec {
  content: string;
  speaker: ActorRefJson | null;
  kind?: AttributionJson['kind'];
}

const PROV = { stage: 'test', version: '0', rule: 'test.hand', confidence: 1 };

export const actor = (name: string, country: string | null, sector: string | null = null): ActorRefJson => ({ name, country, sector });

function span(text: string, part: string): SpanJson {
  const start = text.indexOf(part);
  if (start < 0) throw new Error(`"${part}" is not in the text`);
  return { start, end: start + part.length, text: part };
}

export function article(id: string, text: string, meta: Partial<RawArticle> = {}): RawArticle {
  return { id, text, published: null, outlet: null, url: null, title: null, origin: id, ...meta };
}

/** `persons`: names the article's entities give as PERSON (they key parties by name in merging) */
export function resultFor(a: RawArticle, events: EventSpec[] = [], quotes: QuoteSpec[] = [], persons: string[] = []): Result {
  const sentence = (s: SpanJson): SpanJson => {
    const start = a.text.lastIndexOf('.', s.start) + 1;
    const stop = a.text.indexOf('.', s.end);
    const end = stop < 0 ? a.text.length : stop + 1;
    return { start, end, text: a.text.slice(start, end) };
  };
  return {
    article: { id: a.id, text: a.text, published: a.published, outlet: a.outlet, url: a.url, title: a.title },
    attributions: quotes.map((q) => ({
      kind: q.kind ?? 'direct', content: span(a.text, q.content), cue: null, source: null, speaker: q.speaker, via: [], parent: null, provenance: PROV,
    })),
    events: events.map((e) => {
      const trigger = span(a.text, e.trigger);
      return {
        type: e.type, mode: null, modality: e.modality ?? 'asserted', actor: e.actor, recipient: e.recipient ?? [], trigger,
        sentence: sentence(trigger), date: e.date === undefined ? a.published : e.date, attribution: null, cameo: e.cameo ?? null,
        quadClass: e.quadClass ?? 3, score: e.score ?? -4, provenance: PROV,
      };
    }),
    entities: persons.map((name) => ({ name, type: 'PERSON' as const, country: null, sector: null, role: null, mentions: [], provenance: PROV })),
    dates: [], sentences: [], diagnostics: [],
    engine: { name: 'dossier', version: ENGINE_VERSION, stages: [] },
  };
}
