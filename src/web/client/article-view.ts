import { get, seg } from './api.js';
import { actorLabel, actorList, eventBadge, LOW_CONFIDENCE, QUAD_NAMES, sourceLine, why } from './common.js';
import { h, href, mount, type Child } from './dom.js';
import type { Attribution, Entity, Result, ResultEvent, StoredEvent, Page } from './types.js';

/**
 * The article view: the text with every annotation laid over it. The text is cut at every
 * annotation boundary; each piece is a <span> carrying the classes of the annotations covering it,
 * and clicking a piece explains each of them (what it is, and the rule and stage that made it) and
 * lights up every part linked to it (an attribution's source, cue and content; an event's trigger,
 * actor and recipient). Layers can be switched off; event badges stand at their trigger. A long
 * article is shown a window at a time (the next one when the reader gets near it), so its cost
 * on opening does not grow with its length. Keyboard: one tab stop for the text, arrow keys
 * move between its marked pieces, Enter explains.
 */
type Mark =
  | { kind: 'content' | 'cue' | 'source'; attribution: number }
  | { kind: 'entity'; entity: number }
  | { kind: 'trigger'; event: number }
  | { kind: 'party'; event: number }
  | { kind: 'date'; date: number };

interface Layer { start: number; end: number; mark: Mark }

/** characters of text per window of a long article */
export const WINDOW_CHARS = 20_000;

const LAYER_TOGGLES: [string, string][] = [
  ['att', 'attributions'], ['entity', 'entities'], ['event', 'events'], ['date', 'dates'],
];

export async function articleView(root: HTMLElement, id: string): Promise<void> {
  const [result, events] = await Promise.all([
    get<Result>(`articles/${seg(id)}/result`),
    get<Page<StoredEvent>>('events', { article: id, limit: 200 }).catch(() => null),
  ]);
  const happeningOf = new Map<number, string>();
  for (const e of events?.items ?? []) if (e.happeningId) happeningOf.set(e.index, e.happeningId);
  const panel = h('aside', { class: 'why', id: 'why-panel', tabindex: '-1', 'aria-label': 'why it is marked' },
    h('p', { class: 'muted' }, 'Click a highlighted word (or move to it with the arrow keys and press Enter) to see why it is marked.'));
  const a = result.article;
  const textBox = h('div', { class: 'article-text', id: 'article-text', tabindex: '0', role: 'region', 'aria-label': 'article text; arrow keys move between marked words' });
  renderText(textBox, result, happeningOf, panel);
  mount(root,
    h('article', { class: 'article-view' },
      h('nav', { class: 'skip', 'aria-label': 'skip links' },
        h('a', { href: '#article-text', 'data-skip': 'article-text' }, 'Skip to the text'), ' ',
        h('a', { href: '#events-list', 'data-skip': 'events-list' }, 'Skip to the events'), ' ',
        h('a', { href: '#why-panel', 'data-skip': 'why-panel' }, 'Skip to the explanation')),
      h('h1', { id: 'article-title' }, a.title ?? a.id),
      h('p', { class: 'meta' }, sourceLine(a), a.url ? [' \u00b7 ', h('a', { href: safeUrl(a.url), rel: 'noreferrer noopener' }, 'original')] : null,
        ` \u00b7 ${result.attributions.length} attributions, ${result.events.length} events, ${result.entities.length} entities`),
      layerToggles(textBox),
      legend(),
      h('div', { class: 'columns' }, textBox, panel),
      eventsTable(result, happeningOf)));
  // skip links move the focus, not the URL (the hash is the page's route)
  root.querySelectorAll<HTMLAnchorElement>('a[data-skip]').forEach((l) => l.addEventListener('click', (e) => {
    e.preventDefault();
    const target = document.getElementById(l.dataset.skip!);
    target?.focus();
    target?.scrollIntoView({ block: 'start' });
  }));
}

