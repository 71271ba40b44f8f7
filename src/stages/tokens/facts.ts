import type { WinkNlp } from './nlp.js';
import type { TokenColumns } from './possessive.js';

type WinkDoc = ReturnType<WinkNlp['readDoc']>;

/** What wink says of one entry of its lexicon cache: the word, its token type, normal form, and lemma by part of speech. */
interface WordFacts {
  readonly value: string;
  readonly type: string;
  /** asked of the first token of the entry that is no contraction */
  normal: string | undefined;
  /** the lemma of the first part of speech asked, then of the others (nearly every word has one or two) */
  firstTag: string | undefined;
  firstLemma: string;
  otherLemmas: Map<string, string> | undefined;
}

// a bound on the words remembered: the vocabulary of news is small, but a process may run for long
const MAX_WORDS = 100_000;

/**
 * The columns of a wink document (value, part of speech, lemma, normal form, token type), with the
 * facts that belong to the word rather than the token asked of wink once per word. In wink a token
 * points at its word's entry in the lexicon cache (`its.uniqueId`); the entry's text, normal form
 * and token type never change once it is made, and a lemma is a function of the entry and the part
 * of speech (the lemmatiser consults only the model's own vocabulary). Asking wink for them token by
 * token was a fifth of the tokens stage; a look-up by entry gives the same strings. Contractions are
 * the exception ("ca" of "can't" has the normal form "can"): their normal form and lemma live on the
 * token, so for those tokens they are always asked of wink.
 * The entries' ids are small integers (indexes into wink's lexicon, some 90,000 and the words wink
 * adds), so a word's facts are found through a typed array indexed by id, not a hash table.
 */
export class WinkColumns {
  /** the facts of the words met, and for each id its facts' place in that list plus one (0: none yet) */
  private facts: WordFacts[] = [];
  private slots = new Int32Array(1 << 17);

  constructor(private readonly its: WinkNlp['its']) {}

  of(wdoc: WinkDoc): TokenColumns {
    const its = this.its;
    const tokens = wdoc.tokens();
    // wink's typings do not cover every `its` helper; each `out` here returns one value a token
    const column = <T>(helper: unknown) => tokens.out(helper as typeof its.value) as unknown as T[];
    const ask = (i: number, helper: unknown) => tokens.itemAt(i).out(helper as typeof its.value) as unknown as string;
    const pos = column<string>(its.pos), ids = column<number>(its.uniqueId), contracted = column<boolean>(its.contractionFlag);
    const n = ids.length;
    const values = new Array<string>(n), lemma = new Array<string>(n), normal = new Array<string>(n), type = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const id = ids[i]!;
      if (id >= this.slots.length) { const more = new Int32Array(Math.max(2 * this.slots.length, id + 1)); more.set(this.slots); this.slots = more; }
      const slot = this.slots[id]!;
      let facts: WordFacts;
      if (slot > 0) facts = this.facts[slot - 1]!;
      else {
        if (this.facts.length >= MAX_WORDS) { this.facts = []; this.slots.fill(0); }
        facts = { value: ask(i, its.value), type: ask(i, its.type), normal: undefined, firstTag: undefined, firstLemma: '', otherLemmas: undefined };
        this.slots[id] = this.facts.push(facts);
      }
      values[i] = facts.value;
      type[i] = facts.type;
      if (contracted[i]) {
        normal[i] = ask(i, its.normal);
        lemma[i] = ask(i, its.lemma);
        continue;
      }
      normal[i] = facts.normal ??= ask(i, its.normal);
      const tag = pos[i]!;
      if (facts.firstTag === tag) { lemma[i] = facts.firstLemma; continue; }
      if (facts.firstTag === undefined) { facts.firstTag = tag; lemma[i] = facts.firstLemma = ask(i, its.lemma); continue; }
      let l = (facts.otherLemmas ??= new Map()).get(tag);
      if (l === undefined) facts.otherLemmas.set(tag, l = ask(i, its.lemma));
      lemma[i] = l;
    }
    return { values, pos, lemma, normal, type };
  }
}
