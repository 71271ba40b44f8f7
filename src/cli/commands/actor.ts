import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { actorBaseOf, type ActorBase, type ResolvedActor } from '../../actors/index.js';
import { DossierError } from '../../core/errors.js';
import { checkedDate } from '../../ingest/record.js';
import { Resources } from '../../core/resources.js';
import { readArgs } from '../args.js';
import type { CliIO, Command } from '../command.js';

const USAGE = `usage: dossier actor "TEXT" [--date YYYY-MM-DD] [--context "SENTENCE"] [--actors FILE ...]
       dossier actor --input CASES.jsonl [--output OUT.jsonl] [--actors FILE ...]

  TEXT            an actor description: "Iranian Foreign Minister Javad Zarif", "riot police", "Tehran"
  --date D        resolve office holders as of this day
  --context S     where the description is set ("Saudi", "in Mexico"): settles ambiguous names
                  ("Georgia", "Jordan") and gives its one country to a description that names none
Each answer carries its explanation: the entry of the actor base (and whether the hand-written base
or the converted dictionaries gave it), the term of office in force on the date, and the rule ids.
  --input FILE    many: one JSON case a line, {"id", "text", "date"?, "context"?}
  --output FILE   where batch answers go, one a line (default: standard output)
  --actors FILE   an actor file of your own (same schema as src/actors/data), may be repeated`;

/**
 * The answer for one description: the resolution with its explanation (the entry of the base, its
 * layer, the term in force, the rules), or nulls with the text when nothing is known.
 */
function answer(base: ActorBase, text: string, date: string | null, context: string | undefined): Record<string, unknown> {
  const r: ResolvedActor | null = base.resolve(text, { date, ...(context ? { context, countryFromContext: true } : {}) });
  return r ? { text, ...r, explanation: base.explain(r, date) } : { text, name: text, type: null, country: null, sector: null, role: null, rule: null, confidence: 0, explanation: null };
}

export const actorCommand: Command = {
  name: 'actor',
  usage: USAGE,
  async run(argv, io) {
    const args = readArgs(actorCommand, argv, io, {
      date: { type: 'string' }, context: { type: 'string' }, input: { type: 'string' }, output: { type: 'string' },
      actors: { type: 'string', multiple: true }, pretty: { type: 'boolean' },
    }, { min: 0, max: 1, what: 'one TEXT (or --input FILE)' });
    if (!args) return 0;
    const { values, positionals } = args;
    const actorFiles = (values.actors ?? []).map((f) => path.resolve(io.cwd, f));
    const base = actorBaseOf(new Resources({ actorFiles }));
    if (values.input) {
      if (positionals.length) throw new DossierError('USAGE', 'actor: give either TEXT or --input FILE, not both');
      return runBatch(base, path.resolve(io.cwd, values.input), values.output ? path.resolve(io.cwd, values.output) : null, io);
    }
    if (positionals.length !== 1 || !positionals[0]!.trim()) throw new DossierError('USAGE', `actor: expected one TEXT (or --input FILE)\n${USAGE}`);
    const date = values.date ? checkedDate(values.date, '--date') : null;
    io.stdout.write(`${JSON.stringify(answer(base, positionals[0]!, date, values.context), null, values.pretty ? 2 : undefined)}\n`);
    return 0;
  },
};

async function runBatch(base: ActorBase, input: string, output: string | null, io: CliIO): Promise<number> {
  const info = await stat(input).catch(() => null);
  if (!info?.isFile()) throw new DossierError('INPUT_NOT_FOUND', 'no such file', { where: input });
  const file = output ? createWriteStream(output) : null;
  const sink: NodeJS.WritableStream = file ?? io.stdout;
  const closed = file ? new Promise<void>((resolve, reject) => { file.on('finish', resolve); file.on('error', reject); }) : Promise.resolve();
  let line = 0, bad = 0;
  for await (const raw of createInterface({ input: createReadStream(input, 'utf8'), crlfDelay: Infinity })) {
    line++;
    if (!raw.trim()) continue;
    let out: Record<string, unknown>;
    try {
      const c = JSON.parse(raw) as { id?: unknown; text?: unknown; date?: unknown; context?: unknown };
      if (typeof c.text !== 'string') throw new Error('no "text"');
      const date = typeof c.date === 'string' && c.date ? checkedDate(c.date, `${input}:${line} date`) : null;
      out = { id: c.id ?? String(line), ...answer(base, c.text, date, typeof c.context === 'string' ? c.context : undefined) };
    } catch (e) {
      // a bad line does not stop the batch: its answer carries the error
      bad++;
      io.stderr.write(`dossier: ${input}:${line}: ${(e as Error).message}\n`);
      out = { id: String(line), error: (e as Error).message, country: null, sector: null };
    }
    if (!sink.write(`${JSON.stringify(out)}\n`)) await new Promise((r) => sink.once('drain', r));
  }
  file?.end();
  await closed;
  return bad && bad === line ? 1 : 0;
}
