/**
 * A generated corpus of news-like articles for benchmarks: wire-style paragraphs built from
 * templates with real actor names, direct and indirect quotes, dates and events, drawn with a
 * seeded random generator so that every run measures the same text.
 */
export interface GeneratedArticle {
  id: string;
  text: string;
  published: string;
  outlet: string;
  url: string;
  title: string;
}

const PEOPLE = [
  ['Secretary of State Antony Blinken', 'Blinken', 'he'], ['Foreign Minister Sergei Lavrov', 'Lavrov', 'he'],
  ['Chancellor Olaf Scholz', 'Scholz', 'he'], ['Prime Minister Narendra Modi', 'Modi', 'he'],
  ['President Emmanuel Macron', 'Macron', 'he'], ['Foreign Minister Wang Yi', 'Wang', 'he'],
  ['President Recep Tayyip Erdogan', 'Erdogan', 'he'], ['European Commission President Ursula von der Leyen', 'von der Leyen', 'she'],
  ['Prime Minister Giorgia Meloni', 'Meloni', 'she'], ['UN Secretary-General Antonio Guterres', 'Guterres', 'he'],
] as const;
const COUNTRIES = ['Iran', 'Russia', 'China', 'Ukraine', 'Turkey', 'Israel', 'Egypt', 'India', 'Pakistan', 'Venezuela', 'North Korea', 'Japan'];
const OUTLETS = ['Reuters', 'the Associated Press', 'Agence France-Presse', 'the BBC', 'CNN', 'Al Jazeera', 'The New York Times', 'Bloomberg'];
const GROUPS = ['officials', 'lawmakers', 'diplomats', 'protesters', 'police', 'troops', 'rebels', 'students'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const ACTS = ['rejected an offer of talks from', 'imposed new sanctions on', 'condemned the missile test by', 'agreed to resume talks with',
  'expelled two diplomats from', 'praised the ceasefire proposal of', 'threatened to cut ties with', 'called on', 'met with envoys from',
  'accused', 'sent humanitarian aid to', 'withdrew its ambassador from'];
const QUOTES = ['We will not negotiate under pressure', 'The door to dialogue remains open', 'These sanctions are an act of economic war',
  'Our patience is not unlimited', 'We expect concrete steps, not words', 'Nobody wants a wider conflict in the region',
  'The agreement must be respected by all sides', 'This is a dangerous escalation'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateCorpus(count: number, seed = 42): GeneratedArticle[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const out: GeneratedArticle[] = [];
  for (let i = 0; i < count; i++) {
    const a = pick(COUNTRIES);
    let b = pick(COUNTRIES);
    if (b === a) b = COUNTRIES[(COUNTRIES.indexOf(a) + 1) % COUNTRIES.length]!;
    const [full, surname, pron] = pick(PEOPLE);
    const outlet = pick(OUTLETS);
    const day = pick(DAYS);
    const month = 1 + Math.floor(r() * 12), date = 1 + Math.floor(r() * 28);
    const published = `20${18 + Math.floor(r() * 7)}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
    const title = `${a} ${pick(ACTS).split(' ')[0]} ${b} as tensions rise`;
    const paragraphs = [
      title,
      `${a} on ${day} ${pick(ACTS)} ${b}, ${outlet} reported, in the latest sign of strain between the two governments.`,
      `"${pick(QUOTES)}," ${full} told reporters in the capital. "${pick(QUOTES)}."`,
      `${surname} said that ${b} had ${pick(ACTS)} ${pick(COUNTRIES)} earlier this year, and ${pron} warned that further steps would follow.`,
      `According to ${pick(OUTLETS)}, ${pick(GROUPS)} in ${b} gathered outside the foreign ministry on ${pick(DAYS)} night. ` +
        `Several ${pick(GROUPS)} were arrested by police, a spokesman for the interior ministry said.`,
      `${pick(OUTLETS)} quoted a senior official as saying, "${pick(QUOTES)}." Talks between ${a} and ${b} are expected to resume next month.`,
      `${a} ${pick(ACTS)} ${pick(COUNTRIES)} in ${2000 + Math.floor(r() * 18)}, and analysts said the dispute could drag on for months.`,
    ];
    const n = 4 + Math.floor(r() * 4);
    out.push({ id: `gen-${String(i).padStart(6, '0')}`, text: paragraphs.slice(0, n).join('\n\n'), published, outlet: pick(OUTLETS).replace(/^the /, ''),
      url: `https://news.example/${i}`, title });
  }
  return out;
}

/**
 * An article as a user's folder holds it: a .txt file whose front matter (src/ingest/metadata.ts)
 * carries what a .jsonl record would (published, outlet, url, title). The file's name is its id.
 */
export function frontMatterText(article: GeneratedArticle): string {
  return `---\npublished: ${article.published}\noutlet: ${article.outlet}\nurl: ${article.url}\ntitle: ${article.title}\n---\n${article.text}\n`;
}
