/**
 * Why an annotation exists. Every annotation carries one: the stage (and its version) that made it,
 * the rule that fired (rules are data with ids), a confidence in [0, 1], and optional evidence
 * (a short human-readable note, or the ids of annotations it was derived from).
 */
export interface Provenance {
  readonly stage: string;
  readonly version: string;
  readonly rule: string;
  readonly confidence: number;
  readonly evidence?: string;
}
