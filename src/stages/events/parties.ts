import type { ActorRefData, EventLocation } from '../../core/layers.js';
import { isNonState } from '../../ontology/actors.js';
import { datelineEnd } from './clauses.js';
import { isPersonNoun, sectorOfNoun } from './gazetteer.js';
import { uniqueRefs, withoutArticle, type Phrase } from './phrases.js';

import type { Token } from '../../text/lookup.js';

/** Prepositions that introduce the one acted on ("sanctions on Iran", "talks with Kim", "protest against"). */
const RECIPIENT_PREPOSITIONS = new Set(['to', 'against', 'on', 'upon', 'with', 'toward', 'towards', 'into', 'of', 'for', 'from', 'at', 'over', 'by']);
/** Prepositions that introduce places, times and circumstances: never a party, except as a place. */
const BE = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', "'s", "'re"]);
/** participles that after "be" are adjectives with an active subject ("Israel is opposed to ...") */
const STATIVE = new Set(['opposed', 'willing', 'ready', 'prepared', 'engaged', 'committed', 'determined', 'involved']);
/** prepositions that tie a group to the country it belongs to or lives in ("rebels in the Ivory Coast", "leaders of the opposition") */
const BELONGING = new Set(['of', 'in', 'from', 'with']);
/** words of a reporting clause ("..., the ministry said") */
/** Words of a reporting clause ("..., a UN official said"): its subject is a source, not a party. The stage's one list. */
export const REPORTING = new Set(['said', 'says', 'say', 'told', 'reported', 'reports', 'announced', 'added', 'according', 'quoted', 'stated', 'confirmed', 'cited']);
/** Prepositions that introduce what or whom a complaint is about. */
const ACCUSED_PREPOSITIONS = new Set(['over', 'about', 'against']);
const SKIP_AS_SUBJECT = new Set(['of', 'in', 'at', 'by', 'from', 'during', 'under', 'near', 'after', 'before', 'since', 'over', 'across', 'within', 'between', 'on', 'for', 'with', 'to', 'into', 'against', 'like']);

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
  /** an accusation: its target is the one accused, not the one addressed (recipient.accused) */
  readonly accusation?: boolean;
  /** a harmful act: a bare participle ending its clause is a passive (reducedPassive) */
  readonly bareIsPassive?: boolean;
  /** the actor a pronoun stands for, found by the caller from earlier text */
  readonly antecedent: (pronoun: Phrase) => ActorRefData[];
  /** the document's text */
  readonly text: string;
  /** where the ids of rules that reshaped a party phrase go (party.person-of-place), for the event's evidence */
  readonly notes?: string[];
}

/** The text from the start of token `a` to the end of token `b - 1`, without a leading article. */
function textOf(ctx: PartyContext, a: number, b: number): string {
  return withoutArticle(ctx.text.slice(ctx.tokens[a]!.start, ctx.tokens[b - 1]!.end));
}

const prepositionBefore = (tokens: readonly Token[], p: Phrase): string | null => {
  const t = tokens[p.start - 1];
  return t && (t.data.pos === 'ADP' || t.data.normal === 'to') ? t.data.normal : null;
};

/** "has been arrested", "were shelled": a be-form right before the verb, adverbs and "not" allowed between */
export function isPassive(tokens: readonly Token[], verb: number): boolean {
  const v = tokens[verb];
  if (!v || v.data.normal.endsWith('ing') || STATIVE.has(v.data.normal)) return false;
  for (let i = verb - 1; i >= Math.max(0, verb - 3); i--) {
    const t = tokens[i]!;
    if (BE.has(t.data.normal) && (t.data.pos === 'AUX' || t.data.pos === 'VERB')) return true;
    if (t.data.pos !== 'ADV' && t.data.pos !== 'PART') return false;
  }
  return false;
}

/**
 * A passive without "be": a participle followed at once by "by" and its agent ("Zarif sanctioned by
 * the US Treasury", "troops backed by Russia"), or, for a harmful act (`bareIsPassive`), a participle
 * that ends its clause after a subject, as in a headline ("Iran's Zarif sanctioned").
 */
