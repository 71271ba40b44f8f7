import { get, seg } from './api.js';
import { actorLabel, actorList, eventBadge, QUAD_NAMES, sourceLine, why } from './common.js';
import { h, href, mount, type Child } from './dom.js';
import type { Attribution, Entity, Result, ResultEvent, StoredEvent, Page } from './types.js';

/**
 * The article view: the text with every annotation laid over it. The text is cut at every
 * annotation boundary; each piece is a <span> carrying the classes of the annotations covering it,
 * and clicking a piece explains each of them (what it is, and the rule and stage that made it).
 */
type Mark =
  | { kind: 'content' | 'cue' | 'source'; attribution: number }
  | { kind: 'entity'; entity: number }
  | { kind: 'trigger'; event: number }
  | { kind: 'date'; date: number };

interface Layer { start: number; end: number; mark: Mark }

export async function articleView(root: HTMLElement, id: string): Promise<void> {
  const [result, events] = await Promise.all([
    get<Result>(`articles/${seg(id)}/result`),
    get<Page<StoredEvent>>('events', { article: id, limit: 200 }).catch(() => null),
  ]);
  const happeningOf = new Map<number, string>();
  for (const e of events?.items ?? []) if (e.happeningId) happeningOf.set(e.index, e.happeningId);
  const panel = h('aside', { class: 'why', id: 'why-panel' }, h('p', { class: 'muted' }, 'Click a highlighted word to see why it is marked.'));
  const a = result.article;
  mount(root,
    h('article', { class: 'article-view' },
      h('h1', { id: 'article-title' }, a.title ?? a.id),
      h('p', { class: 'meta' }, sourceLine(a), a.url ? [' \u00b7 ', h('a', { href: safeUrl(a.url), rel: 'noreferrer noopener' }, 'original')] : null,
        ` \u00b7 ${result.attributions.length} attributions, ${result.events.length} events, ${result.entities.length} entities`),
      legend(),
      h('div', { class: 'columns' },
        h('div', { class: 'article-text', id: 'article-text' }, renderText(result, happeningOf, panel)),
        panel),
      eventsTable(result, happeningOf)));
}

/** Only web links become links; anything else (javascript:, data:) is shown as text. */
function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '#';
}

function legend(): HTMLElement {
  return h('p', { class: 'legend' },
    h('span', { class: 'key att-content' }, 'attributed words'), ' ',
    h('span', { class: 'key att-source' }, 'source'), ' ',
    h('span', { class: 'key att-cue' }, 'cue'), ' ',
    h('span', { class: 'key entity' }, 'entity'), h('sup', { class: 'tag' }, 'country\u00b7sector'), ' ',
    h('span', { class: 'key trigger' }, 'event trigger'), ' ',
    h('span', { class: 'key date' }, 'date'), ' ',
    ...[1, 2, 3, 4].map((q) => h('span', { class: `badge quad-${q}` }, QUAD_NAMES[q]!)));
}

function layers(result: Result): Layer[] {
  const out: Layer[] = [];
  result.attributions.forEach((att, i) => {
    for (const part of att.contentParts?.length ? att.contentParts : [att.content]) out.push({ start: part.start, end: part.end, mark: { kind: 'content', attribution: i } });
    if (att.cue) out.push({ start: att.cue.start, end: att.cue.end, mark: { kind: 'cue', attribution: i } });
    if (att.source) out.push({ start: att.source.start, end: att.source.end, mark: { kind: 'source', attribution: i } });
  });
  result.entities.forEach((ent, i) => { for (const m of ent.mentions) out.push({ start: m.start, end: m.end, mark: { kind: 'entity', entity: i } }); });
  result.events.forEach((ev, i) => out.push({ start: ev.trigger.start, end: ev.trigger.end, mark: { kind: 'trigger', event: i } }));
  result.dates.forEach((d, i) => out.push({ start: d.span.start, end: d.span.end, mark: { kind: 'date', date: i } }));
  const n = result.article.text.length;
  return out.filter((l) => l.start >= 0 && l.end <= n && l.start < l.end);
}

