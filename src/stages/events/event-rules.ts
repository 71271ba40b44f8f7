import type { Document } from '../../core/document.js';
import type { ActorRefData, EventLocation, Modality } from '../../core/layers.js';
import { isNonState } from '../../ontology/actors.js';
import { PLOVER, type PloverType } from '../../ontology/plover.js';
import { CONDITIONS, datelineEnd } from './clauses.js';
import { sectorOfNoun } from './gazetteer.js';
import type { PatternMatch } from './match.js';
import { NEGATION_WORDS } from './modality.js';
import { placeAfter, placeOfOtherMeeting, REPORTING } from './parties.js';
import { withoutArticle, type Phrase, type PhraseReader } from './phrases.js';
import type { TriggerEntry } from './triggers.js';

import type { Token } from '../../text/lookup.js';

/**
 * The rules that decide an event's parties and type once its trigger and the parties of its own
 * clause are found (parties.ts): ordered tables, each rule data with an id, the way modality.ts is.
 *
 *   PARTY_RULES  fill a party the clause left empty (the speaker, a leader by title, a place, the
 *                country's own people or government, the other party of the sentence or the article)
 *                or take one away (a recipient who is also the actor). Run in order before modality;
 *                a rule that fires sets its role and writes its id into the event's evidence.
 *   TYPE_RULES   retype an event by its modality and words (promised help is an AGREE, conditional
 *                harm a THREATEN, "Israeli strikes killed" an ASSAULT). Run in order after modality;
 *                each reads the state the rules before it left, and one that fires writes its id.
 *
 * The conditions are functions of the event's state (EventState): they read, they never write; the
 * stage applies what fired. Tables are module constants, made once.
 */
export interface EventState {
  readonly doc: Document;
  readonly tokens: readonly Token[];
  readonly phrases: readonly Phrase[];
  readonly clauseList: readonly [number, number][];
  /** the trigger's clause (narrowed to the attributed words it stands in), and its index in clauseList */
  readonly clause: readonly [number, number];
  readonly ci: number;
  /** first and last token of the trigger */
  readonly h: number;
  readonly last: number;
  readonly entry: TriggerEntry;
  readonly nominal: boolean;
  /** the triggers this one controls ("promised to tear up the deal": the tearing up) */
  readonly complement: readonly PatternMatch<TriggerEntry>[];
  readonly reader: PhraseReader;
  readonly cast: { parties(): readonly ActorRefData[] };
  /** the speaker of the attribution the trigger stands in, outlets left out */
  readonly speaker: ActorRefData | null;
  /** where the event took place (parties.ts eventPlace): a place the counterpart rules do not take for a party */
  readonly location: EventLocation | null;
  actor: ActorRefData[];
  recipient: ActorRefData[];
  type: PloverType;
  modality: Modality;
  /** the rule that gave the modality, before any type rule */
  modalityRule: string;
  /** whether a condition governs the trigger, and the word that opens its own clause */
  conditional: boolean;
  ownOpener: string;
  /** the place named after the trigger ("protests in Serbia"), asked for by several rules: found once */
  place: ActorRefData[] | undefined;
}

export interface PartyRule {
  readonly id: string;
  readonly role: 'actor' | 'recipient';
  /** the rule only fills its role when the clause left it empty (else it may replace or thin it out) */
  readonly fills: boolean;
  readonly description: string;
  /** the parties the role gets when the rule fires, else null */
  readonly find: (s: EventState) => ActorRefData[] | null;
}

export interface TypeRule {
  readonly id: string;
  /** the type the event gets; `asserts`: the modality that made it so becomes part of the type ("will help" is an asserted AGREE) */
  readonly to: PloverType;
  readonly asserts: boolean;
  /** the one type the rule retypes, when it retypes only one */
  readonly from?: PloverType;
  readonly description: string;
  readonly when: (s: EventState) => boolean;
}

/** Material acts that, promised for the future, are an expression of intent (PLOVER: a future AID is an AGREE). */
const INTENT_TYPES = new Set<PloverType>(['SUPPORT', 'COOPERATE', 'AID', 'RETREAT', 'CONCEDE']);
/**
 * Futures stated as intent ("will visit", "plans to meet"); a meeting merely scheduled ("when both
 * attend the meeting on Saturday") stays a future CONSULT.
 */
const STATED_INTENT = new Set(['modality.future.will', 'modality.future.going-to', 'modality.future.plan', 'modality.future.set-to']);
/**
 * The harms whose announcement is a threat (CAMEO 13: to sanction, restrict, cut relations, expel, use
 * force). A deployment stated ("could send troops to Mali") threatens no one by itself: MOBILIZE is left out.
 */