/** Only web links become links; anything else (javascript:, data:) is shown as text. */
function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '#';
}

function layerToggles(textBox: HTMLElement): HTMLElement {
  return h('fieldset', { class: 'layers', id: 'layer-toggles' }, h('legend', {}, 'Show'),
    LAYER_TOGGLES.map(([layer, label]) => {
      const box = h('input', { type: 'checkbox', checked: true, 'data-layer': layer }) as HTMLInputElement;
      box.addEventListener('change', () => textBox.classList.toggle(`hide-${layer}`, !box.checked));
      return h('label', {}, box, ` ${label} `);
    }));
}

function legend(): HTMLElement {
  return h('p', { class: 'legend' },
    h('span', { class: 'key att-content' }, 'attributed words'), ' ',
    h('span', { class: 'key att-source' }, 'source'), ' ',
    h('span', { class: 'key att-cue' }, 'cue'), ' ',
    h('span', { class: 'key entity' }, 'entity'), h('sup', { class: 'tag' }, 'country\u00b7sector'), ' ',
    h('span', { class: 'key trigger' }, 'event trigger'), ' ',
    h('span', { class: 'key date' }, 'date'), ' ',
    h('span', { class: 'key low-confidence' }, 'uncertain (confidence below 0.5)'), ' ',
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
  result.events.forEach((ev, i) => {
    out.push({ start: ev.trigger.start, end: ev.trigger.end, mark: { kind: 'trigger', event: i } });
    for (const p of [...ev.actor, ...ev.recipient]) if (p.span) out.push({ start: p.span.start, end: p.span.end, mark: { kind: 'party', event: i } });
  });
  result.dates.forEach((d, i) => out.push({ start: d.span.start, end: d.span.end, mark: { kind: 'date', date: i } }));
  const n = result.article.text.length;
  return out.filter((l) => l.start >= 0 && l.end <= n && l.start < l.end);
}

/** the key that links the parts of one annotation (data-keys) */
const keyOf = (m: Mark) => (m.kind === 'entity' ? `n${m.entity}` : m.kind === 'trigger' || m.kind === 'party' ? `v${m.event}` : m.kind === 'date' ? `d${m.date}` : `a${m.attribution}`);
const classOf = (m: Mark) => (m.kind === 'content' || m.kind === 'cue' || m.kind === 'source' ? `att-${m.kind}` : m.kind === 'party' ? 'ev-party' : m.kind);

interface Piece { start: number; end: number; marks: Mark[] }

/** The text cut at every boundary, each piece with the marks covering it: one sweep, linear in text and marks. */
function pieces(text: string, all: Layer[], cuts: Set<number>): Piece[] {
  for (const l of all) { cuts.add(l.start); cuts.add(l.end); }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((x, y) => x - y);
  const byStart = [...all].sort((x, y) => x.start - y.start);
  const out: Piece[] = [];
  let active: Layer[] = [];
  let next = 0;
  for (let k = 0; k + 1 < points.length; k++) {
    const start = points[k]!, end = points[k + 1]!;
    active = active.filter((l) => l.end > start);
    while (next < byStart.length && byStart[next]!.start <= start) { if (byStart[next]!.end > start) active.push(byStart[next]!); next++; }
    out.push({ start, end, marks: active.map((l) => l.mark) });
  }
  return out;
}

function renderText(box: HTMLElement, result: Result, happeningOf: Map<number, string>, panel: HTMLElement): void {
  const text = result.article.text;
  const all = layers(result);
  const cuts = new Set<number>([0, text.length]);
  // badges stand right after their trigger; entity tags after each mention
  // (made when their window is shown, so a long article pays only for what is on screen)
  const after = new Map<number, (() => Node)[]>();
  const addAfter = (at: number, make: () => Node) => { cuts.add(at); (after.get(at) ?? after.set(at, []).get(at)!).push(make); };
  result.entities.forEach((ent, i) => {
    const code = [ent.country, ent.sector].filter(Boolean).join('\u00b7');
    if (code) for (const m of ent.mentions) addAfter(m.end, () => h('sup', { class: 'tag', 'data-entity': i }, code));
  });
  result.events.forEach((ev, i) => addAfter(Math.min(ev.trigger.end, text.length), () => {
    const badge = eventBadge({ ...ev, confidence: ev.provenance.confidence },
      { 'data-event': String(i), 'data-keys': `v${i}`, title: `${QUAD_NAMES[ev.quadClass]}; ${why(ev.provenance)}`, tabindex: '-1' });
    badge.addEventListener('click', () => choose(box, panel, result, [{ kind: 'trigger', event: i }], happeningOf, badge));
    return h('span', { class: 'badges' }, ' ', badge);
  }));
  const list = pieces(text, all, cuts);
  const lowAttribution = new Set(result.attributions.flatMap((a, i) => (a.provenance.confidence < LOW_CONFIDENCE ? [i] : [])));
  const lowEvent = new Set(result.events.flatMap((e, i) => (e.provenance.confidence < LOW_CONFIDENCE ? [i] : [])));
  const render = (from: number, to: number): Node[] => {
    const out: Node[] = [];
    for (let k = from; k < to; k++) {
      const p = list[k]!;
      const piece = text.slice(p.start, p.end);
      if (!p.marks.length) out.push(document.createTextNode(piece));
      else {
        const classes = new Set(p.marks.map(classOf));
        const low = p.marks.some((m) => ('attribution' in m && lowAttribution.has(m.attribution)) || ('event' in m && m.kind === 'trigger' && lowEvent.has(m.event)));
        const span = h('span', {
          class: `seg ${[...classes].join(' ')}${low ? ' low-confidence' : ''}`, title: p.marks.map((m) => hoverText(result, m)).join('\n'),
          tabindex: '-1', 'data-keys': [...new Set(p.marks.map(keyOf))].join(' '),
        }, piece);
        span.addEventListener('click', () => choose(box, panel, result, p.marks, happeningOf, span));
        out.push(span);
      }
      const extra = after.get(p.end);
      if (extra) for (const make of extra) out.push(make());
    }
    return out;
  };
  // windows end at a line break after WINDOW_CHARS characters, so no paragraph is cut
  const windows: [number, number][] = [];
  let first = 0;
  for (let k = 0; k < list.length; k++) {
    const p = list[k]!;
    const lineBreak = text.lastIndexOf('\n', p.end - 1) >= p.start;
    if (p.end - list[first]!.start >= WINDOW_CHARS && (lineBreak || p.end - list[first]!.start >= 2 * WINDOW_CHARS)) {
      windows.push([first, k + 1]);
      first = k + 1;
    }
  }
  if (first < list.length) windows.push([first, list.length]);
  box.replaceChildren(...render(...(windows[0] ?? [0, 0])));
  let shown = 1;
  if (windows.length > 1) {
    const more = h('button', { type: 'button', class: 'more', id: 'more-text' }, '');
    const label = () => { more.textContent = `Show more of the article (part ${shown + 1} of ${windows.length})`; };
    const showNext = () => {
      more.before(...render(...windows[shown]!));
      shown++;
      if (shown >= windows.length) { observer?.disconnect(); more.remove(); } else label();
    };
    label();
    more.addEventListener('click', showNext);
    // the next window comes when the reader scrolls near it; the button does the same by keyboard
    const observer = typeof IntersectionObserver === 'function'
      ? new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) showNext(); }, { rootMargin: '600px' }) : null;
    box.append(more);
    observer?.observe(more);
  }
  box.addEventListener('keydown', (e) => moveFocus(box, e));
}

