/**
 * Verbs that report speech in one sense and do something else in another: "recalled the talks"
 * (remembered, said) but "recalled its envoy" (withdrew). A frame whose cue is one of these and whose
 * content is a plain noun phrase headed by one of the listed nouns is no attribution. One entry a
 * sense; the id names it (the frames it removes are not emitted, so no catalogue entry is needed).
 * "rejected the offer" and "announced sanctions" are left alone: PolNeAR train annotates "rejected"
 * and "announced" as cues 82-83% of the time, noun-phrase objects included.
 */
export const NON_SPEECH: readonly { readonly id: string; readonly cue: RegExp; readonly object: RegExp }[] = [
  { id: 'nonspeech.recall-envoy', cue: /^recall(?:s|ed|ing)?$/i, object: /^(?:(?:its|their|his|her|the|a|an|all|two|three|some|several)\s+)?(?:\S+\s+){0,3}?(?:envoys?|ambassadors?|diplomats?|troops|forces|soldiers|staff|vehicles|cars|products|models|units)\b/i },
];

/** Whether a frame's cue and content read as an action rather than speech; `quoted` when the content is a quotation. */
export function isNonSpeech(cue: string, content: string, quoted = false): boolean {
  // a clause ("recalled that the envoy ...") or a quotation is speech whatever its words
  if (quoted || /^(?:that|how|when|whether)\b|["“]/i.test(content)) return false;
  return NON_SPEECH.some((r) => r.cue.test(cue) && r.object.test(content));
}
