import type { PloverType } from '../../ontology/plover.js';

/**
 * The trigger lexicon: words and phrases that express an event, each with its PLOVER type, mode,
 * CAMEO code and a rule id (what `provenance.rule` says when it fires).
 *
 * Pattern language, matched against token lemmas (lower case):
 *   - words separated by spaces must follow each other ("take to the street");
 *   - `a|b` is either word;
 *   - `...` lets up to five tokens stand between ("call on ... to");
 *   - a leading `~` marks a noun use: the word must not be tagged as a verb ("~protest" the noun).
 * `control: true` marks verbs whose complement is the content of the act ("threatened to impose
 * sanctions", "offered to hand over"): a trigger inside that complement is not a separate event.
 * `passive: true` entries read their agent from a "by" phrase and their recipient from the subject
 * when the verb is passive; every verb entry does that, the flag is for nouns that behave the same.
 */
export interface TriggerEntry {
  readonly id: string;
  readonly pattern: string;
  readonly type: PloverType;
  readonly mode?: string;
  readonly cameo: string;
  readonly control?: boolean;
  /** the event is a joint act of its parties ("met", "talks", "agreed"): with no recipient, all are actors */
  readonly reciprocal?: boolean;
  /** the grammatical subject is the one acted on ("Libya must hand over ..." said Britain): REQUEST via a modal */
  readonly subjectIsRecipient?: boolean;
  /**
   * the type follows the project ontology (ONTOLOGY.md) where it departs from the CAMEO -> PLOVER
   * map: imposing sanctions is SANCTION (the map says COERCE), a declared ceasefire and a pardon are
   * CONCEDE, a resignation is RETREAT. Every other entry's type is the one its CAMEO code maps to.
   */
  readonly ontology?: boolean;
  /**
   * a verb no pattern covers, put to the type model as a candidate (type-model.ts VERB_PROPOSAL):
   * its `type` is a placeholder until the model decides, and it never controls another trigger
   */
  readonly proposal?: boolean;
}

const e = (id: string, pattern: string, type: PloverType, cameo: string, extra: Partial<TriggerEntry> = {}): TriggerEntry =>
  ({ id, pattern, type, cameo, ...extra });