function reducedPassive(ctx: PartyContext, verb: number, last: number): boolean {
  const v = ctx.tokens[verb]!;
  if (v.data.pos !== 'VERB' || !v.data.normal.endsWith('ed') || verb !== last) return false;
  const next = ctx.tokens[last + 1];
  if (next?.data.normal === 'by') return ctx.tokens[last + 2]?.data.pos !== 'VERB';
  if (!ctx.bareIsPassive || verb === ctx.clause[0]) return false;
  for (let i = last + 1; i < ctx.clause[1]; i++) if (ctx.tokens[i]!.data.pos !== 'PUNCT') return false;
  return true;
}

/** The phrase and the ones coordinated with it ("the US and Jordan", "Iran, Libya and Sudan"). */
function withCoordinates(ctx: PartyContext, first: Phrase, limit: number): ActorRefData[] {
  if (first.rule === PERSON_OF_PLACE || first.rule === APPOSITION) ctx.notes?.push(first.rule);
  const refs = [...refsOf(ctx, first)];
  let last = first;
  let commas: ActorRefData[] = [];
  let anded = false;
  for (const p of ctx.phrases) {
    if (p.start < last.end || p.start >= limit) continue;
    const joint = jointBetween(ctx.tokens, last.end, p.start);
    if (joint === NOT_JOINED || Math.min(p.start, ctx.tokens.length) - last.end <= 0) break;
    if (!p.refs.length) break;
    if (joint === COMMAS_ONLY) commas.push(...p.refs); else { refs.push(...commas, ...p.refs); commas = []; anded = true; }
    last = p;
  }
  // "Pakistan, a key U.S. ally, has refused": commas without an "and" set off an appositive, not a list
  if (anded) refs.push(...commas);
  return uniqueRefs(refs);
}

const NOT_JOINED = 0, COMMAS_ONLY = 1, CONJOINED = 2;

/**
 * How the words between two phrases (tokens `a` to `b`) join them, commas aside: not at all, by
 * commas only (nothing else between), or by "and", "&" or "along with".
 */
function jointBetween(tokens: readonly Token[], a: number, b: number): number {
  let n = 0, first = '', second = '';
  for (let i = a; i < b && i < tokens.length; i++) {
    const w = tokens[i]!.data.normal;
    if (w === ',') continue;
    if (++n > 2) return NOT_JOINED;
    if (n === 1) first = w; else second = w;
  }
  if (n === 0) return COMMAS_ONLY;
  if (n === 1) return first === 'and' || first === '&' ? CONJOINED : NOT_JOINED;
  return first === 'along' && second === 'with' ? CONJOINED : NOT_JOINED;
}

const POSSESSIVE = new Set(['its', 'their', 'his', 'her', 'our']);
/** "their forces", "its army": a party owned by the one named before, with the sector its noun gives */
const possessed = (ctx: PartyContext, p: Phrase) => !p.refs.length && !p.pronoun && POSSESSIVE.has(ctx.tokens[p.start]?.data.normal ?? '')
  && sectorOfNoun(ctx.tokens[p.end - 1]!.data.normal) !== undefined;

function refsOf(ctx: PartyContext, p: Phrase): ActorRefData[] {
  if (p.pronoun) return ctx.antecedent(p);
  if (possessed(ctx, p)) {
    const sector = sectorOfNoun(ctx.tokens[p.end - 1]!.data.normal) ?? null;
    return ctx.antecedent(p).map((r) => ({ ...r, sector: sector ?? r.sector, name: `${r.name} ${ctx.tokens[p.end - 1]!.data.value}` }));
  }
  return p.refs;
}

const hasParty = (ctx: PartyContext, p: Phrase) => p.refs.length > 0 || p.pronoun || possessed(ctx, p);

/**
 * The subject of the clause: its first phrase outside a prepositional phrase. A group without a country
 * takes the one it belongs to or lives in ("Thousands of Iraqi Kurds", "rebels in the Ivory Coast"),
 * with the sector its own noun gives; failing that, the first phrase before the trigger that names a party.
 */
