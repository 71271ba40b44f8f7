import type { Annotation } from '../core/annotation.js';
import type { Document } from '../core/document.js';
import type { ActorRefData } from '../core/layers.js';
import type { Provenance } from '../core/provenance.js';
import { spanOf, type Range } from '../core/span.js';
import type { Stage } from '../core/stage.js';
import { mentionsByEntity } from '../text/lookup.js';
import { ENGINE_VERSION } from '../version.js';
import type { ActorRefJson, Result, SpanJson } from './schema.js';

/**
 * Turns an analysed document into the result format. Relations between annotations (ids) become
 * indices into the result's arrays; every item carries the provenance of its annotation.
 */
export function buildResult(doc: Document, stages: readonly Pick<Stage, 'name' | 'version'>[]): Result {
  const text = doc.text;
  const span = (r: Range): SpanJson => spanOf(text, r.start, r.end);
  const actor = (a: ActorRefData): ActorRefJson => ({
    name: a.name, country: a.country, sector: a.sector, ...(a.span ? { span: span(a.span) } : {}),
  });
  const prov = (a: Annotation): Provenance => a.provenance;
  const mentions = mentionsByEntity(doc);

  const attributions = doc.layer('attribution');
  const attributionIndex = new Map(attributions.map((a, i) => [a.id, i]));
  const indexOf = (id: number | null) => (id === null ? null : attributionIndex.get(id) ?? null);

  return {
    article: {
      id: doc.meta.id, text, published: doc.meta.published, outlet: doc.meta.outlet, url: doc.meta.url, title: doc.meta.title,
    },
    attributions: attributions.map((a) => ({
      kind: a.data.kind,
      content: span(a.data.content),
      ...(a.data.contentParts ? { contentParts: a.data.contentParts.map(span) } : {}),
      cue: a.data.cue ? span(a.data.cue) : null,
      source: a.data.source ? span(a.data.source) : null,
      speaker: a.data.speaker ? actor(a.data.speaker) : null,
      via: a.data.via.map(actor),
      parent: indexOf(a.data.parent),
      provenance: prov(a),
    })),
    events: doc.layer('event').map((e) => ({
      type: e.data.type, mode: e.data.mode, modality: e.data.modality,
      actor: e.data.actor.map(actor), recipient: e.data.recipient.map(actor),
      trigger: span(e.data.trigger), sentence: span(e.data.sentence), date: e.data.date,
      attribution: indexOf(e.data.attribution), cameo: e.data.cameo, quadClass: e.data.quadClass, score: e.data.score,
      ...(e.data.location ? { location: { name: e.data.location.name, country: e.data.location.country, span: span(e.data.location.span) } } : {}),
      provenance: prov(e),
    })),
    entities: doc.layer('entity').map((e) => ({
      name: e.data.name, type: e.data.type, country: e.data.country, sector: e.data.sector, role: e.data.role,
      mentions: (mentions.get(e.id) ?? []).map(span), provenance: prov(e),
    })),
    dates: doc.layer('date').map((d) => ({
      span: span(d), date: d.data.date, ...(d.data.endDate ? { endDate: d.data.endDate } : {}),
      granularity: d.data.granularity, relation: d.data.relation, provenance: prov(d),
    })),
    sentences: doc.layer('sentence').map((s) => ({ start: s.start, end: s.end })),
    diagnostics: doc.diagnostics.map((d) => ({
      severity: d.severity, code: d.code, message: d.message,
      ...(d.stage ? { stage: d.stage } : {}), ...(d.range ? { span: span(d.range) } : {}),
    })),
    engine: { name: 'dossier', version: ENGINE_VERSION, stages: stages.map((s) => ({ name: s.name, version: s.version })) },
  };
}
