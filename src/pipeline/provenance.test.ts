import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ProvenanceRecords } from './provenance.js';

test('one frozen record a rule, confidence and evidence, whatever the order of the calls', () => {
  const records = new ProvenanceRecords('events', '1.0.0');
  const a = records.get('trigger.meet', 0.8);
  assert.deepEqual(a, { stage: 'events', version: '1.0.0', rule: 'trigger.meet', confidence: 0.8 });
  assert.ok(Object.isFrozen(a) && !('evidence' in a));
  const b = records.get('trigger.meet', 0.8, 'actor.speaker');
  assert.deepEqual(b, { stage: 'events', version: '1.0.0', rule: 'trigger.meet', confidence: 0.8, evidence: 'actor.speaker' });
  const c = records.get('trigger.meet', 0.6);
  assert.equal(c.confidence, 0.6);
  records.get('trigger.reject', 0.8);
  // an empty evidence is no evidence
  assert.equal(records.get('trigger.meet', 0.8, ''), a);
  assert.equal(records.get('trigger.meet', 0.8, 'actor.speaker'), b);
  assert.equal(records.get('trigger.meet', 0.6), c);
});

test('a rule whose evidence never repeats still gets correct records', () => {
  const records = new ProvenanceRecords('events', '1.0.0');
  for (let i = 0; i < 200; i++) assert.equal(records.get('trigger.meet', 1, `e${i}`).evidence, `e${i}`);
  assert.equal(records.get('trigger.meet', 1, 'e199').evidence, 'e199');
});
