import { DossierError } from '../core/errors.js';

const ENGLISH_FUNCTION_WORDS = new Set(('the of and to a in that is was he for it with as his on be at by i this had not are but ' +
  'from or have an they which one you were her all she there would their we him been has when who will more no if out so said ' +
  'what up its about into than them can only other new some could time these two may then do first any my now such like our ' +
  'over man me even most made after also did many before must through back years where much your way well down should because ' +
  'each just those people how too little state good very make world still own see men work long get here between both life being ' +
  'under never day same another know while last might us great old year off come since against go came right used take three').split(' '));

/**
 * Refuses text that is clearly not English: the engine's lexicons and rules are English only, and
 * analysing other languages would yield confident nonsense. Short texts pass (too little to judge).
 */
export function assertEnglish(text: string, where: string): void {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  let letters = 0, latin = 0;
  for (const ch of sample) {
    if (/\p{L}/u.test(ch)) {
      letters++;
      if (/[A-Za-z\u00c0-\u024f]/.test(ch)) latin++;
    }
  }
  if (letters >= 40 && latin / letters < 0.5) {
    throw new DossierError('INPUT_LANGUAGE', `the text is not English (only ${Math.round((100 * latin) / letters)}% of its letters are Latin); dossier analyses English news`, { where });
  }
  const words = sample.toLowerCase().match(/[a-z\u00c0-\u024f']+/g) ?? [];
  if (words.length < 25) return;
  let hits = 0;
  for (const w of words) if (ENGLISH_FUNCTION_WORDS.has(w)) hits++;
  if (hits / words.length < 0.08) {
    throw new DossierError('INPUT_LANGUAGE', `the text does not look like English (${Math.round((100 * hits) / words.length)}% English function words, expected 20% or more); dossier analyses English news`, { where });
  }
}
