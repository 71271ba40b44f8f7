import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DossierError } from '../../src/core/errors.js';
import { Pipeline } from '../../src/pipeline/pipeline.js';
import { StageRegistry } from '../../src/pipeline/registry.js';
import { Resources } from '../../src/core/resources.js';
import type { Stage } from '../../src/core/stage.js';
import { tokensStage } from '../../src/stages/tokens/tokens.stage.js';

const stage = (s: Partial<Stage> & Pick<Stage, 'name'>): Stage => ({
  version: '1', requires: [], assigns: [], run: () => {}, ...s,
});

test('a pipeline whose stage requires a layer nobody assigns earlier is refused when built', () => {
  const registry = new StageRegistry()
    .register('dates-first', () => stage({ name: 'dates-first', requires: ['sentence'], assigns: ['date'] }))
    .register('tokens', tokensStage);
  assert.throws(() => Pipeline.build(registry, ['dates-first', 'tokens']),
    (e: unknown) => e instanceof DossierError && e.code === 'PIPELINE_CONFIG' && /requires layer "sentence", which no earlier stage assigns/.test(e.message));
  assert.ok(Pipeline.build(registry, ['tokens', 'dates-first']));
});

test('a layer assigned twice, an unknown stage and a used layer assigned later are refused', () => {
  const registry = new StageRegistry()
    .register('a', () => stage({ name: 'a', assigns: ['entity'] }))
    .register('b', () => stage({ name: 'b', assigns: ['entity'] }))
    .register('c', () => stage({ name: 'c', uses: ['entity'], assigns: ['event'] }));
  assert.throws(() => Pipeline.build(registry, ['a', 'b']), /assigned by both "a" and "b"/);
  assert.throws(() => Pipeline.build(registry, ['nope']), /unknown stage "nope"/);
  assert.throws(() => Pipeline.build(registry, ['c', 'a']), /uses layer "entity", which "a" assigns later/);
  assert.ok(Pipeline.build(registry, ['c']), 'a used layer may be absent altogether');
  assert.throws(() => registry.register('a', () => stage({ name: 'a' })), /registered twice/);
});

test('a failing stage records a diagnostic and the stages that need it are skipped', () => {
  const ran: string[] = [];
  const registry = new StageRegistry()
    .register('tokens', tokensStage)
    .register('broken', () => stage({ name: 'broken', requires: ['token'], assigns: ['entity', 'mention'], run: () => { throw new Error('gazetteer missing'); } }))
    .register('needs-entities', () => stage({ name: 'needs-entities', requires: ['entity'], assigns: ['event'], run: () => { ran.push('needs-entities'); } }))
    .register('independent', () => stage({ name: 'independent', requires: ['sentence'], assigns: ['date'], run: () => { ran.push('independent'); } }));
  const doc = Pipeline.build(registry, ['tokens', 'broken', 'needs-entities', 'independent']).run('Talks resumed in Geneva.', {
    id: 'x', published: null, outlet: null, url: null, title: null,
  });
  assert.deepEqual(ran, ['independent']);
  assert.deepEqual(doc.diagnostics.map((d) => [d.stage, d.code]), [['broken', 'STAGE_FAILED'], ['needs-entities', 'STAGE_SKIPPED']]);
  assert.match(doc.diagnostics[0]!.message, /gazetteer missing/);
  assert.equal(doc.has('entity'), false);
  assert.equal(doc.layer('token').length, 5);
});

test('stages write only their declared layers; the runner stamps ids and provenance', () => {
  const registry = new StageRegistry()
    .register('tokens', tokensStage)
    .register('sneaky', () => stage({ name: 'sneaky', version: '2.1', requires: ['token'], assigns: ['date'], run: (doc, out) => {
      out.add('date', { start: 0, end: 5, rule: 'test.rule', confidence: 0.5, data: { date: '2020-01-01', granularity: 'day', relation: 'past' } });
      out.add('event', { start: 0, end: 5, rule: 'x', confidence: 1, data: {} as never });
    } }));
  const doc = Pipeline.build(registry, ['tokens', 'sneaky']).run('Talks resumed.', { id: 'x', published: null, outlet: null, url: null, title: null });
  assert.match(doc.diagnostics[0]!.message, /wrote layer "event", which it does not declare/);
  assert.equal(doc.has('date'), false, 'nothing of a failed stage is committed');

  const ok = new StageRegistry().register('tokens', tokensStage)
    .register('fine', () => stage({ name: 'fine', version: '2.1', requires: ['token'], assigns: ['date'], run: (_doc, out) => {
      out.add('date', { start: 0, end: 5, rule: 'test.rule', confidence: 0.5, data: { date: '2020-01-01', granularity: 'day', relation: 'past' } });
    } }));
  const d2 = Pipeline.build(ok, ['tokens', 'fine']).run('Talks resumed.', { id: 'x', published: null, outlet: null, url: null, title: null });
  const date = d2.layer('date')[0]!;
  assert.deepEqual(date.provenance, { stage: 'fine', version: '2.1', rule: 'test.rule', confidence: 0.5 });
  assert.equal(d2.annotation(date.id), date);
  assert.ok(Object.isFrozen(date.provenance), 'provenance records are shared, so they are frozen');
});

test('resources load once and are shared by pipelines built from them', () => {
  const resources = new Resources();
  let loads = 0;
  const registry = new StageRegistry().register('counting', (r) => { r.once('lexicon', () => ++loads); return stage({ name: 'counting' }); });
  Pipeline.build(registry, ['counting'], resources);
  Pipeline.build(registry, ['counting'], resources);
  assert.equal(loads, 1);
});
