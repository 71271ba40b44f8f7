import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { Analyzer } from '../../src/analyze.js';
import type { Document } from '../../src/core/document.js';
import { DEFAULT_STAGES } from '../../src/pipeline/default.js';
import { ruleCatalogue } from '../../src/pipeline/rules.js';
import path from 'node:path';
import { after, before } from 'node:test';
import { createApiServer, listen, type RunningServer } from '../../src/api/server.js';
import { openStore, type Store } from '../../src/store/store.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const ROOT = new URL('../../', import.meta.url);
const SHARED = new URL('../../../shared/', import.meta.url);
const catalogue = ruleCatalogue();
const analyzer = new Analyzer();

// the events stage writes the rules behind an event's parties and modality into its evidence
const RULE_ID = /^[a-z]+(?:\.[a-z0-9-]+)+$/;

/** Every rule id in a document's provenance (all layers) and in the events' evidence, by stage. */
function emitted(doc: Document): Set<string> {
  const ids = new Set<string>();
  for (const layer of doc.layerNames()) {
    for (const a of doc.layer(layer as 'token')) {
      ids.add(`${a.provenance.stage} ${a.provenance.rule}`);
      if (a.provenance.stage === 'events') for (const w of (a.provenance.evidence ?? '').split(' ')) if (RULE_ID.test(w)) ids.add(`events ${w}`);
    }
  }
  return ids;
}

const undeclared = (ids: Iterable<string>) => [...ids].filter((k) => {
  const [stage, id] = k.split(' ') as [string, string];
  return !catalogue.declares(stage, id);
});

describe('the rule catalogue', () => {
  test('declares every rule once, each with a stage of the pipeline and a description', () => {
    for (const e of catalogue.entries) {
      assert.ok((DEFAULT_STAGES as readonly string[]).includes(e.stage), `${e.id}: unknown stage ${e.stage}`);
      assert.ok(e.description.trim().length > 5, `${e.id} has no description`);
    }
    // a second declaration of an id throws when the catalogue is built (ruleCatalogue above)
    assert.ok(catalogue.entries.length > 500);
  });

  test('the ids of cues.json are unique', () => {
    const cues = JSON.parse(readFileSync(new URL('src/stages/attributions/cues.json', ROOT), 'utf8')) as { entries: { id: string }[] };
    const seen = new Set<string>();
    const twice = cues.entries.map((e) => e.id).filter((id) => seen.size === seen.add(id).size);
    assert.deepEqual(twice, []);
  });

  test('every rule the engine emits on the project\'s own articles is declared', () => {
    const ids = new Set<string>();
    for (const file of ['examples/iran-talks.txt', 'test/fixtures/ceasefire.txt']) {
      for (const k of emitted(analyzer.analyzeDocument({ text: readFileSync(new URL(file, ROOT), 'utf8'), published: '2024-03-01' }))) ids.add(k);
    }
    assert.ok([...ids].some((k) => k.startsWith('events trigger.')) && [...ids].some((k) => k.startsWith('attributions cue.')));
    assert.deepEqual(undeclared(ids), []);
  });

  test('every rule the engine emits on the seed article and the GSR sentences is declared',
    { skip: !existsSync(new URL('data/plover/gsr-dev.jsonl', SHARED)) && 'needs ../shared' }, () => {
      const ids = new Set<string>();
      const seed = readFileSync(new URL('corpus/seed.txt', SHARED), 'utf8');
      for (const k of emitted(analyzer.analyzeDocument({ text: seed, published: '2018-08-01' }))) ids.add(k);
      for (const line of readFileSync(new URL('data/plover/gsr-dev.jsonl', SHARED), 'utf8').split('\n').filter(Boolean)) {
        const r = JSON.parse(line) as { text: string; published?: string };
        for (const k of emitted(analyzer.analyzeDocument({ text: r.text, published: r.published ?? null }))) ids.add(k);
      }
      assert.deepEqual(undeclared(ids), []);
    });

  test('explains a composed id by its parts, and knows an undeclared one', () => {
    assert.deepEqual(catalogue.explain('attributions', 'cue.say.content-after')?.map((e) => e.id), ['{cue}.content-after', 'cue.say']);
    assert.deepEqual(catalogue.explain('entities', 'appositive.country.adjective+sector.minister')?.map((e) => e.id),
      ['{rule}+{rule}', 'appositive.{rule}', 'country.{name-kind}', 'sector.minister']);
    assert.equal(catalogue.explain('attributions', 'cue.say.sideways'), null);
    assert.equal(catalogue.explain('events', 'trigger.nothing.at-all'), null);
    assert.equal(catalogue.explain('entities', 'cue.say'), null, 'a rule belongs to its stage');
  });
});

describe('dossier rules and /api/rules', () => {
  const DIR = tempDir('dossier-rules-');
  let store: Store, running: RunningServer;
  before(async () => {
    store = openStore(path.join(DIR, 'corpus.db'));
    running = await listen(createApiServer({ store }), 0);
  });
  after(async () => { await running.close(); store.close(); });

  test('the command lists the rules of a stage and explains an id', async () => {
    const dates = await runCli(['rules', '--stage', 'dates']);
    assert.equal(dates.status, 0);
    const lines = dates.stdout.trim().split('\n');
    assert.deepEqual(lines.map((l) => l.split('\t')[1]), lines.map(() => 'dates'));
    assert.ok(lines.some((l) => l.startsWith('weekday.past-tense\tdates\t')));
    const why = await runCli(['rules', 'cue.say.content-after']);
    assert.match(why.stdout, /^cue\.say\.content-after \(attributions\)\n {2}\{cue\}\.content-after: .*\n {2}cue\.say: .*say, says, said/);
    const json = JSON.parse((await runCli(['rules', '--json', '--stage', 'events'])).stdout) as { id: string }[];
    assert.ok(json.some((e) => e.id === 'trigger.reject.reject'));
  });

  test('the command refuses an undeclared id and an unknown stage', async () => {
    const unknown = await runCli(['rules', 'cue.say.sideways']);
    assert.notEqual(unknown.status, 0);
    assert.match(unknown.stderr, /"cue\.say\.sideways" is not a declared rule/);
    assert.match((await runCli(['rules', '--stage', 'nope'])).stderr, /no stage "nope" has rules/);
  });

  test('the API lists and explains the same rules', async () => {
    const list = await (await fetch(`${running.url}/api/rules?stage=entities`)).json() as { items: { id: string; stage: string }[] };
    assert.ok(list.items.length > 50 && list.items.every((e) => e.stage === 'entities'));
    const res = await fetch(`${running.url}/api/rules/${encodeURIComponent('country.adjective+sector.minister')}`);
    assert.equal(res.status, 200);
    const body = await res.json() as { meanings: { stage: string; entries: { id: string }[] }[] };
    assert.deepEqual(body.meanings.map((m) => [m.stage, m.entries.map((e) => e.id)]), [['entities', ['{rule}+{rule}', 'country.{name-kind}', 'sector.minister']]]);
    assert.equal((await fetch(`${running.url}/api/rules/cue.say.sideways`)).status, 404);
    assert.equal((await fetch(`${running.url}/api/rules?stage=nope`)).status, 400);
  });
});
