/**
 * A generated corpus of stories for the store's benchmark and process tests: wire-style reports
 * (who did what to whom, who said what) from templates with a seeded random generator. Unlike
 * bench/corpus.ts (which measures analysis), a third of these articles report the same happening
 * and the same quote as another outlet did a day earlier, as real corpora do, so that merging into
 * happenings and quotes is part of what is measured. Every article's text is distinct.
 */

interface Party { readonly name: string; readonly leader: string; readonly title: string; readonly capital: string }

const PARTIES: readonly Party[] = [
  { name: 'Iran', leader: 'Abbas Araghchi', title: 'Foreign Minister', capital: 'Tehran' },
  { name: 'the United States', leader: 'Marco Rubio', title: 'Secretary of State', capital: 'Washington' },
  { name: 'Russia', leader: 'Sergei Lavrov', title: 'Foreign Minister', capital: 'Moscow' },
  { name: 'Ukraine', leader: 'Andrii Sybiha', title: 'Foreign Minister', capital: 'Kyiv' },
  { name: 'China', leader: 'Wang Yi', title: 'Foreign Minister', capital: 'Beijing' },
  { name: 'India', leader: 'Subrahmanyam Jaishankar', title: 'External Affairs Minister', capital: 'New Delhi' },
  { name: 'Pakistan', leader: 'Ishaq Dar', title: 'Foreign Minister', capital: 'Islamabad' },
  { name: 'Israel', leader: 'Gideon Saar', title: 'Foreign Minister', capital: 'Jerusalem' },
  { name: 'Turkey', leader: 'Hakan Fidan', title: 'Foreign Minister', capital: 'Ankara' },
  { name: 'France', leader: 'Jean-Noel Barrot', title: 'Foreign Minister', capital: 'Paris' },
  { name: 'Germany', leader: 'Johann Wadephul', title: 'Foreign Minister', capital: 'Berlin' },
  { name: 'Egypt', leader: 'Badr Abdelatty', title: 'Foreign Minister', capital: 'Cairo' },
];

const ACTIONS: readonly ((a: Party, b: Party) => string)[] = [
  (a, b) => `${cap(a.name)} rejected a proposal from ${b.name} to resume talks`,
  (a, b) => `${cap(a.name)} accused ${b.name} of violating the ceasefire`,
  (a, b) => `${cap(a.name)} threatened ${b.name} with new sanctions`,
  (a, b) => `${cap(a.name)} agreed to hold talks with ${b.name}`,
  (a, b) => `${cap(a.name)} expelled two diplomats from ${b.name}`,
  (a, b) => `${cap(a.name)} praised ${b.name} for its help in the negotiations`,
  (a, b) => `${cap(a.name)} offered humanitarian aid to ${b.name}`,
  (a, b) => `${a.leader} met his counterpart from ${b.name} in ${a.capital}`,
  (a, b) => `${cap(a.name)} demanded that ${b.name} release the detained sailors`,
  (a, b) => `${cap(a.name)} imposed tariffs on goods from ${b.name}`,
];

const QUOTES: readonly string[] = [
  'We will not accept any agreement that ignores our legitimate security interests',
  'The door to dialogue remains open, but patience is not unlimited',
  'These measures are a direct response to repeated provocations',
  'Our priority is the safety of civilians and the return of the hostages',
  'There can be no lasting peace without respect for international law',
  'We call on all sides to exercise restraint and return to the table',
];

const FILLER: readonly string[] = [
  'Diplomats said the move reflected growing frustration after months of stalled negotiations.',
  'Markets reacted calmly, with oil prices little changed in afternoon trading.',
  'The announcement came hours after a meeting of the national security council.',
  'Analysts said the decision could complicate efforts by European mediators to broker a deal.',
  'The United Nations Secretary-General urged both governments to avoid escalation.',
  'Officials did not say when the measures would take effect.',
  'Opposition lawmakers criticised the government for what they called a lack of strategy.',
  'Neighbouring states said they were monitoring the situation closely.',
];

const OUTLETS = ['Gulf Wire', 'Daily Ledger', 'Evening Post', 'Continental Times', 'Harbour Herald', 'Capital Dispatch', 'Northern Courier', 'Metro Tribune'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** mulberry32: a small seeded generator, so a corpus can be made again exactly */
export function random(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

export interface StoryArticle {
  readonly id: string;
  readonly text: string;
  readonly published: string;
  readonly outlet: string;
  readonly url: string;
  readonly title: string;
}

/** `count` distinct articles over `days` days from 2026-01-01, about 1.5 KB each. */
export function* generateStories(count: number, seed = 1, days = 120): Generator<StoryArticle> {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const start = Date.parse('2026-01-01T00:00:00Z');
  let previous: { a: Party; b: Party; act: number; day: number } | null = null;
  for (let i = 0; i < count; i++) {
    // a third of the articles report the happening of the article before, a day later, from another outlet
    const repeat: boolean = previous !== null && rnd() < 0.33;
    const a: Party = repeat ? previous!.a : pick(PARTIES);
    let b: Party = repeat ? previous!.b : pick(PARTIES);
    if (b === a) b = PARTIES[(PARTIES.indexOf(a) + 1) % PARTIES.length]!;
    const act: number = repeat ? previous!.act : Math.floor(rnd() * ACTIONS.length);
    const day: number = repeat ? previous!.day : Math.floor(rnd() * days);
    const publishedDay = day + 1 + (repeat ? 1 : 0);
    const published = new Date(start + publishedDay * 86_400_000).toISOString().slice(0, 10);
    const weekday = WEEKDAYS[new Date(start + day * 86_400_000).getUTCDay()]!;
    previous = { a, b, act, day };
    const lead = `${ACTIONS[act]!(a, b)} on ${weekday}, officials in ${a.capital} said.`;
    const quote = pick(QUOTES);
    const paragraphs = [
      lead,
      `"${quote}," ${a.leader}, ${a.name === 'the United States' ? 'the' : `${a.name}'s`} ${a.title}, told reporters in ${a.capital}.`,
      `${cap(b.name)} did not immediately respond to a request for comment. ${pick(FILLER)}`,
      `${pick(FILLER)} ${pick(FILLER)}`,
      `The dispute is the ${ordinal(2 + Math.floor(rnd() * 9))} between the two governments this year, according to a tally kept by the ${pick(OUTLETS)} research desk (file ${seed}-${i}).`,
      `${pick(FILLER)} ${cap(b.leader)} was expected to address the issue at a news conference in ${b.capital} later in the week.`,
    ];
    const outlet = OUTLETS[(i * 7 + Math.floor(rnd() * 3)) % OUTLETS.length]!;
    yield {
      id: `gen-${seed}-${i}`, text: paragraphs.join('\n\n'), published, outlet,
      url: `https://${outlet.toLowerCase().replace(/\s+/g, '')}.example/${published}/${i}`,
      title: cap(lead.replace(/ on \w+day,.*$/, '')),
    };
  }
}

function ordinal(n: number): string {
  return ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'][n] ?? `${n}th`;
}

/** The corpus as .jsonl text, one article a line. */
export function storiesJsonl(count: number, seed = 1): string {
  let out = '';
  for (const a of generateStories(count, seed)) out += `${JSON.stringify(a)}\n`;
  return out;
}
