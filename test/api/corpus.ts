import type { RawArticle } from '../../src/ingest/article.js';
import type { ActorRefJson, AttributionJson, EntityJson, EventJson, Result, SpanJson } from '../../src/result/schema.js';
import { openStore, type Store } from '../../src/store/store.js';
import { ENGINE_VERSION } from '../../src/version.js';

/**
 * A small corpus written for the API and browser tests: one week of news between the United
 * States and Iran from three made-up outlets, with results built by hand so that every view has
 * attributions, entities, events, happenings reported twice and a quote worded two ways,
 * whatever the engine's stages find today. One article carries HTML and <script> in its text.
 */
type Ann = { why?: string };
interface EventSpec extends Ann {
  type: string; trigger: string; actor: ActorRefJson[]; recipient: ActorRefJson[];
  quad: 1 | 2 | 3 | 4; score: number; cameo: string; date?: string; modality?: EventJson['modality'];
}
interface QuoteSpec extends Ann { content: string; cue: string; source: string; speaker: ActorRefJson; via?: ActorRefJson[]; kind?: AttributionJson['kind'] }
interface EntitySpec extends Ann { name: string; type: EntityJson['type']; country: string | null; sector: string | null; mentions: string[] }

export const IRN = { name: 'Iran', country: 'IRN', sector: 'GOV' };
export const USA = { name: 'the United States', country: 'USA', sector: 'GOV' };
export const ARAGHCHI = { name: 'Abbas Araghchi', country: 'IRN', sector: 'GOV' };

const prov = (stage: string, rule: string) => ({ stage, version: '1', rule, confidence: 0.9 });

function spanOf(text: string, part: string, from = 0): SpanJson {
  const start = text.indexOf(part, from);
  if (start < 0) throw new Error(`test corpus: "${part}" is not in the text`);
  return { start, end: start + part.length, text: part };
}

function sentenceOf(text: string, s: SpanJson): SpanJson {
  const dot = text.lastIndexOf('. ', s.start);
  const start = Math.max(dot < 0 ? 0 : dot + 2, text.lastIndexOf('\n', s.start) + 1);
  const stop = text.indexOf('.', s.end);
  const end = stop < 0 ? text.length : stop + 1;
  return { start, end, text: text.slice(start, end) };
}

export function article(id: string, text: string, meta: Partial<RawArticle>): RawArticle {
  return { id, text, published: null, outlet: null, url: null, title: null, origin: id, ...meta };
}

export function resultOf(a: RawArticle, spec: { events?: EventSpec[]; quotes?: QuoteSpec[]; entities?: EntitySpec[]; dates?: { words: string; date: string }[] }): Result {
  const t = a.text;
  return {
    article: { id: a.id, text: t, published: a.published, outlet: a.outlet, url: a.url, title: a.title },
    attributions: (spec.quotes ?? []).map((q) => ({
      kind: q.kind ?? 'direct', content: spanOf(t, q.content), cue: spanOf(t, q.cue), source: spanOf(t, q.source),
      speaker: q.speaker, via: q.via ?? [], parent: null, provenance: prov('attributions', q.why ?? 'cue.said'),
    })),
    events: (spec.events ?? []).map((e) => {
      const trigger = spanOf(t, e.trigger);
      return {
        type: e.type, mode: null, modality: e.modality ?? 'asserted', actor: e.actor, recipient: e.recipient, trigger,
        sentence: sentenceOf(t, trigger), date: e.date ?? a.published, attribution: null, cameo: e.cameo,
        quadClass: e.quad, score: e.score, provenance: prov('events', e.why ?? `trigger.${e.type.toLowerCase()}`),
      };
    }),
    entities: (spec.entities ?? []).map((e) => {
      const mentions: SpanJson[] = [];
      for (const m of e.mentions) { let at = 0; for (;;) { const i = t.indexOf(m, at); if (i < 0) break; mentions.push({ start: i, end: i + m.length, text: m }); at = i + m.length; } }
      return { name: e.name, type: e.type, country: e.country, sector: e.sector, role: null, mentions, provenance: prov('entities', e.why ?? 'actor.base') };
    }),
    dates: (spec.dates ?? []).map((d) => ({
      span: spanOf(t, d.words), date: d.date, granularity: 'day' as const, relation: 'past' as const, provenance: prov('dates', 'date.weekday'),
    })),
    sentences: [], diagnostics: [],
    engine: { name: 'dossier', version: ENGINE_VERSION, stages: [{ name: 'test-corpus', version: '1' }] },
  };
}

const IRAN_ENTITY: EntitySpec = { name: 'Iran', type: 'GPE', country: 'IRN', sector: null, mentions: ['Iran'] };
const US_ENTITY: EntitySpec = { name: 'United States', type: 'GPE', country: 'USA', sector: null, mentions: ['United States'] };
const ARAGHCHI_ENTITY: EntitySpec = { name: 'Abbas Araghchi', type: 'PERSON', country: 'IRN', sector: 'GOV', mentions: ['Abbas Araghchi'], why: 'actor.base.person' };

export const GULF_REJECT = article('gulf-reject', [
  'Iran on Tuesday rejected a proposal from the United States to resume talks over its nuclear programme.',
  '"We will not negotiate under pressure," Foreign Minister Abbas Araghchi told reporters in Tehran, adding that Iran would not accept deadlines.',
  'Officials in Washington said they were disappointed but that diplomacy remained possible.',
].join('\n\n'), { published: '2026-03-10', outlet: 'Gulf Wire', url: 'https://gulfwire.example/reject', title: 'Iran rejects US offer of nuclear talks' });

