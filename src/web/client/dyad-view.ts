import { get } from './api.js';
import { articleLink, eventBadge, LOW_CONFIDENCE, QUAD_NAMES, sourceLine } from './common.js';
import { h, href, mount, svg } from './dom.js';
import type { ChartBin, DyadSeries, Happening, Page, SeriesPoint } from './types.js';

/**
 * The dyad view: two actors, their happenings per day, week or month as bars stacked by quad
 * class and the mean score as a line over them (broken where a bin is empty, never bridged). The
 * axis is the requested range or the data's range without outliers, which are listed apart with
 * future-dated ones. Everything the view shows is in the URL (actors, range, direction,
 * modalities, volume, the clicked bin), so a view can be shared or reloaded as it is. The list
 * under the chart counts what the bar counts: the same actors, direction, modalities and days.
 */
const MODALITY_CHOICES: [string, string][] = [
  ['asserted', 'asserted (reported as happened)'],
  ['asserted,historical', 'asserted and historical'],
  ['all', 'every modality (also hypothetical, future, negated)'],
  ['hypothetical,future', 'hypothetical and future only'],
  ['negated', 'negated only'],
];

interface DyadState {
  a: string; b: string; from: string; to: string;
  /** 'both' (either direction), 'ab' (a acts on b) or 'ba' */
  direction: string;
  modality: string;
  volume: boolean;
  /** the first day of the clicked bin */
  bin: string;
}

function stateOf(params: URLSearchParams): DyadState {
  const modality = params.get('modality') ?? 'asserted';
  return {
    a: params.get('a')?.trim() || 'USA', b: params.get('b')?.trim() || 'IRN',
    from: params.get('from') ?? '', to: params.get('to') ?? '',
    direction: ['ab', 'ba'].includes(params.get('direction') ?? '') ? params.get('direction')! : 'both',
    modality: MODALITY_CHOICES.some(([v]) => v === modality) ? modality : 'asserted',
    volume: params.get('volume') === '1', bin: params.get('bin') ?? '',
  };
}

const link = (s: DyadState) => href('dyad', {
  a: s.a, b: s.b, from: s.from, to: s.to, direction: s.direction === 'both' ? undefined : s.direction,
  modality: s.modality === 'asserted' ? undefined : s.modality, volume: s.volume ? 1 : undefined, bin: s.bin,
});

/** the actor who acts first, in the chosen direction */
const ordered = (s: DyadState): [string, string] => (s.direction === 'ba' ? [s.b, s.a] : [s.a, s.b]);

export async function dyadView(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const s = stateOf(params);
  const form = h('form', { class: 'dyad-form', id: 'dyad-form' },
    h('label', {}, 'Actor ', h('input', { name: 'a', value: s.a, list: 'actor-codes', maxlength: 200 })),
    h('label', {}, ' and ', h('input', { name: 'b', value: s.b, list: 'actor-codes', maxlength: 200 })),
    h('label', {}, ' direction ', h('select', { name: 'direction' },
      [['both', 'either way'], ['ab', `${s.a} \u2192 ${s.b}`], ['ba', `${s.b} \u2192 ${s.a}`]].map(([v, t]) => h('option', { value: v!, selected: v === s.direction }, t!)))),
    h('label', {}, ' from ', h('input', { name: 'from', type: 'date', value: s.from })),
    h('label', {}, ' to ', h('input', { name: 'to', type: 'date', value: s.to })),
    h('label', {}, ' counting ', h('select', { name: 'modality', id: 'dyad-modality' },
      MODALITY_CHOICES.map(([v, t]) => h('option', { value: v, selected: v === s.modality }, t)))),
    h('label', {}, ' ', h('input', { name: 'volume', type: 'checkbox', value: '1', checked: s.volume }), ' share of all happenings'),
    ' ', h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const value = (k: string) => String(data.get(k) ?? '');
    location.hash = link({ a: value('a'), b: value('b'), from: value('from'), to: value('to'), direction: value('direction'),
      modality: value('modality'), volume: data.get('volume') === '1', bin: '' });
  });
  const [first, second] = ordered(s);
  const [series, known] = await Promise.all([
    get<DyadSeries>('dyads/series', {
      a: first, b: second, from: s.from || undefined, to: s.to || undefined, directed: s.direction === 'both' ? undefined : '1',
      modality: s.modality, volume: s.volume ? '1' : undefined,
    }),
    get<Page<Happening>>('happenings', { limit: 200 }).catch(() => null),
  ]);
  form.append(actorChoices(known?.items ?? []));
  const chart = series.chart;
  const dayList = h('section', { class: 'day', id: 'day-happenings', 'aria-live': 'polite' });
  const total = chart.bins.reduce((n, b) => n + b.total, 0);
  const arrow = s.direction === 'both' ? '\u2194' : '\u2192';
  const show = (bin: ChartBin) => {
    history.replaceState(null, '', link({ ...s, bin: bin.from }));
    void showBin(dayList, s, bin);
  };
  mount(root,
    h('h1', {}, `${first} ${arrow} ${second}`), form,
    h('p', { class: 'legend-text', id: 'dyad-counted' }, countedText(s, chart.bin)),
    h('p', { class: 'muted', id: 'dyad-summary' }, chart.from
      ? `${total} happenings from ${chart.from} to ${chart.to}, by ${chart.bin}${s.from || s.to ? ' (the range asked for)' : ''}`
      : 'No dated happenings between these actors.'),
    chart.bins.length ? drawChart(chart.bins, chart.bin, s.volume, s.bin, show) : null,
    quadLegend(s.volume),
    apart(chart.outliers, 'dyad-outliers', 'Left off the axis, far from the rest of the dates (often a year given without a day, or a misread date)'),
    apart(chart.future, 'dyad-future', 'Dated after the newest article (future or misread dates)'),
    dayList);
  const chosen = chart.bins.find((b) => b.from === s.bin);
  if (chosen) await showBin(dayList, s, chosen);
}

