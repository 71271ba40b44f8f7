import type { ActorRefJson, EventJson, SpanJson } from '../result/schema.js';
import type { StoredEvent } from './store.js';

/**
 * A stored event as both engines select it (the event joined to its article) and its mapping to the
 * store's StoredEvent: one definition, so the two engines cannot drift in what an event row means.
 *
 * An event row keeps no words of its article (migration 10): its trigger and sentence are offsets
 * into the article's text, and its parties a compact list (packParties) whose spans are offsets
 * too; reading puts the words back from the text. Words that are not the article's text between
 * their offsets (none are, today) are kept as written (`words`, `packParties`).
 */
export interface EventRow {
  rowid: number; idx: number; type: string; mode: string | null; modality: string; date: string | null;
  quad: number; score: number; cameo: string | null;
  trigger_start: number; trigger_end: number; sentence_start: number; sentence_end: number; words: string | null; parties: string;
  confidence: number; happening_rowid: number | null;
  article_rowid: number; article_id: string; outlet: string | null; url: string | null; published: string | null; title: string | null;
}

/** The columns of an EventRow, over `event e JOIN article a`. */
export const EVENT_COLUMNS = `e.rowid, e.idx, e.type, e.mode, e.modality, e.date, e.quad, e.score, e.cameo, e.trigger_start, e.trigger_end,
  e.sentence_start, e.sentence_end, e.words, e.parties, e.confidence, e.happening_rowid, e.article_rowid, a.id AS article_id, a.outlet,
  a.url, a.published, a.title`;

/**
 * A happening's first report, the one it was made from, which gave it its type, mode, CAMEO code and
 * parties (the happening row keeps none of them twice): joined as `f` to `happening h`.
 */
export const FIRST_REPORT = 'JOIN event f ON f.rowid = (SELECT min(fr.rowid) FROM event fr WHERE fr.happening_rowid = h.rowid)';
export const FIRST_REPORT_COLUMNS = 'f.mode, f.cameo, f.parties, f.article_rowid AS first_article_rowid';

/** What an event row stores of the event beyond its plain fields, in the order of the columns. */
export interface StoredEventWords {
  readonly triggerStart: number; readonly triggerEnd: number; readonly sentenceStart: number; readonly sentenceEnd: number;
  readonly words: string | null; readonly parties: string;
}

export function eventWords(event: EventJson, text: string): StoredEventWords {
  const own = (span: SpanJson) => (text.slice(span.start, span.end) === span.text ? null : span.text);
  const trigger = own(event.trigger), sentence = own(event.sentence);
  return {
    triggerStart: event.trigger.start, triggerEnd: event.trigger.end, sentenceStart: event.sentence.start, sentenceEnd: event.sentence.end,
    words: trigger === null && sentence === null ? null : JSON.stringify([trigger, sentence]), parties: packParties([event.actor, event.recipient], text),
  };
}

/** The event row as a StoredEvent; `text` is its article's text. */
export function toStoredEvent(r: EventRow, text: string): StoredEvent {
  const words = r.words === null ? [null, null] : JSON.parse(r.words) as [string | null, string | null];
  const [actor, recipient] = unpackParties(r.parties, text) as [ActorRefJson[], ActorRefJson[]];
  return {
    id: `${r.article_id}.e${r.idx}`, articleId: r.article_id, index: r.idx, type: r.type, mode: r.mode, modality: r.modality,
    actor, recipient, date: r.date, quadClass: r.quad, score: r.score, cameo: r.cameo,
    trigger: words[0] ?? text.slice(r.trigger_start, r.trigger_end), sentence: words[1] ?? text.slice(r.sentence_start, r.sentence_end),
    confidence: r.confidence, happeningId: r.happening_rowid === null ? null : `h${r.happening_rowid}`,
    source: { articleId: r.article_id, outlet: r.outlet, url: r.url, published: r.published, title: r.title },
  };
}

type PackedRef = [string, string | null, string | null] | [string, string | null, string | null, number, number] |
  [string, string | null, string | null, number, number, string];

/**
 * Lists of party references, compactly: each [name, country, sector], then the span's start and
 * end when it has one, then its words when they are not the text between them. A third of an
 * event row's bytes were the keys and words of its parties' JSON.
 */
export function packParties(lists: readonly (readonly ActorRefJson[])[], text: string): string {
  return JSON.stringify(lists.map((refs) => refs.map((r): PackedRef => {
    if (!r.span) return [r.name, r.country, r.sector];
    const { start, end } = r.span;
    return text.slice(start, end) === r.span.text ? [r.name, r.country, r.sector, start, end] : [r.name, r.country, r.sector, start, end, r.span.text];
  })));
}

export function unpackParties(packed: string, text: string): ActorRefJson[][] {
  return (JSON.parse(packed) as PackedRef[][]).map((refs) => refs.map((p): ActorRefJson => {
    const ref: ActorRefJson = { name: p[0], country: p[1], sector: p[2] };
    if (p.length > 3) ref.span = { start: p[3]!, end: p[4]!, text: p[5] ?? text.slice(p[3]!, p[4]!) };
    return ref;
  }));
}

/**
 * A quote's speaker as the quote row keeps it (quote.speaker_json, migration 11): [name, country,
 * sector], then its span's start and end, then its words when they are not the text between them in
 * `text`, the article of the quote's first variant, which the speaker is of (migration 12; without a
 * text the words are kept, as migration 11 stored them). The keys of its JSON were a third of a
 * quote row, the words of its span a sixth.
 */
export function packSpeaker(ref: ActorRefJson, text?: string): string {
  if (!ref.span) return JSON.stringify([ref.name, ref.country, ref.sector]);
  const { start, end } = ref.span;
  return JSON.stringify(text !== undefined && text.slice(start, end) === ref.span.text
    ? [ref.name, ref.country, ref.sector, start, end] : [ref.name, ref.country, ref.sector, start, end, ref.span.text]);
}

/**
 * The speaker packSpeaker kept; `text` is the article of the quote's first variant. Without it a
 * span whose words are that text's is left out: merging compares speakers by name only.
 */
export function unpackSpeaker(packed: string, text?: string): ActorRefJson {
  const p = JSON.parse(packed) as PackedRef;
  const ref: ActorRefJson = { name: p[0], country: p[1], sector: p[2] };
  if (p.length > 5 || (p.length > 3 && text !== undefined)) ref.span = { start: p[3]!, end: p[4]!, text: p[5] ?? text!.slice(p[3]!, p[4]!) };
  return ref;
}