const STATED_HARM_TYPES = new Set<PloverType>(['SANCTION', 'COERCE', 'ASSAULT']);
/** Harm held out as possible by its actor ("could cut ties", "is considering expelling"): a threat too. */
const HELD_OUT_HARM = new Set(['modality.hypothetical.modal', 'modality.hypothetical.prospect']);
/** Harmful acts that, made conditional ("unless ...", "if ..."), are a threat. */
export const HARM_TYPES = new Set<PloverType>(['SANCTION', 'COERCE', 'ASSAULT', 'MOBILIZE']);
/**
 * What made conditional is a threat: harm, and dissent (CAMEO 133, threaten with political dissent:
 * "will strike unless wages rise", "vowed protests if the vote is rigged").
 */
const CONDITIONAL_THREAT_TYPES = new Set<PloverType>([...HARM_TYPES, 'PROTEST']);
/** Types whose target, when the text names none, is the actor's own government or people. */
const DOMESTIC_TYPES = new Set<PloverType>(['PROTEST', 'COERCE', 'ASSAULT', 'CONCEDE']);
export const FIRST_PERSON = new Set(['we', 'i', 'our', 'us']);
const RELATIVES = new Set(['who', 'which', 'whom', 'where']);
const PROMISES = new Set(['trigger.agree.promise', 'trigger.agree.willing']);

export const PARTY_RULES: readonly PartyRule[] = Object.freeze([
  { id: 'actor.speaker', role: 'actor', fills: false, description: 'no actor in the clause: the speaker of the attribution the event is reported in', find: speakerActor },
  { id: 'actor.reporting-subject', role: 'actor', fills: true, description: 'no actor in the clause: the subject of the reporting verb', find: reportingSubject },
  { id: 'actor.main-clause-subject', role: 'actor', fills: true, description: 'a verb or gerund in a phrase that opens the sentence ("After meeting Kim, Trump said ...") is done by the subject of the main clause after the comma', find: mainClauseSubject },
  { id: 'actor.leader-of-place', role: 'actor', fills: true, description: 'a place standing for its government: the leader named', find: leaderOfPlace },
  { id: 'recipient.leader-of', role: 'recipient', fills: true, description: 'the recipient is the leader of the country named', find: leaderOfNamed },
  { id: 'recipient.own-leader', role: 'recipient', fills: true, description: "the recipient is the actor's own leader", find: ownLeader },
  { id: 'recipient.that-clause-subject', role: 'recipient', fills: true, description: 'the recipient is the subject of the clause asked for ("urged that Iran ...")', find: thatClauseSubject },
  { id: 'actor.place', role: 'actor', fills: true, description: 'a place standing for its people (protests, strikes)', find: placeActor },
  { id: 'recipient.place', role: 'recipient', fills: true, description: 'a place standing for its government as the recipient of an act done there (not the place of a meeting: its location)', find: placeRecipient },
  { id: 'actor.domestic-challenger', role: 'actor', fills: true, description: 'rebels, an opposition, police, judges or lawmakers no one could place, acting on one country: that country\'s own', find: domesticChallenger },
  { id: 'recipient.domestic', role: 'recipient', fills: true, description: "a domestic act: the country's own government is the recipient", find: domesticRecipient },
  { id: 'actor.domestic', role: 'actor', fills: true, description: "a domestic act with no named actor: the country's people", find: domesticActor },
  { id: 'recipient.clause-counterpart', role: 'recipient', fills: true, description: 'no recipient found by the clause\'s structure: a party of another country named in the clause or in a condition right after it ("threatened to quit the talks if Peru ..."), not a place, a source or a country word on a thing', find: clauseCounterpart },
  { id: 'recipient.sentence-counterpart', role: 'recipient', fills: true, description: 'none in the clause: a party of another country named elsewhere in the sentence that is one of the article\'s main parties', find: sentenceCounterpart },
  { id: 'recipient.article-counterpart', role: 'recipient', fills: true, description: 'none in the sentence: the other main party of the article (named at least a third as often as the most named)', find: articleCounterpart },
  { id: 'recipient.not-actor', role: 'recipient', fills: false, description: 'the same party on both sides (a compound actor "A and B met", a reflexive) stays the actor only, save in domestic acts', find: notActor },
].map((r) => Object.freeze(r)) as PartyRule[]);

export const TYPE_RULES: readonly TypeRule[] = Object.freeze([
  { id: 'type.announced-boycott-is-threat', to: 'THREATEN', asserts: true, from: 'PROTEST', description: 'an announced boycott is a THREATEN, not yet a PROTEST', when: announcedBoycott },
  { id: 'type.future-intent-is-agree', to: 'AGREE', asserts: true, description: 'a stated intention to cooperate is an AGREE', when: futureIntent },
  { id: 'type.conditional-harm-is-threat', to: 'THREATEN', asserts: true, description: 'harm promised on a condition is a THREATEN', when: conditionalHarm },
  { id: 'type.stated-harm-is-threat', to: 'THREATEN', asserts: true, description: 'a harmful act its actor states it will do or holds out ("said it would detain", "will impose sanctions", "could cut ties"), not a decision announced, is a THREATEN made now (CAMEO 13: threaten to sanction, restrict, cut relations, expel, use force)', when: statedHarm },
  { id: 'type.military-strike-is-assault', to: 'ASSAULT', asserts: false, from: 'PROTEST', description: 'a strike that kills or hits, from the air, or on a place or party ("Israeli strikes killed 12") is an ASSAULT, not a labour strike', when: strikeIsAttack },
  { id: 'type.promised-harm-is-threat', to: 'THREATEN', asserts: false, from: 'AGREE', description: 'harm promised for later is a THREATEN', when: promisedHarm },
  { id: 'type.promised-easing-is-concede', to: 'CONCEDE', asserts: false, from: 'AGREE', description: 'an easing agreed to or promised ("agreed to lift the curfew") is a CONCEDE, a verbal concession (ONTOLOGY.md: promised easing)', when: promisedEasing },
].map((r) => Object.freeze(r)) as TypeRule[]);

