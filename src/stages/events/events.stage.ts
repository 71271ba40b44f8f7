import type { LayerAnnotation } from '../../core/annotation.js';
import type { Document } from '../../core/document.js';
import type { ActorRefData, EventData } from '../../core/layers.js';
import { PLOVER, quadClassOf, scoreOf, type PloverType } from '../../ontology/plover.js';
import type { StageFactory, StageOutput } from '../../core/stage.js';
import { clauseIndexOf, clauses, CONDITIONS } from './clauses.js';
import { Gazetteer, sectorOfNoun } from './gazetteer.js';
import { Lexicon, mayStartTrigger, type PatternMatch } from './match.js';
import { applyPartyRules, applyTypeRules, FIRST_PERSON, firstPartyIn, HARM_TYPES, type EventState } from './event-rules.js';
import { modalityOf, overrideModality } from './modality.js';
import { eventPlace, findParties } from './parties.js';
import { PhraseReader, uniqueRefs as unique, type Phrase } from './phrases.js';
import { actorResolverOf } from './resolver.js';
import { parseDay, toUtc } from '../../text/calendar.js';
import { mentionsByEntity } from '../../text/lookup.js';
import { candidateFeatures, merged, NO_EVENT, ownPatternOf, shippedTypeModel, verbProposals, type TypeDecision, type TypeModel } from './type-model.js';
import type { TriggerEntry } from './triggers.js';
import { shippedLexicon } from './compiled-lexicon.js';

export const EVENTS_VERSION = '1.0.1';

import type { Token } from '../../text/lookup.js';

/** An event recalled from well before publication is background: more than this many days. */
const HISTORICAL_DAYS = 14;
/** A trigger this close after a controlling verb ("threatened to impose") is that verb's content. */
const CONTROL_REACH = 10;
/** A date expression this many tokens or fewer from the trigger, in its clause, dates the event. */
const DATE_REACH = 12;

/**
 * Events: who did what to whom, coded in PLOVER with modality, CAMEO code, quad class and score.
 * Triggers come from the lexicon (triggers.ts); actor and recipient from the clause around them
 * (parties.ts) with names from the mention layer, the actor base, or a small gazetteer; modality from
 * the clause's words and dates (modality.ts); the attribution an event sits in from the attribution
 * layer, whose speaker is the actor of speech acts ("'Sanctions are the opposite of dialogue,' X said").
 * An event's date is the date expression of its clause, else null.
 */
export const eventsStage: StageFactory = (resources) => {
  const gazetteer = resources.once('events.gazetteer', () => new Gazetteer());
  const reader = new PhraseReader(gazetteer, actorResolverOf(resources));
  const lexicon = resources.once<Lexicon>('events.lexicon', shippedLexicon);
  const model = resources.once<TypeModel>('events.type-model', shippedTypeModel);
  return {
    name: 'events',
    version: EVENTS_VERSION,
    requires: ['sentence', 'token'],
    uses: ['date', 'entity', 'mention', 'attribution'],
    assigns: ['event'],
    run(doc, out) {
      const allTokens = doc.layer('token');
      let previousActors: ActorRefData[] = [];
      // first the sentences that hold triggers, read once; the parties they name make the article's cast
      // (sentences without a trigger add nothing: no events, no phrases for the cast or for anaphors)
      const read: Read[] = [];
      for (const sentence of doc.layer('sentence')) {
        const { firstToken, endToken } = sentence.data;
        const words = lexicon.wordsIn(allTokens, firstToken, endToken);
        const mayMatch = mayStartTrigger(words);
        if (!mayMatch && !hasProposable(allTokens, firstToken, endToken, model)) continue;
        const tokens = allTokens.slice(firstToken, endToken);
        const found = mayMatch ? lexicon.findTriggers(tokens, words) : NO_MATCHES as PatternMatch<TriggerEntry>[];
        // only the verbs the model makes events of go on (its decision reads the words, not the other
        // candidates): a sentence without a pattern's trigger is read further only for one of them
        const proposed = verbProposals(tokens, found, model.proposable);
        const decided = eventfulProposals(tokens, proposed, model);
        const matches = merged(found, decided.size ? [...decided.keys()] : NO_MATCHES);
        if (matches.length) {
          read.push({ sentence, tokens, matches, decided, phrases: reader.read(doc, tokens, doc.meta.published) });
        }
      }
      // an article without triggers has no events: nothing more to read
      if (!read.length) return;
      resolveAnaphors(read);
      // the cast is asked for only by events without a target in their sentence: made when first asked
      const cast = new Cast(doc, read);
      const dates = datesOf(doc);
      for (const { sentence, tokens, matches, decided, phrases } of read) {
        // a sentence whose every candidate the model calls no event has no event (whatever controls
        // what): its clauses are not worked out. Its phrases still name the actor a later pronoun may stand for.
        if (!anyEvent(tokens, matches, decided, model)) {
          const firstActor = phrases.find((p) => p.refs.length > 0);
          if (firstActor) previousActors = firstActor.refs;
          continue;
        }
        const clauseList = clauses(tokens);
        const antecedent = antecedentIn(tokens, phrases, previousActors);
        const { kept, content } = suppressControlled(matches, clauseList, tokens);
        const seen = new Set<string>();
        for (let k = 0; k < kept.length; k++) {
          const candidate = kept[k]!;
          // the pattern proposes, the model decides: the type, or no event at all
          const decision = decisionOf(tokens, candidate, decided, model);
          if (decision.type === NO_EVENT) {
            // what a non-event seemed to control is decided on its own ("would consider talks")
            const freed = content.get(candidate);
            if (freed) kept.splice(k + 1, 0, ...freed);
            continue;
          }
          const m = retyped(candidate, decision.type, decision.margin);
          const draft = eventOf(doc, tokens, phrases, clauseList, m, antecedent, sentence, content.get(candidate) ?? NO_MATCHES, reader, cast, dates);
          if (!draft) continue;
          // the condition of an offer may retype the offer: found before either is written
          const condition = conditionOf(draft, tokens, phrases, clauseList, m, antecedent);
          addOnce(out, seen, draft);
          if (condition) addOnce(out, seen, condition);
        }
        const firstActor = phrases.find((p) => p.refs.length > 0);
        if (firstActor) previousActors = firstActor.refs;
      }
    },
  };
};