/** The legend's sentence: what a bar counts. */
function countedText(s: DyadState, bin: string): string {
  const choice = MODALITY_CHOICES.find(([v]) => v === s.modality)?.[0] ?? s.modality;
  const modalities = choice === 'all' ? 'of every modality' : `whose modality is ${choice.split(',').join(' or ')}`;
  const [first, second] = ordered(s);
  const who = s.direction === 'both' ? `between ${s.a} and ${s.b} in either direction` : `from ${first} to ${second}`;
  return `Each bar counts the happenings ${modalities} ${who} in one ${bin}: a happening counts once however many outlets report it`
    + `${s.volume ? ', as a share of all happenings of those modalities that ' + bin : ''}. The list below a clicked bar counts the same.`;
}

/** The countries (and country+sector codes) of recent happenings, offered while typing an actor. */
function actorChoices(items: Happening[]): HTMLElement {
  const codes = new Set<string>();
  for (const x of items) for (const code of [...x.actorCodes, ...x.recipientCodes]) { codes.add(code.slice(0, 3)); codes.add(code); }
  return h('datalist', { id: 'actor-codes' }, [...codes].sort().map((c) => h('option', { value: c })));
}

function quadLegend(volume: boolean): HTMLElement {
  return h('p', { class: 'legend' }, [1, 2, 3, 4].map((q) => h('span', { class: `swatch-label` }, h('span', { class: `swatch quad-fill-${q}` }), ` ${QUAD_NAMES[q]} `)),
    h('span', { class: 'swatch-label' }, h('span', { class: 'swatch line' }), ' mean score (\u221210 to +10)'),
    volume ? h('span', { class: 'swatch-label' }, ' bar height: share of all happenings') : null);
}

function apart(points: SeriesPoint[], id: string, title: string): HTMLElement | null {
  if (!points.length) return null;
  return h('section', { class: 'apart', id },
    h('h2', {}, title),
    h('ul', {}, points.map((p) => h('li', {}, `${p.date}: ${p.total} happening${p.total === 1 ? '' : 's'}`))));
}

const fmtShare = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;