/**
 * Applies the party rules in order to `s`, writing the id of each that fires into `evidence`.
 */
export function applyPartyRules(s: EventState, evidence: string[]): void {
  for (const rule of PARTY_RULES) {
    // the guard in the data spares most rules their call (the events stage runs this for every event)
    if (rule.fills && s[rule.role].length) continue;
    const found = rule.find(s);
    if (!found) continue;
    s[rule.role] = found;
    evidence.push(rule.id);
  }
}

/** Applies the type rules in order to `s`, writing the id of each that fires into `evidence`. */
export function applyTypeRules(s: EventState, evidence: string[]): void {
  for (const rule of TYPE_RULES) {
    if ((rule.from && rule.from !== s.type) || !rule.when(s)) continue;
    s.type = rule.to;
    if (rule.asserts) s.modality = 'asserted';
    evidence.push(rule.id);
  }
}

// ---- party rules

/**
 * Speech acts: the speaker is the actor of a verbal event in their words that names no actor of its
 * own ("'Sanctions are the opposite of dialogue,' Qassemi said"), or whose subject is "we"; not when
 * the clause has a subject that stands for people we could not resolve ("several such officials had rejected ...").
 */
function speakerActor(s: EventState): ActorRefData[] | null {
  if (!s.speaker) return null;
  const quad = PLOVER[s.type].quadClass;
  if (quad !== 1 && quad !== 3) return null;
  const { tokens, phrases, clause, h } = s;
  const unnamed = !s.actor.length && !unresolvedPeopleBefore(tokens, phrases, clause[0], h);
  if (!unnamed && !firstPersonBefore(tokens, phrases, clause[0], h)) return null;
  return [s.reader.complete(s.speaker, s.doc.meta.published)];
}

/** "Russia said Sudan must return the helicopter": the demand is the reporting clause's subject's. */
function reportingSubject(s: EventState): ActorRefData[] | null {
  if (s.actor.length || !s.entry.subjectIsRecipient) return null;
  return firstPartyEndingBy(s.phrases, s.clauseList[s.ci]?.[0] ?? 0)?.refs ?? null;
}

/** Parts of speech that may stand before a trigger in a phrase that opens the sentence ("And as well as", "After", "Soon after"). */
const OPENING_WORDS = new Set(['ADP', 'SCONJ', 'ADV', 'CCONJ', 'PART', 'PUNCT']);

/**
 * "After meeting Kim Jong Un, Trump praised ...", "As well as encouraging the opposition, the
 * administration is ...": a verb or gerund trigger in a phrase that opens the sentence, with only
 * connectives before it, has no subject of its own; it shares the main clause's, the party right after
 * the comma that ends the phrase when a verb follows it.
 */
function mainClauseSubject(s: EventState): ActorRefData[] | null {
  const { tokens, phrases, h, last } = s;
  // a verb or gerund, whose subject is understood; a noun in an opening phrase ("Unlike demonstrations
  // in X, the protest in Y ...", "Following the attack, Y said") need not be the subject's act
  const head = tokens[h]!.data;
  if (head.pos !== 'VERB' && !head.normal.endsWith('ing')) return null;
  for (let i = 0; i < h; i++) if (!OPENING_WORDS.has(tokens[i]!.data.pos) || tokens[i]!.data.value === ',') return null;
  let comma = -1;
  for (let i = last + 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.data.value === ',') { comma = i; break; }
    if (t.data.pos === 'VERB' || t.data.pos === 'AUX' || t.data.pos === 'SCONJ') return null;
  }
  if (comma < 0) return null;
  for (const p of phrases) {
    if (p.start < comma + 1) continue;
    if (p.start !== comma + 1 || !p.refs.length) return null;
    let v = p.end;
    while (tokens[v]?.data.pos === 'ADV') v++;
    const verb = tokens[v]?.data.pos;
    return verb === 'VERB' || verb === 'AUX' ? p.refs : null;
  }
  return null;
}

/**
 * Leaders the actor base does not know, by their title: "President X shortened the curfew in Sudan"
 * leads Sudan; "rebels dismissed an appeal from President X" were appealed to by their own leader.
 */
