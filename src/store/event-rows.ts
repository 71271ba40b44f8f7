import type { ActorRefJson } from '../result/schema.js';
import type { StoredEvent } from './store.js';

/**
 * A stored event as both engines select it (the event joined to its article) and its mapping to the
 * store's StoredEvent: one definition, so the two engines cannot drift in what an event row means.
 */
export interface EventRow {
  rowid: number; idx: number; type: string; mode: string | null; modality: string; date: string | null;
  quad: number; score: number; cameo: string | null; trigger: string; sentence: string; confidence: number;
  actor_json: string; recipient_json: string; happening_rowid: number | null;
  article_id: string; outlet: string | null; url: string | null; published: string | null; title: string | null;
}

/** The columns of an EventRow, over `event e JOIN article a`. */
export const EVENT_COLUMNS = `e.rowid, e.idx, e.type, e.mode, e.modality, e.date, e.quad, e.score, e.cameo, e.trigger, e.sentence,
  e.confidence, e.actor_json, e.recipient_json, e.happening_rowid, a.id AS article_id, a.outlet, a.url, a.published, a.title`;

export function toStoredEvent(r: EventRow): StoredEvent {
  return {
    id: `${r.article_id}.e${r.idx}`, articleId: r.article_id, index: r.idx, type: r.type, mode: r.mode, modality: r.modality,
    actor: JSON.parse(r.actor_json) as ActorRefJson[], recipient: JSON.parse(r.recipient_json) as ActorRefJson[],
    date: r.date, quadClass: r.quad, score: r.score, cameo: r.cameo, trigger: r.trigger, sentence: r.sentence,
    confidence: r.confidence, happeningId: r.happening_rowid === null ? null : `h${r.happening_rowid}`,
    source: { articleId: r.article_id, outlet: r.outlet, url: r.url, published: r.published, title: r.title },
  };
}