export const TRIGGERS: readonly TriggerEntry[] = [
  // AGREE: agree, offer, promise, express willingness
  e('trigger.agree.agree', 'agree', 'AGREE', '030', { control: true, reciprocal: true }),
  e('trigger.agree.agree-upon', 'agree upon|on', 'AGREE', '030', { reciprocal: true }),
  e('trigger.agree.agreement', '~agreement', 'AGREE', '030', { reciprocal: true }),
  e('trigger.agree.deal', 'reach|strike ... deal|agreement|accord', 'AGREE', '030', { reciprocal: true }),
  e('trigger.agree.offer', 'offer', 'AGREE', '030', { control: true }),
  e('trigger.agree.offer-of-talks', 'offer of|for talk|negotiation|dialogue', 'AGREE', '036'),
  e('trigger.agree.promise', 'promise|pledge|vow', 'AGREE', '030', { control: true }),
  e('trigger.agree.accept', 'accept', 'AGREE', '030', { control: true }),
  e('trigger.agree.willing', 'willing|ready|prepared to', 'AGREE', '030', { control: true }),
  e('trigger.agree.willingness', 'willingness|readiness to', 'AGREE', '030', { control: true }),
  e('trigger.agree.open-to', 'open to talk|negotiation|dialogue|meeting', 'AGREE', '036'),
  e('trigger.agree.commit', 'commit to', 'AGREE', '030', { control: true }),
  e('trigger.agree.propose', 'propose', 'AGREE', '030', { control: true }),
  e('trigger.agree.proposal', '~proposal', 'AGREE', '030'),
  e('trigger.agree.invite', 'invite', 'AGREE', '039', { control: true }),
  e('trigger.agree.invitation', '~invitation', 'AGREE', '039'),
  e('trigger.agree.consent', 'consent to', 'AGREE', '030', { control: true }),

  // CONSULT: meetings, visits, talks, calls
  e('trigger.consult.meet', 'meet', 'CONSULT', '040', { reciprocal: true }),
  e('trigger.consult.meet-with', 'meet with', 'CONSULT', '040', { reciprocal: true }),
  e('trigger.consult.meeting', '~meeting', 'CONSULT', '040', { reciprocal: true }),
  e('trigger.consult.summit', 'summit', 'CONSULT', '040', { reciprocal: true, mode: 'multilateral' }),
  e('trigger.consult.talk', '~talk|~talks', 'CONSULT', '040', { reciprocal: true }),
  e('trigger.consult.hold-talks', 'hold ... talk|talks|negotiation|meeting', 'CONSULT', '040', { reciprocal: true }),
  e('trigger.consult.negotiate', 'negotiate', 'CONSULT', '046', { reciprocal: true }),
  e('trigger.consult.negotiation', '~negotiation', 'CONSULT', '046', { reciprocal: true }),
  e('trigger.consult.visit', 'visit', 'CONSULT', '042', { mode: 'visit' }),
  e('trigger.consult.host', '^host', 'CONSULT', '043', { mode: 'visit' }),
  e('trigger.consult.welcome', 'give ... welcome', 'CONSULT', '043', { mode: 'visit' }),
  e('trigger.consult.phone', 'phone|telephone call', 'CONSULT', '040', { mode: 'phone', reciprocal: true }),
  e('trigger.consult.spoke-by-phone', 'speak by phone|telephone', 'CONSULT', '040', { mode: 'phone', reciprocal: true }),
  e('trigger.consult.mediate', 'mediate', 'CONSULT', '045', { mode: 'third-party' }),
  e('trigger.consult.mediation', '~mediation', 'CONSULT', '045', { mode: 'third-party' }),
  e('trigger.consult.consult', 'consult|confer', 'CONSULT', '040', { reciprocal: true }),
  e('trigger.consult.discuss', 'discuss', 'CONSULT', '040', { reciprocal: true }),
  e('trigger.consult.dialogue', '~dialogue', 'CONSULT', '040', { reciprocal: true }),
  e('trigger.consult.interaction', 'direct interaction|contact', 'CONSULT', '040', { reciprocal: true }),

  // SUPPORT: praise, endorse, recognise, sign, ratify
  e('trigger.support.praise', 'praise|commend|hail|laud', 'SUPPORT', '051'),
  e('trigger.support.speak-highly', 'speak highly|well of', 'SUPPORT', '051'),
  e('trigger.support.endorse', 'endorse', 'SUPPORT', '051'),
  e('trigger.support.support', 'support', 'SUPPORT', '051'),
  e('trigger.support.defend', 'defend the right|position', 'SUPPORT', '051'),
  e('trigger.support.approve', 'approve', 'SUPPORT', '051'),
  e('trigger.support.approval', 'approval of', 'SUPPORT', '051'),
  e('trigger.support.encourage', 'encourage', 'SUPPORT', '051'),
  e('trigger.support.recognize', 'recognize|recognise', 'SUPPORT', '054'),
  e('trigger.support.sign', '^sign', 'SUPPORT', '057'),
  e('trigger.support.ratify', 'ratify', 'SUPPORT', '057'),
  e('trigger.support.ties', 'establish|restore|upgrade|normalize|normalise ... tie|relation', 'SUPPORT', '054'),
  // ties widened, when they are named diplomatic ones ("expanded diplomatic relations"; "expand trade ties" is not)
  e('trigger.support.expand-ties', 'expand|strengthen|deepen|improve ... diplomatic|bilateral ... tie|relation', 'SUPPORT', '054'),
  e('trigger.support.embassy', 'open ... embassy', 'SUPPORT', '054'),
  e('trigger.support.congratulate', 'congratulate', 'SUPPORT', '051'),
  e('trigger.support.forgive', 'forgive', 'SUPPORT', '056'),

  // CONCEDE: verbal concessions, easing, apology, pardon, ceasefire declared
  e('trigger.support.apologize', 'apologize|apologise', 'SUPPORT', '055'),
  e('trigger.support.apology', '~apology', 'SUPPORT', '055'),
  e('trigger.concede.lift', 'lift|ease|relax|cancel|remove|loosen|rescind|revoke|scrap|abolish|dismantle ... restriction|curfew|ban|emergency', 'CONCEDE', '081', { mode: 'ease' }),
  // ending or halting a restriction is easing it too ("agreed to end the curfew"); "end" alone is too
  // common to stand five words from its object, so these verbs take theirs close by
  e('trigger.concede.end-restriction', 'end|halt|suspend ... restriction|curfew|ban', 'CONCEDE', '081', { mode: 'ease' }),
  e('trigger.concede.shorten', 'shorten ... curfew', 'CONCEDE', '081', { mode: 'ease' }),
  // the same easing told in the passive, the restriction first ("the curfew has been lifted", "curfew
  // lifted"): the verb only, its agent after "by"
  e('trigger.concede.restriction-lifted', '~restriction|~curfew|~ban ... ^lift|^ease|^relax|^remove|^loosen|^rescind|^revoke|^scrap|^abolish|^suspend', 'CONCEDE', '081', { mode: 'ease' }),
  // economic sanctions eased are a material yielding, RETREAT (CAMEO 085 ease economic sanctions, boycott, embargo),
  // not the administrative easing above (081); the second told in the passive ("sanctions on Belarus were eased")
  e('trigger.retreat.ease-sanctions', 'lift|ease|relax|cancel|remove|loosen|rescind|revoke|scrap|end|halt|suspend ... sanction|embargo', 'RETREAT', '085', { mode: 'ease' }),
  e('trigger.retreat.sanctions-eased', '~sanction|~embargo ... ^lift|^ease|^relax|^remove|^loosen|^rescind|^revoke|^scrap|^suspend', 'RETREAT', '085', { mode: 'ease' }),
  // dissent eased: protests suspended, a march called off (CAMEO 082; the dictionary has it only
  // for "halt ... strike" and "cancel ... rally"). "stop", "halt" and "end" are left out: a government
  // ends protests too ("vowed to end the protests" is a threat). The protest follows its verb or a
  // determiner right after it: further away it is another thing's ("suspended the ban on rallies")
  e('trigger.concede.end-dissent', 'suspend|cancel|abandon|postpone ~protest|demonstration|~rally|~march|boycott', 'CONCEDE', '082'),
  e('trigger.concede.end-own-dissent', 'suspend|cancel|abandon|postpone its|their|the|all|further|planned ~protest|demonstration|~rally|~march|boycott', 'CONCEDE', '082'),
  e('trigger.concede.call-off-dissent', 'call off ... ~protest|demonstration|~rally|~march|boycott|strike', 'CONCEDE', '082'),
  e('trigger.concede.relief', 'sanction relief', 'CONCEDE', '081', { mode: 'ease' }),
  e('trigger.concede.pardon', 'pardon|amnesty', 'CONCEDE', '0841', { mode: 'pardon', ontology: true }),
  e('trigger.concede.ceasefire', 'declare|announce ... ceasefire|truce', 'CONCEDE', '0871', { mode: 'ceasefire', ontology: true }),
  // the tokeniser splits "cease-fire" in three
  e('trigger.concede.cease-fire', 'declare|announce ... cease - fire', 'CONCEDE', '0871', { mode: 'ceasefire', ontology: true }),
  e('trigger.concede.call-off', 'call off', 'CONCEDE', '080'),
  // concessions are verbal yielding whether made, offered or promised (ONTOLOGY.md: CONCEDE is the
  // promised easing; CAMEO 035 "express intent to yield" is coded AGREE by the table)
  e('trigger.concede.concession', '~concession', 'CONCEDE', '035', { ontology: true }),
  // yielding to a demand or to pressure (CAMEO 080 yield, 083 accede to demands)
  e('trigger.concede.give-in', 'give in|way to', 'CONCEDE', '080'),
  e('trigger.concede.back-down', 'back down|off', 'CONCEDE', '080'),
  e('trigger.concede.cave-in', 'cave in|to', 'CONCEDE', '080'),
  e('trigger.concede.yield-to', 'yield|bow|accede|bend|capitulate|succumb to', 'CONCEDE', '083'),
  // a ceasefire pledged, proclaimed or ordered is a declared one (trigger.concede.ceasefire); one
  // agreed to stays an AGREE, as PLOVER's coders have it ("agreed to a ceasefire")
  e('trigger.concede.pledge-ceasefire', 'pledge|proclaim|unveil|order ... ceasefire|truce|armistice', 'CONCEDE', '0871', { mode: 'ceasefire', ontology: true }),
  e('trigger.concede.pledge-cease-fire', 'pledge|proclaim|unveil|order ... cease - fire', 'CONCEDE', '0871', { mode: 'ceasefire', ontology: true }),

  // COOPERATE: material cooperation
  e('trigger.cooperate.cooperate', 'cooperate|collaborate', 'COOPERATE', '06', { reciprocal: true }),
  e('trigger.cooperate.share', 'share ... intelligence|information|expertise|technology', 'COOPERATE', '064', { reciprocal: true }),
  e('trigger.cooperate.exercise', 'joint ... exercise|drill|patrol|maneuver|manoeuvre', 'COOPERATE', '062', { reciprocal: true, mode: 'military' }),
  e('trigger.cooperate.jointly-hold', 'jointly hold|conduct|stage ... exercise|drill|patrol|maneuver|manoeuvre', 'COOPERATE', '062', { reciprocal: true, mode: 'military' }),
  // cooperation widened is cooperation (PLOVER: "initiate, resume, improve, or expand economic exchange or cooperation")
  e('trigger.cooperate.expand', 'expand|increase|boost|deepen|strengthen|enhance|resume ... cooperation|collaboration', 'COOPERATE', '06', { reciprocal: true }),
  e('trigger.cooperate.invest', '^invest in', 'COOPERATE', '061', { mode: 'economic' }),
  e('trigger.cooperate.war-games', 'war game', 'COOPERATE', '062', { reciprocal: true, mode: 'military' }),
  e('trigger.cooperate.alliance', 'develop|form|build ... alliance', 'COOPERATE', '062', { reciprocal: true, mode: 'military' }),
  e('trigger.cooperate.extradite', 'extradite', 'COOPERATE', '063', { mode: 'judicial' }),
  e('trigger.cooperate.trade', 'trade pact|deal|agreement', 'COOPERATE', '061', { reciprocal: true, mode: 'economic' }),

  // AID: material aid
  e('trigger.aid.provide-aid', 'provide|send|give|deliver ... aid|assistance|arm|weapon|loan', 'AID', '07'),
  e('trigger.aid.aid', '~aid|~assistance', 'AID', '07'),
  e('trigger.aid.asylum', 'grant ... asylum', 'AID', '075', { mode: 'asylum' }),
  e('trigger.aid.asylum-noun', '~asylum', 'AID', '075', { mode: 'asylum' }),
  e('trigger.aid.open-borders', 'open ... border', 'AID', '073', { mode: 'humanitarian' }),
  e('trigger.aid.donate', 'donate|^fund', 'AID', '071', { mode: 'economic' }),

  // RETREAT: material yielding
  e('trigger.retreat.withdraw-troops', 'withdraw|pull ... troop|force|soldier', 'RETREAT', '0874', { mode: 'withdraw' }),
  e('trigger.retreat.evacuate', 'evacuate|dismantle ... settlement|base|outpost|position|camp', 'RETREAT', '0874', { mode: 'withdraw' }),
  e('trigger.retreat.withdrawal', 'withdrawal of', 'RETREAT', '0874', { mode: 'withdraw' }),
  e('trigger.retreat.complete-withdrawal', 'complete|speed|begin|start|announce|order ... withdrawal', 'RETREAT', '0874', { mode: 'withdraw' }),
  e('trigger.retreat.release', 'release', 'RETREAT', '0841', { mode: 'release' }),
  e('trigger.retreat.set-free', 'set free', 'RETREAT', '0841', { mode: 'release' }),
  e('trigger.retreat.disarm', 'disarm|disarmament|denuclearization|denuclearize|denuclearise', 'RETREAT', '0871', { mode: 'disarm' }),
  e('trigger.retreat.lay-down-arms', 'lay down ... arm|weapon', 'RETREAT', '0871', { mode: 'disarm' }),
  e('trigger.retreat.resign', 'resign', 'RETREAT', '0832', { mode: 'resign', ontology: true }),
  e('trigger.retreat.step-down', 'step down', 'RETREAT', '0832', { mode: 'resign', ontology: true }),
  e('trigger.retreat.resignation', '~resignation', 'RETREAT', '0832', { mode: 'resign', ontology: true }),
  // "stood down as president" (the dictionary's STAND block codes no stepping down)
  e('trigger.retreat.stand-down', 'stand down', 'RETREAT', '0832', { mode: 'resign', ontology: true }),
  // armed forces demobilised (CAMEO 0873): the dictionary's bare "disband" is a reduction of relations (160)
  e('trigger.retreat.disband-forces', 'disband|demobilize|demobilise ... militia|force|troops|army|unit|fighter|brigade|battalion|guerrilla|combatant', 'RETREAT', '0873', { mode: 'disarm' }),
  e('trigger.retreat.lift-blockade', 'lift|end ... blockade|siege', 'RETREAT', '0863', { mode: 'access' }),
  e('trigger.retreat.access', 'allow|grant ... access', 'RETREAT', '0863', { mode: 'access' }),
  e('trigger.retreat.access-improved', 'access ... improve', 'RETREAT', '0863', { mode: 'access' }),
  e('trigger.retreat.compensation', 'pay ... compensation', 'RETREAT', '085'),
  e('trigger.retreat.return', 'return ... prisoner|territory|property|land|hostage|captive|building|asset', 'RETREAT', '0842'),
  e('trigger.retreat.hand-over', 'hand over', 'RETREAT', '0842'),
  e('trigger.retreat.observe-ceasefire', 'observe|respect|implement|honor|honour|uphold ... ceasefire|truce', 'RETREAT', '087', { mode: 'ceasefire' }),

  // REQUEST: demands, appeals, orders
  e('trigger.request.demand', 'demand', 'REQUEST', '10', { control: true }),
  e('trigger.request.call-on', 'call on|upon ... to', 'REQUEST', '10', { control: true }),
  e('trigger.request.call-for', 'call for', 'REQUEST', '10', { control: true }),
  e('trigger.request.urge', 'urge|^press', 'REQUEST', '10', { control: true }),
  e('trigger.request.ask', 'ask ... to', 'REQUEST', '10', { control: true }),
  e('trigger.request.appeal', 'appeal to|for', 'REQUEST', '10', { control: true }),
  e('trigger.request.insist', 'insist on|upon', 'REQUEST', '10', { control: true }),
  e('trigger.request.order', '^order', 'REQUEST', '10', { control: true }),
  e('trigger.request.must', 'must', 'REQUEST', '10', { control: true, subjectIsRecipient: true }),
  e('trigger.request.request', 'request', 'REQUEST', '10', { control: true }),
  e('trigger.request.condition', 'precondition', 'REQUEST', '10', { control: true }),
  e('trigger.request.seek', 'seek', 'REQUEST', '10', { control: true }),
  e('trigger.request.regime-change', 'regime change', 'REQUEST', '1041', { mode: 'change' }),

  // ACCUSE: criticise, condemn, accuse, investigate, sue
  e('trigger.accuse.accuse', 'accuse', 'ACCUSE', '112', { mode: 'allege' }),
  e('trigger.accuse.accusation', 'accusation|allegation', 'ACCUSE', '112', { mode: 'allege' }),
  e('trigger.accuse.blame', 'blame', 'ACCUSE', '112', { mode: 'disapprove' }),
  e('trigger.accuse.condemn', 'condemn|denounce|criticize|criticise|censure|deplore|slam|decry|lambast|rebuke', 'ACCUSE', '111', { mode: 'disapprove' }),
  e('trigger.accuse.criticism', 'criticism|condemnation|denunciation', 'ACCUSE', '111', { mode: 'disapprove' }),
  e('trigger.accuse.complain', 'complain', 'ACCUSE', '114', { mode: 'disapprove' }),
  e('trigger.accuse.protest-to', 'lodge ... protest', 'ACCUSE', '114', { mode: 'disapprove' }),
  e('trigger.accuse.investigate', 'investigate|probe', 'ACCUSE', '115', { mode: 'investigate' }),
  e('trigger.accuse.investigation', '~investigation|~inquiry|~probe', 'ACCUSE', '115', { mode: 'investigate' }),
  e('trigger.accuse.indict', 'indict|sue', 'ACCUSE', '115', { mode: 'allege' }),
  e('trigger.accuse.charge', '^charge ... with', 'ACCUSE', '115', { mode: 'allege' }),
  e('trigger.accuse.opposite', 'opposite of', 'ACCUSE', '111', { mode: 'disapprove' }),
  e('trigger.accuse.hostile', 'hostile|harsh ... rhetoric', 'ACCUSE', '111', { mode: 'disapprove' }),
  e('trigger.accuse.warn-against', 'warn ... against', 'ACCUSE', '111', { mode: 'disapprove' }),

  // REJECT
  e('trigger.reject.reject', 'reject', 'REJECT', '12', { control: true }),
  // "a decline in exports" is no refusal: the verb only
  e('trigger.reject.refuse', 'refuse|^decline', 'REJECT', '12', { control: true }),
  e('trigger.reject.dismiss', 'dismiss|rebuff|spurn|snub', 'REJECT', '12'),
  e('trigger.reject.rule-out', 'rule out', 'REJECT', '12'),
  e('trigger.reject.oppose', 'oppose', 'REJECT', '12'),
  e('trigger.reject.veto', 'veto', 'REJECT', '1246'),
  e('trigger.reject.deny', 'deny', 'REJECT', '12'),
  e('trigger.reject.rejection', 'rejection|refusal', 'REJECT', '12'),
  e('trigger.reject.defy', 'defy', 'REJECT', '12'),

  // THREATEN
  e('trigger.threaten.threaten', 'threaten', 'THREATEN', '13', { control: true }),
  e('trigger.threaten.threat', '~threat', 'THREATEN', '13'),
  e('trigger.threaten.warn', 'warn', 'THREATEN', '13', { control: true }),
  e('trigger.threaten.ultimatum', 'ultimatum', 'THREATEN', '1313'),
  e('trigger.threaten.scrap', 'scrap ... deal|agreement|accord', 'THREATEN', '1311', { mode: 'relations' }),
  e('trigger.threaten.tear-up', 'tear up', 'THREATEN', '1311', { mode: 'relations' }),
  e('trigger.threaten.tear-it-up', 'tear it|them up', 'THREATEN', '1311', { mode: 'relations' }),
  e('trigger.threaten.plan-restrict', 'plan to impose', 'THREATEN', '1312', { mode: 'restrict' }),
  e('trigger.threaten.fire-and-fury', 'fire and fury', 'THREATEN', '138', { mode: 'violence' }),

  // PROTEST
  e('trigger.protest.demonstrate', 'demonstrate|^rally|^march', 'PROTEST', '141', { mode: 'demo' }),
  e('trigger.protest.protest', 'protest', 'PROTEST', '141', { mode: 'demo' }),
  e('trigger.protest.demonstration', 'demonstration|~protest|~rally', 'PROTEST', '141', { mode: 'demo' }),
  e('trigger.protest.streets', 'take to the street', 'PROTEST', '141', { mode: 'demo' }),
  e('trigger.protest.riot', 'riot', 'PROTEST', '145', { mode: 'riot' }),
  e('trigger.protest.hunger-strike', 'hunger strike', 'PROTEST', '142', { mode: 'hunger' }),
  e('trigger.protest.strike', '~strike|walkout', 'PROTEST', '143', { mode: 'strike' }),
  e('trigger.protest.go-on-strike', 'go on strike', 'PROTEST', '143', { mode: 'strike' }),
  e('trigger.protest.boycott', 'boycott', 'PROTEST', '144', { mode: 'boycott' }),
  e('trigger.protest.block', 'block|barricade ... road|street|highway|bridge', 'PROTEST', '144', { mode: 'obstruct' }),
  e('trigger.protest.sit-in', 'sit - in', 'PROTEST', '141', { mode: 'demo' }),

  // SANCTION
  e('trigger.sanction.impose-sanctions', 'impose|slap|reimpose|re-impose ... sanction|embargo|tariff', 'SANCTION', '163', { ontology: true }),
  e('trigger.sanction.sanction', 'sanction|embargo', 'SANCTION', '163', { ontology: true }),
  e('trigger.sanction.expel', 'expel ... ambassador|diplomat|envoy', 'SANCTION', '1661', { mode: 'expel' }),
  e('trigger.sanction.expel-any', 'expel', 'SANCTION', '166', { mode: 'expel' }),
  e('trigger.sanction.withdraw-from', 'withdraw ... from ... agreement|deal|accord|treaty|pact', 'SANCTION', '161', { mode: 'withdraw' }),
  e('trigger.sanction.pull-out-of', 'pull out of', 'SANCTION', '161', { mode: 'withdraw' }),
  e('trigger.sanction.withdrew-from', 'withdraw from', 'SANCTION', '161', { mode: 'withdraw' }),
  e('trigger.sanction.from-which-withdrew', 'from which ... withdraw', 'SANCTION', '161', { mode: 'withdraw' }),
  e('trigger.sanction.re-impose', 're - impose', 'SANCTION', '163', { ontology: true }),
  e('trigger.sanction.cut-ties', 'cut|sever|break|downgrade|freeze ... tie|relation', 'SANCTION', '161', { mode: 'discontinue' }),
  e('trigger.sanction.suspend', 'suspend|halt|freeze ... aid|talk|cooperation|delivery|relation', 'SANCTION', '16', { mode: 'discontinue' }),
  e('trigger.sanction.prohibit', 'prohibit|^ban', 'SANCTION', '16'),
  e('trigger.sanction.recall', 'recall ... ambassador', 'SANCTION', '161', { mode: 'discontinue' }),
  e('trigger.sanction.pressure', 'economic|maximum pressure', 'SANCTION', '16'),
  e('trigger.sanction.convict', 'convict|^sentence', 'SANCTION', '16', { mode: 'convict' }),

  // MOBILIZE
  e('trigger.mobilize.deploy', 'deploy|dispatch|mobilize|mobilise ... troop|force|soldier|warship|police|tank', 'MOBILIZE', '15', { mode: 'troops' }),
  e('trigger.mobilize.send-troops', 'send ... troop|soldier|warship|force|reinforcement', 'MOBILIZE', '15', { mode: 'troops' }),
  e('trigger.mobilize.deploy-verb', 'deploy|mobilize|mobilise', 'MOBILIZE', '15', { mode: 'troops' }),
  e('trigger.mobilize.strengthen', 'strengthen|reinforce|boost ... force|troop|presence', 'MOBILIZE', '15', { mode: 'troops' }),
  e('trigger.mobilize.alert', 'high alert', 'MOBILIZE', '15', { mode: 'troops' }),
  e('trigger.mobilize.buildup', 'buildup', 'MOBILIZE', '15', { mode: 'troops' }),

  // COERCE
  e('trigger.coerce.arrest', 'arrest|detain|jail|imprison', 'COERCE', '173', { mode: 'arrest' }),
  e('trigger.coerce.seize', 'seize|confiscate|capture', 'COERCE', '171', { mode: 'seize' }),
  e('trigger.coerce.deport', 'deport', 'COERCE', '174', { mode: 'deport' }),
  e('trigger.coerce.curfew', 'impose ... curfew|siege|emergency', 'COERCE', '172', { mode: 'restrict' }),
  e('trigger.coerce.declare-siege', 'declare ... siege|emergency|curfew', 'COERCE', '172', { mode: 'restrict' }),
  e('trigger.coerce.blockade', 'blockade', 'COERCE', '172', { mode: 'restrict' }),
  e('trigger.coerce.censor', 'censor', 'COERCE', '1721', { mode: 'censor' }),
  e('trigger.coerce.shut-down', 'shut down ... newspaper|website|internet|outlet', 'COERCE', '1721', { mode: 'censor' }),
  // PLOVER's COERCE withhold: "shut off power/internet/water/utilities"
  e('trigger.coerce.cut-off', 'cut|shut off ... internet|electricity|power|water|communication|phone|network', 'COERCE', '172', { mode: 'withhold' }),
  e('trigger.coerce.block-access', 'block|restrict ... access to ... internet|website|social', 'COERCE', '1721', { mode: 'censor' }),
  // PLOVER's COERCE misinformation: "engage in deception/manipulation/misinformation operations"
  e('trigger.coerce.disinformation', '~disinformation|~misinformation|~propaganda|~influence campaign|operation', 'COERCE', '17', { mode: 'misinformation' }),
  e('trigger.coerce.spread-disinformation', 'spread ... disinformation|misinformation|propaganda|falsehood', 'COERCE', '17', { mode: 'misinformation' }),
  e('trigger.coerce.prevent', 'prevent|disperse ... demonstration|protest|rally|protester|demonstrator|crowd', 'COERCE', '172', { mode: 'restrict' }),
  e('trigger.coerce.break-up', 'break up ... demonstration|protest|rally|crowd', 'COERCE', '172', { mode: 'restrict' }),
  e('trigger.coerce.tear-gas', 'use|fire ... tear gas', 'COERCE', '172', { mode: 'restrict' }),
  e('trigger.coerce.crackdown', 'crackdown', 'COERCE', '172', { mode: 'restrict' }),
  e('trigger.assault.kidnap', 'kidnap|abduct', 'ASSAULT', '181', { mode: 'abduct' }),
  e('trigger.coerce.hack', 'hack|deface|cyberattack', 'COERCE', '176'),
  e('trigger.coerce.sabotage', 'sabotage|torch', 'COERCE', '176'),
  e('trigger.assault.human-shield', 'human shield', 'ASSAULT', '184', { mode: 'abduct' }),

  // ASSAULT
  e('trigger.assault.attack', '^attack|^assault|^strike', 'ASSAULT', '190'),
  e('trigger.assault.attack-noun', '~attack|~assault|~airstrike|airstrike', 'ASSAULT', '190'),
  e('trigger.assault.kill', 'kill|assassinate|execute|murder|massacre', 'ASSAULT', '1823'),
  e('trigger.assault.killing', 'killing|assassination', 'ASSAULT', '1823'),
  e('trigger.assault.shell', '^shell|bombard|^bomb|^shoot', 'ASSAULT', '195', { mode: 'aerial' }),
  e('trigger.assault.fire-at', '^fire ... at|on', 'ASSAULT', '190', { mode: 'firearms' }),
  e('trigger.assault.open-fire', 'open fire', 'ASSAULT', '190', { mode: 'firearms' }),
  e('trigger.assault.bombing', 'bombing|shelling', 'ASSAULT', '183', { mode: 'explosives' }),
  e('trigger.assault.torture', 'torture', 'ASSAULT', '1821'),
  e('trigger.assault.wound', 'wound|injure', 'ASSAULT', '190'),
  e('trigger.assault.invade', 'invade|invasion', 'ASSAULT', '190'),
  e('trigger.coerce.occupy', 'occupy', 'COERCE', '192', { mode: 'seize' }),
  e('trigger.assault.clash', 'clash|fight', 'ASSAULT', '190', { reciprocal: true }),
  e('trigger.assault.cleansing', 'ethnic cleansing', 'ASSAULT', '203'),
  e('trigger.assault.artillery', 'launch ... artillery|rocket|missile|mortar', 'ASSAULT', '195'),
  e('trigger.assault.drone', 'drone strike|attack', 'ASSAULT', '195', { mode: 'drone' }),
  e('trigger.assault.force-out', 'force|drive out', 'ASSAULT', '1822'),
  e('trigger.coerce.close-border', 'close ... border', 'COERCE', '191', { mode: 'restrict' }),
  e('trigger.coerce.blow-up', 'blow up', 'COERCE', '176'),
  e('trigger.coerce.set-fire', 'set fire to', 'COERCE', '176'),
  e('trigger.coerce.hack-into', 'hack into', 'COERCE', '176'),
  e('trigger.assault.hostage', 'hold|take ... hostage', 'ASSAULT', '181', { mode: 'abduct' }),
  e('trigger.coerce.martial-law', 'martial law', 'COERCE', '172', { mode: 'restrict' }),
  e('trigger.coerce.crack-down', 'crack down', 'COERCE', '172', { mode: 'restrict' }),
  e('trigger.assault.air-strike', 'air strike|raid', 'ASSAULT', '195', { mode: 'aerial' }),
  e('trigger.assault.cyber', 'cyber attack', 'COERCE', '176'),
  e('trigger.assault.suicide', 'suicide bombing|attack', 'ASSAULT', '183', { mode: 'explosives' }),
  e('trigger.protest.stop-work', 'stop work', 'PROTEST', '143', { mode: 'strike' }),
  e('trigger.mobilize.military-buildup', 'military buildup', 'MOBILIZE', '15', { mode: 'troops' }),
  e('trigger.mobilize.military-build-up', 'military build - up', 'MOBILIZE', '15', { mode: 'troops' }),
  e('trigger.sanction.deny-entry', 'deny entry', 'SANCTION', '16'),
  e('trigger.request.conditions', 'depend|set|attach|lay ... condition|precondition', 'REQUEST', '10', { mode: 'change' }),
  e('trigger.request.condition-that', 'on condition that', 'REQUEST', '10', { control: true }),
  e('trigger.consult.telephone-conversation', 'telephone|phone conversation', 'CONSULT', '040', { mode: 'phone', reciprocal: true }),
];

