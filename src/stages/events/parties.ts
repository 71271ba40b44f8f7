import type { LayerAnnotation } from '../../core/annotation.js';
import type { ActorRefData } from '../../core/layers.js';
import type { Phrase } from './phrases.js';

type Token = LayerAnnotation<'token'>;

/** Prepositions that introduce the one acted on ("sanctions on Iran", "talks with Kim", "protest against"). */
const RECIPIENT_PREPOSITIONS = new Set(['to', 'against', 'on', 'upon', 'with', 'toward', 'towards', 'into', 'of', 'for', 'from', 'at', 'over']);
/** Prepositions that introduce places, times and circumstances: never a party, except as a place. */
const BE = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', "'s", "'re"]);

export interface Parties {
  actor: ActorRefData[];
  recipient: ActorRefData[];
  actorRule: string | null;
  recipientRule: string | null;
}

export interface PartyContext {
  readonly tokens: readonly Token[];
  readonly phrases: readonly Phrase[];
  readonly clause: readonly [number, number];
  /** first and last token of the trigger */
  readonly trigger: readonly [number, number];
  readonly nominal: boolean;
  readonly subjectIsRecipient: boolean;
  /** the actor a pronoun stands for, found by the caller from earlier text */
  readonly antecedent: (pronoun: Phrase) => ActorRefData[];
}

const prepositionBefore = (tokens: readonly Token[], p: Phrase): string | null => {
  const t = tokens[p.start - 1];
  return t && (t.data.pos === 'ADP' || t.data.normal === 'to') ? t.data.normal : null;
};

/** "has been arrested", "were shelled": a be-form right before the verb, adverbs and "not" allowed between */
export function isPassive(tokens: readonly Token[], verb: number): boolean {
  const v = tokens[verb];
  if (!v || v.data.normal.endsWith('ing')) return false;
  for (let i = verb - 1; i >= Math.max(0, verb - 3); i--) {
    const t = tokens[i]!;
    if (BE.has(t.data.normal) && (t.data.pos === 'AUX' || t.data.pos === 'VERB')) return true;
    if (t.data.pos !== 'ADV' && t.data.pos !== 'PART') return false;
  }
  return false;
}

/** The phrase and the ones coordinated with it ("the US and Jordan", "Iran, Libya and Sudan"). */
function withCoordinates(ctx: PartyContext, first: Phrase, limit: number): ActorRefData[] {
  const refs = [...refsOf(ctx, first)];
  let last = first;
  for (const p of ctx.phrases) {
    if (p.start < last.end || p.start >= limit) continue;
    const between = ctx.tokens.slice(last.end, p.start).map((t) => t.data.normal).filter((w) => w !== ',');
    const joined = between.length === 0 || (between.length === 1 && (between[0] === 'and' || between[0] === '&'))
      || (between.length === 2 && between[0] === 'along' && between[1] === 'with');
    if (!joined || ctx.tokens.slice(last.end, p.start).length === 0) break;
    if (!p.refs.length) break;
    refs.push(...p.refs);
    last = p;
  }
  return unique(refs);
}

function refsOf(ctx: PartyContext, p: Phrase): ActorRefData[] {
  return p.pronoun ? ctx.antecedent(p) : p.refs;
}

const hasParty = (ctx: PartyContext, p: Phrase) => p.refs.length > 0 || p.pronoun;

/** The subject of the clause: its first phrase that names a party and is not inside a prepositional phrase. */
function subject(ctx: PartyContext, before: number): Phrase | undefined {
  const [cs] = ctx.clause;
  const opener = ctx.tokens[cs];
  // a relative clause ("the senator who negotiated") takes the phrase it follows as subject
  if (opener && ['who', 'which', 'that'].includes(opener.data.normal) && opener.data.pos === 'PRON') {
    const antecedent = [...ctx.phrases].reverse().find((p) => p.end <= cs);
    if (antecedent && hasParty(ctx, antecedent)) return antecedent;
  }
  return ctx.phrases.find((p) => p.start >= cs && p.end <= before && hasParty(ctx, p) && !['of', 'in', 'at', 'by', 'from', 'during', 'under', 'near', 'after', 'before', 'since', 'over', 'across', 'within', 'between'].includes(prepositionBefore(ctx.tokens, p) ?? ''));
}

