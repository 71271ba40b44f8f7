import { readDictionaryLayer, SHIPPED_ACTOR_FILES } from '../actors/index.js';
import { MENTION_KINDS } from '../core/vocabulary.js';
import handCues from '../stages/attributions/cues.json' with { type: 'json' };
import learnedCues from '../stages/attributions/cues.learned.json' with { type: 'json' };
import { FRAME_SHAPES } from '../stages/attributions/lexicon.js';
import { NAME_RULES } from '../actors/names.js';
import { PARTY_RULES, TYPE_RULES } from '../stages/events/event-rules.js';
import { MODALITY_RULES } from '../stages/events/modality.js';
import { CAMEO_TRIGGERS } from '../stages/events/cameo-triggers.js';
import { NON_EVENTS, TRIGGERS } from '../stages/events/triggers.js';
import catalogueData from './rules.json' with { type: 'json' };

/**
 * The rule catalogue: every rule id the stages write into provenance (and the events stage into its
 * evidence), with the stage that uses it and what it means, so that a result's "why" can be read.
 *
 * Rules that stages keep as data join from their own files: cue words (cues.json and the learned
 * cues.learned.json), triggers, non-events, modality rules and the party and type rules (events),
 * sector words and modifiers (the actor files), name heads (entities). Rules written in code, and the shapes of ids composed
 * from other rules ("country.adjective+sector.minister", "cue.say.content-after"), are entries of
 * rules.json: a new rule joins with one entry there or in its stage's data.
 */
export interface RuleEntry {
  /** the id, or for a composed rule its shape, with {set} and {rule} for the varying parts */
  readonly id: string;
  readonly stage: string;
  readonly description: string;
  /** where the entry is declared */
  readonly source: string;
}

type Part = { readonly literal: string } | { readonly set: string };

interface Pattern { readonly entry: RuleEntry; readonly parts: readonly Part[] }

const CATALOGUE_FILE = 'src/pipeline/rules.json';

export class RuleCatalogue {
  /** every entry, in the order of their sources */
  readonly entries: readonly RuleEntry[];
  private readonly exact = new Map<string, RuleEntry>();
  private readonly patterns = new Map<string, Pattern[]>();
  private readonly sets = new Map<string, ReadonlyMap<string, RuleEntry | null>>();
  // explanations by "stage id": a pure function of the key over an immutable catalogue
  private readonly explained = new Map<string, readonly RuleEntry[] | null>();

  constructor(entries: readonly RuleEntry[], sets: ReadonlyMap<string, ReadonlyMap<string, RuleEntry | null>>) {
    this.entries = entries;
    for (const [name, members] of sets) this.sets.set(name, members);
    for (const e of entries) {
      if (e.id.includes('{')) {
        const parts = parsePattern(e.id);
        for (const p of parts) if ('set' in p && p.set !== 'rule' && !this.sets.has(p.set)) throw new Error(`rule pattern ${e.id} (${e.source}) names an unknown set {${p.set}}`);
        const list = this.patterns.get(e.stage) ?? [];
        list.push({ entry: e, parts });
        this.patterns.set(e.stage, list);
        continue;
      }
      const key = `${e.stage} ${e.id}`;
      const before = this.exact.get(key);
      if (before) throw new Error(`rule ${e.id} of ${e.stage} is declared twice (${before.source} and ${e.source})`);
      this.exact.set(key, e);
    }
  }

  /** The stages that have rules, in the order their entries come. */
  stages(): string[] {
    return [...new Set(this.entries.map((e) => e.stage))];
  }

  /**
   * What a rule id of a stage means: the entry that declares it, and for a composed id the shape
   * followed by the entries of its parts. null when the id is not declared.
   */
  explain(stage: string, id: string): readonly RuleEntry[] | null {
    const key = `${stage} ${id}`;
    if (this.explained.has(key)) return this.explained.get(key)!;
    const exact = this.exact.get(key);
    let found: readonly RuleEntry[] | null = exact ? [exact] : null;
    for (const p of found ? [] : this.patterns.get(stage) ?? []) {
      const parts = this.match(stage, p.parts, 0, id, 0);
      if (parts) { found = [p.entry, ...parts]; break; }
    }
    this.explained.set(key, found);
    return found;
  }

  /** What an id means in each stage that declares it (an id is usually one stage's). */
  lookup(id: string): { readonly stage: string; readonly entries: readonly RuleEntry[] }[] {
    const found = [];
    for (const stage of this.stages()) {
      const entries = this.explain(stage, id);
      if (entries) found.push({ stage, entries });
    }
    return found;
  }

  /** Whether `id` is a rule of `stage`. */
  declares(stage: string, id: string): boolean {
    return this.explain(stage, id) !== null;
  }

  /** Matches parts[i..] against id[at..], trying every split; the entries of the varying parts, or null. */
  private match(stage: string, parts: readonly Part[], i: number, id: string, at: number): RuleEntry[] | null {
    if (i === parts.length) return at === id.length ? [] : null;
    const part = parts[i]!;
    if ('literal' in part) return id.startsWith(part.literal, at) ? this.match(stage, parts, i + 1, id, at + part.literal.length) : null;
    for (let end = id.length; end > at; end--) {
      const piece = id.slice(at, end);
      let entries: readonly RuleEntry[] | null;
      if (part.set === 'rule') {
        // a part is never the whole id (a pattern has words of its own), which also ends the recursion
        if (piece.length === id.length) continue;
        entries = this.explain(stage, piece);
      } else {
        const members = this.sets.get(part.set)!;
        entries = members.has(piece) ? (members.get(piece) ? [members.get(piece)!] : []) : null;
      }
      if (!entries) continue;
      const rest = this.match(stage, parts, i + 1, id, end);
      if (rest) return [...entries, ...rest];
    }
    return null;
  }
}