function subject(ctx: PartyContext, before: number): Phrase | undefined {
  const [cs] = ctx.clause;
  const opener = ctx.tokens[cs];
  // a relative clause ("the senator who negotiated") takes the phrase it follows as subject
  const afterOpener = ctx.tokens[cs + 1];
  const subjectRelative = afterOpener && ['VERB', 'AUX', 'ADV'].includes(afterOpener.data.pos);
  if (opener && ['who', 'which', 'that'].includes(opener.data.normal) && opener.data.pos === 'PRON' && subjectRelative) {
    const antecedent = [...ctx.phrases].reverse().find((p) => p.end <= cs);
    if (antecedent && hasParty(ctx, antecedent)) return antecedent;
  }
  const opened = subjectAfterSubordinator(ctx, before);
  if (opened) return opened;
  const free: Phrase[] = [];
  for (const p of ctx.phrases) if (p.start >= cs && p.end <= before && !SKIP_AS_SUBJECT.has(prepositionBefore(ctx.tokens, p) ?? '')) free.push(p);
  const first = free[0];
  const apposed = first && appositive(ctx, first, before);
  if (apposed) return apposed;
  if (first && hasParty(ctx, first)) return first.pronoun || possessed(ctx, first) ? { ...first, pronoun: false, refs: refsOf(ctx, first) } : first;
  if (first) {
    const i = ctx.phrases.indexOf(first);
    for (let k = i + 1; k < ctx.phrases.length && k <= i + 2; k++) {
      const p = ctx.phrases[k]!;
      if (p.end > before || !BELONGING.has(prepositionBefore(ctx.tokens, p) ?? '')) break;
      if (p.refs.length) {
        const head = ctx.tokens[first.end - 1]!.data.normal;
        const sector = sectorOfNoun(head) ?? null;
        return { ...p, refs: p.refs.map((r) => ({ ...r, sector: sector ?? r.sector, name: textOf(ctx, first.start, p.end) })) };
      }
    }
  }
  const other = free.find((p) => hasParty(ctx, p));
  return other && (other.pronoun || possessed(ctx, other)) ? { ...other, pronoun: false, refs: refsOf(ctx, other) } : other;
}

/**
 * Rule party.apposition: a name the actor base does not know takes the country its apposition gives,
 * between commas before the verb: "Jan Novak, the foreign minister of Poland, rejected ..." and "Jan
 * Novak, Poland's foreign minister, rejected ..." are Poland's (the sector from the apposition's noun).
 * Returns the name as a phrase that reaches to the end of the apposition, or undefined.
 */
function appositive(ctx: PartyContext, name: Phrase, before: number): Phrase | undefined {
  const { tokens, phrases } = ctx;
  if (name.refs.length || name.pronoun || !/^[A-Z]/.test(tokens[name.start]!.data.value) || tokens[name.end]?.data.value !== ',') return undefined;
  const k = phrases.indexOf(name);
  const described = phrases[k + 1];
  if (!described || described.pronoun || described.start !== name.end + 1 || described.end > before) return undefined;
  let country = described.refs[0];
  let end = described.end;
  if (!country) {
    const of = phrases[k + 2];
    if (!of || of.start !== described.end + 1 || of.end > before || !ORIGIN.has(prepositionBefore(tokens, of) ?? '')) return undefined;
    country = of.refs[0];
    end = of.end;
  }
  if (!country?.country || tokens[end]?.data.value !== ',') return undefined;
  const sector = sectorOfNoun(tokens[described.end - 1]!.data.normal) ?? country.sector;
  const span = { start: tokens[name.start]!.start, end: tokens[name.end - 1]!.end };
  return { ...name, end, refs: [{ name: textOf(ctx, name.start, name.end), country: country.country, sector, span }], rule: APPOSITION };
}

/** Words tagged as prepositions that may open a clause of their own ("after Trump attacked ..."). */
const SUBORDINATING = new Set(['after', 'before', 'since', 'until', 'as', 'while', 'because']);

/**
 * "... came after rival Donald Trump attacked Machado": a party right before the verb (adverbs and
 * auxiliaries between) after a word that opens clauses is that verb's subject, even where the tagger
 * read the word as a preposition and no clause was split there.
 */
