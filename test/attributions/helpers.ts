import assert from 'node:assert/strict';
import { Analyzer } from '../../src/analyze.js';
import type { AttributionData } from '../../src/core/layers.js';

/** Helpers of the attributions tests, which read articles written for them in the style of wire copy. */
export const withEntities = new Analyzer({ stages: ['tokens', 'dates', 'entities', 'attributions'] });
export const bare = new Analyzer({ stages: ['tokens', 'attributions'] });

/** An attribution as the tests check it: its spans as text, speaker and via as names. */
export interface Seen { content: string; cue: string | null; source: string | null; speaker: string | null; via: string[]; kind: string; rule: string; parent: number | null; id: number; parts?: string[] }

export function attributions(text: string, analyzer = withEntities, published = '2019-03-05'): Seen[] {
  const doc = analyzer.analyzeDocument({ text, published });
  const slice = (r: { start: number; end: number } | null) => (r ? text.slice(r.start, r.end) : null);
  return doc.layer('attribution').map((a) => {
    const d: AttributionData = a.data;
    return {
      id: a.id, content: slice(d.content)!, cue: slice(d.cue), source: slice(d.source), speaker: d.speaker?.name ?? null,
      via: d.via.map((v) => v.name), kind: d.kind, rule: a.provenance.rule, parent: d.parent,
      ...(d.contentParts ? { parts: d.contentParts.map((p) => text.slice(p.start, p.end)) } : {}),
    };
  });
}

/** The attribution with this cue. */
export function byCue(list: readonly Seen[], cue: string): Seen {
  const a = list.find((x) => x.cue === cue);
  assert.ok(a, `no attribution with cue "${cue}" in ${JSON.stringify(list)}`);
  return a;
}