const NO_MATCHES: readonly PatternMatch<TriggerEntry>[] = [];

/** A trigger candidate the type model decides on, with the features it reads (for training and evaluation). */
export interface Candidate {
  readonly sentenceIndex: number;
  readonly match: PatternMatch<TriggerEntry>;
  /** the candidate's trigger words, as offsets into the text */
  readonly start: number;
  readonly end: number;
  readonly features: readonly string[];
}

/**
 * The candidates the stage would put to its type model in an article whose tokens and sentences are
 * made: the same matching, the same suppression of controlled triggers, the same features.
 */
export function candidatesOf(doc: Document, lexicon: Lexicon): Candidate[] {
  const allTokens = doc.layer('token');
  const out: Candidate[] = [];
  const sentences = doc.layer('sentence');
  for (let index = 0; index < sentences.length; index++) {
    const { firstToken, endToken } = sentences[index]!.data;
    const tokens = allTokens.slice(firstToken, endToken);
    const found = lexicon.findTriggers(tokens);
    const matches = merged(found, verbProposals(tokens, found, proposeEvery));
    if (!matches.length) continue;
    const { kept } = suppressControlled(matches, clauses(tokens), tokens);
    for (const m of kept) {
      out.push({ sentenceIndex: index, match: m, start: tokens[m.tokens[0]!]!.start, end: tokens[m.tokens.at(-1)!]!.end, features: candidateFeatures(tokens, m) });
    }
  }
  return out;
}

/** Training proposes every verb no pattern covers: the model learns which tell no event. */
const proposeEvery = (): boolean => true;

/**
 * The proposals the model makes events of, in their order, with its decisions: the stage takes them
 * when it comes to the proposals (one has no pattern of its own to change its decision).
 */
function eventfulProposals(tokens: readonly Token[], proposals: readonly PatternMatch<TriggerEntry>[], model: TypeModel): Map<PatternMatch<TriggerEntry>, TypeDecision> {
  const out = new Map<PatternMatch<TriggerEntry>, TypeDecision>();
  for (const p of proposals) {
    const decision = model.decideFor(tokens, p);
    if (decision.type !== NO_EVENT) out.set(p, decision);
  }
  return out;
}

/** The model's decision on a candidate, remembered in `decided` (the sentence's decisions, by candidate). */
function decisionOf(tokens: readonly Token[], candidate: PatternMatch<TriggerEntry>, decided: Map<PatternMatch<TriggerEntry>, TypeDecision>, model: TypeModel): TypeDecision {
  let decision = decided.get(candidate);
  if (!decision) decided.set(candidate, (decision = model.decideFor(tokens, candidate, ownPatternOf(candidate)?.type)));
  return decision;
}

/**
 * Whether the model makes an event of any of a sentence's candidates: the first it does ends the
 * question (most sentences: their first candidate). The decisions are remembered for the events.
 */
function anyEvent(tokens: readonly Token[], matches: readonly PatternMatch<TriggerEntry>[], decided: Map<PatternMatch<TriggerEntry>, TypeDecision>, model: TypeModel): boolean {
  for (const m of matches) if (decisionOf(tokens, m, decided, model).type !== NO_EVENT) return true;
  return false;
}

/** Whether tokens `from` to `to` hold a verb the model may make an event of (most sentences that reach here: none). */
function hasProposable(tokens: readonly Token[], from: number, to: number, model: TypeModel): boolean {
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.data.pos === 'VERB' && model.proposable(t.data.lemma.toLowerCase())) return true;
  }
  return false;
}

/**
 * The actor a pronoun of the sentence stands for: the nearest earlier subject-like party in it, else
 * `previous` (the first party named in the sentence before). Made once a sentence.
 */