function parsePattern(id: string): Part[] {
  const parts: Part[] = [];
  for (const piece of id.split(/(\{[a-z-]+\})/)) {
    if (!piece) continue;
    parts.push(piece.startsWith('{') ? { set: piece.slice(1, -1) } : { literal: piece });
  }
  return parts;
}

interface CatalogueFile {
  readonly sets: Readonly<Record<string, readonly string[]>>;
  readonly rules: readonly { id: string; stage: string; description: string }[];
}

interface HandCue { readonly id: string; readonly forms: readonly string[]; readonly particle?: readonly string[]; readonly belief?: boolean }

/** The rule catalogue, from rules.json and the stages' own rule data. */
export function ruleCatalogue(): RuleCatalogue {
  const entries: RuleEntry[] = [];
  const sets = new Map<string, Map<string, RuleEntry | null>>();
  const add = (e: RuleEntry, set?: string): void => {
    entries.push(e);
    if (set) {
      const members = sets.get(set) ?? new Map<string, RuleEntry | null>();
      members.set(e.id, e);
      sets.set(set, members);
    }
  };
  const words = (list: readonly string[], max = 6) => list.slice(0, max).join(', ') + (list.length > max ? ', ...' : '');

  const file = catalogueData as CatalogueFile;
  for (const [name, values] of Object.entries(file.sets)) sets.set(name, new Map(values.map((v) => [v, null])));
  sets.set('mention-kind', new Map(MENTION_KINDS.map((k) => [k, null])));
  sets.set('frame-shape', new Map(FRAME_SHAPES.map((k) => [k, null])));
  for (const r of file.rules) add({ ...r, source: CATALOGUE_FILE });

  const cueFile = 'src/stages/attributions/cues.json';
  for (const c of (handCues as { entries: readonly HandCue[] }).entries) {
    const what = c.belief ? 'a word of belief' : 'a reporting word';
    add({ id: c.id, stage: 'attributions', source: cueFile, description: `${what}: ${words(c.forms)}${c.particle ? ` (with ${c.particle.join(' or ')})` : ''}` }, 'cue');
  }
  const learned = (learnedCues as { forms: Readonly<Record<string, { precision: number }>> }).forms;
  for (const [form, f] of Object.entries(learned)) {
    // a hand entry's form keeps the hand entry's id (attributions/lexicon.ts)
    add({ id: `cue.learned.${form}`, stage: 'attributions', source: 'src/stages/attributions/cues.learned.json',
      description: `"${form}", a reporting word learned from PolNeAR train (part of an annotated cue ${Math.round(f.precision * 100)}% of the time)` }, 'cue');
  }

  const triggers = [...TRIGGERS.map((t) => [t, 'src/stages/events/triggers.ts'] as const), ...CAMEO_TRIGGERS.map((t) => [t, 'src/stages/events/cameo-lexicon.json'] as const)];
  for (const [t, source] of triggers) {
    add({ id: t.id, stage: 'events', source,
      description: `${t.type}${t.mode ? `/${t.mode}` : ''} (CAMEO ${t.cameo}) on "${t.pattern}"` });
  }
  for (const n of NON_EVENTS) add({ id: n.id, stage: 'events', source: 'src/stages/events/triggers.ts', description: `not an event: "${n.pattern}"` });
  for (const m of MODALITY_RULES) {
    const cue = m.phrase ? `"${m.phrase.join(' ')}"` : words([...(m.before ?? []), ...(m.clause ?? [])]);
    add({ id: m.id, stage: 'events', source: 'src/stages/events/modality.ts', description: `${m.modality}: ${cue} in the trigger's clause` });
  }

  for (const r of [...PARTY_RULES, ...TYPE_RULES]) add({ id: r.id, stage: 'events', source: 'src/stages/events/event-rules.ts', description: r.description });

  for (const n of NAME_RULES) {
    add({ id: n.id, stage: 'entities', source: 'src/actors/names.ts',
      description: n.type ? `a name ending in ${words(n.heads)}: ${n.type}${n.sector ? ` (${n.sector})` : ''}` : `a name ending in ${words(n.heads)}: not an actor` });
  }
  const ambiguous = new Map<string, RuleEntry | null>();
  // the hand-written actor files, then the dictionaries converted into the fallback layer
  const actorFiles = [...SHIPPED_ACTOR_FILES.map((f) => [f, 'src/actors/data'] as const), [readDictionaryLayer(), 'data/actors/dictionaries.json'] as const];
  for (const [f, source] of actorFiles) {
    for (const w of f.sectorWords ?? []) {
      add({ id: w.id, stage: 'entities', source, description: `${words(w.words)}: ${w.sector}${w.role ? `, ${w.role}` : ''}` });
    }
    for (const m of f.modifiers ?? []) {
      add({ id: m.id, stage: 'entities', source, description: `${words(m.words)}${m.sector ? `: ${m.sector}` : ''}` });
    }
    for (const c of f.countries ?? []) if (c.otherSense) ambiguous.set(c.id, null);
  }
  sets.set('ambiguous-country', ambiguous);
  return new RuleCatalogue(entries, sets);
}