function subjectAfterSubordinator(ctx: PartyContext, verb: number): Phrase | undefined {
  const { tokens } = ctx;
  let end = verb;
  while (end > ctx.clause[0] && ['ADV', 'AUX', 'PART'].includes(tokens[end - 1]!.data.pos)) end--;
  for (const p of ctx.phrases) {
    if (p.end !== end || p.start < ctx.clause[0]) continue;
    return p.refs.length && SUBORDINATING.has(prepositionBefore(tokens, p) ?? '') && tokens[verb]?.data.pos === 'VERB' ? p : undefined;
  }
  return undefined;
}

/** The first phrase that holds token `i`. */
function phraseHolding(phrases: readonly Phrase[], i: number): Phrase | undefined {
  for (const p of phrases) if (p.start <= i && p.end > i) return p;
  return undefined;
}

/** The first party after the trigger in its clause: a direct object or one after a recipient preposition. */
function object(ctx: PartyContext, after: number, allowed: (prep: string | null) => boolean, from = after): Phrase | undefined {
  const [, ce] = ctx.clause;
  // the object does not lie beyond another verb ("prevented the rally staged by students to protest ..."),
  // save an infinitive that continues the act ("offered to hand over to Britain"), nor beyond the comma
  // that sets off a reporting clause ("..., a UN official said")
  let stop = ce;
  for (let i = after + 1; i < ce; i++) {
    const t = ctx.tokens[i]!;
    if (i <= ctx.trigger[1]) continue;
    const infinitive = ctx.tokens[i - 1]?.data.normal === 'to';
    if (t.data.pos === 'VERB' && i > after + 1 && !infinitive) { stop = i; break; }
    if (t.data.value === ',' && reportingIn(ctx.tokens, i + 1, ce)) { stop = i; break; }
  }
  for (const p of ctx.phrases) if (p.start > from && p.end <= stop && p.refs.length > 0 && allowed(prepositionBefore(ctx.tokens, p))) return personOfPlace(ctx, p) ?? p;
  return undefined;
}

/** Prepositions that say where one person is from ("a pastor from North Carolina", "an official of Iran"). */
const ORIGIN = new Set(['from', 'of']);
const INDEFINITE = new Set(['a', 'an']);
const PERSON_OF_PLACE = 'party.person-of-place';
const APPOSITION = 'party.apposition';

/**
 * Rule party.person-of-place: a place that only says where one person comes from is not a party; the
 * person is, with that place's country. "released Jan Novak, a pastor from North Carolina" hits the
 * pastor (Jan Novak, USA), not North Carolina. The person is described by an indefinite noun for one
 * person right before "from"/"of" ("a pastor", "an engineer": gazetteer.ts isPersonNoun; "a meeting of
 * the Council" is a thing), named by the phrase before the comma when there is one.
 * Returns the person as a phrase, or undefined when `place` is not such a place.
 */
function personOfPlace(ctx: PartyContext, place: Phrase): Phrase | undefined {
  const { tokens, phrases } = ctx;
  if (!ORIGIN.has(prepositionBefore(tokens, place) ?? '')) return undefined;
  const k = phrases.indexOf(place);
  const described = phrases[k - 1];
  if (!described || described.end !== place.start - 1 || described.refs.length || described.pronoun) return undefined;
  const head = tokens[described.end - 1]!.data.normal;
  if (!INDEFINITE.has(tokens[described.start]!.data.normal) || !isPersonNoun(head)) return undefined;
  // the person's name before an apposition: "Jan Novak, a pastor from ..."
  const named = phrases[k - 2];
  const apposed = named && !named.refs.length && !named.pronoun && named.end === described.start - 1 && tokens[named.end]!.data.value === ','
    && /^[A-Z]/.test(tokens[named.start]!.data.value);
  const person = apposed ? named : described;
  const name = apposed ? textOf(ctx, person.start, person.end) : textOf(ctx, described.start, place.end);
  const sector = sectorOfNoun(head) ?? 'CVL';
  const span = { start: tokens[person.start]!.start, end: tokens[person.end - 1]!.end };
  return { ...person, refs: place.refs.slice(0, 1).map((r) => ({ name, country: r.country, sector, span })), rule: PERSON_OF_PLACE };
}

