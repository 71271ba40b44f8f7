/**
 * How often the attributions stage names the right speaker, on PolNeAR (train by default: the speaker
 * rules were not written from it; dev stays a development measure). PolNeAR marks source spans, not
 * whom they stand for, so an attribution paired with a gold one (content dice >= 0.5, as score.mjs
 * pairs them) is judged by the kind of its gold source:
 *
 * - name: the source names its speaker ("Mike Pompeo", "Iran's Zarif", "the White House"): right
 *   when the speaker shares a capitalised word with the name at the source's head (not an owner
 *   before "'s", nor a name after a comma or a preposition: "an aide to Rohani" is not Rohani).
 * - description with a name ("a spokesman for Tom Baker"): the speaker must not be the name inside.
 * - pronoun (he/she, they/we, it, I/you, who), description, body ("the ministry", "the statement"):
 *   PolNeAR does not say whom they stand for. Automatic verdicts only where they are certain (a
 *   person pronoun left as written, an indefinite description resolved to somebody named); the rest
 *   are listed with --dump KIND for reading, and verdicts read by hand may be given in --judged FILE
 *   (JSON lines {key, speaker, ok}), keyed by document, source offset and speaker.
 * - none: gold has no source; right when no speaker is given.
 *
 *   node --import tsx scripts/eval-speakers.ts [--split train|dev] [--pred RESULTS.jsonl] [--judged FILE] [--dump KIND [--same-source] [--all]] [--json]
 *
 * --pred reads the results of `dossier analyze` from the file when it exists, else analyses the split
 * in this process and writes them there. --same-source dumps only wrong speakers of sources drawn
 * as the gold ones (the speaker rules' own errors).
 */
import fs from 'node:fs';
import path from 'node:path';

const arg = (n: string, d: string) => { const i = process.argv.indexOf(n); return i >= 0 ? process.argv[i + 1]! : d; };
const nearest = ['../../shared', '../../../shared'].map((p) => new URL(p, import.meta.url).pathname).find((p) => fs.existsSync(p));
const SHARED = process.env.SHARED ?? nearest ?? new URL('../../shared', import.meta.url).pathname;
const SPLIT = arg('--split', 'train');
const DIR = path.join(SHARED, 'data/polnear', SPLIT);
const PRED = arg('--pred', ''), JUDGED = arg('--judged', ''), DUMP = arg('--dump', '');
if (!fs.existsSync(path.join(DIR, 'text'))) {
  console.error(`eval-speakers: needs PolNeAR (${DIR})`);
  process.exit(2);
}

type Span = [number, number];
interface Gold { content: Span[]; source: Span[] | null }
interface Ref { name: string; span?: { start: number; end: number } }
interface Pred { content: { start: number; end: number }; source: { start: number; end: number } | null; speaker: Ref | null; cue: { start: number; end: number } }

