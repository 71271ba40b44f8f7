import type { Range } from './span.js';
import type { EntityType, MentionKind, Modality, QuadClass } from './vocabulary.js';

export type { EntityType, MentionKind, Modality };

/**
 * The data each layer's annotations carry, by layer name. Stages that add a layer of their own
 * extend this interface by declaration merging in their own folder:
 *
 *   declare module '../../core/layers.js' { interface LayerData { quote: QuoteData } }
 *
 * so that a layer's type is declared once, next to the stage that assigns it.
 */
export interface LayerData {
  paragraph: ParagraphData;
  sentence: SentenceData;
  token: TokenData;
  date: DateData;
  entity: EntityData;
  mention: MentionData;
  attribution: AttributionData;
  event: EventData;
}

export type LayerName = keyof LayerData & string;

export interface ParagraphData {
  readonly index: number;
}

export interface SentenceData {
  readonly index: number;
  /** index of the first token of the sentence in the token layer, and one past its last */
  readonly firstToken: number;
  readonly endToken: number;
}

export interface TokenData {
  readonly index: number;
  readonly sentence: number;
  /** the token as written */
  readonly value: string;
  /** lower-cased, normalised form (wink's `normal`) */
  readonly normal: string;
  readonly lemma: string;
  /** universal part of speech tag */
  readonly pos: string;
  /** wink's token type: word, punctuation, number, email, url, ... */
  readonly type: string;
}

export interface DateData {
  /** YYYY-MM-DD, the day the expression refers to */
  readonly date: string;
  /** the last day, for ranges ("from Monday to Wednesday") */
  readonly endDate?: string;
  /** how certain the day is: a weekday or a full date is 'day'; "in May" is 'month' */
  readonly granularity: 'day' | 'month' | 'year';
  /** 'past' or 'future' relative to the publication date, 'present' for the day itself */
  readonly relation: 'past' | 'present' | 'future';
}

/** An actor as results show it: a name resolved to a country and a sector. */
export interface ActorRefData {
  readonly name: string;
  readonly country: string | null;
  readonly sector: string | null;
  /** the words in the text that name the actor, when there are some */
  readonly span?: Range;
  /** the id of the entity annotation the actor was resolved to */
  readonly entity?: number;
}

export interface EntityData {
  readonly name: string;
  readonly type: EntityType;
  readonly country: string | null;
  readonly sector: string | null;
  readonly role: string | null;
  // its mentions are the mention annotations that point to it, kept once (text/lookup.ts mentionsByEntity)
  /** the actor base entry it was resolved to, when there is one */
  readonly actorId?: string;
  /**
   * for a person the article introduces with a role and the actor base does not know: the
   * introducing words, what the article teaches the corpus-learned layer (actors/learned.ts lessonsOf)
   */
  readonly teaches?: Range;
}

/**
 * One place in the text where an entity is named or referred to. The facts about the entity (name,
 * country, sector) live once, on the entity annotation this points to.
 */
export interface MentionData {
  /** id of the entity annotation */
  readonly entity: number;
  readonly kind: MentionKind;
}

export type AttributionKind = 'direct' | 'indirect' | 'mixed';

export interface AttributionData {
  readonly kind: AttributionKind;
  /** the attributed material; for direct quotes the words inside the marks */
  readonly content: Range;
  /** when the content is discontinuous, its parts in text order (content covers them all) */
  readonly contentParts?: readonly Range[];
  readonly cue: Range | null;
  readonly source: Range | null;
  readonly speaker: ActorRefData | null;
  /** outlets or intermediaries that relayed the words, outermost first */
  readonly via: readonly ActorRefData[];
  /** the id of the attribution this one is nested in */
  readonly parent: number | null;
}

export interface EventData {
  readonly type: string;
  readonly mode: string | null;
  readonly modality: Modality;
  readonly actor: readonly ActorRefData[];
  readonly recipient: readonly ActorRefData[];
  readonly trigger: Range;
  readonly sentence: Range;
  readonly date: string | null;
  /** the id of the attribution annotation the event is reported in */
  readonly attribution: number | null;
  readonly cameo: string | null;
  readonly quadClass: QuadClass;
  readonly score: number;
  /** where the event took place ("met in Singapore", a dateline), when the text says: a place, not a party */
  readonly location?: EventLocation;
}

/** The place of an event: the words that name it, and its country when known. */
export interface EventLocation {
  readonly name: string;
  readonly country: string | null;
  readonly span: Range;
}