/** Whether a word of a reporting clause ("said", "according") stands among tokens `a` to `b`. */
function reportingIn(tokens: readonly Token[], a: number, b: number): boolean {
  for (let i = a; i < b && i < tokens.length; i++) if (REPORTING.has(tokens[i]!.data.normal)) return true;
  return false;
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
    const own = phraseHolding(ctx.phrases, h);
    let actor: ActorRefData[] = [];
    let actorRule: string | null = null;
    if (own && own.start < h && own.refs.length && (own.refs[0]?.span?.start ?? Infinity) < (ctx.tokens[h]?.start ?? 0)) {
      actor = own.refs; actorRule = 'actor.noun-modifier';
    } else if (own && own.start === h && own.refs.length && ctx.tokens[h]!.data.normal.endsWith('ing') && own.end > last + 1 && /^[A-Z]/.test(ctx.tokens[last + 1]!.data.value)) {
      // rule recipient.gerund-object: a gerund read as a noun takes its object into its phrase ("after meeting Kim Jong Un")
      return { actor, actorRule, recipient: own.refs, recipientRule: 'recipient.gerund-object' };
    } else {
      const by = object(ctx, last, (prep) => prep === 'by' || prep === 'from');
      if (by && by.start - last <= 4) { actor = by.refs; actorRule = 'actor.noun-by'; }
    }
    if (!actor.length && (!own || own.start > ctx.clause[0])) {
      const s = subject(ctx, own ? own.start : h);
      if (s) { actor = withCoordinates(ctx, s, h); actorRule = 'actor.clause-subject'; }
    }
    const r = object(ctx, last, (prep) => prep !== null && RECIPIENT_PREPOSITIONS.has(prep) && prep !== 'from' && prep !== 'by');
    if (r) return { actor, recipient: withCoordinates(ctx, r, ctx.clause[1]), actorRule, recipientRule: 'recipient.noun-complement' };
    return throughVerb(ctx, last, { actor, recipient: [], actorRule, recipientRule: null });
  }
  if (isPassive(ctx.tokens, h) || reducedPassive(ctx, h, last)) {
    // the agent may stand inside a long trigger ("indicted by the war crimes court for")
    const by = object(ctx, last, (prep) => prep === 'by', h);
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
  // the object may stand inside a discontinuous trigger: "called on Britain to", "expelled the Russian ambassador"
  const o = object(ctx, last, recipientPrep, h);
  // rule recipient.accused: one complains to someone about someone else ("complained to the UN over
  // Israeli raids"): the accused is the target, the one addressed only hears it
  if (o && ctx.accusation && prepositionBefore(ctx.tokens, o) === 'to') {
    const accused = object(ctx, o.end - 1, (prep) => prep !== null && ACCUSED_PREPOSITIONS.has(prep));
    if (accused) return { actor: subjectRefs, actorRule: s ? 'actor.subject' : null, recipient: withCoordinates(ctx, accused, ctx.clause[1]), recipientRule: 'recipient.accused' };
  }
  return {
    actor: subjectRefs, actorRule: s ? 'actor.subject' : null,
    recipient: o ? withCoordinates(ctx, o, ctx.clause[1]) : [], recipientRule: o ? 'recipient.object' : null,
  };
}

/** Prepositions after an active verb whose trigger noun is its subject that name the one hit ("the strikes rained down on Gaza"). */
const STRUCK_PREPOSITIONS = new Set(['on', 'upon', 'against', 'at', 'into']);
/** How far a trigger noun's verb may stand from it, an aside between commas left out. */
const ASIDE_REACH = 10;

/**
 * The verb a trigger noun is the subject of: right after it, past auxiliaries and adverbs and past an
 * aside between commas ("US drone strikes, carried out weekly, have killed ..."); -1 when none.
 */