function antecedentIn(tokens: readonly Token[], phrases: readonly Phrase[], previous: ActorRefData[]): (pronoun: Phrase) => ActorRefData[] {
  return (pronoun) => {
    if (FIRST_PERSON.has(tokens[pronoun.start]?.data.normal ?? '')) return [];
    // the nearest earlier subject-like party: not an object (right after a verb or preposition), not an outlet
    for (let k = phrases.length - 1; k >= 0; k--) {
      const p = phrases[k]!;
      if (p.end <= pronoun.start && p.refs.length > 0
        && !['VERB', 'ADP'].includes(tokens[p.start - 1]?.data.pos ?? '') && p.refs.every((r) => r.sector !== 'JRN')) return p.refs;
    }
    return previous;
  };
}

/**
 * Writes an event unless the sentence has one of the same type, parties and modality already, or, for
 * an event without a recipient, one of the same type, actor and modality whatever its recipient ("rejected
 * a Peruvian peace plan, and said they also opposed ...": the same act said again, its target named once).
 */
function addOnce(out: StageOutput, seen: Set<string>, d: Draft): void {
  const act = `${d.data.type}|${partiesKey(d.data.actor)}|${d.data.modality}`;
  const key = `${act}|${partiesKey(d.data.recipient)}`;
  if (seen.has(key) || (!d.data.recipient.length && seen.has(act))) return;
  seen.add(key);
  seen.add(act);
  out.add('event', d);
}

/**
 * Drops triggers that are the content of a controlling verb before them in the same clause
 * ("threatened to impose sanctions": one THREATEN), and those in an infinitive after a noun that nothing
 * controls (infinitiveOfNoun); returns, for each kept trigger, the ones it controls.
 */
function suppressControlled(matches: PatternMatch<TriggerEntry>[], clauseList: [number, number][], tokens: readonly Token[]) {
  const content = new Map<PatternMatch<TriggerEntry>, PatternMatch<TriggerEntry>[]>();
  // a lone trigger has nothing to control it (most sentences)
  if (matches.length === 1 && !infinitiveOfNoun(tokens, matches[0]!)) return { kept: matches, content };
  const kept: PatternMatch<TriggerEntry>[] = [];
  for (const m of matches) {
    const controller = controllerOf(m, matches, clauseList, tokens);
    if (controller) content.set(controller, [...(content.get(controller) ?? []), m]);
    else if (!infinitiveOfNoun(tokens, m)) kept.push(m);
  }
  return { kept, content };
}

/**
 * Rule `candidate.infinitive-of-noun`: a trigger verb in an infinitive after the one asked or a request
 * ("urged the Security Council to discuss", "an appeal from President X to lay down their arms", "an
 * offer to host a summit") is what was asked for, not an act reported as done. After a verb ("continued
 * to send arms") the act is the verb's own; after a noun of decision or purpose ("the decision to lift
 * the curfew", "a committee to investigate") it is what was decided, and stays.
 */
function infinitiveOfNoun(tokens: readonly Token[], m: PatternMatch<TriggerEntry>): boolean {
  const h = verbOfInfinitive(tokens, m.tokens[0]!);
  if (h < 2) return false;
  // a passive infinitive is one too: "a call for its forces to be deployed"
  const to = tokens[h - 1]!.data.normal === 'to' ? h - 1 : tokens[h - 1]!.data.lemma === 'be' && tokens[h - 2]?.data.normal === 'to' ? h - 2 : -1;
  if (to < 1) return false;
  if (ASKED.has(tokens[to - 1]!.data.pos) || PURPOSE_VERBS.has(tokens[to - 1]!.data.lemma.toLowerCase())) return true;
  // the request may have its asker between it and the infinitive ("an appeal from the government to")
  for (let i = to - 1; i >= Math.max(0, to - 1 - REQUEST_REACH); i--) {
    const t = tokens[i]!;
    if (REQUEST_NOUNS.has(t.data.normal) || (ENTITLEMENT_NOUNS.has(t.data.normal) && !entitlementUsed(tokens, i))) return true;
    if (t.data.pos === 'VERB' || t.data.pos === 'AUX' || t.data.pos === 'PUNCT') return false;
  }
  return false;
}

/**
 * Rule `candidate.purpose-infinitive`: what a plan, a resolution or a party aims or is designed to do
 * ("a resolution that aims to tighten sanctions", "talks meant to end the war") is a purpose, not an
 * act (checked with candidate.infinitive-of-noun; the bare verb is nonevent.aim-purpose).
 */
const PURPOSE_VERBS = new Set(['aim', 'intend', 'design', 'mean']);

/**
 * Rule `candidate.infinitive-of-entitlement`: nouns whose infinitive is what one may do, not what was
 * done ("defended the right of Russian troops to fire on militants", "the ability to strike Guam"),
 * checked with candidate.infinitive-of-noun. A right exercised or used ("used its power to block the
 * resolution") is the act, and stays (entitlementUsed).
 */
const ENTITLEMENT_NOUNS = new Set(['right', 'rights', 'freedom', 'ability', 'capacity', 'capability', 'power', 'authority']);
/** Verbs that make an entitlement their object an act: "exercised its right to", "used its power to". */
const ENTITLEMENT_USERS = new Set(['exercise', 'use', 'invoke', 'wield']);

