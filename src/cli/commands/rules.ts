import { DossierError } from '../../core/errors.js';
import { ruleCatalogue, type RuleEntry } from '../../pipeline/rules.js';
import { readArgs } from '../args.js';
import type { Command } from '../command.js';

const USAGE = `usage: dossier rules [ID] [--stage NAME] [--json]

Without ID: every rule the stages use (their ids are what a result's provenance.rule says), with
its stage and what it means. A shape with {braces} stands for ids composed from other rules.
With ID: what that id means, part by part for a composed one ("cue.say.content-after").

  --stage NAME   only the rules of this stage (tokens, dates, entities, attributions, events)
  --json         JSON instead of lines of text`;

const line = (e: RuleEntry) => `${e.id}\t${e.stage}\t${e.description}`;

export const rulesCommand: Command = {
  name: 'rules',
  usage: USAGE,
  async run(argv, io) {
    const args = readArgs(rulesCommand, argv, io, { stage: { type: 'string' }, json: { type: 'boolean' } }, { min: 0, max: 1, what: 'at most one ID' });
    if (!args) return 0;
    const { values, positionals } = args;
    const catalogue = ruleCatalogue();
    const stage = values.stage;
    if (stage !== undefined && !catalogue.stages().includes(stage)) {
      throw new DossierError('USAGE', `rules: no stage "${stage}" has rules (stages: ${catalogue.stages().join(', ')})`);
    }
    const id = positionals[0];
    if (id === undefined) {
      const entries = catalogue.entries.filter((e) => stage === undefined || e.stage === stage);
      io.stdout.write(values.json ? `${JSON.stringify(entries, null, 2)}\n` : entries.map((e) => `${line(e)}\n`).join(''));
      return 0;
    }
    const meanings = catalogue.lookup(id).filter((m) => stage === undefined || m.stage === stage);
    if (!meanings.length) throw new DossierError('NOT_FOUND', `rules: "${id}" is not a declared rule${stage ? ` of ${stage}` : ''}`);
    if (values.json) io.stdout.write(`${JSON.stringify({ id, meanings }, null, 2)}\n`);
    else for (const m of meanings) io.stdout.write(`${id} (${m.stage})\n${m.entries.map((e) => `  ${e.id}: ${e.description}\n`).join('')}`);
    return 0;
  },
};