function leaderOfPlace(s: EventState): ActorRefData[] | null {
  if (s.actor.length) return null;
  const leader = titledBefore(s.tokens, s.phrases, s.clause[0], s.h);
  if (!leader) return null;
  const where = (s.place ??= placeAfter(s.tokens, s.phrases, s.clause, s.last));
  return where.length === 1 ? [{ name: textOf(s.doc, s.tokens, leader), country: where[0]!.country, sector: 'GOV' }] : null;
}

/** The titled phrase after the trigger that may be the recipient ("met President X of Y"), its index; -1 when none. */
function titledRecipient(s: EventState): number {
  if (s.recipient.length || s.actor.length !== 1 || !s.actor[0]!.country) return -1;
  // from the trigger's first word: a long trigger may hold its object ("dismissed an appeal from President X to")
  const k = titledAfter(s.tokens, s.phrases, s.h, s.clause[1]);
  const leader = s.phrases[k];
  return leader && !hasComma(s.tokens, s.last + 1, leader.start) ? k : -1;
}

/** The country named by "of" right after the phrase at index `k` ("President X of Y"), else null. */
function countryOfAfter(s: EventState, k: number): string | null {
  const of = s.phrases[k + 1];
  return of && s.tokens[of.start - 1]?.data.normal === 'of' && of.refs.length ? of.refs[0]!.country : null;
}

function leaderOfNamed(s: EventState): ActorRefData[] | null {
  const k = titledRecipient(s);
  const named = k < 0 ? null : countryOfAfter(s, k);
  return named ? [{ name: textOf(s.doc, s.tokens, s.phrases[k]!), country: named, sector: 'GOV' }] : null;
}

function ownLeader(s: EventState): ActorRefData[] | null {
  const k = titledRecipient(s);
  return k < 0 || countryOfAfter(s, k) ? null : [{ name: textOf(s.doc, s.tokens, s.phrases[k]!), country: s.actor[0]!.country, sector: 'GOV' }];
}

/** "demanded that the US cancel ...": the one asked is the subject of the that-clause. */
function thatClauseSubject(s: EventState): ActorRefData[] | null {
  if (s.recipient.length || s.type !== 'REQUEST') return null;
  const next = s.clauseList[s.ci + 1];
  if (!next || s.tokens[next[0]]?.data.normal !== 'that') return null;
  const asked = firstPartyIn(s.phrases, next);
  return asked && asked.refs.length ? asked.refs : null;
}

/** "protests in Serbia": its people protest. */
function placeActor(s: EventState): ActorRefData[] | null {
  if (s.actor.length || s.type !== 'PROTEST') return null;
  const place = (s.place ??= placeAfter(s.tokens, s.phrases, s.clause, s.last));
  return place.length ? place.map(asCivilians) : null;
}

/** The place after the trigger stands for its government, unless it is the actor itself or parties acting together. */
function placeRecipient(s: EventState): ActorRefData[] | null {
  // the place of a meeting is where it was held (the event's location), not whom it was held with
  if (s.recipient.length || s.type === 'CONSULT' || (s.entry.reciprocal && s.actor.length > 1)) return null;
  const place = (s.place ??= placeAfter(s.tokens, s.phrases, s.clause, s.last));
  if (!place.length || (place.length === 1 && hasCountryAndSector(s.actor, place[0]!))) return null;
  return place.map(asGovernment);
}

/**
 * Protesters protest their own government; curfews lifted, emergencies ended, strikes called off are
 * concessions to the country's citizens; police and soldiers act on people of their own country.
 */
function domesticRecipient(s: EventState): ActorRefData[] | null {
  const c = s.actor[0]?.country;
  if (s.recipient.length || !c || !DOMESTIC_TYPES.has(s.type)) return null;
  if (s.type === 'PROTEST') return [{ name: `${c} government`, country: c, sector: 'GOV' }];
  if (s.type === 'CONCEDE') return [{ name: `${c} citizens`, country: c, sector: 'CVL' }];
  const target = peopleAfter(s.tokens, s.phrases, s.clause, s.last);
  return target ? [{ name: target.name, country: c, sector: target.sector }] : null;
}

/** Sectors of those who act inside their own country: rebels and the opposition against its government, its police, courts and legislature. */
const CHALLENGERS = new Set(['REB', 'OPP', 'JUD', 'COP', 'LEG']);

/**
 * "The main rebel group demanded that the Chadian government release its members", "opposition
 * leaders agreed to call off the march in Lima": a subject the actor base cannot place whose words say
 * rebels, opposition, police, judges or lawmakers, acting on one country, is that country's
 * (insurgents and opponents act against their own government far more often than abroad; police,
 * courts and legislatures act at home).
 */
function domesticChallenger(s: EventState): ActorRefData[] | null {
  if (s.actor.length || s.recipient.length === 0) return null;
  const c = s.recipient[0]!.country;
  if (!c || isNonState(c)) return null;
  for (const r of s.recipient) if (r.country !== c) return null;
  for (const p of s.phrases) {
    if (p.start < s.clause[0] || p.end > s.h) continue;
    if (p.refs.length || p.pronoun) return null;
    for (let i = p.start; i < p.end; i++) {
      const w = s.tokens[i]!.data.normal;
      const sector = sectorOfNoun(w) ?? sectorOfNoun(w.endsWith('s') ? w.slice(0, -1) : w);
      if (sector && CHALLENGERS.has(sector)) return [{ name: textOf(s.doc, s.tokens, p), country: c, sector }];
    }
  }
  return null;
}

