import { get } from './api.js';
import { articleLink, filterForm, filtersOf, pager, sourceLine } from './common.js';
import { h, href, marked, mount } from './dom.js';
import type { Page, SearchHit, Stats, StoredArticle } from './types.js';

/** The front page (stored articles, newest first) and the search results. */
export async function articlesView(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const offset = Number(params.get('offset') ?? 0) || 0;
  const only = ['outlet', 'from', 'to'];
  const filters = filtersOf(params, only);
  const [page, stats] = await Promise.all([
    get<Page<StoredArticle>>('articles', { limit: 25, offset, ...filters }),
    get<Stats>('stats'),
  ]);
  mount(root,
    h('h1', {}, 'Articles'),
    h('p', { class: 'muted', id: 'stats' }, `${stats.articles} articles, ${stats.events} events, ${stats.happenings} happenings, ${stats.quotes} quotes`),
    filterForm('', filters, {}, only),
    h('ol', { class: 'list', id: 'article-list' }, page.items.map((a) => h('li', {},
      articleLink(a), h('span', { class: 'muted' }, ` ${sourceLine(a)} \u00b7 ${a.counts.attributions} attributions, ${a.counts.events} events`)))),
    pager(page.total, page.limit, page.offset, (o) => href('', { offset: o, ...filters })));
}

export async function searchView(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const q = params.get('q')?.trim() ?? '';
  const offset = Number(params.get('offset') ?? 0) || 0;
  const box = document.getElementById('search-input') as HTMLInputElement | null;
  if (box && box.value !== q) box.value = q;
  if (!q) { mount(root, h('h1', {}, 'Search'), h('p', { class: 'muted' }, 'Type words in the search box.')); return; }
  const page = await get<Page<SearchHit>>('search', { q: ftsQuery(q), limit: 25, offset });
  mount(root,
    h('h1', {}, 'Search: ', h('q', {}, q)),
    h('ol', { class: 'list', id: 'search-results' }, page.items.map((hit) => h('li', {},
      articleLink(hit.article), h('span', { class: 'muted' }, ` ${sourceLine(hit.article)}`),
      h('p', { class: 'snippet' }, marked(hit.snippet))))),
    pager(page.total, page.limit, page.offset, (o) => href('search', { q, offset: o })));
}

/**
 * What the search box sends. Plain words (the common case: "Iran's envoy") become quoted words, all
 * required, so that apostrophes, colons and hyphens are not read as query syntax; a query that uses
 * the syntax itself (quotes, AND/OR/NOT, prefix*, parentheses) goes as typed.
 */
export function ftsQuery(typed: string): string {
  if (/["*()]|\b(AND|OR|NOT|NEAR)\b/.test(typed)) return typed;
  return typed.split(/\s+/).filter(Boolean).map((w) => `"${w}"`).join(' ');
}
