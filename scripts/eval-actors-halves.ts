/**
 * NGEC's development actor cases split in two fixed halves by a hash of their ids, so that a change
 * to the actor base can be made looking at one half's misses only and judged on the other:
 * `--show A` prints half A's misses (the half to look at), and the figures of the whole set and of
 * both halves are printed every time. Half B's misses are never printed: it stands in for the unseen
 * cases, and a rule fitted to a dev case shows there as no gain.
 *
 *   node --import tsx scripts/eval-actors-halves.ts [--show A]
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { actorBaseOf } from '../src/actors/index.js';
import { Resources } from '../src/core/resources.js';

interface Case { id: string; text: string; context?: string; date?: string; country?: string; sector?: string; from?: string }

const SHARED = process.env.SHARED ?? new URL('../../shared', import.meta.url).pathname;
const CASES = `${SHARED}/data/actors/ngec-dev.jsonl`;
if (!existsSync(CASES)) {
  console.error(`eval-actors-halves: needs ${CASES}`);
  process.exit(2);
}
const show = process.argv.includes('--show') ? 'A' : null;
const halfOf = (id: string): 'A' | 'B' => (createHash('sha1').update(id).digest()[0]! % 2 === 0 ? 'A' : 'B');
const base = actorBaseOf(new Resources());
const counts = new Map<string, { n: number; all: number; country: number; countryN: number; sector: number; sectorN: number }>();
for (const line of readFileSync(CASES, 'utf8').split('\n').filter(Boolean)) {
  const c = JSON.parse(line) as Case;
  // as `dossier actor --input` answers a case (src/cli/commands/actor.ts)
  const r = base.resolve(c.text, { date: c.date ?? null, ...(c.context ? { context: c.context, countryFromContext: true } : {}) });
  // as score.mjs actors compares: an expected empty string is no country or sector
  const countryOk = c.country === undefined || (r?.country ?? '') === c.country;
  const sectorOk = c.sector === undefined || (r?.sector ?? '') === c.sector;
  const half = halfOf(c.id);
  for (const key of ['all', half]) {
    const s = counts.get(key) ?? { n: 0, all: 0, country: 0, countryN: 0, sector: 0, sectorN: 0 };
    s.n++;
    if (countryOk && sectorOk) s.all++;
    if (c.country !== undefined) { s.countryN++; if (countryOk) s.country++; }
    if (c.sector !== undefined) { s.sectorN++; if (sectorOk) s.sector++; }
    counts.set(key, s);
  }
  if (show === half && !(countryOk && sectorOk)) {
    console.log(`${c.id} ${JSON.stringify(c.text)}${c.context ? ` (context ${JSON.stringify(c.context)})` : ''}: want ${c.country ?? '-'}/${c.sector ?? '-'}, got ${r?.country ?? ''}/${r?.sector ?? ''} [${r?.rule ?? 'none'}]`);
  }
}
const ratio = (a: number, b: number) => (b ? a / b : 0).toFixed(3);
for (const key of ['all', 'A', 'B']) {
  const s = counts.get(key)!;
  console.log(`${key === 'all' ? 'whole' : `half ${key}`}: ${s.n} cases, allCorrect ${ratio(s.all, s.n)}, country ${ratio(s.country, s.countryN)}, sector ${ratio(s.sector, s.sectorN)}`);
}