/** A protest against a country's government, by no one named: its people. */
function domesticActor(s: EventState): ActorRefData[] | null {
  const c = s.recipient[0]?.country;
  return !s.actor.length && s.type === 'PROTEST' && c ? [{ name: `${c} protesters`, country: c, sector: 'CVL' }] : null;
}

/**
 * Whether the event may take a counterpart as its target: no one named as the target, an actor of
 * some country, not a protest, and not parties of several countries acting together in cooperation
 * ("French and Egyptian warships held exercises"), who act with each other.
 */
function wantsCounterpart(s: EventState): boolean {
  if (s.recipient.length || s.type === 'PROTEST' || !s.actor.some(hasCountry)) return false;
  const mutual = s.actor.length > 1 && (s.entry.reciprocal || (PLOVER[s.type].quadClass <= 2 && countriesOf(s.actor) > 1));
  return !mutual;
}

/**
 * The clause's counterpart. Measured on real news (PolNeAR dev, read by hand) a party anywhere in the
 * sentence was the target about one time in six: it stood in a relative clause ("Jan Novak, who was
 * born in Peru"), a reporting or another verb's clause, or was a place ("in Peru") or a country word on
 * a thing ("the Bolivian crisis"). The clause and a condition after it hold the target where the
 * clause's structure missed it ("sent more aid to war-torn Chad", "threatened to quit the talks if
 * Peru ...").
 */
function clauseCounterpart(s: EventState): ActorRefData[] | null {
  if (!wantsCounterpart(s)) return null;
  const clause = s.clauseList[s.ci] ?? s.clause;
  const next = s.clauseList[s.ci + 1];
  const end = next && next[0] === clause[1] && CONDITIONS.has(s.tokens[next[0]]!.data.normal) ? next[1] : clause[1];
  const here = counterpartIn(s.tokens, s.phrases, [s.h, s.last], countriesOfActor(s.actor), s.location, [clause[0], end]);
  return here ? [here] : null;
}

/**
 * Beyond the clause, a party is a counterpart only when the article is about it: in a story about two
 * countries ("Iran rejected the offer, which Trump made ...") the other one is the likely target; in an
 * article on one country's politics a country named in passing is not.
 */
function sentenceCounterpart(s: EventState): ActorRefData[] | null {
  if (!wantsCounterpart(s)) return null;
  const main = new Set<string | null>();
  for (const c of s.cast.parties()) main.add(c.country);
  const here = counterpartIn(s.tokens, s.phrases, [s.h, s.last], countriesOfActor(s.actor), s.location, [0, s.tokens.length], main);
  return here ? [here] : null;
}

/**
 * Runs after the clause and sentence counterparts: the other main party of the article. The cast holds
 * only the article's main parties (events.stage.ts castOf), so that an article on one country's
 * politics, which names another twice, gives no counterpart.
 */
function articleCounterpart(s: EventState): ActorRefData[] | null {
  if (!wantsCounterpart(s)) return null;
  const other = otherThan(s.cast.parties(), countriesOfActor(s.actor));
  return other ? [other] : null;
}

function notActor(s: EventState): ActorRefData[] | null {
  if (!s.recipient.length || DOMESTIC_TYPES.has(s.type)) return null;
  const kept = notAmong(s.recipient, s.actor);
  return kept.length < s.recipient.length ? kept : null;
}

// ---- type rules

/** "will boycott the talks", "plans a strike": a protest announced is a threat. */
function announcedBoycott(s: EventState): boolean {
  return s.modality === 'future' && s.type === 'PROTEST' && s.actor.length > 0 && (s.entry.mode === 'boycott' || s.entry.mode === 'strike');
}

/** Promised material help ("will send aid") is an AGREE; so is a meeting stated as intent ("will visit"). */
function futureIntent(s: EventState): boolean {
  return s.modality === 'future' && (INTENT_TYPES.has(s.type) || (s.type === 'CONSULT' && STATED_INTENT.has(s.modalityRule)));
}

/** Harm made conditional from outside its own clause ("will impose sanctions unless ..."); a relative clause is not the threat. */
function conditionalHarm(s: EventState): boolean {
  return s.conditional && !CONDITIONS.has(s.ownOpener) && !RELATIVES.has(s.ownOpener) && (s.modality === 'hypothetical' || s.modality === 'future')
    && (CONDITIONAL_THREAT_TYPES.has(s.type) || s.entry.mode === 'withdraw');
}

