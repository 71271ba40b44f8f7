import type { Store } from '../../src/store/store.js';

/**
 * Everything a store answers about its corpus, through the Store interface, in a form that
 * compares with deepEqual: articles (with their results), events, happenings with their reports,
 * quotes with their variants. Leaves out only when each article was ingested.
 */
export function snapshot(store: Store) {
  const all = { limit: 10_000 };
  const articles = store.listArticles(all).items.map(({ ingestedAt: _ingestedAt, ...a }) => ({ ...a, result: store.getResult(a.id) }));
  return {
    stats: store.stats(),
    articles,
    events: store.events(all).items,
    happenings: store.happenings(all).items.map((h) => store.happening(h.id)),
    quotes: store.quotes(all).items,
  };
}
