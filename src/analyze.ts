import { isLearnedActors, learnedActorsOf, lessonsOf, teach, type Lesson } from './actors/index.js';
import type { ArticleMeta } from './core/document.js';
import { DossierError } from './core/errors.js';
import type { RawArticle } from './ingest/article.js';
import { checkArticle } from './ingest/sources.js';
import { DEFAULT_STAGES, defaultRegistry } from './pipeline/default.js';
import { Pipeline } from './pipeline/pipeline.js';
import { Resources, type ResourceOptions } from './core/resources.js';
import { buildResult } from './result/build.js';
import type { Result } from './result/schema.js';
import type { Document } from './core/document.js';

/** The diagnostic of an analysis stopped because it ran past its budget (AnalyzerOptions.budgetMs). */
export const BUDGET_EXCEEDED = 'BUDGET_EXCEEDED';

/** An article's analysis stops at the first stage boundary after this long (the guards keep cost linear; this is the backstop). */
export const DEFAULT_BUDGET_MS = 60_000;

export interface AnalyzerOptions extends ResourceOptions {
  /**
   * wall-clock milliseconds one article may take; past them the stages not yet run are skipped
   * and the result carries a BUDGET_EXCEEDED diagnostic (default DEFAULT_BUDGET_MS)
   */
  readonly budgetMs?: number;
  /** stage names to run instead of the default list */
  readonly stages?: readonly string[];
  /** share loaded resources between analyzers */
  readonly resources?: Resources;
}

/**
 * An article's result and what it teaches the corpus-learned actor layer (people introduced with a
 * role), read off the analysed document: the analysis itself never changes the layer.
 */
export interface Analysis {
  readonly result: Result;
  readonly lessons: readonly Lesson[];
}

/** What `analyze` accepts: a text, or an article with metadata. */
export type ArticleInput = string | (Partial<ArticleMeta> & { text: string });

/**
 * A configured, frozen pipeline. Build one and reuse it: resources (the NLP model, lexicons, the
 * actor base) load on first use and are shared by every article analysed with it.
 */
export class Analyzer {
  readonly pipeline: Pipeline;
  private readonly budgetMs: number;
  private readonly resources: Resources;

  constructor(options: AnalyzerOptions = {}) {
    this.budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
    const resources = this.resources = options.resources ?? new Resources(options);
    this.pipeline = Pipeline.build(defaultRegistry(), options.stages ?? DEFAULT_STAGES, resources);
  }

  /** Runs the pipeline and returns the document with all its layers (for programs that want them). */
  analyzeDocument(input: ArticleInput): Document {
    const article = typeof input === 'string' ? { text: input } : input;
    if (typeof article.text !== 'string') throw new DossierError('INPUT_FORMAT', 'the article has no text');
    const meta: ArticleMeta = {
      id: article.id ?? 'article', published: article.published ?? null, outlet: article.outlet ?? null,
      url: article.url ?? null, title: article.title ?? null, author: article.author ?? null,
    };
    return this.pipeline.run(article.text, meta, { deadline: performance.now() + this.budgetMs, code: BUDGET_EXCEEDED });
  }

  /** Analyses one article and returns its result (CONTRACT.md). */
  analyze(input: ArticleInput): Result {
    return buildResult(this.analyzeDocument(input), this.pipeline.stages);
  }

  /** Analyses one article and returns its result with its lessons for the learned layer (not applied: see learnFrom). */
  analyzeWithLessons(input: ArticleInput): Analysis {
    const doc = this.analyzeDocument(input);
    return { result: buildResult(doc, this.pipeline.stages), lessons: lessonsOf(doc) };
  }

  /**
   * Teaches the learned layer this analyzer looks people up in (`learnedActors`) an article's
   * lessons: the explicit step between two articles after which the next one knows those people.
   */
  learnFrom(lessons: readonly Lesson[]): void {
    const learned = learnedActorsOf(this.resources);
    if (!isLearnedActors(learned)) throw new DossierError('USAGE', 'this analyzer has no learned actor layer that can learn (give learnedActors a layer with learn(), or a file path)');
    teach(learned, lessons);
  }

  /** Analyses an article read by ingest, after the checks every input passes (size, language). */
  analyzeRaw(article: RawArticle): Result {
    checkArticle(article);
    return this.analyze(article);
  }
}

let shared: Analyzer | undefined;

/** Analyses one article with the default pipeline (built once, on first call). */
export function analyze(input: ArticleInput): Result {
  shared ??= new Analyzer();
  return shared.analyze(input);
}