/** Whether the entitlement noun at `i` is the object of a verb that uses it (over its determiners and modifiers). */
function entitlementUsed(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const t = tokens[k]!;
    if (t.data.pos === 'VERB') return ENTITLEMENT_USERS.has(t.data.lemma.toLowerCase());
    if (t.data.pos !== 'DET' && t.data.pos !== 'PRON' && t.data.pos !== 'ADJ' && t.data.pos !== 'PART') return false;
  }
  return false;
}

/**
 * The verb of a trigger that may stand in an infinitive: the trigger's own verb, or for a noun the
 * verb that governs it over determiners and modifiers ("to impose a naval blockade"); else -1.
 */
function verbOfInfinitive(tokens: readonly Token[], h: number): number {
  const pos = tokens[h]!.data.pos;
  if (pos === 'VERB') return h;
  if (pos !== 'NOUN') return -1;
  for (let k = h - 1; k >= Math.max(0, h - 4); k--) {
    const p = tokens[k]!.data.pos;
    if (p === 'VERB') return k;
    if (p !== 'DET' && p !== 'ADJ' && p !== 'NUM') return -1;
  }
  return -1;
}

/** How far before the infinitive's "to" a request noun may stand. */
const REQUEST_REACH = 5;

/** Parts of speech of the one asked ("urged Chile to", "asked them to", "on 15 October to"). */
const ASKED = new Set(['PROPN', 'PRON', 'NUM']);
/** Nouns whose infinitive is what they ask for. */
const REQUEST_NOUNS = new Set(['appeal', 'appeals', 'call', 'calls', 'request', 'requests', 'demand', 'demands', 'offer', 'offers', 'invitation',
  'proposal', 'proposals', 'plea', 'pleas', 'ultimatum', 'pressure', 'bid', 'urging']);

/** The first other trigger that controls `m`: one that `controls` it, in its clause or in the clause a "that" opens after it. */
function controllerOf(
  m: PatternMatch<TriggerEntry>, matches: readonly PatternMatch<TriggerEntry>[], clauseList: readonly [number, number][], tokens: readonly Token[],
): PatternMatch<TriggerEntry> | undefined {
  const h = m.tokens[0]!;
  const c = clauseIndexOf(clauseList, h);
  for (const other of matches) {
    // a verb put to the model is no pattern's: it controls nothing (it may be controlled)
    if (other === m || other.entry.proposal || !controls(other, h, tokens)) continue;
    // "that"-complements ("demanded that the US cancel ...") open a clause; the content stays inside
    const otherClause = clauseIndexOf(clauseList, other.tokens[0]!);
    if (otherClause === c) return other;
    const opener = tokens[clauseList[c]?.[0] ?? -1];
    if (otherClause === c - 1 && opener?.data.normal === 'that') return other;
  }
  return undefined;
}

const VERB_LIKE = new Set(['VERB', 'AUX', 'ADJ']);
const JOINING = new Set(['ADP', 'DET', 'ADJ']);

/** Whether trigger `other` controls the trigger whose first token is `h`, by their words alone. */
function controls(other: PatternMatch<TriggerEntry>, h: number, tokens: readonly Token[]): boolean {
  const end = other.tokens.at(-1)!;
  if (end >= h || h - end > CONTROL_REACH) return false;
  // a protest's purpose ("marched to demand reforms") is the protest's, wherever it stands in the clause
  if (other.entry.type === 'PROTEST') return true;
  // rule candidate.attack-purpose: an attack's aim told right after it ("opened fire to disperse the
  // crowd", "used water cannon to break up the rally") is the attack's, not a second act
  if (other.entry.type === 'ASSAULT' && h === end + 2 && tokens[end + 1]!.data.normal === 'to') return true;
  // nothing but the complement's own words stand between: no other verb (an infinitive's is its own)
  const direct = directlyBetween(tokens, end, h);
  if (other.entry.control && direct) return true;
  const head = tokens[h]!;
  if (head.data.pos !== 'NOUN' && head.data.pos !== 'PROPN') return false;
  // a noun controls a noun joined to it by a preposition only: "its investigation into an allegation"
  return VERB_LIKE.has(tokens[other.tokens[0]!]!.data.pos) ? direct : joinedBetween(tokens, end, h);
}

/** Whether no comma and no verb (save one after "to") stand between tokens `end` and `h` (both left out). */
function directlyBetween(tokens: readonly Token[], end: number, h: number): boolean {
  for (let i = end + 1; i < h && i < tokens.length; i++) {
    const t = tokens[i]!;
    if ((t.data.pos === 'VERB' && tokens[i - 1]!.data.normal !== 'to') || t.data.value === ',') return false;
  }
  return true;
}

/** Whether at most three prepositions, determiners or adjectives stand between tokens `end` and `h`. */
function joinedBetween(tokens: readonly Token[], end: number, h: number): boolean {
  const to = Math.min(h, tokens.length);
  if (to - (end + 1) > 3) return false;
  for (let i = end + 1; i < to; i++) if (!JOINING.has(tokens[i]!.data.pos)) return false;
  return true;
}

