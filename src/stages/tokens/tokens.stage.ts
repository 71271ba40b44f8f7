import type { StageFactory } from '../../pipeline/stage.js';
import { alignTokens } from '../../text/align.js';
import { paragraphRanges } from '../../text/paragraphs.js';
import { winkOf } from './nlp.js';
import { guardPossessives, splitPossessives } from './possessive.js';
import { joinFalseBreaks } from './sentences.js';

// 1.1: possessives always split (see possessive.ts); 1.2: false sentence breaks joined (sentences.ts)
export const TOKENS_VERSION = '1.2.0';

/**
 * Paragraphs, sentences and tokens with part of speech, lemma and negation scope, from wink-nlp.
 * wink reads one paragraph at a time so that no sentence runs across a paragraph break (headlines
 * often end without a full stop).
 */
export const tokensStage: StageFactory = (resources) => {
  const nlp = winkOf(resources);
  const its = nlp.its;
  return {
    name: 'tokens',
    version: TOKENS_VERSION,
    requires: [],
    assigns: ['paragraph', 'sentence', 'token'],
    run(doc, out) {
      const text = doc.text;
      // what wink reads: the same length as the text, so offsets hold (see possessive.ts)
      const read = guardPossessives(text);
      let tokenIndex = 0, sentenceIndex = 0;
      paragraphRanges(text).forEach((para, p) => {
        out.add('paragraph', { start: para.start, end: para.end, data: { index: p }, rule: 'paragraph.break', confidence: 1 });
        const wdoc = nlp.readDoc(read.slice(para.start, para.end));
        const tokens = wdoc.tokens();
        // wink's typings do not cover every `its` helper; each `out` here returns one value a token
        const column = <T>(helper: unknown) => tokens.out(helper as typeof its.value) as unknown as T[];
        const { columns, newIndex } = splitPossessives({
          values: column<string>(its.value), pos: column<string>(its.pos), lemma: column<string>(its.lemma),
          normal: column<string>(its.normal), type: column<string>(its.type), negated: column<boolean>(its.negationFlag),
        });
        const { values, pos, lemma, normal, type, negated } = columns;
        const offsets = alignTokens(read, values, para.start, para.end);
        // a swapped mark is stored as the text has it
        if (read !== text) {
          for (let t = 0; t < values.length; t++) {
            const at = offsets[2 * t]!;
            if (values[t]!.length === 1 && read[at] !== text[at]) values[t] = normal[t] = lemma[t] = text[at]!;
          }
        }
        const sentenceOf = new Int32Array(values.length);
        const found: [number, number][] = [];
        wdoc.sentences().each((s: { out(f: unknown): unknown }) => {
          const [first, last] = s.out(its.span) as unknown as [number, number];
          found.push([newIndex[first]!, newIndex[last + 1]! - 1]);
        });
        const sentences = joinFalseBreaks(text, offsets, found);
        sentences.forEach(([a, b], k) => sentenceOf.fill(sentenceIndex + k, a, b + 1));
        for (let t = 0; t < values.length; t++) {
          out.add('token', {
            start: offsets[2 * t] ?? 0, end: offsets[2 * t + 1] ?? 0, rule: 'wink.token', confidence: 1,
            data: {
              index: tokenIndex + t, sentence: sentenceOf[t] ?? 0, value: values[t] ?? '', normal: normal[t] ?? '',
              lemma: lemma[t] ?? '', pos: pos[t] ?? 'X', type: type[t] ?? 'word', negated: Boolean(negated[t]),
            },
          });
        }
        for (const [a, b] of sentences) {
          out.add('sentence', {
            start: offsets[2 * a] ?? para.start, end: offsets[2 * b + 1] ?? para.end, rule: 'wink.sentence', confidence: 1,
            data: { index: sentenceIndex++, firstToken: tokenIndex + a, endToken: tokenIndex + b + 1 },
          });
        }
        tokenIndex += values.length;
      });
    },
  };
};
