import type { LayerData, LayerName } from './layers.js';
import type { Provenance } from './provenance.js';

/** A stand-off annotation: a range of the document's text, typed data, and why it exists. */
export interface Annotation<T = unknown> {
  /** unique within its document; relations between annotations point to ids, never to objects */
  readonly id: number;
  readonly layer: string;
  readonly start: number;
  readonly end: number;
  readonly data: T;
  readonly provenance: Provenance;
}

export type LayerAnnotation<L extends LayerName> = Annotation<LayerData[L]>;

/** What a stage hands to the runner; the runner stamps the id and the stage part of provenance. */
export interface AnnotationDraft<T> {
  readonly start: number;
  readonly end: number;
  readonly data: T;
  readonly rule: string;
  readonly confidence: number;
  readonly evidence?: string;
}