/** The parties of an event as its duplicates share them: countries, else names, joined by commas. */
function partiesKey(refs: readonly ActorRefData[]): string {
  let key = '';
  for (let i = 0; i < refs.length; i++) key += (i ? ',' : '') + (refs[i]!.country ?? refs[i]!.name);
  return key;
}

/** A sentence that holds triggers: its tokens, the triggers and the noun phrases that may name their parties. */
interface Read {
  readonly sentence: LayerAnnotation<'sentence'>;
  readonly tokens: readonly Token[];
  readonly matches: PatternMatch<TriggerEntry>[];
  /** the model's decisions on the sentence's candidates, by candidate: on the proposals it makes events of while reading the sentence, on the others when first asked */
  readonly decided: Map<PatternMatch<TriggerEntry>, TypeDecision>;
  phrases: Phrase[];
}

/** A candidate under the model's decision: in provenance, what the model made of the pattern's type. */
type Decided = TriggerEntry & { readonly decision: string };

/**
 * The candidate with the type the model gave it: the pattern's mode and CAMEO code stay when the
 * type does, else the type's CAMEO root stands in. The decision goes to the event's evidence.
 */
function retyped(m: PatternMatch<TriggerEntry>, type: PloverType, margin: number): PatternMatch<Decided> {
  const e = m.entry;
  const same = type === e.type && !e.proposal;
  const decision = `${e.proposal ? 'model.type.proposed' : same ? 'model.type.kept' : `model.type.from-${e.type}`}:${margin.toFixed(2)}`;
  // one shape for every entry (the lexicons' entries have many: a spread of them is slow); the rules read fields, never list them
  const entry: Decided = {
    id: e.id, pattern: e.pattern, type: same ? e.type : type, mode: same ? e.mode : undefined, cameo: same ? e.cameo : PLOVER[type].cameoRoot,
    control: e.control, reciprocal: e.reciprocal, subjectIsRecipient: e.subjectIsRecipient, ontology: same ? e.ontology : false, proposal: e.proposal, decision,
  };
  return { entry, tokens: m.tokens };
}

/** An event before it is written; `modalityRule` is the rule that gave its modality (also in `evidence`). */
interface Draft { start: number; end: number; rule: string; confidence: number; evidence: string; data: EventData; modalityRule: string }

