import hand from './cues.json' with { type: 'json' };
import learned from './cues.learned.json' with { type: 'json' };

/** What the lexicon knows about one cue word form. */
export interface CueEntry {
  /** the rule id that provenance reports: a hand entry's id, or cue.learned.<form> */
  readonly id: string;
  /** how often the form is part of an annotated cue in PolNeAR train (1 for hand entries never seen there) */
  readonly precision: number;
  /** the verb may take a hearer before its content ("told Reuters that ...") */
  readonly takesObject: boolean;
  readonly belief: boolean;
  /** words that complete the cue, one of which must follow it ("pointed out", "pointed to", "according to") */
  readonly particle: readonly string[] | null;
  /** a word that must come later in the sentence for the form to be a cue ("regard X as Y") */
  readonly needs: string | null;
  /** the median length in words of the contents this form reports in PolNeAR train (null when unseen) */
  readonly contentWords: number | null;
  /** the rule id of each frame shape for this entry ("cue.say.content-after"), made once */
  readonly rules: Readonly<Record<FrameShape, string>>;
}

/** The ways a cue's frame is read (frames.ts); each makes a rule id with the entry's id. */
export const FRAME_SHAPES = ['after-content', 'before-content', 'content-after', 'content-before', 'content-before-hearer', 'participle', 'passive', 'quote-after', 'quote-before', 'split-quote', 'by-saying', 'coordinated'] as const;
export type FrameShape = (typeof FRAME_SHAPES)[number];
const rulesOf = (id: string) => Object.fromEntries(FRAME_SHAPES.map((s) => [s, `${id}.${s}`])) as Record<FrameShape, string>;

interface HandEntry { id: string; forms: string[]; takesObject?: boolean; belief?: boolean; particle?: string[]; needs?: string }
interface LearnedForm { precision: number; count: number; contentWords?: number }

/** Learned forms below this precision are not cues on their own (they are too often plain verbs). */
export const LEARNED_MIN_PRECISION = 0.2;
/** Hand forms whose learned precision is this low are skipped too (ambiguous words like "found", "called"). */
export const HAND_MIN_PRECISION = 0.3;

/** The cue lexicon: hand entries (cues.json) and forms learned from PolNeAR train (cues.learned.json). */
export function buildLexicon(): ReadonlyMap<string, CueEntry> {
  const forms = (learned as { forms: Record<string, LearnedForm> }).forms;
  const map = new Map<string, CueEntry>();
  for (const e of (hand as { entries: HandEntry[] }).entries) {
    for (const form of e.forms) {
      const precision = forms[form]?.precision ?? 1;
      if (precision < HAND_MIN_PRECISION && !e.particle && !e.belief && !e.needs) continue;
      map.set(form, { id: e.id, precision, takesObject: e.takesObject ?? false, belief: e.belief ?? false, particle: e.particle ?? null, needs: e.needs ?? null, contentWords: forms[form]?.contentWords ?? null, rules: rulesOf(e.id) });
    }
  }
  for (const [form, f] of Object.entries(forms)) {
    if (map.has(form) || f.precision < LEARNED_MIN_PRECISION) continue;
    map.set(form, { id: `cue.learned.${form}`, precision: f.precision, takesObject: false, belief: false, particle: null, needs: null, contentWords: f.contentWords ?? null, rules: rulesOf(`cue.learned.${form}`) });
  }
  return map;
}
