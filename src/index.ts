/** dossier as a library: analyse articles, read inputs, and build pipelines of your own. */
export { analyze, Analyzer, type AnalyzerOptions, type ArticleInput } from './analyze.js';
export type { Result, AttributionJson as Attribution, EventJson as Event, EntityJson as Entity, ActorRefJson as ActorRef, SpanJson as Span } from './result/schema.js';
export { ResultSchema } from './result/schema.js';
export { readArticleFile, readArticles, type SourceItem, type IngestOptions } from './ingest/sources.js';
export type { RawArticle } from './ingest/article.js';
export { DossierError, ERROR_CODES, type ErrorCode } from './core/errors.js';
export { Document, type ArticleMeta } from './core/document.js';
export { Pipeline } from './pipeline/pipeline.js';
export { StageRegistry } from './pipeline/registry.js';
export { Resources } from './core/resources.js';
export { defaultRegistry, DEFAULT_STAGES } from './pipeline/default.js';
export type { Stage, StageFactory, StageOutput } from './core/stage.js';
export { ENGINE_VERSION } from './version.js';
