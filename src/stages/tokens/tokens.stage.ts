import type { StageFactory } from '../../core/stage.js';
import { alignTokens } from '../../text/align.js';
import { paragraphRanges } from '../../text/paragraphs.js';
import { WinkColumns } from './facts.js';
import { winkOf } from './nlp.js';
import { guardLongRuns, restoreRuns } from './long-runs.js';
import { guardLetters } from './letters.js';
import { guardPossessives, splitPossessives } from './possessive.js';
import { joinFalseBreaks } from './sentences.js';

// 1.1: possessives always split (see possessive.ts); 1.2: no negation scope (no stage read it; wink's
// negation pass cost a tenth of the stage); 1.3: false sentence breaks joined again (sentences.ts);
// 1.4: words with letters beyond Latin-1 kept whole ("Erdoğan", letters.ts)
export const TOKENS_VERSION = '1.4.0';

/**
 * Paragraphs, sentences and tokens with part of speech and lemma, from wink-nlp.
 * wink reads one paragraph at a time so that no sentence runs across a paragraph break (headlines
 * often end without a full stop).
 */
export const tokensStage: StageFactory = (resources) => {
  const nlp = winkOf(resources);
  const its = nlp.its;
  const columns = new WinkColumns(its);
  return {
    name: 'tokens',
    version: TOKENS_VERSION,
    requires: [],
    assigns: ['paragraph', 'sentence', 'token'],
    run(doc, out) {
      const text = doc.text;
      // what wink reads: the same length as the text, so offsets hold (see possessive.ts)
      // and with runs too long for wink's tokeniser to read in linear time replaced (long-runs.ts)
      // and letters beyond Latin-1, at which wink would cut a word, read as plain ones (letters.ts)
      const { read, runs } = guardLongRuns(guardLetters(guardPossessives(text)));
      const paragraphs = paragraphRanges(text);
      let tokenIndex = 0, sentenceIndex = 0;
      for (let p = 0; p < paragraphs.length; p++) {
        const para = paragraphs[p]!;
        out.add('paragraph', { start: para.start, end: para.end, data: { index: p }, rule: 'paragraph.break', confidence: 1 });
        const wdoc = nlp.readDoc(read.slice(para.start, para.end));
        const split = splitPossessives(columns.of(wdoc));
        const { values, pos, lemma, normal, type } = split.columns, newIndex = split.newIndex;
        const offsets = alignTokens(read, values, para.start, para.end);
        // a swapped mark or letter is stored as the text has it
        if (read !== text) {
          for (let t = 0; t < values.length; t++) {
            const at = offsets[2 * t]!, end = offsets[2 * t + 1]!;
            if (values[t]!.length === 1) { if (read[at] !== text[at]) values[t] = normal[t] = lemma[t] = text[at]!; }
            else if (values[t] === read.slice(at, end) && read.slice(at, end) !== text.slice(at, end)) {
              values[t] = text.slice(at, end);
              normal[t] = lemma[t] = values[t]!.toLowerCase();
            }
          }
        }
        restoreRuns(text, runs, split.columns, offsets);
        // each sentence as [first, last] token, in the columns after possessives were split
        const found = wdoc.sentences().out(its.span) as unknown as [number, number][];
        for (const span of found) {
          if (newIndex) { span[0] = newIndex[span[0]]!; span[1] = newIndex[span[1] + 1]! - 1; }
        }
        const sentences = joinFalseBreaks(text, offsets, found);
        const sentenceOf: number[] = new Array<number>(values.length).fill(0);
        for (let s = 0; s < sentences.length; s++) sentenceOf.fill(sentenceIndex + s, sentences[s]![0], sentences[s]![1] + 1);
        for (let t = 0; t < values.length; t++) {
          out.add('token', {
            start: offsets[2 * t]!, end: offsets[2 * t + 1]!, rule: 'wink.token', confidence: 1,
            data: {
              index: tokenIndex + t, sentence: sentenceOf[t]!, value: values[t]!, normal: normal[t] ?? '',
              lemma: lemma[t] ?? '', pos: pos[t] ?? 'X', type: type[t] ?? 'word',
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
      }
    },
  };
};