export const LEDGER_REJECT = article('ledger-reject', [
  'Tehran turned down an American offer on Tuesday to restart nuclear negotiations, calling the terms one-sided.',
  '"We will never negotiate under pressure," Abbas Araghchi said at a news conference, adding that the offer promised too little.',
  'The State Department said it would consult European partners before deciding what to do next.',
].join('\n\n'), { published: '2026-03-10', outlet: 'Daily Ledger', url: 'https://ledger.example/iran-offer', title: 'Tehran turns down talks offer' });

export const POST_SANCTION = article('post-sanction', [
  'The United States imposed new sanctions on Iranian oil exports on Thursday, two days after Tehran refused to return to talks.',
  'The Treasury said the measures targeted eleven shipping companies and three refineries.',
].join('\n\n'), { published: '2026-03-12', outlet: 'Evening Post', url: 'https://post.example/sanctions', title: 'US sanctions Iranian oil exporters' });

export const LEDGER_ACCUSE = article('ledger-accuse', [
  'Iran accused the United States of waging economic war on Thursday, hours after Washington announced its latest penalties on Iranian oil.',
  'A government spokeswoman said the measures would hurt ordinary people and do nothing to bring a deal closer.',
].join('\n\n'), { published: '2026-03-12', outlet: 'Daily Ledger', url: 'https://ledger.example/economic-war', title: 'Iran accuses US of economic war' });

export const GULF_MEET = article('gulf-meet', [
  'Iranian and American diplomats met in Muscat on Saturday for the first direct contact in months, Omani officials said.',
  'Both sides described the meeting as useful and agreed to meet again within two weeks.',
].join('\n\n'), { published: '2026-03-14', outlet: 'Gulf Wire', url: 'https://gulfwire.example/muscat', title: 'Iranian and US diplomats meet in Muscat' });

/** An article whose title and text contain markup that must show as text and never run. */
export const HOSTILE = article('hostile', [
  'A reader comment pasted into the story read <script>window.__pwned = "script";</script> and nothing more.',
  'Another line carried <img src="x" onerror="window.__pwned = \'img\'"> and <b>bold</b> words, Iran said.',
].join('\n\n'), { published: '2026-03-11', outlet: 'Evening Post', url: 'javascript:window.__pwned="link"', title: '<img src=x onerror="window.__pwned=\'title\'">Markup <i>in</i> the title' });

export const CORPUS: [RawArticle, Result][] = [
  [GULF_REJECT, resultOf(GULF_REJECT, {
    events: [{ type: 'REJECT', trigger: 'rejected', actor: [IRN], recipient: [USA], quad: 3, score: -4, cameo: '125' }],
    dates: [{ words: 'Tuesday', date: '2026-03-10' }],
    quotes: [{ content: 'We will not negotiate under pressure', cue: 'told', source: 'Foreign Minister Abbas Araghchi', speaker: ARAGHCHI }],
    entities: [IRAN_ENTITY, US_ENTITY, ARAGHCHI_ENTITY, { name: 'Tehran', type: 'GPE', country: 'IRN', sector: null, mentions: ['Tehran'] },
      { name: 'Washington', type: 'GPE', country: 'USA', sector: 'GOV', mentions: ['Washington'], why: 'actor.metonym.capital' }],
  })],
  [LEDGER_REJECT, resultOf(LEDGER_REJECT, {
    events: [{ type: 'REJECT', trigger: 'turned down', actor: [{ ...IRN, name: 'Tehran' }], recipient: [USA], quad: 3, score: -4, cameo: '125' }],
    quotes: [{ content: 'We will never negotiate under pressure', cue: 'said', source: 'Abbas Araghchi', speaker: ARAGHCHI }],
    entities: [ARAGHCHI_ENTITY, { name: 'Tehran', type: 'GPE', country: 'IRN', sector: 'GOV', mentions: ['Tehran'] },
      { name: 'State Department', type: 'ORG', country: 'USA', sector: 'GOV', mentions: ['State Department'] }],
  })],
  [POST_SANCTION, resultOf(POST_SANCTION, {
    events: [{ type: 'SANCTION', trigger: 'imposed new sanctions', actor: [USA], recipient: [IRN], quad: 4, score: -8, cameo: '163' }],
    entities: [US_ENTITY, { name: 'Treasury', type: 'ORG', country: 'USA', sector: 'GOV', mentions: ['Treasury'] }],
  })],
  [LEDGER_ACCUSE, resultOf(LEDGER_ACCUSE, {
    events: [{ type: 'ACCUSE', trigger: 'accused', actor: [IRN], recipient: [USA], quad: 3, score: -2, cameo: '112' }],
    entities: [IRAN_ENTITY, US_ENTITY],
  })],
  [GULF_MEET, resultOf(GULF_MEET, {
    events: [{ type: 'CONSULT', trigger: 'met', actor: [USA, IRN], recipient: [], quad: 1, score: 1, cameo: '040' }],
    entities: [{ name: 'Muscat', type: 'GPE', country: 'OMN', sector: null, mentions: ['Muscat'] }],
  })],
  [HOSTILE, resultOf(HOSTILE, {
    events: [{ type: 'CONSULT', trigger: 'said', actor: [IRN], recipient: [], quad: 1, score: 1, cameo: '010' }],
    quotes: [{ kind: 'indirect', content: '<img src="x" onerror="window.__pwned = \'img\'"> and <b>bold</b> words', cue: 'said', source: 'Iran', speaker: IRN }],
    entities: [{ name: '<script>', type: 'ORG', country: 'USA', sector: 'MED', mentions: ['<script>window.__pwned = "script";</script>'] }],
  })],
];

/** A store in a file, filled with the corpus through the Store API. */
export function corpusStore(file: string): { store: Store; ids: Map<string, string> } {
  const store = openStore(file);
  const ids = new Map<string, string>();
  for (const [a, r] of CORPUS) ids.set(a.id, store.addArticle(a, r).id);
  return { store, ids };
}