function drawChart(bins: ChartBin[], size: string, volume: boolean, selected: string, onBin: (bin: ChartBin) => void): SVGElement {
  const W = 860, H = 300, left = 48, right = 40, top = 16, bottom = 40;
  const plotW = W - left - right, plotH = H - top - bottom;
  const value = (b: ChartBin, n: number) => (volume ? (b.all ? n / b.all : 0) : n);
  const maxValue = Math.max(volume ? 0.0001 : 1, ...bins.map((b) => value(b, b.total)));
  const step = plotW / bins.length;
  const barW = Math.max(1, Math.min(40, step * 0.8));
  const y = (v: number) => top + plotH - (v / maxValue) * plotH;
  const yScore = (sc: number) => top + plotH / 2 - (sc / 10) * (plotH / 2);
  const x = (i: number) => left + i * step + (step - barW) / 2;
  const bars: SVGElement[] = [];
  // the score line is cut at every empty bin: a line across a gap would show scores nobody reported
  const segments: string[][] = [[]];
  bins.forEach((b, i) => {
    if (b.meanScore === null) { if (segments[segments.length - 1]!.length) segments.push([]); return; }
    let base = 0;
    const stack = ([1, 2, 3, 4] as const).filter((q) => b.quad[q] > 0).map((q) => {
      const v = value(b, b.quad[q]);
      const r = svg('rect', { x: x(i), y: y(base + v), width: barW, height: y(base) - y(base + v), class: `quad-fill-${q}` });
      base += v;
      return r;
    });
    const label = `${b.from === b.to ? b.from : `${b.from} to ${b.to}`}: ${b.total} happening${b.total === 1 ? '' : 's'}`
      + `${volume && b.all ? ` of ${b.all} (${fmtShare(b.total / b.all)})` : ''}, mean score ${b.meanScore.toFixed(1)}`;
    const group = svg('g', { class: `day-bar${b.from === selected ? ' selected' : ''}`, 'data-date': b.from, 'data-to': b.to, 'data-total': b.total,
      tabindex: '0', role: 'button', 'aria-label': label },
      svg('title', {}, label), svg('rect', { x: left + i * step, y: top, width: step, height: plotH, class: 'hit' }), ...stack);
    const choose = () => { document.querySelectorAll('.day-bar.selected').forEach((n) => n.classList.remove('selected')); group.classList.add('selected'); onBin(b); };
    group.addEventListener('click', choose);
    group.addEventListener('keydown', (e) => { const k = (e as KeyboardEvent).key; if (k === 'Enter' || k === ' ') { e.preventDefault(); choose(); } });
    bars.push(group);
    segments[segments.length - 1]!.push(`${left + i * step + step / 2},${yScore(b.meanScore)}`);
  });
  const every = Math.ceil(bins.length / 8);
  const ticks = bins.map((b, i) => ({ b, i })).filter(({ i }) => i % every === 0);
  const top_ = volume ? fmtShare(maxValue) : String(maxValue);
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', id: 'dyad-chart', role: 'group', 'aria-label': `happenings per ${size}` },
    svg('line', { x1: left, x2: W - right, y1: top + plotH, y2: top + plotH, class: 'axis' }),
    svg('line', { x1: left, x2: W - right, y1: yScore(0), y2: yScore(0), class: 'zero' }),
    svg('text', { x: left - 6, y: top + 10, class: 'label', 'text-anchor': 'end' }, top_),
    svg('text', { x: left - 6, y: top + plotH, class: 'label', 'text-anchor': 'end' }, '0'),
    svg('text', { x: 12, y: top + plotH / 2, class: 'label', transform: `rotate(-90 12 ${top + plotH / 2})`, 'text-anchor': 'middle' }, volume ? 'share of happenings' : `happenings per ${size}`),
    svg('text', { x: W - 8, y: top + plotH / 2, class: 'label score', transform: `rotate(90 ${W - 8} ${top + plotH / 2})`, 'text-anchor': 'middle' }, 'mean score'),
    svg('text', { x: W - right + 6, y: yScore(10) + 10, class: 'label score' }, '+10'),
    svg('text', { x: W - right + 6, y: yScore(-10), class: 'label score' }, '\u221210'),
    ...ticks.map(({ b, i }) => svg('text', { x: left + i * step + step / 2, y: H - bottom + 18, class: 'label', 'text-anchor': 'middle' }, size === 'month' ? b.from.slice(0, 7) : b.from)),
    ...bars,
    ...segments.filter((seg) => seg.length > 1).map((seg) => svg('polyline', { points: seg.join(' '), class: 'score-line' })),
    ...segments.flat().map((pt) => { const [cx, cy] = pt.split(','); return svg('circle', { cx: cx!, cy: cy!, r: 3, class: 'score-dot' }); }));
}

/** The happenings a bar counts: the same parties, direction, modalities, and the happening's date in the bin. */
async function showBin(section: HTMLElement, s: DyadState, bin: ChartBin): Promise<void> {
  const span = bin.from === bin.to ? bin.from : `${bin.from} to ${bin.to}`;
  mount(section, h('h2', {}, span), h('p', { class: 'muted' }, 'Loading...'));
  const [first, second] = ordered(s);
  const parties = s.direction === 'both' ? { dyad: `${s.a},${s.b}` } : { actor: first, recipient: second };
  const list = await get<Page<Happening>>('happenings', { ...parties, from: bin.from, to: bin.to, modality: s.modality, limit: 200 });
  // the chart places a happening on its date (its first report's); the list asks for overlapping dates, so keep those dated in the bin
  const inBin = list.items.filter((x) => x.date !== null && x.date >= bin.from && x.date <= bin.to);
  const full = await Promise.all(inBin.map((x) => get<Happening>(`happenings/${encodeURIComponent(x.id)}`)));
  mount(section, h('h2', {}, `${span}: ${inBin.length} happening${inBin.length === 1 ? '' : 's'}`),
    h('ul', { class: 'happenings' }, full.map((x) => h('li', { class: 'happening' },
      eventBadge(x), ' ', h('a', { href: href(`happening/${encodeURIComponent(x.id)}`) }, `${x.sources} source${x.sources === 1 ? '' : 's'} side by side`),
      x.modalities.length > 1 ? h('span', { class: 'muted' }, ` \u00b7 reported as ${x.modalities.join(', ')}`) : null,
      h('ul', { class: 'reports' }, x.reports.map((r) => h('li', { class: r.confidence < LOW_CONFIDENCE ? 'low-confidence' : undefined },
        articleLink({ id: r.articleId, title: r.source.title }), h('span', { class: 'muted' }, ` ${sourceLine(r.source)} \u00b7 ${r.modality}`
          + `${x.recaps.includes(r.id) ? ' \u00b7 later report (recap)' : ''} \u00b7 confidence ${r.confidence.toFixed(2)}`),
        h('blockquote', {}, r.sentence))))))));
}
