import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { tempDir } from '../helpers/tmp.js';
import { corpusStore } from './corpus.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `dossier serve` from the sources in a child process, as a user would from a shell. */
function serve(args: string[]) {
  const script = `import { main } from './src/cli/main.ts';
process.exitCode = await main(${JSON.stringify(args)}, { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });`;
  return spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

test('dossier serve opens a store read-only, answers on the address it prints, and stops on SIGTERM', async () => {
  const db = path.join(tempDir('dossier-serve-'), 'corpus.db');
  corpusStore(db).store.close();
  const child = serve(['serve', '--db', db, '--port', '0']);
  let stderr = '';
  child.stderr.setEncoding('utf8');
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      const m = /serving .* at (http:\/\/127\.0\.0\.1:\d+)\/ \(read-only\)/.exec(stderr);
      if (m) resolve(m[1]!);
    });
    child.once('exit', () => reject(new Error(`serve exited early: ${stderr}`)));
  });
  try {
    const stats = await (await fetch(`${url}/api/stats`)).json();
    assert.deepEqual(stats, { articles: 6, events: 6, happenings: 5, quotes: 2 });
    const post = await fetch(`${url}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"x"}' });
    assert.equal(post.status, 403);
  } finally {
    child.kill('SIGTERM');
  }
  const [code] = await once(child, 'exit');
  assert.equal(code, 0, stderr);
});

test('dossier serve fails with a reason when the store does not exist', async () => {
  const child = serve(['serve', '--db', path.join(tempDir('dossier-serve-'), 'missing.db'), '--port', '0']);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => { stderr += c; });
  const [code] = await once(child, 'exit');
  assert.notEqual(code, 0);
  assert.match(stderr, /^dossier: .*missing\.db/m);
});