/**
 * Phrases that look like a trigger but are not an event: when one covers a trigger's first word,
 * the trigger does not fire. Nothing records which one stopped it; the ids name the rules in the
 * rule catalogue (`dossier rules --stage events`).
 */
export const NON_EVENTS: readonly { readonly id: string; readonly pattern: string }[] = [
  { id: 'nonevent.release-statement', pattern: 'release ... statement|report|video|figure|data|album|film|photo|result' },
  { id: 'nonevent.in-order-to', pattern: 'in order' },
  { id: 'nonevent.riot-police', pattern: 'riot police|gear|squad|control|shield' },
  { id: 'nonevent.press-release', pattern: 'press|news release' },
  { id: 'nonevent.seek-to', pattern: 'seek|sought to' },
  { id: 'nonevent.statement-released', pattern: 'statement|report|video|figure|data|album|film|photo|result|book|song|poll|survey ... release' },
  { id: 'nonevent.demonstrate-quality', pattern: 'demonstrate ... commitment|ability|resolve|willingness|capacity|that|how' },
  { id: 'nonevent.amnesty-international', pattern: 'amnesty international' },
  { id: 'nonevent.back-to', pattern: 'back to' },
  { id: 'nonevent.meet-target', pattern: 'meet ... target|goal|need|demand|requirement|deadline|standard|criterion' },
  { id: 'nonevent.free-trade', pattern: 'free trade' },
  { id: 'nonevent.support-base', pattern: 'support base|level|price' },
  { id: 'nonevent.host-country', pattern: 'host country|city|nation' },
  { id: 'nonevent.strike-balance', pattern: 'strike ... balance|chord|tone|note' },
  { id: 'nonevent.fire-and-fury', pattern: 'fire and' },
  // a threat as a state of affairs, not one made: "the threat of war", "a threat to regional security",
  // "Iran poses a threat" (PLOVER's THREATEN is a threat someone utters; "a threat to close" stays)
  { id: 'nonevent.threat-of', pattern: '~threat of' },
  { id: 'nonevent.threat-to-good', pattern: '~threat to ... security|peace|stability|region|health|democracy|life|safety|order|sovereignty|interest|existence|economy|world' },
  { id: 'nonevent.pose-threat', pattern: 'pose|constitute|represent|remain|face ... ~threat' },
  // the people and bodies of aid, not aid given: "aid workers were evacuated", "asylum seekers arrived"
  { id: 'nonevent.aid-body', pattern: '~aid|~assistance worker|agency|organization|organisation|group|official|charity|sector|community' },
  // a party taking its own people out of danger, not aid given to another: "Italy evacuated its embassy
  // staff", "aid workers were evacuated" (the dictionary's bare "evacuate" is an AID; refugees and
  // families evacuated keep theirs, and settlements and bases evacuated are RETREATs)
  { id: 'nonevent.evacuate-own-people', pattern: '^evacuate ... staff|personnel|worker|employee|diplomat|national|citizen' },
  { id: 'nonevent.own-people-evacuated', pattern: 'staff|personnel|worker|employee|diplomat|national|citizen ... ^evacuate' },
  { id: 'nonevent.asylum-seeker', pattern: 'asylum seeker|application|claim|system|policy|law' },
  // a purpose, not an act: "a resolution that aims to tighten sanctions", "talks aimed at ending the war"
  // (the dictionary's bare "aim" is an AGREE; aiming weapons "at" a target has words between)
  { id: 'nonevent.aim-purpose', pattern: 'aim to|at' },
  // an outcome hoped for, not one reached: "talks that could lead to an agreement", "paving the way for a truce"
  { id: 'nonevent.possible-outcome', pattern: 'could|would|may|might|can lead to ... agreement|deal|accord|settlement|talks|negotiation|ceasefire|truce' },
  { id: 'nonevent.pave-way', pattern: 'pave ... way for|to ... agreement|deal|accord|settlement|talks|negotiation|ceasefire|truce' },
  // a demand or target met, in the passive: "until their demands are met" (nonevent.meet-target's passive)
  { id: 'nonevent.target-met', pattern: '~demand|~condition|~requirement ... meet' },
];
