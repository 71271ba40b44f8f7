/**
 * The shapes of the API answers the page reads (see /api/openapi.json). Declared here rather than
 * imported so the browser build depends on nothing from the server side.
 */
export interface Span { start: number; end: number; text: string }
export interface ActorRef { name: string; country: string | null; sector: string | null; span?: Span }
export interface Provenance { stage: string; version: string; rule: string; confidence: number; evidence?: string }

export interface Attribution {
  kind: string; content: Span; contentParts?: Span[]; cue: Span | null; source: Span | null;
  speaker: ActorRef | null; via: ActorRef[]; parent: number | null; provenance: Provenance;
}
export interface ResultEvent {
  type: string; mode: string | null; modality: string; actor: ActorRef[]; recipient: ActorRef[];
  trigger: Span; sentence: Span; date: string | null; attribution: number | null; cameo: string | null;
  quadClass: number; score: number; provenance: Provenance;
}
export interface Entity {
  name: string; type: string; country: string | null; sector: string | null; role: string | null;
  mentions: Span[]; provenance: Provenance;
}
export interface Result {
  article: { id: string; text: string; published: string | null; outlet: string | null; url: string | null; title: string | null };
  attributions: Attribution[]; events: ResultEvent[]; entities: Entity[];
  dates: { span: Span; date: string; endDate?: string; granularity: string; relation: string; provenance: Provenance }[];
  sentences: { start: number; end: number }[];
  diagnostics: { severity: string; code: string; message: string }[];
  engine: { name: string; version: string; stages: { name: string; version: string }[] };
}

export interface Page<T> { items: T[]; total: number; limit: number; offset: number }

export interface StoredArticle {
  id: string; sourceId: string; title: string | null; outlet: string | null; url: string | null; published: string | null;
  ingestedAt: string; counts: { events: number; attributions: number; entities: number };
}
export interface ReportSource { articleId: string; outlet: string | null; url: string | null; published: string | null; title: string | null }
export interface StoredEvent {
  id: string; articleId: string; index: number; type: string; mode: string | null; modality: string;
  actor: ActorRef[]; recipient: ActorRef[]; date: string | null; quadClass: number; score: number;
  trigger: string; sentence: string; confidence: number; happeningId: string | null; source: ReportSource;
}
export interface Happening {
  id: string; type: string; mode: string | null; modality: string; modalities: string[]; recaps: string[]; date: string | null;
  actor: ActorRef[]; recipient: ActorRef[]; actorCodes: string[]; recipientCodes: string[];
  quadClass: number; score: number; sources: number; outlets: string[]; reportCount: number; reports: StoredEvent[];
}
export interface QuoteVariant { articleId: string; index: number; kind: string; text: string; fidelity: number; source: ReportSource }
export interface Quote {
  id: string; speaker: ActorRef | null; text: string; sources: number; variantCount: number;
  minFidelity: number; firstPublished: string | null; variants: QuoteVariant[];
}
export interface SeriesPoint { date: string; quad: Record<'1' | '2' | '3' | '4', number>; total: number; meanScore: number; all?: number }
export interface ChartBin { from: string; to: string; quad: Record<'1' | '2' | '3' | '4', number>; total: number; meanScore: number | null; all?: number }
export interface DyadSeries {
  a: string; b: string; directed: boolean; modalities: string[]; points: SeriesPoint[];
  chart: { bin: string; from: string | null; to: string | null; bins: ChartBin[]; outliers: SeriesPoint[]; future: SeriesPoint[] };
}
export interface SearchHit { article: StoredArticle; snippet: string }
export interface Stats { articles: number; events: number; happenings: number; quotes: number }
export interface ActorStory { article: StoredArticle; roles: string[]; events: number; quotes: number }