/**
 * A harmful act stated as intent ("said it would detain two journalists", "will ban the parties",
 * "plans to expel the envoy") or held out by its actor ("could cut ties") is announced by the one who
 * would do it: PLOVER codes the announcement, a THREATEN (CAMEO 13 maps threats to sanction, restrict,
 * cut relations, expel and use force there). Not a noun ("would use the attacks"), not one with no actor
 * to make the threat ("sanctions will take effect"), not one asked about, not a decision announced.
 * Negated or past acts never reach it: their modality is neither future nor hypothetical.
 */
function statedHarm(s: EventState): boolean {
  return STATED_HARM_TYPES.has(s.type) && !s.nominal && (s.actor.length > 0 || activeSubject(s)) && (STATED_INTENT.has(s.modalityRule) || HELD_OUT_HARM.has(s.modalityRule))
    && (s.modality === 'future' || s.modality === 'hypothetical') && s.tokens[s.tokens.length - 1]?.data.normal !== '?'
    && (s.modalityRule === PLANNED || !decidedBefore(s.tokens, s.h));
}

/** Parts of speech that may stand between a subject and its verb ("it would soon", "they plan to"). */
const BETWEEN_SUBJECT_AND_VERB = new Set(['AUX', 'PART', 'ADV', 'VERB']);
/**
 * A phrase is the trigger's active subject ("says it would cut ties", "the militia would cut ties"):
 * someone states the harm, though the actor base knows no party the phrase or pronoun stands for (the
 * actor is then left empty).
 */
function activeSubject(s: EventState): boolean {
  for (const p of s.phrases) {
    if (p.start < s.clause[0] || p.end > s.h) continue;
    let between = true;
    // a passive's subject ("it will be banned") suffers the harm, it does not state it
    for (let i = p.end; i < s.h && between; i++) between = BETWEEN_SUBJECT_AND_VERB.has(s.tokens[i]!.data.pos) && s.tokens[i]!.data.lemma.toLowerCase() !== 'be';
    if (between) return true;
  }
  return false;
}

/** A plan announced is still an intention ("announced a plan to invade"), not the decided act. */
const PLANNED = 'modality.future.plan';

/**
 * Verbs (lemmas) that make what follows a decision taken, not a threat: "announced it would prohibit all
 * aid" is the SANCTION itself (PLOVER codes the announced policy as the act).
 */
const DECIDED = new Set(['announce', 'decide', 'approve']);
function decidedBefore(tokens: readonly Token[], h: number): boolean {
  for (let i = 0; i < h; i++) if (tokens[i]!.data.pos === 'VERB' && DECIDED.has(tokens[i]!.data.lemma.toLowerCase())) return true;
  return false;
}

function strikeIsAttack(s: EventState): boolean {
  return s.type === 'PROTEST' && s.entry.mode === 'strike' && s.nominal && militaryStrike(s.tokens, s.phrases, s.h, s.last);
}

/** "promised to tear up the deal": a promise of harm is a threat. */
function promisedHarm(s: EventState): boolean {
  if (s.type !== 'AGREE' || !PROMISES.has(s.entry.id)) return false;
  for (const c of s.complement) if (HARM_TYPES.has(c.entry.type) || c.entry.type === 'THREATEN' || c.entry.mode === 'withdraw') return true;
  return false;
}

/**
 * Agreeing to, promising or offering what the ontology counts as a concession: lifting, easing, a
 * ceasefire. A pledge not to ease ("a pledge not to pardon the general") promises no concession.
 */
function promisedEasing(s: EventState): boolean {
  if (s.type !== 'AGREE' || !EASING_PROMISES.has(s.entry.id)) return false;
  for (const c of s.complement) if (c.entry.type === 'CONCEDE' && !c.entry.proposal && c.entry.cameo !== DISSENT_EASED && !negatedBetween(s.tokens, s.last, c.tokens[0]!)) return true;
  return false;
}

const NEGATES = new Set(NEGATION_WORDS);
/** Whether a negation stands between the tokens `from` and `to` (exclusive). */
function negatedBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (NEGATES.has(tokens[i]!.data.normal)) return true;
  return false;
}

/**
 * Dissent eased (CAMEO 082: protests suspended, a march called off) agreed to or promised is an AGREE,
 * as PLOVER's records code "agreed to postpone the demonstration" and the CAMEO -> PLOVER table codes
 * intent to ease dissent (0352); restrictions eased, ceasefires, pardons promised are concessions.
 */
const DISSENT_EASED = '082';
/** The AGREE patterns that promise their content: what is agreed to, promised, offered or committed to. */
const EASING_PROMISES = new Set(['trigger.agree.agree', 'trigger.agree.promise', 'trigger.agree.willing', 'trigger.agree.offer', 'trigger.agree.commit', 'trigger.agree.accept']);

// ---- what the rules read

function asCivilians(p: ActorRefData): ActorRefData { return { ...p, sector: 'CVL' }; }
function asGovernment(p: ActorRefData): ActorRefData { return { ...p, sector: 'GOV' }; }
function hasCountry(a: ActorRefData): boolean { return !!a.country; }

function countriesOfActor(actor: readonly ActorRefData[]): Set<string | null> {
  const own = new Set<string | null>();
  for (const a of actor) own.add(a.country);
  return own;
}