/** Arrow keys move between the marked pieces and badges of the text; Enter or space explains the one in focus. */
function moveFocus(box: HTMLElement, e: KeyboardEvent): void {
  const items = [...box.querySelectorAll<HTMLElement>('.seg, .badge')];
  const at = items.indexOf(document.activeElement as HTMLElement);
  if (e.key === 'ArrowRight' || e.key === 'ArrowDown') { e.preventDefault(); items[Math.min(items.length - 1, at + 1)]?.focus(); }
  else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') { e.preventDefault(); items[Math.max(0, at - 1)]?.focus(); }
  else if ((e.key === 'Enter' || e.key === ' ') && at >= 0) { e.preventDefault(); items[at]!.click(); }
}

/** Explains the marks of a clicked piece and lights up every part linked to them. */
function choose(box: HTMLElement, panel: HTMLElement, result: Result, marks: Mark[], happeningOf: Map<number, string>, from: HTMLElement): void {
  box.querySelectorAll('.linked').forEach((n) => n.classList.remove('linked'));
  for (const key of (from.dataset.keys ?? '').split(' ').filter(Boolean)) {
    box.querySelectorAll(`[data-keys~="${key}"]`).forEach((n) => n.classList.add('linked'));
  }
  explain(panel, result, marks, happeningOf);
}

