import type { Range } from '../../core/span.js';

/**
 * The edges of a source as PolNeAR draws them, where the rules' phrase runs past them. Each entry
 * drops words at one end of the source: `at` says which end, `drops` matches what goes (anchored at
 * that end). The figures are PolNeAR train's gold sources (the phrase inside the gold source / right
 * beside it, outside): they chose the entries, not dev. The ids go into an attribution's evidence
 * and the rule catalogue.
 */
export const SOURCE_EDGES: readonly { readonly id: string; readonly at: 'start' | 'end'; readonly drops: RegExp; readonly rest?: RegExp }[] = [
  // "the Security Council issued a statement", "Rep. Ann Lee in a statement": the statement is the cue's (train: 15 outside, 1 inside)
  { id: 'source.edge.statement', at: 'end', drops: /(\s+(?:in|issued|released|put out)\s+(?:a|an)\s+(?:(?:joint|written|brief|separate|emailed|e-mailed)\s+)?(?:statement|news release|press release)\b.*)$/ },
  // "Wells Fargo just this month", "Trump at the time": when, not who (train: 104 outside, 34 inside), after a name
  // only: "a poll released last week", "a senator who spoke on Tuesday" keep it
  { id: 'source.edge.time', at: 'end', rest: /^\p{Lu}(?!.*\s(?:who|whose|which|that|with)\s)(?:.*\s\p{Lu}[\p{L}.'’-]*|.*\)|[\p{L}.'’-]*)$/u, drops: /(\s+(?:(?:just|earlier|later)\s+)?(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|at\s+the\s+time|(?:last|this)\s+(?:week|month|year)|earlier\s+this\s+(?:week|month|year)))$/ },
  // "WASHINGTON -- President Obama", "BRUSSELS - European leaders": a dateline opens the story, not the source
  { id: 'source.edge.dateline', at: 'start', drops: /^(\p{Lu}{2,}(?:[\s,.]+\p{Lu}{2,}\.?)*\s+(?:--|-|—|–)\s+)(?=\p{L})/u },
  // "which state news media claimed", "that Mayor Ann Lee described as": the relative word is the content's, the subject the source;
  // "that freewheeling environment" is a demonstrative, kept
  { id: 'source.edge.relative', at: 'start', drops: /^((?:which|whom)\s+(?=\S)|that\s+(?=\p{Lu}|(?:the|a|an)\s))/u },
  // "said Caddell, speaking of ...": a comma that closes no pair inside the source (train: 854 outside, 3 inside);
  // "Ryan, a policy-focused conservative," keeps its closing comma (997 inside, 116 outside)
  { id: 'source.edge.comma', at: 'end', drops: /^[^,]*(,\s*)$/ },
  // "― Carla Sanchez.": a full stop after a word, not after an initial or an abbreviation ("Joseph R. Biden Jr.")
  { id: 'source.edge.stop', at: 'end', drops: /(?<=[\p{Ll}]{3})(\.\s*)$/u },
];

/** The source with its edges as PolNeAR draws them (SOURCE_EDGES, whitespace too), and the ids of the entries that moved an edge. */
export function sourceEdges(text: string, source: Range): { source: Range; rules: string[] } {
  let { start, end } = source;
  const rules: string[] = [];
  const trim = () => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
  };
  trim();
  for (const e of SOURCE_EDGES) {
    const words = text.slice(start, end);
    const m = e.drops.exec(words);
    if (!m || m[1]!.length >= words.length) continue;
    if (e.rest && !e.rest.test(e.at === 'end' ? words.slice(0, words.length - m[1]!.length) : words.slice(m[1]!.length))) continue;
    if (e.at === 'end') end -= m[1]!.length;
    else start += m[1]!.length;
    trim();
    rules.push(e.id);
  }
  return { source: { start, end }, rules };
}

// the participles of a passive cue whose subject is what was said of, not who said it
const TARGETED = String.raw`(?:asked|expected|known|seen|said|charged|accused|criticized|criticised|revealed|named|called|declared|announced|intended|shown|considered|told|challenged|described|reported|required|allowed|released|blamed|informed|sworn|pressed|attacked|fired|celebrated|confirmed|questioned|urged|ordered|invited|believed|thought|rumou?red|alleged|suspected|understood|label+ed|sued|indicted|convicted|warned|instructed|encouraged|advised|praised|condemned|denounced|mocked|ridiculed)`;
// auxiliaries and adverbs before the verb of a cue ("has been", "would also", "did not")
const AUXILIARIES = String.raw`(?:(?:has|have|had|will|would|could|can|may|might|must|should|to|do|does|did|also|often|widely|repeatedly|once|eventually|never|not|now|still|lately|then|is|are|was|were|be|been|being)\s+)*`;
/**
 * Cues whose subject is no source: PolNeAR gives the words none. Each entry matches the cue with the
 * auxiliaries before it; the id goes into the evidence of an attribution that loses its source so.
 * Figures: PolNeAR train, a subject before such a cue, without a gold source / where the subject was it.
 */
export const SOURCELESS_CUES: readonly { readonly id: string; readonly cue: RegExp }[] = [
  // "Tom Baker was accused of", "the plan is expected to", "Lee has been criticized for": the subject is the target (114 / 5);
  // psychological participles ("is convinced", "are worried about") are the subject's own state, not listed
  { id: 'source.passive-target', cue: new RegExp(String.raw`^${AUXILIARIES}(?:is|are|was|were|be|been|being|[’']s)\s+(?:\p{Ll}+ly\s+)?${TARGETED}(?:\s+(?:about|for|with|of|as|to|by|on|over|in))?$`, 'iu') },
  // "the voters seemed to", "Christie appeared to": an impression, the writer's (about 110 / 15)
  { id: 'source.raising', cue: new RegExp(String.raw`^${AUXILIARIES}(?:\p{Ll}+ly\s+)?(?:seem|seems|seemed|appear|appears|appeared)$`, 'iu') },
];

/** The entry of SOURCELESS_CUES a frame's cue matches, with the words between the source before it and the cue; null if none. */
export function sourcelessCue(text: string, source: Range, cue: Range): string | null {
  // the auxiliaries may lie outside the rules' cue, between it and the source ("has been | criticized for")
  if (source.end > cue.start) return null;
  const words = text.slice(source.end, cue.end).replace(/^[\s,]+/, '');
  return SOURCELESS_CUES.find((e) => e.cue.test(words))?.id ?? null;
}
