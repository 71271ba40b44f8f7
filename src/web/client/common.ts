import { h, href, type Child } from './dom.js';
import type { ActorRef, Provenance } from './types.js';

/** Pieces shared by several views: actor names, quad classes, event badges, pagers, errors. */
export const QUAD_NAMES: Record<number, string> = {
  1: 'verbal cooperation', 2: 'material cooperation', 3: 'verbal conflict', 4: 'material conflict',
};

/** Below this confidence a reading is shown as uncertain (dashed, with a question mark), wherever it appears. */
export const LOW_CONFIDENCE = 0.5;

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
export function eventBadge(e: { type: string; actor: ActorRef[]; recipient: ActorRef[]; modality: string; quadClass: number; confidence?: number },
  attrs: Record<string, string> = {}): HTMLElement {
  const low = e.confidence !== undefined && e.confidence < LOW_CONFIDENCE;
  return h('span', { class: `badge quad-${e.quadClass}${low ? ' low-confidence' : ''}`, ...attrs },
    h('b', {}, e.type), ' ', actorList(e.actor), e.recipient.length ? ` \u2192 ${actorList(e.recipient)}` : null,
    e.modality !== 'asserted' ? h('i', { class: 'modality' }, ` ${e.modality}`) : null,
    low ? h('span', { class: 'uncertain', title: `low confidence (${e.confidence!.toFixed(2)})` }, ' ?') : null);
}

export function pager(total: number, limit: number, offset: number, link: (offset: number) => string): HTMLElement {
  const last = Math.min(total, offset + limit);
  return h('nav', { class: 'pager', 'aria-label': 'pages' },
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

/** The list filters every list offers (outlet, dates, type, modality, minimum confidence), read from and written to the URL. */
export const LIST_FILTERS = ['outlet', 'from', 'to', 'type', 'modality', 'confidence'] as const;
export type ListFilters = Partial<Record<(typeof LIST_FILTERS)[number], string>>;

export function filtersOf(params: URLSearchParams, only: readonly string[] = LIST_FILTERS): ListFilters {
  const out: ListFilters = {};
  for (const k of LIST_FILTERS) { const v = params.get(k)?.trim(); if (v && only.includes(k)) out[k] = v; }
  return out;
}

/** A form of the filters `only`; submitting it goes to `route` with the filters (and `keep`) in the URL. */
export function filterForm(route: string, current: ListFilters, keep: Record<string, string | undefined> = {}, only: readonly string[] = LIST_FILTERS): HTMLElement {
  const field = (name: string, label: string, input: HTMLElement) => (only.includes(name) ? h('label', {}, `${label} `, input) : null);
  const form = h('form', { class: 'filters', id: 'list-filters', role: 'search', 'aria-label': 'filters' },
    field('outlet', 'outlet', h('input', { name: 'outlet', value: current.outlet ?? '', maxlength: 200 })),
    field('from', 'from', h('input', { name: 'from', type: 'date', value: current.from ?? '' })),
    field('to', 'to', h('input', { name: 'to', type: 'date', value: current.to ?? '' })),
    field('type', 'type', h('input', { name: 'type', value: current.type ?? '', maxlength: 20, placeholder: 'REJECT' })),
    field('modality', 'modality', h('select', { name: 'modality' }, ['', 'asserted', 'historical', 'future', 'hypothetical', 'negated']
      .map((m) => h('option', { value: m, selected: (current.modality ?? '') === m }, m || 'any')))),
    field('confidence', 'confidence at least', h('input', { name: 'confidence', type: 'number', min: 0, max: 1, step: 0.05, value: current.confidence ?? '' })),
    h('button', { type: 'submit' }, 'Filter'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const values: Record<string, string | undefined> = { ...keep };
    for (const k of only) { const v = String(data.get(k) ?? '').trim(); if (v) values[k] = v; }
    location.hash = href(route, values);
  });
  return form;
}
