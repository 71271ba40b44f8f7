import { h, type Child } from './dom.js';

/**
 * Word-level differences between a reference wording and another, by longest common subsequence,
 * so the story view can mark what an outlet changed, added or left out.
 */
export type Piece = { op: 'same' | 'added' | 'removed'; text: string };

const words = (s: string) => s.split(/(\s+)/).filter((w) => w.length > 0);
const norm = (w: string) => w.toLowerCase().replace(/[\u2018\u2019\u201c\u201d"',.;:!?()]/g, '');

export function wordDiff(reference: string, other: string): Piece[] {
  const a = words(reference).filter((w) => !/^\s+$/.test(w));
  const b = words(other).filter((w) => !/^\s+$/.test(w));
  // Past this size the table would be large; compare as wholly different instead.
  if (a.length * b.length > 250_000) return [{ op: 'removed', text: reference }, { op: 'added', text: other }];
  const n = a.length, m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = norm(a[i]!) === norm(b[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: Piece[] = [];
  const push = (op: Piece['op'], text: string) => {
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += ` ${text}`;
    else out.push({ op, text });
  };
  let i = 0, j = 0;
  while (i < n && j < m) {
    if (norm(a[i]!) === norm(b[j]!)) { push('same', b[j]!); i++; j++; }
    else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push('removed', a[i++]!);
    else push('added', b[j++]!);
  }
  while (i < n) push('removed', a[i++]!);
  while (j < m) push('added', b[j++]!);
  return out;
}

/** The other wording with its additions in <ins> and the reference's missing words in <del>. */
export function renderDiff(reference: string, other: string): Child[] {
  const out: Child[] = [];
  wordDiff(reference, other).forEach((p, k) => {
    if (k) out.push(' ');
    if (p.op === 'same') out.push(p.text);
    else if (p.op === 'added') out.push(h('ins', { title: 'not in the first report' }, p.text));
    else out.push(h('del', { title: 'in the first report, left out here' }, p.text));
  });
  return out;
}
