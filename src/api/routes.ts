import { DossierError } from '../core/errors.js';
import { MODALITIES } from '../core/vocabulary.js';
import type { RawArticle } from '../ingest/article.js';
import { articleFromRecord } from '../ingest/record.js';
import { checkArticle } from '../ingest/sources.js';
import type { Result } from '../result/schema.js';
import type { RuleCatalogue } from '../pipeline/rules.js';
import { parseModalities } from '../store/filter-values.js';
import { storable, withBusyRetry } from '../store/ingest.js';
import { SERIES_MODALITIES, seriesChart } from '../store/series.js';
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

const modalityList = (v: ParamValue | undefined) => parseModalities(str(v), API_LABEL('modality'));

const flag = (v: ParamValue | undefined, name: string): boolean => {
  const text = str(v);
  if (text === undefined || text === '0' || text === 'false') return false;
  if (text === '1' || text === 'true') return true;
  throw new DossierError('USAGE', `parameter "${name}" must be 1 or 0, not "${text}"`);
};

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
  // the rule catalogue reads every stage's rule data: loaded on the first request that asks for it
  let catalogue: Promise<RuleCatalogue> | undefined;
  const rules = () => (catalogue ??= import('../pipeline/rules.js').then((m) => m.ruleCatalogue()));
  const ruleStage = async (q: Readonly<Record<string, ParamValue | undefined>>): Promise<string | undefined> => {
    const stage = str(q.stage);
    const stages = (await rules()).stages();
    if (stage !== undefined && !stages.includes(stage)) throw new DossierError('USAGE', `parameter "stage" must be one of ${stages.join(', ')}`);
    return stage;
  };
  return [
    {
      method: 'GET', path: '/api/stats', summary: 'How many articles, events, happenings and quotes the store holds',
      query: {}, response: 'Stats', handle: () => store.stats(),
    },
    {
      method: 'GET', path: '/api/rules', summary: "Every rule id the stages write into provenance, with its stage and meaning ({set} and {rule} in a composed id's shape)",
      query: { stage: { kind: 'string', description: 'only the rules of this stage' } }, response: 'RuleList', errors: [400],
      handle: async ({ query }) => {
        const stage = await ruleStage(query);
        return { items: (await rules()).entries.filter((e) => stage === undefined || e.stage === stage) };
      },
    },
    {
      method: 'GET', path: '/api/rules/{id}', summary: 'What a rule id means, part by part for a composed one',
      query: { stage: { kind: 'string', description: 'the stage whose rule it is (default: every stage that has it)' } },
      pathParams: { id: 'the rule id, as provenance.rule gives it' }, response: 'RuleMeanings', errors: [400, 404],
      handle: async ({ path, query }) => {
        const stage = await ruleStage(query);
        const meanings = (await rules()).lookup(path.id!).filter((m) => stage === undefined || m.stage === stage);
        if (!meanings.length) throw new DossierError('NOT_FOUND', `no rule "${path.id}"${stage ? ` in ${stage}` : ''}`);
        return { id: path.id!, meanings };
      },
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
        outlet: { kind: 'string', description: 'only quotes reported by this outlet' },
      },
      response: 'QuotePage', errors: [400],
      handle: ({ query }) => store.quotes({
        ...page(query), ...dates(query),
        ...(str(query.speaker) ? { speaker: str(query.speaker)! } : {}), ...(str(query.text) ? { text: str(query.text)! } : {}),
        ...(str(query.outlet) ? { outlet: str(query.outlet)! } : {}),
      }),
    },
    {
      method: 'GET', path: '/api/quotes/{id}', summary: 'One quote with every variant of its wording',
      query: {}, pathParams: { id: 'the quote id' }, response: 'Quote', errors: [404],
      handle: ({ path }) => found(store.quote(path.id!), 'quote', path.id!),
    },
    {
      method: 'GET', path: '/api/dyads/series',
      summary: 'Happenings between two actors (either direction, or directed from a to b): daily counts by quad class and mean score, and the chart of them (axis, bins, outliers and future dates apart)',
      query: {
        ...DATE_PARAMS,
        a: { kind: 'string', required: true, description: 'one actor: country code, country+sector or name' },
        b: { kind: 'string', required: true, description: 'the other actor' },
        directed: { kind: 'string', description: '1: only happenings from a to b (default 0: either direction)' },
        modality: { kind: 'string', description: `the modalities counted, separated by commas, or all (default ${SERIES_MODALITIES.join(',')})` },
        volume: { kind: 'string', description: '1: also count all happenings of each day, to normalise by volume (GDELT style)' },
      },
      response: 'DyadSeries', errors: [400],
      handle: ({ query }) => {
        const a = str(query.a)!, b = str(query.b)!;
        const modalities = modalityList(query.modality ?? SERIES_MODALITIES.join(',')) ?? [...MODALITIES];
        const directed = flag(query.directed, 'directed');
        const points = store.dyadSeries(a, b, { ...dates(query), directed, modalities, volume: flag(query.volume, 'volume') });
        const newest = store.listArticles({ limit: 1 }).items[0]?.published ?? null;
        return { a, b, directed, modalities, points, chart: seriesChart(points, { ...dates(query), newest }) };
      },
    },
    {
      method: 'GET', path: '/api/actors/{actor}/stories', summary: 'The articles an actor appears in, newest first',
      query: { ...PAGE_PARAMS, ...DATE_PARAMS }, pathParams: { actor: 'country code, country+sector or name' },
      response: 'StoryPage', errors: [400],
      handle: ({ path, query }) => store.actorStories(path.actor!, { ...page(query), ...dates(query) }),
    },
  ];
}
