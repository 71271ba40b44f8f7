import type { WinkNlp } from './nlp.js';
import type { TokenColumns } from './possessive.js';

type WinkDoc = ReturnType<WinkNlp['readDoc']>;
type WinkTokens = ReturnType<WinkDoc['tokens']>;

/** What wink says of one word of its lexicon: its normal form, token type, and lemma by part of speech. */
interface WordFacts {
  readonly normal: string;
  readonly type: string;
  readonly lemmas: Map<string, string>;
}

// a bound on the words remembered: the vocabulary of news is small, but a process may run for long
const MAX_WORDS = 100_000;

/**
 * The columns of a wink document (value, part of speech, lemma, normal form, token type), with the
 * facts that belong to the word rather than the token asked of wink once per word. In wink a token
 * points at its word's entry in the lexicon cache (`its.uniqueId`); the entry's normal form and token
 * type never change once it is made, and a lemma is a function of the entry and the part of speech
 * (the lemmatiser consults only the model's own vocabulary). Asking wink for them token by token was a
 * fifth of the tokens stage; a look-up by entry gives the same strings. Contractions are the
 * exception ("ca" of "can't" has the normal form "can"): their normal form and lemma live on the
 * token, so those tokens are always asked of wink.
 */
export class WinkColumns {
  private readonly facts = new Map<number, WordFacts>();

  constructor(private readonly its: WinkNlp['its']) {}

  of(wdoc: WinkDoc): TokenColumns {
    const its = this.its;
    const tokens = wdoc.tokens();
    // wink's typings do not cover every `its` helper; each `out` here returns one value a token
    const column = <T>(helper: unknown) => tokens.out(helper as typeof its.value) as unknown as T[];
    const ask = <T>(i: number, helper: unknown) => tokens.itemAt(i).out(helper as typeof its.value) as unknown as T;
    const values = column<string>(its.value), pos = column<string>(its.pos);
    const ids = column<number>(its.uniqueId), contracted = column<boolean>(its.contractionFlag);
    const lemma: string[] = [], normal: string[] = [], type: string[] = [];
    for (let i = 0; i < values.length; i++) {
      if (contracted[i]) {
        lemma.push(ask<string>(i, its.lemma)); normal.push(ask<string>(i, its.normal)); type.push(ask<string>(i, its.type));
        continue;
      }
      const facts = this.factsOf(tokens, ids[i]!, i);
      const tag = pos[i]!;
      let l = facts.lemmas.get(tag);
      if (l === undefined) facts.lemmas.set(tag, l = ask<string>(i, its.lemma));
      lemma.push(l); normal.push(facts.normal); type.push(facts.type);
    }
    return { values, pos, lemma, normal, type };
  }

  /** The facts of the word of token i, whose lexicon entry is `id`, asked of wink the first time. */
  private factsOf(tokens: WinkTokens, id: number, i: number): WordFacts {
    let facts = this.facts.get(id);
    if (facts === undefined) {
      if (this.facts.size >= MAX_WORDS) this.facts.clear();
      const item = tokens.itemAt(i);
      facts = {
        normal: item.out(this.its.normal) as unknown as string, type: item.out(this.its.type as typeof this.its.value) as unknown as string,
        lemmas: new Map(),
      };
      this.facts.set(id, facts);
    }
    return facts;
  }
}