/** The first party after the trigger in its clause: a direct object or one after a recipient preposition. */
function object(ctx: PartyContext, after: number, allowed: (prep: string | null) => boolean): Phrase | undefined {
  const [, ce] = ctx.clause;
  return ctx.phrases.find((p) => p.start > after && p.end <= ce && p.refs.length > 0 && allowed(prepositionBefore(ctx.tokens, p)));
}

/**
 * Actor and recipient of an event from the clause around its trigger, by position, without a parser:
 *   active verb   subject -> object             "Iran rejected the offer", "the US imposed sanctions on Iran"
 *   passive verb  "by" phrase -> subject        "protesters were arrested by riot police"
 *   noun          modifier or possessive -> "on/against/with" phrase   "US sanctions on Iran", "Trump's offer"
 *   modal demand  speaker -> subject            "Libya must hand over the suspects" (set by the caller)
 */
export function findParties(ctx: PartyContext): Parties {
  const [h, last] = ctx.trigger;
  const recipientPrep = (prep: string | null) => prep === null || RECIPIENT_PREPOSITIONS.has(prep);
  if (ctx.nominal) {
    const own = ctx.phrases.find((p) => p.start <= h && p.end > h);
    let actor: ActorRefData[] = [];
    let actorRule: string | null = null;
    if (own && own.start < h && own.refs.length && (own.refs[0]?.span?.start ?? Infinity) < (ctx.tokens[h]?.start ?? 0)) {
      actor = own.refs; actorRule = 'actor.noun-modifier';
    } else {
      const by = object(ctx, last, (prep) => prep === 'by' || prep === 'from');
      if (by && by.start - last <= 4) { actor = by.refs; actorRule = 'actor.noun-by'; }
    }
    if (!actor.length && (!own || own.start > ctx.clause[0])) {
      const s = subject(ctx, own ? own.start : h);
      if (s) { actor = withCoordinates(ctx, s, h); actorRule = 'actor.clause-subject'; }
    }
    const r = object(ctx, last, (prep) => prep !== null && RECIPIENT_PREPOSITIONS.has(prep) && prep !== 'from');
    return { actor, recipient: r ? withCoordinates(ctx, r, ctx.clause[1]) : [], actorRule, recipientRule: r ? 'recipient.noun-complement' : null };
  }
  if (isPassive(ctx.tokens, h)) {
    const by = object(ctx, last, (prep) => prep === 'by');
    const s = subject(ctx, h);
    return {
      actor: by ? withCoordinates(ctx, by, ctx.clause[1]) : [], actorRule: by ? 'actor.passive-by' : null,
      recipient: s ? withCoordinates(ctx, s, h) : [], recipientRule: s ? 'recipient.passive-subject' : null,
    };
  }
  const s = subject(ctx, h);
  const subjectRefs = s ? withCoordinates(ctx, s, h) : [];
  if (ctx.subjectIsRecipient) {
    return { actor: [], actorRule: null, recipient: subjectRefs, recipientRule: s ? 'recipient.modal-subject' : null };
  }
  const o = object(ctx, last, (prep) => recipientPrep(prep) && prep !== 'by');
  return {
    actor: subjectRefs, actorRule: s ? 'actor.subject' : null,
    recipient: o ? withCoordinates(ctx, o, ctx.clause[1]) : [], recipientRule: o ? 'recipient.object' : null,
  };
}

/** A place named after "in" ("protests in Serbia"): the country an event happens in. */
export function placeAfter(ctx: Pick<PartyContext, 'tokens' | 'phrases' | 'clause'>, after: number): ActorRefData[] {
  const p = ctx.phrases.find((x) => x.start > after && x.end <= ctx.clause[1] && x.refs.length > 0 && prepositionBefore(ctx.tokens, x) === 'in');
  return p ? p.refs : [];
}

export function unique(refs: ActorRefData[]): ActorRefData[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = `${r.name}|${r.country}|${r.sector}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
