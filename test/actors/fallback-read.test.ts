import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { compileFallback, COMPILED_DICTIONARY_FILE, FallbackLayer, type ActorFile } from '../../src/actors/index.js';

/** The key of each key line and first-word line of a compiled text. */
function keysOf(text: string): string[] {
  return text.split('\n').slice(1).filter((l) => l.includes('\t')).map((l) => l.slice(0, l.indexOf('\t')));
}

/** A layer read from its file (entry lines on demand) against the same text read whole. */
function assertSameLayer(file: string, keys: readonly string[]): void {
  const whole = new FallbackLayer(readFileSync(file)), read = FallbackLayer.read(file);
  assert.deepEqual(read.header, whole.header);
  assert.equal(read.headerDigest(), whole.headerDigest());
  for (const key of [...keys, 'no such name at all', '']) {
    assert.deepEqual(read.lookup(key), whole.lookup(key), key);
    assert.equal(read.firstBits(key), whole.firstBits(key), key);
  }
}

test('the shipped dictionaries read from their file give what the whole text gives', () => {
  const keys = keysOf(readFileSync(COMPILED_DICTIONARY_FILE, 'utf8'));
  assert.ok(keys.length > 10_000);
  // a spread of keys over the file, its first and last
  assertSameLayer(COMPILED_DICTIONARY_FILE, keys.filter((_, i) => i % 53 === 0 || i === keys.length - 1));
});

test('a layer read from its file reads entry lines longer than one read and the last line', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dossier-fallback-'));
  try {
    const long = Array.from({ length: 60 }, (_, i) => `Alias Number ${i} Of The Long One`);
    const file: ActorFile = {
      version: '1', fallback: true,
      organisations: [
        { id: 'org.long-one', name: 'The Long One', type: 'ORG', country: 'NZL', sector: 'BUS', aliases: long },
        { id: 'org.short-one', name: 'Short One', type: 'ORG', country: null, sector: null },
      ],
    } as ActorFile;
    const text = compileFallback([file]);
    assert.ok(text.split('\n').some((l) => l.length > 2048), 'an entry line longer than two reads');
    const at = path.join(dir, 'layer.txt');
    writeFileSync(at, text);
    assertSameLayer(at, keysOf(text));
    assert.equal(FallbackLayer.read(at).names('long one')?.[0]?.id, 'org.long-one');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
