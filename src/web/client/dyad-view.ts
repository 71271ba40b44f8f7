import { get } from './api.js';
import { articleLink, eventBadge, QUAD_NAMES, sourceLine } from './common.js';
import { h, href, mount, svg } from './dom.js';
import type { Happening, Page, SeriesPoint } from './types.js';

/**
 * The dyad view: two actors, their happenings per day as bars stacked by quad class, the mean score
 * as a line over them; clicking a day lists that day's happenings with every report of each.
 */
export async function dyadView(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const a = params.get('a')?.trim() || 'USA';
  const b = params.get('b')?.trim() || 'IRN';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const form = h('form', { class: 'dyad-form', id: 'dyad-form' },
    h('label', {}, 'Actor ', h('input', { name: 'a', value: a, list: 'actor-codes', maxlength: 200, 'aria-label': 'first actor' })),
    h('label', {}, ' and ', h('input', { name: 'b', value: b, list: 'actor-codes', maxlength: 200, 'aria-label': 'second actor' })),
    h('label', {}, ' from ', h('input', { name: 'from', type: 'date', value: from })),
    h('label', {}, ' to ', h('input', { name: 'to', type: 'date', value: to })),
    ' ', h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    location.hash = href('dyad', Object.fromEntries([...data.entries()].map(([k, v]) => [k, String(v)])));
  });
  const [series, known] = await Promise.all([
    get<{ points: SeriesPoint[] }>('dyads/series', { a, b, from: from || undefined, to: to || undefined }),
    get<Page<Happening>>('happenings', { limit: 200 }).catch(() => null),
  ]);
  form.append(actorChoices(known?.items ?? []));
  const dayList = h('section', { class: 'day', id: 'day-happenings' });
  const total = series.points.reduce((n, p) => n + p.total, 0);
  mount(root,
    h('h1', {}, `${a} \u2194 ${b}`), form,
    h('p', { class: 'muted', id: 'dyad-summary' }, `${total} happenings on ${series.points.length} days`),
    series.points.length ? chart(series.points, (day) => void showDay(dayList, a, b, day)) : h('p', {}, 'No happenings between these actors.'),
    quadLegend(), dayList);
}

/** The countries (and country+sector codes) of recent happenings, offered while typing an actor. */
function actorChoices(items: Happening[]): HTMLElement {
  const codes = new Set<string>();
  for (const x of items) for (const code of [...x.actorCodes, ...x.recipientCodes]) { codes.add(code.slice(0, 3)); codes.add(code); }
  return h('datalist', { id: 'actor-codes' }, [...codes].sort().map((c) => h('option', { value: c })));
}

function quadLegend(): HTMLElement {
  return h('p', { class: 'legend' }, [1, 2, 3, 4].map((q) => h('span', { class: `swatch-label` }, h('span', { class: `swatch quad-fill-${q}` }), ` ${QUAD_NAMES[q]} `)),
    h('span', { class: 'swatch-label' }, h('span', { class: 'swatch line' }), ' mean score (\u221210 to +10)'));
}

