import type { Annotation, LayerAnnotation } from './annotation.js';
import type { Diagnostic } from './diagnostic.js';
import type { LayerName } from './layers.js';

/** What is known about an article besides its text. */
export interface ArticleMeta {
  readonly id: string;
  /** YYYY-MM-DD */
  readonly published: string | null;
  readonly outlet: string | null;
  readonly url: string | null;
  readonly title: string | null;
  readonly author?: string | null;
}

/**
 * One article: immutable text plus stand-off layers of annotations and the diagnostics found in it.
 * A Document has no way to change it: the pipeline that makes it (`Document.create`) keeps the
 * DocumentWriter, and stages write through a StageOutput, which the runner commits layer by layer,
 * so each layer is written by exactly one stage (one source of truth per fact).
 */
export class Document {
  readonly text: string;
  readonly meta: ArticleMeta;
  readonly diagnostics: readonly Diagnostic[];
  private readonly layers = new Map<string, readonly Annotation[]>();
  // ids are small consecutive integers, so an array indexes them more cheaply than a Map; it grows
  // by one slot an id, so that layers committed out of id order never leave holes in it
  private readonly byId: (Annotation | undefined)[] = [undefined];

  private constructor(text: string, meta: ArticleMeta, diagnostics: readonly Diagnostic[]) {
    this.text = text;
    this.meta = Object.freeze({ ...meta });
    this.diagnostics = diagnostics;
  }

  /** A new, empty document and the only writer of its layers and diagnostics. */
  static create(text: string, meta: ArticleMeta): { readonly doc: Document; readonly writer: DocumentWriter } {
    const diagnostics: Diagnostic[] = [];
    const doc = new Document(text, meta, diagnostics);
    return { doc, writer: new DocumentWriter(doc.layers, doc.byId, diagnostics) };
  }

  has(layer: LayerName): boolean {
    return this.layers.has(layer);
  }

  /** The annotations of a layer in text order; empty when no stage assigned it. */
  layer<L extends LayerName>(name: L): readonly LayerAnnotation<L>[] {
    return (this.layers.get(name) ?? []) as readonly LayerAnnotation<L>[];
  }

  annotation(id: number): Annotation | undefined {
    return this.byId[id];
  }

  layerNames(): string[] {
    return [...this.layers.keys()];
  }
}

/** The write side of one Document, held by the pipeline run that made it. */
export class DocumentWriter {
  private nextId = 1;

  constructor(
    private readonly layers: Map<string, readonly Annotation[]>,
    private readonly byId: (Annotation | undefined)[],
    private readonly diagnostics: Diagnostic[],
  ) {}

  /** Reserves an id for an annotation about to be committed. */
  allocateId(): number {
    this.byId.push(undefined);
    return this.nextId++;
  }

  /**
   * Commits a whole layer at once (the runner's job). Annotations are kept sorted by start, then end.
   * Layers are read-only by type (`readonly` arrays and fields), not frozen at run time: V8 takes
   * frozen arrays off the fast paths of `slice`, `filter` and iteration, which every later stage uses
   * on every sentence, and measured that way it cost more than the stages' own work.
   */
  commitLayer(name: string, annotations: Annotation[]): void {
    if (this.layers.has(name)) throw new Error(`layer "${name}" is already assigned`);
    // most stages add in text order already (the token layer always): check before sorting
    if (!inTextOrder(annotations)) annotations.sort(textOrder);
    for (const a of annotations) this.byId[a.id] = a;
    this.layers.set(name, annotations);
  }

  addDiagnostic(d: Diagnostic): void {
    this.diagnostics.push(d);
  }
}

const textOrder = (a: Annotation, b: Annotation): number => a.start - b.start || b.end - a.end || a.id - b.id;

function inTextOrder(list: readonly Annotation[]): boolean {
  for (let i = 1; i < list.length; i++) if (textOrder(list[i - 1]!, list[i]!) > 0) return false;
  return true;
}
