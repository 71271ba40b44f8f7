import { get } from './api.js';
import { actorLabel, articleLink, eventBadge, filterForm, filtersOf, LOW_CONFIDENCE, pager, QUAD_NAMES } from './common.js';
import { renderDiff } from './diff.js';
import { h, href, mount } from './dom.js';
import type { ActorStory, Happening, Page, Quote } from './types.js';

/**
 * The story view: one happening or one quote with every outlet that reported it, side by side. The
 * first report is the reference; each other column marks the words it adds (<ins>) and leaves out (<del>).
 */
export async function happeningView(root: HTMLElement, id: string): Promise<void> {
  const x = await get<Happening>(`happenings/${encodeURIComponent(id)}`);
  const first = x.reports[0]?.sentence ?? '';
  mount(root,
    h('h1', {}, 'Happening ', eventBadge(x)),
    h('p', { class: 'meta' }, `${x.date ?? 'undated'} \u00b7 ${QUAD_NAMES[x.quadClass]} (score ${x.score}) \u00b7 ${x.modalities.length > 1 ? `reported as ${x.modalities.join(', ')}` : x.modality} \u00b7 `
      + `${x.sources} source${x.sources === 1 ? '' : 's'}, ${x.reportCount} report${x.reportCount === 1 ? '' : 's'}`
      + `${x.recaps.length ? `, ${x.recaps.length} of them later (recaps)` : ''}`),
    h('div', { class: 'side-by-side', id: 'story-columns' }, x.reports.map((r, i) => h('section', {
      class: `column${r.confidence < LOW_CONFIDENCE ? ' low-confidence' : ''}${x.recaps.includes(r.id) ? ' recap' : ''}`, 'data-outlet': r.source.outlet ?? '' },
      h('h2', {}, r.source.outlet ?? 'unknown outlet'),
      h('p', { class: 'muted' }, `${r.source.published ?? 'undated'} \u00b7 `, articleLink({ id: r.articleId, title: r.source.title })),
      h('p', { class: 'muted' }, `trigger \u201c${r.trigger}\u201d \u00b7 ${r.modality} \u00b7 ${r.date ?? 'undated'} \u00b7 confidence ${r.confidence.toFixed(2)}`
        + `${x.recaps.includes(r.id) ? ' \u00b7 a later report recalling it' : ''}`),
      h('blockquote', { class: 'wording' }, i === 0 ? r.sentence : renderDiff(first, r.sentence))))));
}

export async function quoteView(root: HTMLElement, id: string): Promise<void> {
  const q = await get<Quote>(`quotes/${encodeURIComponent(id)}`);
  mount(root,
    h('h1', {}, 'Quote of ', q.speaker ? actorLabel(q.speaker) : 'an unknown speaker'),
    h('p', { class: 'meta' }, `${q.sources} source${q.sources === 1 ? '' : 's'} \u00b7 first published ${q.firstPublished ?? 'undated'} \u00b7 `
      + (q.minFidelity >= 1 ? 'every outlet quotes the same words' : `lowest fidelity ${q.minFidelity.toFixed(2)}`)),
    h('div', { class: 'side-by-side', id: 'story-columns' }, q.variants.map((v, i) => h('section', { class: 'column', 'data-outlet': v.source.outlet ?? '' },
      h('h2', {}, v.source.outlet ?? 'unknown outlet'),
      h('p', { class: 'muted' }, `${v.source.published ?? 'undated'} \u00b7 `, articleLink({ id: v.articleId, title: v.source.title })),
      h('p', { class: 'muted' }, `${v.kind} \u00b7 fidelity ${v.fidelity.toFixed(2)}`),
      h('blockquote', { class: 'wording' }, i === 0 ? v.text : renderDiff(q.variants[0]!.text, v.text))))));
}

/** The index of stories: happenings and quotes reported by the most sources first in each page. */
export async function storiesView(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const offset = Number(params.get('offset') ?? 0) || 0;
  const speaker = params.get('speaker')?.trim() || undefined;
  const filters = filtersOf(params);
  const quoteFilters = { outlet: filters.outlet, from: filters.from, to: filters.to };
  const [happenings, quotes] = await Promise.all([
    get<Page<Happening>>('happenings', { limit: 25, offset, actor: speaker, ...filters }),
    get<Page<Quote>>('quotes', { limit: 25, offset, speaker, ...quoteFilters }),
  ]);
  const keep = { speaker, ...filters };
  mount(root,
    h('h1', {}, speaker ? `Stories of ${speaker}` : 'Stories'),
    filterForm('stories', filters, { speaker }),
    h('p', { class: 'muted' }, 'Type, modality and confidence filter the happenings; outlet and dates filter both lists.'),
    h('div', { class: 'two' },
      h('section', {}, h('h2', {}, 'Happenings'),
        h('ul', { class: 'list', id: 'happening-list' }, happenings.items.map((x) => h('li', {},
          eventBadge(x), ' ', h('a', { href: href(`happening/${encodeURIComponent(x.id)}`) }, `${x.date ?? 'undated'}, ${x.sources} source${x.sources === 1 ? '' : 's'}`),
          x.modalities.length > 1 ? h('span', { class: 'muted' }, ` \u00b7 reported as ${x.modalities.join(', ')}`) : null))),
        pager(happenings.total, happenings.limit, happenings.offset, (o) => href('stories', { offset: o, ...keep }))),
      h('section', {}, h('h2', {}, 'Quotes'),
        h('ul', { class: 'list', id: 'quote-list' }, quotes.items.map((q) => h('li', {},
          // quote marks as characters: Chromium does not follow a mouse click on a <q> inside a link
          h('a', { href: href(`quote/${encodeURIComponent(q.id)}`) }, `\u201c${clip(q.text)}\u201d`),
          h('span', { class: 'muted' }, ` ${q.speaker ? actorLabel(q.speaker) : 'unknown'} \u00b7 ${q.sources} source${q.sources === 1 ? '' : 's'}`)))),
        pager(quotes.total, quotes.limit, quotes.offset, (o) => href('stories', { offset: o, ...keep })))));
}

const clip = (s: string) => (s.length > 160 ? `${s.slice(0, 157)}...` : s);

/** The articles an actor appears in, and how (actor, recipient, speaker, entity). */
export async function actorView(root: HTMLElement, actor: string, params: URLSearchParams): Promise<void> {
  const offset = Number(params.get('offset') ?? 0) || 0;
  const page = await get<Page<ActorStory>>(`actors/${encodeURIComponent(actor)}/stories`, { limit: 25, offset });
  mount(root,
    h('h1', {}, `Articles with ${actor}`),
    h('p', {}, h('a', { href: href('stories', { speaker: actor }) }, `happenings and quotes of ${actor} \u2192`)),
    h('ol', { class: 'list', id: 'actor-stories' }, page.items.map((s) => h('li', {},
      articleLink(s.article), h('span', { class: 'muted' }, ` ${s.article.outlet ?? 'unknown outlet'} \u00b7 ${s.article.published ?? 'undated'} \u00b7 as ${s.roles.join(', ')}`
        + ` \u00b7 ${s.events} event${s.events === 1 ? '' : 's'}, ${s.quotes} quote${s.quotes === 1 ? '' : 's'}`)))),
    pager(page.total, page.limit, page.offset, (o) => href(`actor/${encodeURIComponent(actor)}`, { offset: o })));
}
