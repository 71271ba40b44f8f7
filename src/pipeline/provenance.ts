import type { Provenance } from '../core/provenance.js';

// bounds on the records one stage keeps: rule ids are data, but evidence strings may combine them
const MAX_RULES = 10_000;
const MAX_RECORDS_A_RULE = 64;

/**
 * The provenance records of one stage. Annotations made by the same rule with the same confidence
 * and evidence share one frozen record, across all the documents the stage reads: a document has
 * thousands of tokens, and one record each (or one set a document) would only feed the garbage
 * collector. A record is a pure function of its key, so sharing it cannot make one article's
 * analysis depend on another's. The last record is tried first (stages add runs of annotations by
 * one rule: every token), then the few records of the rule (a rule nearly always comes with one
 * confidence and one evidence), so that no key string is built per annotation.
 */
export class ProvenanceRecords {
  private readonly byRule = new Map<string, Provenance[]>();
  private size = 0;
  private last: Provenance | undefined;

  constructor(private readonly stage: string, private readonly version: string) {}

  get(rule: string, confidence: number, evidence?: string): Provenance {
    const ev = evidence || undefined;
    const last = this.last;
    if (last !== undefined && last.rule === rule && last.confidence === confidence && last.evidence === ev) return last;
    return this.last = this.lookup(rule, confidence, ev);
  }

  private lookup(rule: string, confidence: number, evidence: string | undefined): Provenance {
    let records = this.byRule.get(rule);
    if (records) {
      for (const p of records) if (p.confidence === confidence && p.evidence === evidence) return p;
    } else {
      if (++this.size > MAX_RULES) { this.byRule.clear(); this.size = 0; }
      this.byRule.set(rule, records = []);
    }
    // a rule whose evidence varies without end keeps only its latest records
    if (records.length >= MAX_RECORDS_A_RULE) records.length = 0;
    const p: Provenance = Object.freeze(evidence === undefined
      ? { stage: this.stage, version: this.version, rule, confidence }
      : { stage: this.stage, version: this.version, rule, confidence, evidence });
    records.push(p);
    return p;
  }
}