function eventOf(
  doc: Document, tokens: readonly Token[], phrases: readonly Phrase[], clauseList: [number, number][],
  m: PatternMatch<TriggerEntry>, antecedent: (p: Phrase) => ActorRefData[], sentence: LayerAnnotation<'sentence'>,
  complement: readonly PatternMatch<TriggerEntry>[], reader: PhraseReader, cast: Cast, dates: readonly DatedExpression[],
): Draft | null {
  const entry = m.entry;
  const h = m.tokens[0]!, last = m.tokens.at(-1)!;
  const ci = clauseIndexOf(clauseList, h);
  const head = tokens[h]!;
  const attribution = attributionAt(doc, head.start);
  // words attributed to someone are a clause of their own: "Nevertheless, Reuters points out, neither
  // Trump nor ... have embraced" takes its subject inside the attributed words
  let clause: [number, number] = clauseList[ci] ?? [0, tokens.length];
  if (attribution) {
    const from = firstTokenFrom(tokens, attribution.data.content.start);
    let to = firstTokenFrom(tokens, attribution.data.content.end);
    if (to < 0) to = tokens.length;
    if (from >= 0 && from <= h) clause = [Math.max(clause[0], from), Math.min(clause[1], Math.max(to, h + 1))];
  }
  const nominal = head.data.pos === 'NOUN' || head.data.pos === 'PROPN';
  const evidence: string[] = [];
  if ('decision' in entry) evidence.push((entry as Decided).decision);

  // parties: a trigger that takes in its clause's opener ("from which ... withdrew") has its subject
  // after the opener, before its verb ("from which he withdrew")
  const partyHead = h === clause[0] && (head.data.pos === 'ADP' || head.data.pos === 'PRON') ? firstVerbOf(tokens, m.tokens) : h;
  const notes: string[] = [];
  const parties = findParties({
    tokens, phrases, clause, trigger: [partyHead, last], nominal, subjectIsRecipient: !!entry.subjectIsRecipient, antecedent, text: doc.text,
    bareIsPassive: HARM_TYPES.has(entry.type) || entry.type === 'ACCUSE', accusation: entry.type === 'ACCUSE', notes,
  });
  if (parties.actorRule) evidence.push(parties.actorRule);
  if (parties.recipientRule) evidence.push(parties.recipientRule);
  evidence.push(...notes);
  const triggerStart = head.start, triggerEnd = tokens[last]!.end;
  // outlets relay words, they do not act in them
  const speaker = attribution?.data.speaker && attribution.data.speaker.sector !== 'JRN' ? attribution.data.speaker : null;
  // where it happened: a place, which the party rules may also make a party when it suffers the act
  const place = eventPlace(tokens, phrases, clause, [partyHead, last], doc.text);
  const state: EventState = {
    doc, tokens, phrases, clauseList, clause, ci, h, last, entry, nominal, complement, reader, cast, speaker, location: place?.location ?? null,
    actor: parties.actor, recipient: parties.recipient, type: entry.type, modality: 'asserted', modalityRule: 'modality.asserted', conditional: false, ownOpener: '', place: undefined,
  };
  // the rules that fill or take away parties the clause left (event-rules.ts), in order
  applyPartyRules(state, evidence);
  if (place) evidence.push(place.rule);

  // modality
  const dated = dateOf(dates, tokens, clause, h, last);
  const date = dated?.date ?? null;
  const recalled = !!dated && dated.sincePublished !== null && dated.sincePublished > HISTORICAL_DAYS;
  const ownOpener = openerOf(tokens, clauseList, ci);
  // a condition: the trigger's own clause ("if they meet"), the clause right before or after it
  // ("would consider talks if ..."), or an if-clause earlier in the sentence answered by "then"
  let thenBefore = false;
  for (let i = Math.max(0, Math.min(clause[0], h - 8)); i < h; i++) if (tokens[i]!.data.normal === 'then') thenBefore = true;
  const conditional = CONDITIONS.has(ownOpener) || CONDITIONS.has(openerOf(tokens, clauseList, ci + 1)) || CONDITIONS.has(openerOf(tokens, clauseList, ci - 1))
    || (thenBefore && conditionBefore(tokens, clauseList, ci));
  // a relative clause dated long ago inside a condition ("if he rejoined the deal from which he withdrew in May") is history
  const inheritsCondition = conditional && !CONDITIONS.has(ownOpener) && recalled;
  // the words' verdict, then what the stage knows besides them (modality.ts MODALITY_OVERRIDES)
  const verdict = overrideModality(modalityOf({ tokens, clause, trigger: [h, last], nominal }), {
    reported: !!attribution, conditional, inheritsCondition, conditionIsContent: entry.type === 'THREATEN' || entry.type === 'REQUEST',
    recalled, futureDate: date?.data.relation === 'future',
  });
  state.modality = verdict.modality;
  state.modalityRule = verdict.rule;
  state.conditional = conditional;
  state.ownOpener = ownOpener;
  evidence.push(verdict.rule);

  // type by modality and words: promised material help is an AGREE; conditional harm is a THREATEN; ...
  applyTypeRules(state, evidence);
  const { type, modality, actor, recipient } = state;
  const mode = type === entry.type ? entry.mode ?? null : null;
  const confidence = Math.min(0.95, 0.55 + (actor.length ? 0.15 : 0) + (recipient.length ? 0.1 : 0) + (m.tokens.length > 1 ? 0.1 : 0));
  return {
    start: triggerStart, end: triggerEnd, rule: entry.id, confidence, evidence: evidence.join(' '), modalityRule: verdict.rule,
    data: {
      type, mode, modality, actor: unique(actor), recipient: unique(recipient),
      trigger: { start: triggerStart, end: triggerEnd },
      sentence: { start: sentence.start, end: sentence.end },
      date: date?.data.date ?? null,
      attribution: attribution?.id ?? null,
      cameo: type === entry.type ? entry.cameo : PLOVER[type].cameoRoot,
      quadClass: quadClassOf(type), score: scoreOf(type, mode),
      ...(place ? { location: place.location } : {}),
    },
  };
}

/**
 * An offer made on a condition carries a demand: "would only consider talks if the US first rejoined
 * the deal" is a conditional AGREE and a REQUEST to the subject of the if-clause. Mutates the offer's
 * type (a conditional meeting is an offer to meet) and returns the REQUEST, or null.
 */
function conditionOf(
  draft: Draft, tokens: readonly Token[], phrases: readonly Phrase[], clauseList: [number, number][],
  m: PatternMatch<TriggerEntry>, antecedent: (p: Phrase) => ActorRefData[],
): Draft | null {
  const d = draft.data;
  if (d.modality !== 'hypothetical' || draft.modalityRule !== 'modality.hypothetical.condition') return null;
  if (d.type !== 'AGREE' && d.type !== 'CONSULT') return null;
  const ci = clauseIndexOf(clauseList, m.tokens[0]!);
  const next = clauseList[ci + 1];
  if (!next || !CONDITIONS.has(tokens[next[0]]?.data.normal ?? '')) return null;
  const asked = firstPartyIn(phrases, next);
  const verb = tokens.slice(next[0], next[1]).findIndex((t) => t.data.pos === 'VERB');
  if (!asked || verb < 0) return null;
  const recipient = asked.pronoun ? antecedent(asked) : asked.refs;
  if (!recipient.length || !d.actor.length) return null;
  if (d.type === 'CONSULT') {
    draft.data = { ...d, type: 'AGREE', mode: null, cameo: '036', quadClass: quadClassOf('AGREE'), score: scoreOf('AGREE') };
    draft.evidence += ' type.conditional-meeting-is-offer';
  }
  const start = tokens[next[0]]!.start, end = tokens[next[0] + verb]!.end;
  return {
    start, end, rule: 'request.condition-of-offer', confidence: 0.6, evidence: `condition of ${d.type} ${draft.rule}`, modalityRule: 'modality.asserted',
    data: {
      ...draft.data, type: 'REQUEST', mode: 'change', modality: 'asserted', recipient, trigger: { start, end },
      cameo: '10', quadClass: quadClassOf('REQUEST'), score: scoreOf('REQUEST'),
    },
  };
}

