/**
 * wink-nlp's tokenizer knows the letters of Latin-1 ("Müller", "José") but splits a word at a letter
 * beyond them: "Erdoğan" becomes "Erdo" + "ğ" + "an", "Wałęsa" three tokens, and the names of
 * Turkish, Polish, Czech, Vietnamese or Azerbaijani people were cut ("Recep Tayyip Erdo"). wink reads
 * such letters (Latin Extended-A and -B, IPA, Latin Extended Additional, and combining marks) as a
 * plain letter of the same case and length, and each token keeps the text as written.
 */
// (a class of ranges, each mark on its own: the lint rule against combined characters in a class
// guards against marks written literally beside a letter, not ranges of them)
// eslint-disable-next-line no-misleading-character-class
const BEYOND_LATIN1 = /[\u0100-\u02af\u0300-\u036f\u1e00-\u1eff]/g;

/** The text wink reads: the same length, with letters beyond Latin-1 read as "a" or "A". */
export function guardLetters(text: string): string {
  // nearly all text has none: test before replacing
  BEYOND_LATIN1.lastIndex = 0;
  if (!BEYOND_LATIN1.test(text)) return text;
  return text.replace(BEYOND_LATIN1, (c) => (c !== c.toLowerCase() ? 'A' : 'a'));
}
