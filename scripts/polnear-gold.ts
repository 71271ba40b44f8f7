/** PolNeAR's brat standoff files (train and dev share the layout), as the training and evaluation scripts read them. */
import type { Range } from '../src/core/span.js';
import type { Role } from '../src/stages/attributions/sequence.js';

/** The spans of every attribution of a brat file (discontinuous spans give several ranges a role). */
export function goldSpans(ann: string): { role: Role; range: Range }[] {
  const T = new Map<string, Range[]>();
  const events: string[][] = [];
  for (const line of ann.split('\n')) {
    const c = line.split('\t');
    if (/^T\d+$/.test(c[0]!) && c[1]) T.set(c[0]!, c[1].slice(c[1].indexOf(' ') + 1).split(';').map((p) => { const [s, e] = p.trim().split(/\s+/).map(Number); return { start: s!, end: e! }; }));
    else if (/^E\d+$/.test(c[0]!) && c[1]) events.push(c[1].trim().split(/\s+/));
  }
  const out: { role: Role; range: Range }[] = [];
  for (const parts of events) for (const part of parts) {
    const [k, v] = part.split(':');
    const role = /^Source\d*$/.test(k!) ? 'source' : /^Cue\d*$/.test(k!) ? 'cue' : /^Content\d*$/.test(k!) ? 'content' : null;
    if (role) for (const range of T.get(v!) ?? []) out.push({ role, range });
  }
  return out;
}