/** The first of a trigger's tokens that is a verb, else its first token. */
function firstVerbOf(tokens: readonly Token[], trigger: readonly number[]): number {
  for (const k of trigger) if (tokens[k]!.data.pos === 'VERB') return k;
  return trigger[0]!;
}

/** The index of the first token starting at or after `offset`, or -1. */
function firstTokenFrom(tokens: readonly Token[], offset: number): number {
  for (let i = 0; i < tokens.length; i++) if (tokens[i]!.start >= offset) return i;
  return -1;
}

/** The normal form of the word that opens clause `k`, or '' when there is no such clause. */
function openerOf(tokens: readonly Token[], clauseList: readonly [number, number][], k: number): string {
  return tokens[clauseList[k]?.[0] ?? -1]?.data.normal ?? '';
}

/** Whether one of the clauses before clause `ci` opens with a condition ("if", "unless"). */
function conditionBefore(tokens: readonly Token[], clauseList: readonly [number, number][], ci: number): boolean {
  // the clauses slice(0, ci) would give (a trigger is always in some clause: ci >= 0)
  const end = ci < 0 ? clauseList.length + ci : Math.min(ci, clauseList.length);
  for (let k = 0; k < end; k++) if (CONDITIONS.has(tokens[clauseList[k]![0]]?.data.normal ?? '')) return true;
  return false;
}

const ANAPHORIC = new Set(['such', 'these', 'those', 'the']);

/**
 * "Iranian officials rejected the offer ... several such officials said": a group named again by its
 * noun alone, with "such", "these", "those" or "the", is the group last named with that noun.
 */
function resolveAnaphors(read: readonly { tokens: readonly Token[]; phrases: Phrase[] }[]): void {
  const lastByHead = new Map<string, ActorRefData[]>();
  for (const r of read) {
    // the phrase lists are the stage's own: a phrase that gains an actor is replaced in place
    for (let i = 0; i < r.phrases.length; i++) {
      const p = r.phrases[i]!;
      if (p.pronoun) continue;
      const head = r.tokens[p.end - 1]!.data.normal;
      if (sectorOfNoun(head) === undefined) continue;
      if (p.refs.length) { lastByHead.set(head, p.refs); continue; }
      const earlier = lastByHead.get(head);
      if (!earlier) continue;
      const words = r.tokens.slice(p.start, p.end - 1).map((t) => t.data.normal);
      if (!words.some((w) => ANAPHORIC.has(w)) || words.some((w) => /^[a-z]/.test(w) === false)) continue;
      r.phrases[i] = { ...p, refs: earlier, rule: 'party.anaphor' };
    }
  }
}

/** The article's cast (castOf), made on first use. */
class Cast {
  private made: ActorRefData[] | null = null;
  constructor(private readonly doc: Document, private readonly read: readonly { phrases: readonly Phrase[] }[]) {}

  parties(): readonly ActorRefData[] {
    return (this.made ??= castOf(this.doc, this.read));
  }
}

/** A main party of the article is named at least 1/CAST_SHARE as often as the most named one. */
const CAST_SHARE = 3;

/**
 * The article's cast: the countries of the parties it names (outlets left out), most named first, each
 * with the name it is most often given; only those named at least twice, and at least a third as often as
 * the most named, count as the article's main parties.
 */
function castOf(doc: Document, read: readonly { phrases: readonly Phrase[] }[]): ActorRefData[] {
  const counts = new Map<string, { n: number; names: Map<string, number> }>();
  const count = (country: string | null, name: string, n: number) => {
    if (!country) return;
    const c = counts.get(country) ?? { n: 0, names: new Map<string, number>() };
    c.n += n;
    c.names.set(name, (c.names.get(name) ?? 0) + n);
    counts.set(country, c);
  };
  // outlets relay the news, they are not what it is about ("..., the Czechoslovak news agency reported")
  if (doc.has('entity')) {
    const mentions = mentionsByEntity(doc);
    for (const e of doc.layer('entity')) if (e.data.type !== 'MEDIA' && e.data.sector !== 'JRN') count(e.data.country, e.data.name, mentions.get(e.id)?.length ?? 0);
  } else {
    for (const { phrases } of read) for (const p of phrases) for (const r of p.refs) if (r.sector !== 'JRN') count(r.country, r.name, 1);
  }
  const main: { country: string; n: number; name: string }[] = [];
  for (const [country, c] of counts) {
    if (c.n < 2) continue;
    // the name given most often; of equals, the first given
    let name = '', most = -Infinity;
    for (const [n, k] of c.names) if (k > most) { name = n; most = k; }
    main.push({ country, n: c.n, name });
  }
  // most named first; of equals, the first named (a stable sort)
  main.sort((a, b) => b.n - a.n);
  // what the article is about: a party named at least a third as often as the most named one (an
  // article on one country's politics that names another twice is not about that other)
  const most = main[0]?.n ?? 0;
  const out: ActorRefData[] = [];
  for (const m of main) if (m.n * CAST_SHARE >= most) out.push({ name: m.name, country: m.country, sector: 'GOV' });
  return out;
}