function verbOfNoun(ctx: PartyContext, last: number): number {
  const { tokens } = ctx;
  const end = ctx.clause[1];
  let i = last + 1;
  if (tokens[i]?.data.value === ',') {
    let close = -1;
    for (let k = i + 1; k < Math.min(end, i + ASIDE_REACH); k++) if (tokens[k]!.data.value === ',') { close = k; break; }
    if (close < 0) return -1;
    i = close + 1;
  }
  for (; i < end; i++) {
    const t = tokens[i]!;
    if (t.data.pos === 'VERB') return t.data.normal.endsWith('ing') ? -1 : i;
    // an infinitive after the noun is what it is about ("a pledge not to pardon X"), not its verb
    if ((t.data.pos !== 'AUX' && t.data.pos !== 'ADV' && t.data.pos !== 'PART') || t.data.normal === 'to') return -1;
  }
  return -1;
}

/**
 * Rules actor.noun-subject-by and recipient.noun-subject-object: a trigger noun that is the subject of
 * its clause's verb takes the parties that verb gives it. Passive: "the sanctions were imposed on Iran
 * by the US" (the one after the preposition is hit, the one after "by" acts); active: "US drone strikes
 * have killed six Taliban commanders" (the verb's object is hit). Fills only what `found` left empty.
 */
function throughVerb(ctx: PartyContext, last: number, found: Parties): Parties {
  const v = verbOfNoun(ctx, last);
  if (v < 0) return found;
  const out = { ...found };
  if (isPassive(ctx.tokens, v)) {
    const by = out.actor.length ? undefined : object(ctx, v, (prep) => prep === 'by');
    if (by) { out.actor = withCoordinates(ctx, by, ctx.clause[1]); out.actorRule = 'actor.noun-subject-by'; }
    const on = object(ctx, v, (prep) => prep !== null && STRUCK_PREPOSITIONS.has(prep));
    if (on) { out.recipient = withCoordinates(ctx, on, ctx.clause[1]); out.recipientRule = 'recipient.noun-subject-object'; }
    return out;
  }
  const o = object(ctx, v, (prep) => prep === null || STRUCK_PREPOSITIONS.has(prep));
  if (o) { out.recipient = withCoordinates(ctx, o, ctx.clause[1]); out.recipientRule = 'recipient.noun-subject-object'; }
  return out;
}

/** A place named after "in" ("protests in Serbia"): the country an event happens in. */
export function placeAfter(tokens: readonly Token[], phrases: readonly Phrase[], clause: readonly [number, number], after: number): ActorRefData[] {
  return placePhraseIn(tokens, phrases, after + 1, clause[1], [after, after])?.refs ?? [];
}

/** Nouns of a meeting: a place right after one ("a summit in Singapore") is where that meeting was held. */
const MEETING_NOUNS = new Set(['summit', 'summits', 'talks', 'meeting', 'meetings', 'conference', 'negotiations', 'session', 'consultations', 'forum', 'visit']);

/**
 * The first phrase after "in" that names a party, starting at or after token `from` and ending by `to`,
 * leaving out the place of a meeting other than the event itself: in "threatening tweets before a
 * summit in Singapore" Singapore is where the summit was, neither the threats' target nor their place.
 */
function placePhraseIn(tokens: readonly Token[], phrases: readonly Phrase[], from: number, to: number, trigger: readonly [number, number]): Phrase | undefined {
  // a place after a second verb of the same subject is that verb's ("expelled the envoy and closed its embassy in Lima")
  for (let i = Math.max(from, trigger[1] + 1); i < to; i++) if (conjoinedVerbAt(tokens, i)) { to = i; break; }
  for (let k = 0; k < phrases.length; k++) {
    const x = phrases[k]!;
    if (x.start >= from && x.end <= to && x.refs.length > 0 && prepositionBefore(tokens, x) === 'in' && !placeOfOtherMeeting(tokens, phrases, k, trigger)) return x;
  }
  return undefined;
}

const CONJUNCTIONS = new Set(['and', 'or', 'but']);

