import { articleView } from './article-view.js';
import { errorView } from './common.js';
import { h, href, mount } from './dom.js';
import { dyadView } from './dyad-view.js';
import { articlesView, searchView } from './list-views.js';
import { actorView, happeningView, quoteView, storiesView } from './story-view.js';

/**
 * The page's entry: routes on the URL hash (#/article/ID, #/dyad?a=USA&b=IRN, #/happening/ID,
 * #/quote/ID, #/stories?speaker=NAME, #/actor/NAME, #/search?q=...), so every view has a link that can be shared or reloaded.
 */
type View = (root: HTMLElement, arg: string, params: URLSearchParams) => Promise<void>;

const ROUTES: [RegExp, string, View][] = [
  [/^$/, 'articles', (root, _a, p) => articlesView(root, p)],
  [/^article\/(.+)$/, 'articles', (root, id) => articleView(root, id)],
  [/^dyad$/, 'dyad', (root, _a, p) => dyadView(root, p)],
  [/^stories$/, 'stories', (root, _a, p) => storiesView(root, p)],
  [/^happening\/(.+)$/, 'stories', (root, id) => happeningView(root, id)],
  [/^quote\/(.+)$/, 'stories', (root, id) => quoteView(root, id)],
  [/^search$/, 'search', (root, _a, p) => searchView(root, p)],
  [/^actor\/(.+)$/, 'stories', (root, actor, p) => actorView(root, actor, p)],
];

let generation = 0;

async function route(): Promise<void> {
  const root = document.getElementById('app')!;
  const raw = location.hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = raw.split('?', 2) as [string?, string?];
  const params = new URLSearchParams(query);
  const mine = ++generation;
  document.body.dataset.ready = 'false';
  for (const [pattern, nav, view] of ROUTES) {
    const m = pattern.exec(path);
    if (!m) continue;
    document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('active', (a as HTMLElement).dataset.nav === nav));
    const arg = m[1] ? safeDecode(m[1]) : '';
    try {
      await view(root, arg, params);
    } catch (e) {
      if (mine === generation) mount(root, errorView(e));
    }
    if (mine === generation) loaded(mine);
    return;
  }
  mount(root, h('p', { class: 'error' }, 'No such page.'), h('a', { href: '#/' }, 'Back to the articles'));
  loaded(mine);
}

/** Tells tests (and people) that a view has finished loading, and which load it was. */
function loaded(mine: number): void {
  document.body.dataset.loads = String(mine);
  document.body.dataset.ready = 'true';
}

function safeDecode(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}

function start(): void {
  // the skip link moves the focus to the content; following it as a link would change the route
  document.getElementById('skip-to-content')?.addEventListener('click', (e) => {
    e.preventDefault();
    document.getElementById('app')?.focus();
  });
  const form = document.getElementById('search-form') as HTMLFormElement;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = (document.getElementById('search-input') as HTMLInputElement).value.trim();
    if (q) location.hash = href('search', { q });
  });
  window.addEventListener('hashchange', () => void route());
  void route();
}

start();
