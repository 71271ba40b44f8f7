import { PLACE_HEADS } from './text.js';
import type { EntityType } from '../core/layers.js';

/**
 * What a capitalised name the actor base does not know is, from its words alone: a person
 * ("Terence Crutcher"), a body ("Tax Policy Center", "Democratic National Committee"), an
 * agreement ("Clean Air Act"), or nothing to keep ("Election Day", "FULL TEXT", "Their Heads").
 * Rules are data: the last word decides, each with an id.
 */
interface NameRule { readonly id: string; readonly heads: readonly string[]; readonly type: EntityType | null; readonly sector: string | null }

export const NAME_RULES: readonly NameRule[] = [
  // place names (PLACE_HEADS: "the Lam Valley") and names of days, events, prizes ... are no actors
  { id: 'name.head.skip', type: null, sector: null, heads: ['day', 'days', 'war', 'wars', 'debate', 'debates', 'east', 'west', 'north', 'south', 'stadium', 'hotel', 'tower', 'building', 'prize', 'award', 'cup', 'games', 'olympics', 'summit', 'conference', 'change', 'crisis', 'zero', 'month', 'year', 'week', 'season', 'election', 'elections', 'primary', 'caucus', 'era', 'age', 'county', 'city', 'state', 'province', 'region', 'forum', 'convention', 'rally', 'festival', 'show', 'news', 'music', 'patriot', 'optics', 'heads', 'world', ...PLACE_HEADS] },
  { id: 'name.head.agreement', type: 'AGREEMENT', sector: null, heads: ['act', 'treaty', 'accord', 'accords', 'agreement', 'pact', 'plan', 'law', 'bill', 'amendment', 'constitution', 'charter', 'deal', 'resolution', 'protocol', 'convention on'] },
  { id: 'name.head.education', type: 'ORG', sector: 'EDU', heads: ['university', 'college', 'school', 'academy'] },
  { id: 'name.head.health', type: 'ORG', sector: 'MED', heads: ['hospital', 'clinic'] },
  { id: 'name.head.party', type: 'ORG', sector: 'PTY', heads: ['party'] },
  { id: 'name.head.religion', type: 'ORG', sector: 'REL', heads: ['church', 'mosque', 'synagogue', 'temple', 'diocese'] },
  { id: 'name.head.labour', type: 'ORG', sector: 'LAB', heads: ['union', 'federation of labor', 'teamsters'] },
  { id: 'name.head.business', type: 'ORG', sector: 'BUS', heads: ['bank', 'company', 'corporation', 'corp', 'inc', 'ltd', 'llc', 'group', 'energy', 'holdings', 'airlines', 'motors', 'industries', 'partners', 'capital', 'technologies'] },
  { id: 'name.head.media', type: 'MEDIA', sector: 'JRN', heads: ['times', 'post', 'journal', 'herald', 'gazette', 'tribune', 'newspaper', 'magazine', 'radio', 'television', 'tv'] },
  { id: 'name.head.government', type: 'ORG', sector: 'GOV', heads: ['ministry', 'department', 'agency', 'bureau', 'office', 'administration', 'authority', 'secretariat'] },
  { id: 'name.head.body', type: 'ORG', sector: null, heads: ['committee', 'council', 'commission', 'center', 'centre', 'foundation', 'institute', 'association', 'society', 'movement', 'initiative', 'project', 'program', 'programme', 'network', 'coalition', 'alliance', 'front', 'organization', 'organisation', 'trust', 'fund', 'service', 'services', 'board', 'court', 'club', 'league', 'team', 'brigade', 'brigades', 'army', 'force', 'forces', 'guard'] },
];

const BY_HEAD = new Map<string, NameRule>();
for (const r of NAME_RULES) for (const h of r.heads) BY_HEAD.set(h, r);

// words that do not occur in people's names: capitalised for a headline or a sentence start
const NOT_IN_NAMES = /^(?:I|If|But|And|Or|The|A|An|Of|For|With|To|In|On|At|By|From|As|Is|Are|Was|Were|Be|Their|His|Her|Its|Our|My|Your|This|That|These|Those|Over|Under|Not|No|Yes|How|Why|What|When|Where|Who|Will|Can|New|Avoid|After|Before|Why|Full|Text|Breaking|Update|Live|Watch|Read|More|Opinion|Analysis|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December|Reveals|Says|Said|Proponents|Critics|Supporters)$/;

export interface UnknownName { readonly type: EntityType; readonly sector: string | null; readonly rule: string }

/** What an unknown capitalised name is, or null when it is nothing the entities layer keeps. */
export function classifyUnknownName(words: readonly string[]): UnknownName | null {
  if (!words.length) return null;
  // headlines and datelines in capitals ("FULL TEXT", "LOS ANGELES") are not names we can place
  if (words.some((w) => w.length > 1 && w === w.toUpperCase() && /\p{Lu}{2}/u.test(w))) return null;
  const last = words[words.length - 1]!.toLowerCase().replace(/[.,]$/, '');
  const rule = BY_HEAD.get(last);
  if (rule) return rule.type ? { type: rule.type, sector: rule.sector, rule: rule.id } : null;
  if (words.length < 2 || words.length > 4) return null;
  if (words.some((w) => NOT_IN_NAMES.test(w))) return null;
  // a person's name: capitalised words, initials allowed ("Keith Lamont Scott", "Mary J Blige")
  if (!words.every((w) => /^(?:\p{Lu}[\p{Ll}'’-]+(?:-\p{Lu}[\p{Ll}]+)?|\p{Lu}\.?|Mc\p{Lu}\p{Ll}+|O'\p{Lu}\p{Ll}+|(?:al|el|bin|de|van|von|da|du|le|la)(?:-\p{Lu}\p{Ll}+)?)$/u.test(w))) return null;
  return { type: 'PERSON', sector: null, rule: 'person.capitalised-name' };
}