function renderText(result: Result, happeningOf: Map<number, string>, panel: HTMLElement): Child[] {
  const text = result.article.text;
  const all = layers(result);
  const cuts = new Set<number>([0, text.length]);
  for (const l of all) { cuts.add(l.start); cuts.add(l.end); }
  // Badges go after the sentence of their event; entity tags after each mention.
  const after = new Map<number, Child[]>();
  const addAfter = (at: number, node: Child) => { cuts.add(at); (after.get(at) ?? after.set(at, []).get(at)!).push(node); };
  result.entities.forEach((ent, i) => {
    const code = [ent.country, ent.sector].filter(Boolean).join('\u00b7');
    if (code) for (const m of ent.mentions) addAfter(m.end, h('sup', { class: 'tag', 'data-entity': i }, code));
  });
  result.events.forEach((ev, i) => {
    const at = Math.min(ev.sentence.end, text.length);
    const badge = eventBadge(ev, { 'data-event': String(i), title: `${QUAD_NAMES[ev.quadClass]}; ${why(ev.provenance)}`, tabindex: '0' });
    badge.addEventListener('click', () => explain(panel, result, [{ kind: 'trigger', event: i }], happeningOf));
    badge.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); badge.click(); } });
    addAfter(at, h('span', { class: 'badges' }, ' ', badge));
  });
  const points = [...cuts].sort((x, y) => x - y);
  const out: Child[] = [];
  for (let k = 0; k < points.length; k++) {
    const start = points[k]!, end = points[k + 1];
    if (end !== undefined && end > start) {
      const piece = text.slice(start, end);
      const covering = all.filter((l) => l.start <= start && l.end >= end).map((l) => l.mark);
      if (!covering.length) out.push(piece);
      else {
        const classes = new Set(covering.map((m) => (m.kind === 'content' || m.kind === 'cue' || m.kind === 'source' ? `att-${m.kind}` : m.kind)));
        const span = h('span', { class: `seg ${[...classes].join(' ')}`, title: covering.map((m) => hoverText(result, m)).join('\n'), tabindex: '0' }, piece);
        span.addEventListener('click', () => explain(panel, result, covering, happeningOf));
        span.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); span.click(); } });
        out.push(span);
      }
    }
    const extra = after.get(end ?? -1);
    if (extra && end !== undefined) out.push(...extra);
  }
  return out;
}

function hoverText(result: Result, m: Mark): string {
  if (m.kind === 'entity') {
    const e = result.entities[m.entity]!;
    return `${e.name} (${e.type}${e.country ? `, ${e.country}` : ''}${e.sector ? ` ${e.sector}` : ''}): ${why(e.provenance)}`;
  }
  if (m.kind === 'trigger') { const e = result.events[m.event]!; return `${e.type} event: ${why(e.provenance)}`; }
  if (m.kind === 'date') { const d = result.dates[m.date]!; return `date ${d.date}${d.endDate ? ` to ${d.endDate}` : ''}: ${why(d.provenance)}`; }
  const a = result.attributions[m.attribution]!;
  return `${m.kind} of a ${a.kind} attribution to ${a.speaker ? actorLabel(a.speaker) : 'an unknown speaker'}: ${why(a.provenance)}`;
}

