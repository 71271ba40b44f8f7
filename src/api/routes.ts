import { DossierError } from '../core/errors.js';
import type { RawArticle } from '../ingest/article.js';
import { articleFromRecord } from '../ingest/record.js';
import { checkArticle } from '../ingest/sources.js';
import type { Result } from '../result/schema.js';
import { storable, withBusyRetry } from '../store/ingest.js';
import type { Store } from '../store/store.js';
import type { Reply, Route } from './router.js';
import { EVENT_PARAMS, datesOf, eventQuery as eventQueryOf, pageOf, type Params } from './filters.js';
import { API_LABEL, DATE_PARAMS, PAGE_PARAMS, type ParamValue } from './validate.js';

/** What the routes need from the server: the store, and (when ingest is allowed) an analyser. */
export interface RouteDeps {
  readonly store: Store;
  /** analyses an article read from a request body; absent when the server is read-only */
  readonly analyze?: (article: RawArticle) => Result | Promise<Result>;
}

const str = (v: ParamValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
const page = pageOf;
const dates = datesOf;
const eventQuery = (q: Params) => eventQueryOf(q, API_LABEL);

function found<T>(value: T | null, what: string, id: string): T {
  if (value === null) throw new DossierError('NOT_FOUND', `no ${what} with id "${id}"`);
  return value;
}

/**
 * Every endpoint of the API. The table is also the source of the OpenAPI document, so what is
 * documented is what is served.
 */
export function apiRoutes(deps: RouteDeps): Route[] {
  const { store } = deps;
  return [
    {
      method: 'GET', path: '/api/stats', summary: 'How many articles, events, happenings and quotes the store holds',
      query: {}, response: 'Stats', handle: () => store.stats(),
    },
    {
      method: 'GET', path: '/api/articles', summary: 'Stored articles, newest first',
      query: { ...PAGE_PARAMS, ...DATE_PARAMS, outlet: { kind: 'string', description: 'only articles of this outlet' } },
      response: 'ArticlePage', errors: [400],
      handle: ({ query }) => store.listArticles({ ...page(query), ...dates(query), ...(str(query.outlet) ? { outlet: str(query.outlet)! } : {}) }),
    },
    {
      method: 'GET', path: '/api/articles/{id}', summary: 'One stored article (metadata and counts)',
      query: {}, pathParams: { id: 'the article id' }, response: 'Article', errors: [404],
      handle: ({ path }) => found(store.getArticle(path.id!), 'article', path.id!),
    },
    {
      method: 'GET', path: '/api/articles/{id}/result', summary: "An article's full analysis result (text, attributions, events, entities)",
      query: {}, pathParams: { id: 'the article id' }, response: 'Result', errors: [404],
      handle: ({ path }) => found(store.getResult(path.id!), 'article', path.id!),
    },
    {
      method: 'POST', path: '/api/articles', summary: 'Analyse and store an article (only when the server allows ingest)',
      query: {}, response: 'Added', ingest: true, errors: [400, 403, 413, 415, 422],
      handle: async ({ body }): Promise<Reply> => {
        if (!deps.analyze) throw new DossierError('INTERNAL', 'ingest is allowed but no analyser is configured');
        const article = checkArticle(articleFromRecord(body, 'api', 'request body'));
        const known = store.findDuplicate(article);
        if (known) return { status: 200, body: { id: known, inserted: false, duplicate: 'exact' } };
        // analysed before the write transaction, which is short and waits for another writer (ingest)
        const result = storable(await deps.analyze(article), 'request body');
        const added = await withBusyRetry(() => store.addArticle(article, result), 'request body');
        return { status: added.inserted ? 201 : 200, body: added };
      },
    },
    {
      method: 'GET', path: '/api/search', summary: 'Full-text search over article texts',
      query: { ...PAGE_PARAMS, q: { kind: 'string', required: true, description: 'words, "phrases", AND/OR/NOT, prefix*' } },
      response: 'SearchPage', errors: [400],
      handle: ({ query }) => store.search(str(query.q)!, page(query)),
    },
    {
      method: 'GET', path: '/api/events', summary: 'Every reported event (one per report), newest first',
      query: EVENT_PARAMS, response: 'EventPage', errors: [400],
      handle: ({ query }) => store.events(eventQuery(query)),
    },
    {
      method: 'GET', path: '/api/happenings', summary: 'Happenings (one per real-world event, however many outlets report it)',
      query: EVENT_PARAMS, response: 'HappeningPage', errors: [400],
      handle: ({ query }) => store.happenings(eventQuery(query)),
    },
    {
      method: 'GET', path: '/api/happenings/{id}', summary: 'One happening with every report of it',
      query: {}, pathParams: { id: 'the happening id' }, response: 'Happening', errors: [404],
      handle: ({ path }) => found(store.happening(path.id!), 'happening', path.id!),
    },
    {
      method: 'GET', path: '/api/quotes', summary: 'Quotes merged across the outlets that report them',
      query: {
        ...PAGE_PARAMS, ...DATE_PARAMS,
        speaker: { kind: 'string', description: "the speaker's name, or a country/sector code" },
        text: { kind: 'string', description: 'words the quote contains' },
      },
      response: 'QuotePage', errors: [400],
      handle: ({ query }) => store.quotes({
        ...page(query), ...dates(query),
        ...(str(query.speaker) ? { speaker: str(query.speaker)! } : {}), ...(str(query.text) ? { text: str(query.text)! } : {}),
      }),
    },
    {
      method: 'GET', path: '/api/quotes/{id}', summary: 'One quote with every variant of its wording',
      query: {}, pathParams: { id: 'the quote id' }, response: 'Quote', errors: [404],
      handle: ({ path }) => found(store.quote(path.id!), 'quote', path.id!),
    },
    {
      method: 'GET', path: '/api/dyads/series', summary: 'Daily happenings between two actors (either direction): counts by quad class and mean score',
      query: {
        ...DATE_PARAMS,
        a: { kind: 'string', required: true, description: 'one actor: country code, country+sector or name' },
        b: { kind: 'string', required: true, description: 'the other actor' },
      },
      response: 'DyadSeries', errors: [400],
      handle: ({ query }) => ({ a: str(query.a)!, b: str(query.b)!, points: store.dyadSeries(str(query.a)!, str(query.b)!, dates(query)) }),
    },
    {
      method: 'GET', path: '/api/actors/{actor}/stories', summary: 'The articles an actor appears in, newest first',
      query: { ...PAGE_PARAMS, ...DATE_PARAMS }, pathParams: { actor: 'country code, country+sector or name' },
      response: 'StoryPage', errors: [400],
      handle: ({ path, query }) => store.actorStories(path.actor!, { ...page(query), ...dates(query) }),
    },
  ];
}