function hoverText(result: Result, m: Mark): string {
  if (m.kind === 'entity') {
    const e = result.entities[m.entity]!;
    return `${e.name} (${e.type}${e.country ? `, ${e.country}` : ''}${e.sector ? ` ${e.sector}` : ''}): ${why(e.provenance)}`;
  }
  if (m.kind === 'trigger') { const e = result.events[m.event]!; return `${e.type} event: ${why(e.provenance)}`; }
  if (m.kind === 'party') { const e = result.events[m.event]!; return `a party of a ${e.type} event`; }
  if (m.kind === 'date') { const d = result.dates[m.date]!; return `date ${d.date}${d.endDate ? ` to ${d.endDate}` : ''}: ${why(d.provenance)}`; }
  const a = result.attributions[m.attribution]!;
  return `${m.kind} of a ${a.kind} attribution to ${a.speaker ? actorLabel(a.speaker) : 'an unknown speaker'}: ${why(a.provenance)}`;
}

/** The side panel: every annotation covering the clicked words, and why each exists. */
function explain(panel: HTMLElement, result: Result, marks: Mark[], happeningOf: Map<number, string>): void {
  const seen = new Set<string>();
  const cards: HTMLElement[] = [];
  for (const m of marks) {
    const key = keyOf(m);
    if (seen.has(key)) continue;
    seen.add(key);
    if (m.kind === 'entity') cards.push(entityCard(result.entities[m.entity]!));
    else if (m.kind === 'trigger' || m.kind === 'party') cards.push(eventCard(result.events[m.event]!, happeningOf.get(m.event)));
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

/** events listed at first under the text; the rest on request */
const EVENTS_SHOWN = 100;

function eventsTable(result: Result, happeningOf: Map<number, string>): HTMLElement | null {
  if (!result.events.length) return null;
  const item = (e: ResultEvent, i: number) => h('li', {},
      eventBadge({ ...e, confidence: e.provenance.confidence }), ' ', h('span', { class: 'muted' }, e.date ?? ''), ' ',
      happeningOf.has(i) ? h('a', { href: href(`happening/${encodeURIComponent(happeningOf.get(i)!)}`) }, 'other reports') : null);
  const list = h('ul', {}, result.events.slice(0, EVENTS_SHOWN).map(item));
  const rest = result.events.length - EVENTS_SHOWN;
  const more = rest > 0 ? h('button', { type: 'button', class: 'more' }, `Show the other ${rest} events`) : null;
  more?.addEventListener('click', () => { list.append(...result.events.slice(EVENTS_SHOWN).map((e, k) => item(e, k + EVENTS_SHOWN))); more.remove(); });
  return h('section', { class: 'events', id: 'events-list', tabindex: '-1' }, h('h2', {}, 'Events'), list, more);
}