/** The side panel: every annotation covering the clicked words, and why each exists. */
function explain(panel: HTMLElement, result: Result, marks: Mark[], happeningOf: Map<number, string>): void {
  const seen = new Set<string>();
  const cards: HTMLElement[] = [];
  for (const m of marks) {
    const key = m.kind === 'entity' ? `e${m.entity}` : m.kind === 'trigger' ? `v${m.event}` : m.kind === 'date' ? `d${m.date}` : `a${m.attribution}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (m.kind === 'entity') cards.push(entityCard(result.entities[m.entity]!));
    else if (m.kind === 'trigger') cards.push(eventCard(result.events[m.event]!, happeningOf.get(m.event)));
    else if (m.kind === 'date') cards.push(dateCard(result.dates[m.date]!));
    else cards.push(attributionCard(result.attributions[m.attribution]!));
  }
  mount(panel, h('h2', {}, 'Why'), cards);
}

const row = (label: string, value: Child) => h('div', { class: 'row' }, h('dt', {}, label), h('dd', {}, value));
const provenanceRows = (p: { rule: string; stage: string; version: string; confidence: number; evidence?: string }) => [
  row('rule', h('code', { class: 'rule' }, p.rule)), row('stage', `${p.stage} ${p.version}`), row('confidence', p.confidence.toFixed(2)),
  p.evidence ? row('evidence', p.evidence) : null,
];

function attributionCard(a: Attribution): HTMLElement {
  return h('section', { class: 'card attribution-card' }, h('h3', {}, `${a.kind} attribution`),
    h('dl', {},
      row('speaker', a.speaker ? actorLabel(a.speaker) : 'unknown'),
      a.via.length ? row('via', a.via.map(actorLabel).join(', ')) : null,
      row('source', a.source?.text ?? '\u2014'), row('cue', a.cue?.text ?? '\u2014'),
      row('content', h('q', {}, a.content.text)),
      ...provenanceRows(a.provenance)),
    a.speaker ? h('a', { href: href('stories', { speaker: a.speaker.name }), class: 'story-link' }, `quotes of ${a.speaker.name} across outlets \u2192`) : null);
}

function entityCard(e: Entity): HTMLElement {
  return h('section', { class: 'card entity-card' }, h('h3', {}, e.name),
    h('dl', {},
      row('type', e.type), row('country', e.country ?? '\u2014'), row('sector', e.sector ?? '\u2014'),
      e.role ? row('role', e.role) : null, row('mentions', String(e.mentions.length)),
      ...provenanceRows(e.provenance)),
    h('a', { href: href(`actor/${encodeURIComponent(e.name)}`), class: 'story-link' }, `articles with ${e.name} \u2192`));
}

function dateCard(d: Result['dates'][number]): HTMLElement {
  return h('section', { class: 'card date-card' }, h('h3', {}, 'date'),
    h('dl', {},
      row('words', d.span.text), row('day', d.endDate ? `${d.date} to ${d.endDate}` : d.date),
      row('precision', d.granularity), row('relative to publication', d.relation),
      ...provenanceRows(d.provenance)));
}

function eventCard(e: ResultEvent, happening: string | undefined): HTMLElement {
  return h('section', { class: 'card event-card' }, h('h3', {}, `${e.type} event`),
    h('dl', {},
      row('actor', actorList(e.actor)), row('recipient', actorList(e.recipient)), row('modality', e.modality),
      e.mode ? row('mode', e.mode) : null, row('date', e.date ?? '\u2014'),
      row('class', `${QUAD_NAMES[e.quadClass]} (score ${e.score})`), e.cameo ? row('CAMEO', e.cameo) : null,
      row('trigger', e.trigger.text), ...provenanceRows(e.provenance)),
    happening ? h('a', { href: href(`happening/${encodeURIComponent(happening)}`), class: 'story-link' }, 'every report of this \u2192') : null);
}

function eventsTable(result: Result, happeningOf: Map<number, string>): HTMLElement | null {
  if (!result.events.length) return null;
  return h('section', { class: 'events' }, h('h2', {}, 'Events'),
    h('ul', {}, result.events.map((e, i) => h('li', {},
      eventBadge(e), ' ', h('span', { class: 'muted' }, e.date ?? ''), ' ',
      happeningOf.has(i) ? h('a', { href: href(`happening/${encodeURIComponent(happeningOf.get(i)!)}`) }, 'other reports') : null))));
}
