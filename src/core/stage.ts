import type { AnnotationDraft } from './annotation.js';
import type { Diagnostic } from './diagnostic.js';
import type { Document } from './document.js';
import type { LayerData, LayerName } from './layers.js';
import type { Resources } from './resources.js';

/**
 * A pipeline stage: reads the layers it requires, writes the layers it assigns, nothing else.
 * Stages are built once per pipeline by a factory that receives the shared resources (lexicons,
 * models, the actor base), so heavy data loads once and is injected, never held in module globals.
 */
export interface Stage {
  readonly name: string;
  readonly version: string;
  readonly requires: readonly LayerName[];
  readonly assigns: readonly LayerName[];
  /**
   * Layers the stage reads when they are there but can do without (attributions use entities to
   * name speakers; without them they still find quotes). When a stage in the pipeline assigns one,
   * it must come earlier; that is checked when the pipeline is built.
   */
  readonly uses?: readonly LayerName[];
  run(doc: Document, out: StageOutput): void;
}

export type StageFactory = (resources: Resources) => Stage;

/** Where a stage writes: drafts for its declared layers, and diagnostics. */
export interface StageOutput {
  /** Adds a draft to a layer the stage assigns and returns the id the annotation will have. */
  add<L extends LayerName>(layer: L, draft: AnnotationDraft<LayerData[L]>): number;
  /** Reserves an id before the draft is known, for annotations that point at each other. */
  reserve<L extends LayerName>(layer: L): number;
  /** Fills a reserved id. */
  fill<L extends LayerName>(layer: L, id: number, draft: AnnotationDraft<LayerData[L]>): void;
  diagnose(d: Omit<Diagnostic, 'stage'>): void;
}
