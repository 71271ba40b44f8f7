import type { WinkNlp } from './nlp.js';
import type { TokenColumns } from './possessive.js';

type WinkDoc = ReturnType<WinkNlp['readDoc']>;

/** What wink says of one entry of its lexicon cache: the word, its token type, normal form, and lemma by part of speech. */
interface WordFacts {
  readonly value: string;
  readonly type: string;
  /** asked of the first token of the entry that is no contraction */
  normal: string | undefined;
  readonly lemmas: Map<string, string>;
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
 */
export class WinkColumns {
  private readonly facts = new Map<number, WordFacts>();

  constructor(private readonly its: WinkNlp['its']) {}

  of(wdoc: WinkDoc): TokenColumns {
    const its = this.its;
    const tokens = wdoc.tokens();
    // wink's typings do not cover every `its` helper; each `out` here returns one value a token
    const column = <T>(helper: unknown) => tokens.out(helper as typeof its.value) as unknown as T[];
    const ask = (i: number, helper: unknown) => tokens.itemAt(i).out(helper as typeof its.value) as unknown as string;
    const pos = column<string>(its.pos), ids = column<number>(its.uniqueId), contracted = column<boolean>(its.contractionFlag);
    const values: string[] = [], lemma: string[] = [], normal: string[] = [], type: string[] = [];
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      let facts = this.facts.get(id);
      if (facts === undefined) {
        if (this.facts.size >= MAX_WORDS) this.facts.clear();
        this.facts.set(id, facts = { value: ask(i, its.value), type: ask(i, its.type), normal: undefined, lemmas: new Map() });
      }
      values.push(facts.value);
      type.push(facts.type);
      if (contracted[i]) {
        normal.push(ask(i, its.normal));
        lemma.push(ask(i, its.lemma));
        continue;
      }
      normal.push(facts.normal ??= ask(i, its.normal));
      const tag = pos[i]!;
      let l = facts.lemmas.get(tag);
      if (l === undefined) facts.lemmas.set(tag, l = ask(i, its.lemma));
      lemma.push(l);
    }
    return { values, pos, lemma, normal, type };
  }
}
