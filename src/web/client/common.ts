import { h, href, type Child } from './dom.js';
import type { ActorRef, Provenance } from './types.js';

/** Pieces shared by several views: actor names, quad classes, event badges, pagers, errors. */
export const QUAD_NAMES: Record<number, string> = {
  1: 'verbal cooperation', 2: 'material cooperation', 3: 'verbal conflict', 4: 'material conflict',
};

export function actorCode(a: ActorRef): string {
  return [a.country, a.sector].filter(Boolean).join('\u00b7');
}

export function actorLabel(a: ActorRef): string {
  const code = actorCode(a);
  return code ? `${a.name} (${code})` : a.name;
}

export function actorList(list: readonly ActorRef[]): string {
  return list.length ? list.map(actorLabel).join(', ') : 'unknown';
}

export function why(p: Provenance): string {
  return `rule ${p.rule}, stage ${p.stage} ${p.version}, confidence ${p.confidence.toFixed(2)}${p.evidence ? `, evidence: ${p.evidence}` : ''}`;
}

/** An event as a small badge: TYPE actor -> recipient [modality]. */
export function eventBadge(e: { type: string; actor: ActorRef[]; recipient: ActorRef[]; modality: string; quadClass: number }, attrs: Record<string, string> = {}): HTMLElement {
  return h('span', { class: `badge quad-${e.quadClass}`, ...attrs },
    h('b', {}, e.type), ' ', actorList(e.actor), e.recipient.length ? ` \u2192 ${actorList(e.recipient)}` : null,
    e.modality !== 'asserted' ? h('i', { class: 'modality' }, ` ${e.modality}`) : null);
}

export function pager(total: number, limit: number, offset: number, link: (offset: number) => string): HTMLElement {
  const last = Math.min(total, offset + limit);
  return h('nav', { class: 'pager' },
    offset > 0 ? h('a', { href: link(Math.max(0, offset - limit)) }, '\u2190 previous') : null,
    h('span', { class: 'muted' }, total ? ` ${offset + 1}\u2013${last} of ${total} ` : ' nothing found '),
    last < total ? h('a', { href: link(offset + limit) }, 'next \u2192') : null);
}

export function errorView(e: unknown): HTMLElement {
  return h('p', { class: 'error', role: 'alert' }, e instanceof Error ? e.message : String(e));
}

export function articleLink(a: { id: string; title: string | null; sourceId?: string }, children?: Child): HTMLElement {
  return h('a', { href: href(`article/${encodeURIComponent(a.id)}`) }, children ?? a.title ?? a.sourceId ?? a.id);
}

export function sourceLine(s: { outlet: string | null; published: string | null }): string {
  return [s.outlet ?? 'unknown outlet', s.published ?? 'undated'].join(' \u00b7 ');
}