/** Verbs whose subject, a strike, was an attack (lemmas). */
const STRIKE_HARMS = new Set(['kill', 'hit', 'destroy', 'target', 'wound', 'pound', 'level', 'flatten', 'injure', 'damage']);
/** Words before "strikes" that make them attacks. */
const STRIKE_WEAPONS = new Set(['air', 'airstrike', 'missile', 'drone', 'military', 'artillery', 'rocket', 'retaliatory', 'aerial', 'naval', 'precision']);

/** Whether the strike noun at tokens `h`..`last` is an attack: a harm verb after it, a weapon before it, or a party after "on"/"against". */
function militaryStrike(tokens: readonly Token[], phrases: readonly Phrase[], h: number, last: number): boolean {
  if (STRIKE_WEAPONS.has(tokens[h - 1]?.data.normal ?? '')) return true;
  // the verb it is the subject of, past adverbs and auxiliaries ("strikes have killed")
  for (let i = last + 1; i < Math.min(tokens.length, last + 4); i++) {
    const t = tokens[i]!;
    if (t.data.pos === 'VERB') { if (STRIKE_HARMS.has(t.data.lemma.toLowerCase())) return true; break; }
    if (t.data.pos !== 'AUX' && t.data.pos !== 'ADV') break;
  }
  const prep = tokens[last + 1]?.data.normal;
  if (prep !== 'on' && prep !== 'against') return false;
  for (const p of phrases) if (p.start === last + 2) return p.refs.length > 0;
  return false;
}

/** How many different countries the parties have. */
function countriesOf(refs: readonly ActorRefData[]): number {
  const seen = new Set<string>();
  for (const r of refs) if (r.country) seen.add(r.country);
  return seen.size;
}

/** Whether a first-person pronoun ("we", "I") stands in the clause before the trigger. */
function firstPersonBefore(tokens: readonly Token[], phrases: readonly Phrase[], from: number, trigger: number): boolean {
  for (const p of phrases) if (p.pronoun && p.start >= from && p.end <= trigger && FIRST_PERSON.has(tokens[p.start]!.data.normal)) return true;
  return false;
}

/** Whether the clause before the trigger has a phrase for people no actor was found for ("several such officials"). */
function unresolvedPeopleBefore(tokens: readonly Token[], phrases: readonly Phrase[], from: number, trigger: number): boolean {
  for (const p of phrases) {
    if (p.start >= from && p.end <= trigger && !p.refs.length && !p.pronoun && sectorOfNoun(tokens[p.end - 1]!.data.normal) !== undefined) return true;
  }
  return false;
}

/** The first phrase with actors that ends by `end`. */
function firstPartyEndingBy(phrases: readonly Phrase[], end: number): Phrase | undefined {
  for (const p of phrases) if (p.end <= end && p.refs.length > 0) return p;
  return undefined;
}

/** The first phrase without actors, headed by a leader's title, in the clause before the trigger. */
function titledBefore(tokens: readonly Token[], phrases: readonly Phrase[], from: number, trigger: number): Phrase | undefined {
  for (const p of phrases) if (p.start >= from && p.end <= trigger && !p.refs.length && !p.pronoun && titled(tokens, p)) return p;
  return undefined;
}

/** The index of the first phrase without actors, headed by a leader's title, after `after` and ending by `end`; -1 when none. */
function titledAfter(tokens: readonly Token[], phrases: readonly Phrase[], after: number, end: number): number {
  for (let k = 0; k < phrases.length; k++) {
    const p = phrases[k]!;
    if (p.start > after && p.end <= end && !p.refs.length && titled(tokens, p)) return k;
  }
  return -1;
}

/** Whether a comma stands among tokens `from` to `to` (half-open). */
function hasComma(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (tokens[i]!.data.value === ',') return true;
  return false;
}

/** The first phrase inside a clause (after its opener) that names a party or is a pronoun. */
export function firstPartyIn(phrases: readonly Phrase[], clause: readonly [number, number]): Phrase | undefined {
  for (const p of phrases) if (p.start > clause[0] && p.end <= clause[1] && (p.refs.length > 0 || p.pronoun)) return p;
  return undefined;
}

/** Whether one of the actors has the country and sector of `ref`. */
function hasCountryAndSector(actors: readonly ActorRefData[], ref: ActorRefData): boolean {
  for (const a of actors) if (a.country === ref.country && a.sector === ref.sector) return true;
  return false;
}

/** The first of the cast whose country is not one of `own`. */
function otherThan(cast: readonly ActorRefData[], own: ReadonlySet<string | null>): ActorRefData | undefined {
  for (const c of cast) if (!own.has(c.country)) return c;
  return undefined;
}

/** The recipients that are not also actors (same name and country), as a new list. */
function notAmong(recipients: readonly ActorRefData[], actors: readonly ActorRefData[]): ActorRefData[] {
  const out: ActorRefData[] = [];
  for (const r of recipients) {
    let isActor = false;
    for (const a of actors) if (a.name === r.name && a.country === r.country) { isActor = true; break; }
    if (!isActor) out.push(r);
  }
  return out;
}