/** Every day from the first to the last point, so that quiet days show as gaps. */
function days(points: SeriesPoint[]): string[] {
  const first = Date.parse(`${points[0]!.date}T00:00:00Z`), last = Date.parse(`${points[points.length - 1]!.date}T00:00:00Z`);
  const out: string[] = [];
  for (let t = first; t <= last && out.length < 3660; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

function chart(points: SeriesPoint[], onDay: (day: string) => void): SVGElement {
  const byDay = new Map(points.map((p) => [p.date, p]));
  const all = days(points);
  const W = 860, H = 300, left = 40, right = 40, top = 16, bottom = 40;
  const plotW = W - left - right, plotH = H - top - bottom;
  const maxCount = Math.max(1, ...points.map((p) => p.total));
  const step = plotW / all.length;
  const barW = Math.max(2, Math.min(40, step * 0.8));
  const y = (n: number) => top + plotH - (n / maxCount) * plotH;
  const yScore = (s: number) => top + plotH / 2 - (s / 10) * (plotH / 2);
  const x = (i: number) => left + i * step + (step - barW) / 2;
  const bars: SVGElement[] = [];
  const line: string[] = [];
  all.forEach((day, i) => {
    const p = byDay.get(day);
    if (!p) return;
    let base = 0;
    const stack = ([1, 2, 3, 4] as const).filter((q) => p.quad[q] > 0).map((q) => {
      const r = svg('rect', { x: x(i), y: y(base + p.quad[q]), width: barW, height: y(base) - y(base + p.quad[q]), class: `quad-fill-${q}` });
      base += p.quad[q];
      return r;
    });
    const group = svg('g', { class: 'day-bar', 'data-date': day, tabindex: '0', role: 'button', 'aria-label': `${day}: ${p.total} happenings` },
      svg('title', {}, `${day}: ${p.total} happenings, mean score ${p.meanScore.toFixed(1)}`),
      svg('rect', { x: left + i * step, y: top, width: step, height: plotH, class: 'hit' }), ...stack);
    group.addEventListener('click', () => { document.querySelectorAll('.day-bar.selected').forEach((n) => n.classList.remove('selected')); group.classList.add('selected'); onDay(day); });
    group.addEventListener('keydown', (e) => { if ((e as KeyboardEvent).key === 'Enter') onDay(day); });
    bars.push(group);
    line.push(`${left + i * step + step / 2},${yScore(p.meanScore)}`);
  });
  const ticks = all.map((d, i) => ({ d, i })).filter(({ i }) => i % Math.ceil(all.length / 8) === 0);
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', id: 'dyad-chart', role: 'img', 'aria-label': 'happenings per day' },
    svg('line', { x1: left, x2: W - right, y1: top + plotH, y2: top + plotH, class: 'axis' }),
    svg('line', { x1: left, x2: W - right, y1: yScore(0), y2: yScore(0), class: 'zero' }),
    svg('text', { x: left - 6, y: top + 10, class: 'label', 'text-anchor': 'end' }, String(maxCount)),
    svg('text', { x: left - 6, y: top + plotH, class: 'label', 'text-anchor': 'end' }, '0'),
    svg('text', { x: 12, y: top + plotH / 2, class: 'label', transform: `rotate(-90 12 ${top + plotH / 2})`, 'text-anchor': 'middle' }, 'happenings'),
    svg('text', { x: W - 8, y: top + plotH / 2, class: 'label score', transform: `rotate(90 ${W - 8} ${top + plotH / 2})`, 'text-anchor': 'middle' }, 'mean score'),
    svg('text', { x: W - right + 6, y: yScore(10) + 10, class: 'label score' }, '+10'),
    svg('text', { x: W - right + 6, y: yScore(-10), class: 'label score' }, '\u221210'),
    ...ticks.map(({ d, i }) => svg('text', { x: left + i * step + step / 2, y: H - bottom + 18, class: 'label', 'text-anchor': 'middle' }, d)),
    ...bars,
    line.length > 1 ? svg('polyline', { points: line.join(' '), class: 'score-line' }) : null,
    ...line.map((pt) => { const [cx, cy] = pt.split(','); return svg('circle', { cx: cx!, cy: cy!, r: 3, class: 'score-dot' }); }));
}

async function showDay(section: HTMLElement, a: string, b: string, day: string): Promise<void> {
  mount(section, h('h2', {}, day), h('p', { class: 'muted' }, 'Loading...'));
  const list = await get<Page<Happening>>('happenings', { dyad: `${a},${b}`, from: day, to: day, limit: 50 });
  const full = await Promise.all(list.items.map((x) => get<Happening>(`happenings/${encodeURIComponent(x.id)}`)));
  mount(section, h('h2', {}, `${day}: ${list.total} happening${list.total === 1 ? '' : 's'}`),
    h('ul', { class: 'happenings' }, full.map((x) => h('li', { class: 'happening' },
      eventBadge(x), ' ', h('a', { href: href(`happening/${encodeURIComponent(x.id)}`) }, `${x.sources} source${x.sources === 1 ? '' : 's'} side by side`),
      h('ul', { class: 'reports' }, x.reports.map((r) => h('li', {},
        articleLink({ id: r.articleId, title: r.source.title }), h('span', { class: 'muted' }, ` ${sourceLine(r.source)}`),
        h('blockquote', {}, r.sentence))))))));
}