function parseBrat(ann: string): Gold[] {
  const T = new Map<string, Span[]>();
  const out: Gold[] = [];
  const rels: Record<string, string>[] = [];
  for (const line of ann.split('\n')) {
    const c = line.split('\t');
    if (/^T\d+$/.test(c[0]!) && c[1]) T.set(c[0]!, c[1].slice(c[1].indexOf(' ') + 1).split(';').map((p) => p.trim().split(/\s+/).map(Number) as Span));
    else if (/^E\d+$/.test(c[0]!) && c[1]) rels.push(Object.fromEntries(c[1].trim().split(/\s+/).map((p) => { const [k, v] = p.split(':'); return [k!.replace(/\d+$/, ''), v!]; })));
  }
  for (const r of rels) if (r.Content && T.get(r.Content)) out.push({ content: T.get(r.Content)!, source: r.Source ? T.get(r.Source) ?? null : null });
  return out;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*/gu;
const tokenize = (text: string): Span[] => [...text.matchAll(WORD)].map((m) => [m.index!, m.index! + m[0].length]);
function tokenSet(toks: Span[], spans: Span[], dropThat: boolean, text: string): Set<number> {
  const set = new Set<number>();
  for (const [s, e] of spans) toks.forEach(([ts, te], i) => { if (ts < e && te > s) set.add(i); });
  if (dropThat && set.size > 1) { const first = Math.min(...set); if (text.slice(toks[first]![0], toks[first]![1]).toLowerCase() === 'that') set.delete(first); }
  return set;
}
function dice(a: Set<number>, b: Set<number>): number {
  if (!a.size && !b.size) return 1;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return (2 * n) / (a.size + b.size);
}

const PRONOUN_KIND: Record<string, string> = {
  he: 'pronoun.person', she: 'pronoun.person', his: 'pronoun.person', her: 'pronoun.person', him: 'pronoun.person',
  they: 'pronoun.group', them: 'pronoun.group', their: 'pronoun.group', we: 'pronoun.group', our: 'pronoun.group', us: 'pronoun.group',
  it: 'pronoun.it', its: 'pronoun.it', i: 'pronoun.i-you', you: 'pronoun.i-you', my: 'pronoun.i-you', me: 'pronoun.i-you', your: 'pronoun.i-you',
  who: 'pronoun.relative', which: 'pronoun.relative', that: 'pronoun.relative', whom: 'pronoun.relative',
};
const NOT_NAME_START = /^(?:A|An|This|These|Those|Some|Many|Most|Other|Others|Several|Such|One|Two|Three|Both|All|No|Few|Any|Each|Another|Every|Her|His|Their|Its|Our|My|Your)$/;
const BODY_HEAD = /\b(?:ministry|department|agency|embassy|commission|committee|council|party|campaign|court|company|government|administration|statement|communiqu[eé]|release|announcement|report|newspaper|paper|magazine|network|channel|website|outlet|poll|survey|study|organization|organisation|group|office|team|firm|bank|union|board|authority|authorities|regime|state|country|military|army|police)$/i;

/** The gold source's kind: pronoun.*, name, description.named, body, description. */
function kindOf(g: string): string {
  const words = g.split(/\s+/).filter(Boolean);
  if (words.length === 1 && PRONOUN_KIND[words[0]!.toLowerCase()]) return PRONOUN_KIND[words[0]!.toLowerCase()]!;
  const first = words[0]!.replace(/^[“"‘']/, '');
  const rest = /^the$/i.test(first) ? words[1] ?? '' : first;
  // "The Republican nominee" is a description: a name's head word is capitalised too
  const headWord = g.replace(/[,;(].*$/, '').replace(/\s+(?:of|for|to|at|from|in|with|who|on|like|including)\s.*$/i, '').trim().split(/\s+/).pop() ?? '';
  if (/^\p{Lu}/u.test(rest) && !NOT_NAME_START.test(rest) && /^\p{Lu}/u.test(headWord)) {
    return /^[^,]*\p{Lu}[^,]*\s(?:and|&)\s+(?:the\s+)?(?:Mr\.?\s|Mrs\.?\s|Ms\.?\s)?\p{Lu}/u.test(g) ? 'name.list' : 'name';
  }
  if (/(?:^|\s)\p{Lu}/u.test(words.slice(1).join(' '))) return 'description.named';
  const head = g.replace(/[,;].*$/, '').replace(/\s+(?:of|for|to|at|from|in|with|who|that)\s.*$/i, '').trim();
  return BODY_HEAD.test(head) ? 'body' : 'description';
}

/** The capitalised words of a name source that name its speaker: not an owner before "'s", nor words after a comma or a preposition. */
const OFFICE = /^(?:former|then|acting|deputy|vice|senior|chief|secretary|minister|speaker|director|chairman|chairwoman|president|supervisor|governor|attorney|general|ambassador|leader|commissioner|state|the|house|senate|foreign|affairs|defense|treasury|homeland|security|majority|minority|and|democratic|republican|presidential|frontrunner|candidate|nominee|real|estate|mogul|reality|television|star)$/i;
function headWords(g: string): string[] {
  let s = g.replace(/[,;(].*$/, '').replace(/\s+who\s.*$/, '');
  // "Secretary of State John Kerry": a title's complement is no cut; "David French of the National Retail Federation" is
  const cut = /\s+(?:of|for|to|at|from|in|with|on|and)\s/.exec(s);
  if (cut && !s.slice(0, cut.index).split(/\s+/).every((w) => OFFICE.test(w.replace(/[^\p{L}]/gu, '')))) s = s.slice(0, cut.index);
  const owned = /^(.*)['’]s\s+(?=\p{Lu})(.*)$/u.exec(s);
  if (owned) s = owned[2]!;
  return s.split(/[\s-]+/).map((w) => w.replace(/[’']s$/, '').replace(/[^\p{L}\p{N}]/gu, '')).filter((w) => /^\p{Lu}/u.test(w) && w.length > 1 && !/^(?:The|A|An|Mr|Mrs|Ms|Dr|Sen|Rep|Gov)$/.test(w));
}
const wordsOf = (s: string) => new Set(s.split(/[\s-]+/).map((w) => w.replace(/[’']s$/, '').replace(/[^\p{L}\p{N}]/gu, '').toLowerCase()).filter(Boolean));
// a person's title is no evidence of who: "Secretary" does not make Mike Pompeo the secretary quoted
const TITLE_WORDS = new Set(['president', 'secretary', 'minister', 'senator', 'governor', 'spokesman', 'spokeswoman', 'leader', 'chairman', 'director', 'chief', 'general', 'state', 'foreign', 'house', 'white', 'national', 'united', 'states', 'republican', 'democratic', 'democrat', 'party', 'campaign', 'news', 'former', 'vice']);

// heads of descriptions of people (not of polls, reports or bodies, which speak for whoever made them)
const PERSON_HEAD = /\b(?:spokes\w+|aides?|advis[eo]rs?|strategists?|lawyers?|attorneys?|officials?|reporters?|producers?|executives?|members?|supporters?|allies|backers?|organizers?|friends?|associates?|managers?|directors?|chairman|chairwoman|chief|head|deputy|lawmakers?|staff(?:ers?)?|people|voters|critics|defenders|leaders?)$/i;
const APPOSITIVE_NAME = /,\s*((?:(?:the\s+)?(?:Rev|Gen|Sen|Rep|Gov|Mr|Ms|Mrs|Dr)\.\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+)*?\p{Lu}[\p{L}'’-]+)\s*(?:,|$)/u;
const judged = new Map<string, boolean>();
if (JUDGED && fs.existsSync(JUDGED)) for (const l of fs.readFileSync(JUDGED, 'utf8').split('\n').filter(Boolean)) { const j = JSON.parse(l) as { key: string; speaker: string; ok: boolean }; judged.set(`${j.key}|${j.speaker}`, j.ok); }

const preds = new Map<string, { attributions: Pred[] }>();
if (PRED && fs.existsSync(PRED)) {
  for (const l of fs.readFileSync(PRED, 'utf8').split('\n')) if (l.trim()) { const r = JSON.parse(l) as { article: { id: string }; attributions: Pred[] }; preds.set(r.article.id, r); }
} else {
  // no results given (or not there yet): analyse the split here, and keep the results in --pred if named
  const { Analyzer } = await import('../src/analyze.js');
  const analyzer = new Analyzer();
  const lines: string[] = [];
  for (const f of fs.readdirSync(path.join(DIR, 'text')).sort()) {
    if (!f.endsWith('.txt')) continue;
    const r = analyzer.analyze({ id: f.slice(0, -4), text: fs.readFileSync(path.join(DIR, 'text', f), 'utf8') });
    preds.set(r.article.id, r as unknown as { attributions: Pred[] });
    if (PRED) lines.push(JSON.stringify(r));
  }
  if (PRED) fs.writeFileSync(PRED, lines.join('\n') + '\n');
}

const stats = new Map<string, { n: number; ok: number; bad: number; open: number; noSpeaker: number; badSameSource: number }>();
const stat = (k: string) => { let s = stats.get(k); if (!s) stats.set(k, (s = { n: 0, ok: 0, bad: 0, open: 0, noSpeaker: 0, badSameSource: 0 })); return s; };
const dumps: string[] = [];
const anns = fs.readdirSync(path.join(DIR, 'attributions'));
for (const f of fs.readdirSync(path.join(DIR, 'text')).sort()) {
  const id = f.slice(0, -4);
  const ann = anns.find((a) => a.startsWith(id) && a.endsWith('.ann'));
  const res = preds.get(id);
  if (!ann || !res) continue;
  const text = fs.readFileSync(path.join(DIR, 'text', f), 'utf8');
  const toks = tokenize(text);
  const golds = parseBrat(fs.readFileSync(path.join(DIR, 'attributions', ann), 'utf8'));
  const pr = res.attributions.map((a) => tokenSet(toks, [[a.content.start, a.content.end]], true, text));
  const gs = golds.map((g) => tokenSet(toks, g.content, true, text));
  const pairs: [number, number, number][] = [];
  pr.forEach((p, i) => gs.forEach((g, j) => { const d = dice(p, g); if (d >= 0.5) pairs.push([d, i, j]); }));
  pairs.sort((x, y) => y[0] - x[0]);
  const usedP = new Set<number>(), usedG = new Set<number>();
  for (const [, i, j] of pairs) {
    if (usedP.has(i) || usedG.has(j)) continue;
    usedP.add(i); usedG.add(j);
    const p = res.attributions[i]!, g = golds[j]!;
    const speaker = p.speaker?.name ?? null;
    if (!g.source) {
      const s = stat('none'); s.n++;
      if (speaker) s.bad++; else s.ok++;
      continue;
    }
    const gStart = Math.min(...g.source.map((x) => x[0])), gEnd = Math.max(...g.source.map((x) => x[1]));
    const gText = g.source.map(([a, b]) => text.slice(a, b)).join(' ').trim();
    const kind = kindOf(gText);
    const s = stat(kind); s.n++;
    const key = `${id}@${gStart}`;
    let verdict: boolean | null = null;
    if (!speaker) { s.noSpeaker++; verdict = false; }
    else if (judged.has(`${key}|${speaker}`)) verdict = judged.get(`${key}|${speaker}`)!;
    // "Carter's press secretary, Peter Cook,": a description, then the name of who it is
    else if (kind !== 'name' && APPOSITIVE_NAME.test(gText) && wordsOf(speaker).has(APPOSITIVE_NAME.exec(gText)![1]!.split(/\s+/).pop()!.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''))) verdict = true;
    else if (kind !== 'name' && /^\p{Lu}[^’'\s]*(?:\s+\p{Lu}[^’'\s]*)*[’']s?\s/u.test(gText)) {
      // "Trump's campaign", "Sanders' aides": them, by their owner's name (as written or in full); the owner alone is not it
      const [, owner, rest] = /^(.*?)[’']s?\s+(.*)$/u.exec(gText)!;
      const last = owner!.split(/\s+/).pop()!.toLowerCase();
      verdict = speaker.toLowerCase().includes(last) && speaker.toLowerCase().replace(/[\s,.]+$/, '').endsWith(rest!.toLowerCase().replace(/[\s,.]+$/, ''));
    } else if (kind === 'name' || kind === 'name.list') {
      const heads = headWords(gText).map((w) => w.toLowerCase());
      const said = wordsOf(speaker);
      const named = heads.filter((w) => !TITLE_WORDS.has(w));
      // "Republicans" is the Republican Party; "the S.E.C." the Securities and Exchange Commission
      // initials of the name's words, joining words left out ("S.E.C." for the Securities and Exchange Commission)
      const initials = [...said].filter((w) => !/^(?:and|of|the|for|on)$/.test(w)).map((w) => w[0]).join('');
      verdict = (named.length ? named : heads).some((w) => said.has(w) || [...said].some((x) => x.length > 4 && w.length > 4 && x.slice(0, 5) === w.slice(0, 5)) || (w.length > 1 && w === initials));
    } else if (kind === 'description.named') {
      // "a spokesman for Tom Baker": not Tom Baker himself, unless the source is his description ("the Iranian Zarif")
      const inner = wordsOf(gText.replace(/^[^,]*?(?:\s(?:of|for|to|at|from|with|under)\s)/i, ''));
      const bare = (x: string) => x.toLowerCase().replace(/^the\s+/, '').replace(/[\s,.;:]+$/, '');
      const same = bare(speaker) === bare(gText);
      // the names that may be its speaker: capitalised words neither owners ("Trump's") nor after a preposition
      const pre = gText.replace(/\s(?:of|for|to|at|from|with|under|in)\s.*$/i, '');
      const own = new Set([...pre.matchAll(/(\p{Lu}[\p{L}-]*)(?=[’']s?\s)/gu)].map((m) => m[1]!.toLowerCase()));
      const heads = [...wordsOf(pre.replace(/^\S+/, ''))].filter((w) => !own.has(w) && new RegExp(`(?:^|\\s)${w[0]!.toUpperCase()}${w.slice(1)}`, 'u').test(pre));
      const said = [...wordsOf(speaker)];
      if (same || said.some((w) => heads.includes(w) && w.length > 2 && !TITLE_WORDS.has(w))) verdict = true;
      // "a spokesman for Tom Baker", "Clinton's aides": the people described, not the one they serve
      else if (PERSON_HEAD.test(pre.replace(/[\s,]+$/, '')) && (said.some((w) => inner.has(w) && w.length > 2 && !TITLE_WORDS.has(w)) || said.some((w) => own.has(w)))) verdict = false;
    } else if (kind === 'pronoun.person' && PRONOUN_KIND[speaker.toLowerCase()]) verdict = false;
    else if ((kind === 'description' || kind === 'body') && /^(?:a|an|some|several|many|other|two|three|one)\s/i.test(gText) && !gText.toLowerCase().includes(speaker.toLowerCase())) verdict = false;
    else if ((kind === 'description' || kind === 'body') && /s$/.test(gText) && !/^the\s/i.test(gText) && gText.toLowerCase() === speaker.toLowerCase()) verdict = true;
    // the resolver's own errors: our source has the gold source's words (score.mjs's dice), the speaker is still wrong
    const sameSource = !!p.source && dice(tokenSet(toks, [[p.source.start, p.source.end]], false, text), tokenSet(toks, g.source, false, text)) >= 0.5;
    if (verdict === true) s.ok++; else if (verdict === false) { s.bad++; if (sameSource) s.badSameSource++; } else s.open++;
    if (DUMP && kind.startsWith(DUMP) && (verdict !== true || process.argv.includes('--all')) && (sameSource || !process.argv.includes('--same-source'))) {
      const para = text.lastIndexOf('\n', gStart - 1);
      const ctx = text.slice(Math.max(0, gStart - 500, para - 200), gEnd + 80).replace(/\s+/g, ' ');
      dumps.push(JSON.stringify({ key, speaker, gold: gText, verdict, cue: text.slice(p.cue.start, p.cue.end) }) + `\n    ${ctx}`);
    }
  }
}
const rows = [...stats.entries()].sort((a, b) => b[1].n - a[1].n);
const total = rows.reduce((t, [, s]) => ({ n: t.n + s.n, ok: t.ok + s.ok, bad: t.bad + s.bad, open: t.open + s.open }), { n: 0, ok: 0, bad: 0, open: 0 });
if (process.argv.includes('--json')) console.log(JSON.stringify({ total, kinds: Object.fromEntries(rows) }));
else {
  const pct = (a: number, b: number) => (b ? (100 * a / b).toFixed(1) : '-');
  console.log(`PolNeAR ${SPLIT}: matched attributions by gold source kind (right / wrong / not judged; right of judged)`);
  for (const [k, s] of rows) console.log(`  ${k.padEnd(18)} n ${String(s.n).padStart(5)}  right ${String(s.ok).padStart(5)}  wrong ${String(s.bad).padStart(5)} (no speaker ${String(s.noSpeaker).padStart(4)}, same source ${String(s.badSameSource).padStart(4)})  open ${String(s.open).padStart(5)}  ${pct(s.ok, s.ok + s.bad)}%`);
  console.log(`  ${'all'.padEnd(18)} n ${String(total.n).padStart(5)}  right ${String(total.ok).padStart(5)}  wrong ${String(total.bad).padStart(5)}  open ${String(total.open).padStart(5)}  ${pct(total.ok, total.ok + total.bad)}%`);
}
if (DUMP) console.log(dumps.join('\n'));
