import type { Document } from '../../core/document.js';
import type { ActorRefData } from '../../core/layers.js';
import type { Range } from '../../core/span.js';
import type { SpeakerResolver } from './speakers.js';

/** What a frame offers the via rules. */
interface ViaFrame {
  readonly sentence: Range;
  readonly cue: Range;
  readonly content: Range;
  readonly source: Range | null;
  readonly relay?: Range | null;
  readonly speaker: ActorRefData | null;
}

/**
 * Patterns that name a relaying outlet next to the cue. Each has an id (the rule) and the words
 * before the outlet's name; they are matched in the sentence outside the content.
 */
export const VIA_PATTERNS: readonly { id: string; before: RegExp }[] = [
  { id: 'via.told', before: /\b(?:told|telling|tells|tell)\s+(?:the\s+)?$/i },
  { id: 'via.interview', before: /\b(?:in\s+)?(?:an?|his|her|their)\s+(?:\w+\s+)?interview\s+(?:with|on|to)\s+(?:the\s+)?$/i },
  { id: 'via.report', before: /\baccording\s+to\s+(?:an?|the)\s+(?:new\s+|recent\s+)?$/i },
  { id: 'via.carried', before: /\b(?:carried|broadcast|published|aired|reported|relayed)\s+(?:by|on|in)\s+(?:the\s+)?$/i },
  // "The letter, obtained by The Straits Times, says ...": the outlet that got hold of the words relays them
  { id: 'via.obtained', before: /\b(?:obtained|seen|reviewed)\s+by\s+(?:the\s+)?$/i },
  { id: 'via.speaking-to', before: /\b(?:speaking|spoke|talking)\s+(?:to|with)\s+(?:the\s+)?$/i },
  // "..., per the New York Times", "..., reports the AP"
  { id: 'via.per', before: /,\s*(?:per|reports|reported|reporting)\s+(?:the\s+)?$/i },
  { id: 'via.in-outlet', before: /\b(?:wrote|writing|said|told)\s+(?:in|on)\s+(?:an?\s+(?:op-ed|column|post|piece)\s+(?:in|for)\s+)?(?:the\s+)?$/i },
];

// what follows an outlet's name that relays the sentence before it: "CNBC reports.", "Tasnim news agency reported."
const TRAILING_REPORT = /^(?:\s+(?:news\s+)?agency)?\s+(?:reports|reported|said|says|writes|wrote)\b[^,;]{0,25}[.!?]?\s*$/i;

/** The outlets that relayed a frame's words: "told Reuters", "quoted him as saying", "carried by state media". */
export function viaOf(doc: Document, f: ViaFrame, resolver: SpeakerResolver): ActorRefData[] {
  const found: ActorRefData[] = [];
  const add = (r: ActorRefData) => { if (!found.some((x) => x.name === r.name)) found.push(r); };
  if (f.relay) {
    const o = resolver.outletIn(f.relay);
    add(o ? { name: o.name, country: o.country, sector: o.sector, span: f.relay } : { name: doc.text.slice(f.relay.start, f.relay.end), country: null, sector: null, span: f.relay });
  }
  const outlets = resolver.within(f.sentence).filter((c) => c.type === 'MEDIA');
  for (const o of outlets) {
    const before = doc.text.slice(Math.max(f.sentence.start, o.span.start - 60), o.span.start);
    const pattern = VIA_PATTERNS.find((p) => p.before.test(before));
    // an outlet inside the content or the source is not a relay, unless the words say it carried them
    if (o.span.start >= f.content.start && o.span.end <= f.content.end && pattern?.id !== 'via.carried') continue;
    if (f.source && o.span.start >= f.source.start && o.span.end <= f.source.end && pattern?.id !== 'via.obtained' && !/\breport|\binterview/i.test(doc.text.slice(f.source.start, f.source.end))) continue;
    // "..., the minister said, CNBC reports.": an outlet after the cue that reports the whole sentence
    const trailing = !pattern && o.span.start >= f.cue.end && /,\s*(?:the\s+)?$/i.test(before) && TRAILING_REPORT.test(doc.text.slice(o.span.end, Math.min(f.sentence.end, o.span.end + 40)));
    if (pattern || trailing) add({ name: o.name, country: o.country, sector: o.sector, span: o.span });
  }
  return found;
}