/** Whether token `i` is a conjunction that joins a second verb, auxiliaries and adverbs between ("and closed", "and would deny"). */
function conjoinedVerbAt(tokens: readonly Token[], i: number): boolean {
  if (!CONJUNCTIONS.has(tokens[i]!.data.normal)) return false;
  for (let k = i + 1; k < Math.min(tokens.length, i + 4); k++) {
    const pos = tokens[k]!.data.pos;
    if (pos === 'VERB') return true;
    if (pos !== 'AUX' && pos !== 'ADV' && pos !== 'PART') return false;
  }
  return false;
}

/**
 * Whether phrase `k` is the place of a meeting other than the event whose trigger spans tokens
 * `trigger`: "in" right after a meeting noun outside the trigger ("... before a summit in Singapore").
 */
export function placeOfOtherMeeting(tokens: readonly Token[], phrases: readonly Phrase[], k: number, trigger: readonly [number, number]): boolean {
  const x = phrases[k]!, before = phrases[k - 1];
  if (!before || before.end !== x.start - 1 || tokens[x.start - 1]?.data.normal !== 'in') return false;
  return MEETING_NOUNS.has(tokens[before.end - 1]!.data.normal) && !(before.start <= trigger[1] && trigger[0] < before.end);
}

/** The place an event took place in, the rule that found it, and the phrase that names it. */
export interface PlaceFound {
  readonly rule: 'location.clause' | 'location.dateline';
  readonly location: EventLocation;
}

/**
 * Where an event took place: a place of some country named after "in" in the trigger's clause, after
 * the trigger ("met in Singapore") or else opening the clause ("In Geneva, the envoys met"), rule
 * location.clause; failing that the sentence's dateline ("SINGAPORE (Reuters) - Trump met Kim"), rule
 * location.dateline. Bodies without a country of their own ("in the UN") are no place. A location is
 * not a party: whether the place also suffers the act ("a curfew in Montenegro") is the party rules' call.
 */
export function eventPlace(tokens: readonly Token[], phrases: readonly Phrase[], clause: readonly [number, number], trigger: readonly [number, number], text: string): PlaceFound | null {
  const inClause = placePhraseIn(tokens, phrases, trigger[1] + 1, clause[1], trigger) ?? openingPlace(tokens, phrases, clause, trigger);
  const place = inClause && isPlace(tokens, inClause) ? inClause : undefined;
  if (place) return { rule: 'location.clause', location: locationOf(tokens, place, text) };
  const dash = datelineEnd(tokens);
  if (dash < 0 || trigger[0] < dash) return null;
  for (const p of phrases) if (p.end <= dash && isPlace(tokens, p)) return { rule: 'location.dateline', location: locationOf(tokens, p, text) };
  return null;
}

/** "In Geneva, the envoys met": a place that opens the clause, before the trigger, is the clause's. */
function openingPlace(tokens: readonly Token[], phrases: readonly Phrase[], clause: readonly [number, number], trigger: readonly [number, number]): Phrase | undefined {
  const p = placePhraseIn(tokens, phrases, clause[0], trigger[0], trigger);
  return p && p.start === clause[0] + 1 && tokens[p.end]?.data.value === ',' ? p : undefined;
}

/** Common nouns that end a place's name ("the West Bank city", "a refugee camp"). */
const PLACE_NOUNS = new Set(['city', 'town', 'village', 'capital', 'camp', 'province', 'region', 'state', 'district', 'area', 'port', 'border', 'county', 'island']);

/**
 * Whether a phrase names a place: a party of some country whose last word is a name ("Geneva", "the
 * Gaza Strip") or a word for a place ("the West Bank city"); "Franco-German relations" is no place.
 */
function isPlace(tokens: readonly Token[], p: Phrase): boolean {
  const country = p.refs[0]?.country;
  if (!country || isNonState(country)) return false;
  const last = tokens[p.end - 1]!.data;
  return /^[A-Z]/.test(last.value) || PLACE_NOUNS.has(last.normal);
}

function locationOf(tokens: readonly Token[], p: Phrase, text: string): EventLocation {
  const span = { start: tokens[p.start]!.start, end: tokens[p.end - 1]!.end };
  return { name: withoutArticle(text.slice(span.start, span.end)), country: p.refs[0]!.country, span };
}