const TITLES = new Set(['president', 'prime', 'premier', 'king', 'queen', 'chancellor', 'emir', 'sultan', 'dictator', 'leader']);

/** A phrase headed by a leader's title ("President Laurent X", "the president"). */
function titled(tokens: readonly Token[], p: Phrase): boolean {
  for (let i = p.start; i < p.end; i++) if (TITLES.has(tokens[i]!.data.normal)) return true;
  return false;
}

function textOf(doc: Document, tokens: readonly Token[], p: Phrase): string {
  return withoutArticle(doc.text.slice(tokens[p.start]!.start, tokens[p.end - 1]!.end));
}

/**
 * The party of another country named in the sentence, nearest the trigger, leaving out the source of a
 * reporting clause ("..., a UN official said"), the dateline and the event's location: the likely
 * target of an event whose target is unnamed.
 */
function counterpartIn(
  tokens: readonly Token[], phrases: readonly Phrase[], [trigger, last]: readonly [number, number], own: ReadonlySet<string | null>, location: EventLocation | null,
  [from, to]: readonly [number, number], among?: ReadonlySet<string | null>,
): ActorRefData | null {
  let best: { ref: ActorRefData; distance: number } | null = null;
  const dateline = datelineEnd(tokens);
  for (let k = 0; k < phrases.length; k++) {
    const p = phrases[k]!;
    if (p.start < from || p.end > to) continue;
    const ref = p.refs.find((r) => r.country && !own.has(r.country) && r.sector !== 'JRN' && (!among || among.has(r.country)));
    if (!ref) continue;
    // a place ("in Peru", "near the Peruvian border") is where, not whom; the place an act is done to is
    // recipient.place's; a country word on a thing ("the Bolivian crisis", "Chilean copper") names no party
    if (LOCATIVE.has(tokens[p.start - 1]?.data.normal ?? '') || thingOfCountry(tokens, p)) continue;
    // the two words after the phrase, and the two before it ("according to")
    if (REPORTING.has(tokens[p.end]?.data.normal ?? '') || REPORTING.has(tokens[p.end + 1]?.data.normal ?? '')) continue;
    if (p.start >= 2 && `${tokens[p.start - 2]!.data.normal} ${tokens[p.start - 1]!.data.normal}` === 'according to') continue;
    if (p.start === 1 && tokens[0]!.data.normal === 'according to') continue;
    // a dateline ("SINGAPORE - ...") says where the news was written, not who took part
    if (p.end <= dateline) continue;
    // nor does the place it happened in ("held talks in Vietnam")
    if (location && tokens[p.start]!.start === location.span.start) continue;
    // nor where another meeting was held ("threatening letters before a summit in Lima")
    if (placeOfOtherMeeting(tokens, phrases, k, [trigger, last])) continue;
    const distance = Math.abs(p.start - trigger) + (p.start < trigger ? 3 : 0);
    if (!best || distance < best.distance) best = { ref, distance };
  }
  return best ? { ...best.ref, sector: best.ref.sector ?? 'GOV' } : null;
}

/** Prepositions of place: the phrase after one is where something is, not a counterpart. */
const LOCATIVE = new Set(['in', 'near', 'at', 'around', 'across', 'along', 'inside', 'outside', 'throughout', 'within']);

/**
 * Heads of phrases that name a thing a country word only says whose it is ("the Bolivian crisis", "the
 * Peruvian border", "Chilean exports", "the Spanish language"): never a counterpart. A list of
 * things rather than of parties: a party noun missing from it ("Polish officers") stays a counterpart.
 */
const THING_HEADS = new Set([
  'border', 'borders', 'frontier', 'conflict', 'war', 'wars', 'language', 'market', 'markets', 'imports', 'exports', 'goods', 'products',
  'economy', 'soil', 'territory', 'waters', 'airspace', 'program', 'programme', 'issue', 'crisis', 'election', 'elections', 'oil', 'gas',
  'coast', 'currency', 'debt', 'interests', 'investment', 'investments', 'culture', 'history', 'law', 'constitution', 'policy', 'model',
]);

function thingOfCountry(tokens: readonly Token[], p: Phrase): boolean {
  return p.end - p.start > 1 && THING_HEADS.has(tokens[p.end - 1]!.data.normal);
}

/** The first phrase after the trigger whose head is a word for people ("demonstrators", "civilians"), with its sector. */
function peopleAfter(tokens: readonly Token[], phrases: readonly Phrase[], clause: readonly [number, number], after: number): { name: string; sector: string } | null {
  const p = phrases.find((x) => x.start > after && x.end <= clause[1]);
  if (!p) return null;
  const head = tokens[p.end - 1]!.data.normal;
  const sector = sectorOfNoun(head);
  return sector && sector !== 'GOV' ? { name: tokens.slice(p.start, p.end).map((t) => t.data.value).join(' '), sector } : null;
}
