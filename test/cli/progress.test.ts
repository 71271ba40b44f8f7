import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { Progress } from '../../src/cli/progress.js';

class Terminal extends Writable {
  text = '';
  isTTY = true;
  columns = 120;
  override _write(chunk: Buffer, _e: BufferEncoding, done: () => void) { this.text += chunk.toString(); done(); }
}

test('on a terminal the progress bar redraws one line with counts and rates', async () => {
  const term = new Terminal();
  const bar = new Progress(term, 10);
  bar.update(5, 1, 5_000_000);
  const ERASE_LINE = '\x1b[K';
  assert.ok(term.text.startsWith('\r') && term.text.endsWith(ERASE_LINE));
  assert.match(term.text.slice(1, -ERASE_LINE.length), /^\[#{12}-{12}\] 5\/10 \(1 failed\) [\d.]+ art\/s [\d.]+ MB\/s$/);
  bar.clear();
  assert.ok(term.text.endsWith('\r\x1b[K'));
});

test('off a terminal it writes nothing', () => {
  const pipe = new Terminal();
  pipe.isTTY = false;
  const bar = new Progress(pipe, null);
  bar.update(3, 0, 100);
  bar.clear();
  assert.equal(pipe.text, '');
});
