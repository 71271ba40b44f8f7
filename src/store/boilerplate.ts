/**
 * Paragraphs that outlets add around an article and that change between copies of the same
 * story: sharing buttons, newsletter boxes, copyright lines, wire credits. They are left out of
 * the content fingerprint so that a republished article is recognised as the one already stored.
 * A rule only applies to paragraphs up to `maxChars` long, so a real paragraph that happens to
 * mention a newsletter is never dropped.
 */
export interface BoilerplateRule {
  readonly id: string;
  readonly pattern: RegExp;
  readonly maxChars: number;
}

export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  { id: 'boilerplate.share', pattern: /^(share|tweet|email|print|copy link|whatsapp|facebook|twitter|linkedin)\b/i, maxChars: 80 },
  { id: 'boilerplate.subscribe', pattern: /\b(subscribe|sign up|newsletter|inbox|register for free)\b/i, maxChars: 240 },
  { id: 'boilerplate.copyright', pattern: /(©|\(c\) ?\d{4}|\bcopyright\b|all rights reserved|may not be (published|reproduced|redistributed))/i, maxChars: 240 },
  { id: 'boilerplate.related', pattern: /^(read more|related|see also|more from|recommended|most read|trending|also read|watch:|listen:)\b/i, maxChars: 240 },
  { id: 'boilerplate.advert', pattern: /^(advertisement|sponsored( content)?|ad)$/i, maxChars: 40 },
  { id: 'boilerplate.follow', pattern: /\bfollow (us|@\w+|\w+ on (twitter|x|facebook|instagram))\b/i, maxChars: 240 },
  { id: 'boilerplate.cookies', pattern: /\bcookies?\b.*\b(accept|policy|consent|settings)\b/i, maxChars: 300 },
  { id: 'boilerplate.credit', pattern: /^\(?(additional )?(reporting|editing|writing|compiled) by\b/i, maxChars: 240 },
  { id: 'boilerplate.updated', pattern: /^(updated|published|last updated|posted)( on| at)?\b.{0,60}$/i, maxChars: 80 },
  { id: 'boilerplate.comments', pattern: /^(\d+ )?comments?\b|\bleave a comment\b|\bjoin the conversation\b/i, maxChars: 120 },
];