/** The innermost attribution whose content holds the offset. */
function attributionAt(doc: Document, offset: number): LayerAnnotation<'attribution'> | null {
  if (!doc.has('attribution')) return null;
  const index = contentIndexOf(doc);
  // the contents that start at or before the offset, back to where none reaches past it
  let i = firstStartAfter(index.byStart, offset) - 1;
  let best: { readonly a: LayerAnnotation<'attribution'>; readonly order: number } | null = null;
  for (; i >= 0 && index.reach[i]! > offset; i--) {
    const entry = index.byStart[i]!;
    const a = entry.a;
    if (!holds(a.data.contentParts ?? null, a.data.content, offset)) continue;
    const length = a.data.content.end - a.data.content.start;
    const bestLength = best ? best.a.data.content.end - best.a.data.content.start : Infinity;
    // the narrowest content holds the event; between equals, the first in the layer
    if (length < bestLength || (length === bestLength && entry.order < best!.order)) best = entry;
  }
  return best?.a ?? null;
}

/**
 * The attributions' contents sorted by start, with the furthest end reached so far at each place,
 * so that the contents holding an offset are found without reading them all (a long article has
 * thousands). Built once for a document: the layer does not change after the attributions stage.
 */
interface ContentIndex {
  readonly byStart: readonly { readonly a: LayerAnnotation<'attribution'>; readonly order: number; readonly start: number; readonly end: number }[];
  readonly reach: Int32Array;
}
const contentIndexes = new WeakMap<Document, ContentIndex>();

function contentIndexOf(doc: Document): ContentIndex {
  let index = contentIndexes.get(doc);
  if (index) return index;
  // a content in parts is placed by the extent of its parts (its main part need not cover them)
  const byStart = doc.layer('attribution').map((a, order) => ({ a, order, ...extentOf(a.data.contentParts ?? [a.data.content]) }))
    .sort((x, y) => x.start - y.start || x.order - y.order);
  const reach = new Int32Array(byStart.length);
  let furthest = -1;
  byStart.forEach((e, i) => { furthest = Math.max(furthest, e.end); reach[i] = furthest; });
  index = { byStart, reach };
  contentIndexes.set(doc, index);
  return index;
}

function extentOf(parts: readonly { readonly start: number; readonly end: number }[]): { start: number; end: number } {
  let start = Infinity, end = -1;
  for (const p of parts) { start = Math.min(start, p.start); end = Math.max(end, p.end); }
  return { start, end };
}

/** Index of the first entry whose content starts after the offset. */
function firstStartAfter(list: ContentIndex['byStart'], offset: number): number {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.start <= offset) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Whether an attribution's content (its parts, when it has several) holds the offset. */
function holds(parts: readonly { start: number; end: number }[] | null, content: { start: number; end: number }, offset: number): boolean {
  if (!parts) return content.start <= offset && offset < content.end;
  for (const p of parts) if (p.start <= offset && offset < p.end) return true;
  return false;
}

/** A date expression an event may be dated by, and how many days before publication it lies (null without one). */
interface DatedExpression { readonly date: LayerAnnotation<'date'>; readonly sincePublished: number | null }

/**
 * The article's date expressions that may date an event, computed once for all its events: a weekday
 * names a day within a week of publication; anything else is a misreading we do not date by.
 */
function datesOf(doc: Document): DatedExpression[] {
  const published = doc.meta.published;
  const out: DatedExpression[] = [];
  for (const d of doc.layer('date')) {
    const sincePublished = published ? daysBetween(d.data.date, published) : null;
    const far = sincePublished !== null && Math.abs(sincePublished) > 7;
    if (far && /\b(mon|tues|wednes|thurs|fri|satur|sun)day\b/i.test(doc.text.slice(d.start, d.end))) continue;
    out.push({ date: d, sincePublished });
  }
  return out;
}

/**
 * The date expression of the trigger's clause, if it has one: within DATE_REACH tokens before the
 * trigger's first word or after its last ("attend the meeting of ... this Saturday" counts from "meeting").
 */
function dateOf(dates: readonly DatedExpression[], tokens: readonly Token[], clause: readonly [number, number], trigger: number, triggerEnd: number): DatedExpression | null {
  const a = tokens[Math.max(clause[0], trigger - DATE_REACH)]?.start ?? 0;
  const b = tokens[Math.min(clause[1], triggerEnd + DATE_REACH) - 1]?.end ?? 0;
  const at = tokens[trigger]?.start ?? 0;
  let best: DatedExpression | null = null;
  for (const e of dates) {
    const d = e.date;
    if (d.start < a || d.end > b) continue;
    if (!best || Math.abs(d.start - at) < Math.abs(best.date.start - at)) best = e;
  }
  return best;
}

/** Days from `earlier` to `later` (calendar days, src/text/calendar.ts), or null when either is not a YYYY-MM-DD day. */
function daysBetween(earlier: string, later: string): number | null {
  const a = parseDay(earlier), b = parseDay(later);
  return a && b ? Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000) : null;
}
