import type { LearnedActors, ResolvedActor } from '../../actors/index.js';
import type { EntityData, MentionKind } from '../../core/layers.js';
import type { Range } from '../../core/span.js';
import type { StageOutput } from '../../core/stage.js';
import { isNonState } from '../../ontology/actors.js';

interface Entry {
  actor: ResolvedActor;
  readonly key: string;
  /** its place in the book */
  readonly index: number;
  /** for a person: the lower-cased words of the name */
  readonly nameWords: readonly string[] | null;
  readonly mentions: { span: Range; kind: MentionKind }[];
  /** whether the mentions came in text order so far (nearly always): then the last one before an offset is found from the end */
  inOrder: boolean;
  /** the words that introduced a person with a role, for the learned layer */
  evidence: Range | null;
  /** the rule that placed the country when it came from the article rather than the words */
  countryRule?: string;
}

const surnameOf = (name: string) => name.replace(/[’']s$/, '').trim().split(/\s+/).pop()!.toLowerCase();

/**
 * The entities of one article while the stage reads it: one entry per distinct actor, its mentions
 * in text order, merged by actor-base id or by description key. Written to the layers at the end.
 */
export class EntityBook {
  private readonly entries: Entry[] = [];
  /** the people among the entries, in the order they came: the look-ups by surname and role go through them only */
  private readonly people: Entry[] = [];
  private readonly byKey = new Map<string, Entry>();
  /**
   * The people by lower-cased full name (the first with it) and by each word of the name and part of a
   * hyphenated word (in the order they came): look-ups cost the same in a long article as in a short one.
   */
  private readonly peopleByName = new Map<string, Entry>();
  private readonly peopleByWord = new Map<string, Entry[]>();
  /** the spans already given a mention, as start * (text length + 1) + end */
  private readonly covered = new Set<number>();
  private readonly skips: Range[] = [];
  /** the greatest end of skips[0..i]; with skips added in text order, a look-up stops at the first that cannot contain the span */
  private readonly skipsReach: number[] = [];
  private skipsInOrder = true;

  constructor(private readonly text: string) {}

  private coveredKey(span: Range): number {
    return span.start * (this.text.length + 1) + span.end;
  }

  /** Adds a mention of `actor`, merged with the entity it is already known as. */
  add(actor: ResolvedActor, span: Range, kind: MentionKind, key?: string, evidence: Range | null = null): number {
    const spanKey = this.coveredKey(span);
    if (this.covered.has(spanKey)) return -1;
    const k = key ?? actor.actorId ?? defaultKey(actor);
    let e = this.byKey.get(k);
    if (!e && actor.type === 'PERSON' && !actor.actorId) {
      // an unknown person named again in full, or by surname
      e = this.peopleByName.get(actor.name.toLowerCase());
    }
    if (!e) {
      const person = actor.type === 'PERSON';
      const nameWords = person ? actor.name.toLowerCase().split(/\s+/) : null;
      e = { actor, key: k, index: this.entries.length, nameWords, mentions: [], inOrder: true, evidence };
      this.entries.push(e);
      if (person) this.addPerson(e);
      this.byKey.set(k, e);
    } else if (actor.type === 'PERSON' && !e.actor.country && actor.country) {
      e.actor = { ...e.actor, country: actor.country, sector: actor.sector, role: actor.role ?? e.actor.role };
      e.evidence ??= evidence;
    }
    pushMention(e, span, kind);
    this.covered.add(spanKey);
    return e.index;
  }

  private addPerson(e: Entry): void {
    this.people.push(e);
    const name = e.actor.name.toLowerCase();
    if (!this.peopleByName.has(name)) this.peopleByName.set(name, e);
    // a word of the name, or a part of a hyphenated one ("Un" of "Kim Jong-un"); one-word names are never found by surname
    const words = e.nameWords!;
    if (words.length < 2) return;
    for (const w of new Set(words.flatMap((word) => [word, ...word.split('-')]))) {
      const list = this.peopleByWord.get(w);
      if (list) list.push(e);
      else this.peopleByWord.set(w, [e]);
    }
  }

  /** Adds a mention to an entity already in the book. */
  mention(index: number, span: Range, kind: MentionKind): void {
    const spanKey = this.coveredKey(span);
    if (this.covered.has(spanKey)) return;
    const e = this.entries[index];
    if (e) pushMention(e, span, kind);
    this.covered.add(spanKey);
  }

  /** Marks a stretch (an appositive already read into a person) so it is not read again. */
  skip(span: Range): void {
    const last = this.skips.at(-1);
    if (last && span.start < last.start) this.skipsInOrder = false;
    this.skipsReach.push(Math.max(span.end, this.skipsReach.at(-1) ?? -1));
    this.skips.push(span);
  }

  skipped(span: Range): boolean {
    if (!this.skipsInOrder) return this.skips.some((s) => s.start <= span.start && span.end <= s.end);
    // from the last skip that starts at or before the span, back while an earlier one can still reach its end
    let i = this.skips.length - 1;
    while (i >= 0 && this.skips[i]!.start > span.start) i--;
    for (; i >= 0 && this.skipsReach[i]! >= span.end; i--) if (span.end <= this.skips[i]!.end) return true;
    return false;
  }

  /**
   * The person of the article a surname stands for: the one most recently mentioned before
   * `offset` among those carrying it (two Clintons: the nearer one), or null.
   */
  personBySurname(word: string, offset: number): number | null {
    const key = word.toLowerCase().replace(/[’']s$/, '');
    let best: number | null = null, bestAt = -1;
    for (const e of this.peopleByWord.get(key) ?? []) {
      const last = lastMentionBefore(e, offset);
      if (last > bestAt) { best = e.index; bestAt = last; }
    }
    return bestAt >= 0 ? best : null;
  }

  /** The person of the article mentioned last before `offset`. */
  lastPerson(offset: number): ResolvedActor | null {
    let best: ResolvedActor | null = null, bestAt = -1;
    for (const e of this.people) {
      const last = lastMentionBefore(e, offset);
      if (last > bestAt) { best = e.actor; bestAt = last; }
    }
    return best;
  }

  /** The person of the article whose role the title names ("the president" -> the President of ...). */
  personWithRole(title: ResolvedActor, offset: number, phrase = ''): number | null {
    const role = (title.role ?? '').toLowerCase();
    const words = phrase.toLowerCase().replace(/^(?:the|a|an)\s+/, '');
    if (!role) return null;
    let best: number | null = null, bestAt = -1;
    for (const e of this.people) {
      if (!e.actor.role) continue;
      if (title.country && e.actor.country !== title.country) continue;
      const theirs = e.actor.role.toLowerCase();
      if (!theirs.includes(role) && !(words && theirs.includes(words))) continue;
      const last = lastMentionBefore(e, offset);
      if (last > bestAt) { best = e.index; bestAt = last; }
    }
    return bestAt >= 0 ? best : null;
  }

  /**
   * Opposition groups with no country in their words ("exile groups", "dissidents") are the
   * opposition of the country the article is about: the country whose names, nationality words
   * and bodies are mentioned most (people do not count: a much-quoted foreign leader does not
   * make the story his country's).
   */
  settleCountries(): void {
    const counts = new Map<string, number>();
    for (const e of this.entries) {
      const c = e.actor.country;
      if (c && /^[A-Z]{3}$/.test(c) && !isNonState(c) && e.actor.type !== 'MEDIA' && e.actor.type !== 'PERSON') counts.set(c, (counts.get(c) ?? 0) + e.mentions.length);
    }
    const ranked = [...counts].sort((a, b) => b[1] - a[1]);
    const top = ranked[0];
    if (!top || (ranked[1] && ranked[1][1] === top[1])) return;
    for (const e of this.entries) {
      if (!e.actor.country && e.actor.sector === 'OPP' && e.actor.type !== 'PERSON') {
        e.actor = { ...e.actor, country: top[0], rule: `${e.actor.rule}+article.main-country`, confidence: Math.min(e.actor.confidence, 0.5) };
      }
    }
  }

  /** Writes entity and mention annotations, and teaches the learned layer the people introduced with a role. */
  write(out: StageOutput, learned: LearnedActors | null, date: string | null, article = 'article'): void {
    for (const e of this.entries) {
      // mentions nearly always come in text order: sort (a copy) only when they do not
      const mentions = inTextOrder(e.mentions) ? e.mentions : [...e.mentions].sort((a, b) => a.span.start - b.span.start);
      const first = mentions[0]!.span;
      const id = out.reserve('entity');
      for (const m of mentions) {
        out.add('mention', { start: m.span.start, end: m.span.end, data: { entity: id, kind: m.kind }, rule: mentionRule(m.kind), confidence: e.actor.confidence });
      }
      const a = e.actor;
      // two literal shapes rather than a spread of a varying one (V8 copies spreads slowly)
      const data: EntityData = a.actorId
        ? { name: a.name, type: a.type, country: a.country, sector: a.sector, role: a.role, actorId: a.actorId }
        : { name: a.name, type: a.type, country: a.country, sector: a.sector, role: a.role };
      const evidence = e.evidence ? this.text.slice(e.evidence.start, e.evidence.end) : undefined;
      out.fill('entity', id, { start: first.start, end: first.end, rule: a.rule, confidence: a.confidence, evidence, data });
      if (learned && a.type === 'PERSON' && !a.actorId && a.country && e.evidence && a.name.includes(' ')) {
        learned.learn(a.name, a.role, a.country, a.sector, date, this.text.slice(e.evidence.start, e.evidence.end), { article, ...e.evidence });
      }
    }
  }

  get size(): number {
    return this.entries.length;
  }

  /** for debugging and tests: the text of a span */
  textOf(span: Range): string {
    return this.text.slice(span.start, span.end);
  }
}

// the actor base gives the same result object for the same description again: its key is made once
const defaultKeys = new WeakMap<ResolvedActor, string>();

/** The key an actor is merged by when it has no actor-base id: its type and name. */
function defaultKey(actor: ResolvedActor): string {
  let k = defaultKeys.get(actor);
  if (k === undefined) defaultKeys.set(actor, k = `${actor.type}|${actor.name.toLowerCase()}`);
  return k;
}

const mentionRules = new Map<MentionKind, string>();
const mentionRule = (kind: MentionKind): string => {
  let rule = mentionRules.get(kind);
  if (rule === undefined) mentionRules.set(kind, rule = `mention.${kind}`);
  return rule;
};

function inTextOrder(mentions: readonly { span: Range }[]): boolean {
  for (let i = 1; i < mentions.length; i++) if (mentions[i - 1]!.span.start > mentions[i]!.span.start) return false;
  return true;
}

function pushMention(e: Entry, span: Range, kind: MentionKind): void {
  const before = e.mentions.at(-1);
  if (before && span.start < before.span.start) e.inOrder = false;
  e.mentions.push({ span, kind });
}

/** The start of the entry's last mention before `offset`, or -1. */
function lastMentionBefore(e: Entry, offset: number): number {
  const ms = e.mentions;
  if (e.inOrder) {
    // the stage reads left to right: the answer is nearly always the last mention or close to it
    for (let i = ms.length - 1; i >= 0; i--) if (ms[i]!.span.start < offset) return ms[i]!.span.start;
    return -1;
  }
  let last = -1;
  for (const m of ms) if (m.span.start < offset && m.span.start > last) last = m.span.start;
  return last;
}

export { surnameOf };
