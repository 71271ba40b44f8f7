import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { ESLint } from 'eslint';

// The import direction is checked by `npm run lint` (eslint.config.js); these lint files that exist
// only here, placed in src/ by their path, through the same configuration the command uses.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RULE = 'dossier/import-direction';
const eslint = new ESLint({ cwd: ROOT });

async function directionErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe('the import direction (npm run lint)', () => {
  test('is on for every source file of src/ and off for tests', async () => {
    const on = (await eslint.calculateConfigForFile(path.join(ROOT, 'src/stages/dates/dates.stage.ts'))) as { rules: Record<string, unknown> };
    assert.ok(on.rules[RULE], 'the rule is configured for src/');
    const test = (await eslint.calculateConfigForFile(path.join(ROOT, 'src/stages/dates/dates.test.ts'))) as { rules: Record<string, unknown> };
    assert.equal(test.rules[RULE], undefined);
  });

  test('fails a stage that imports the pipeline, and says which way imports point', async () => {
    const errors = await directionErrors('src/stages/dates/against.ts',
      "import type { Pipeline } from '../../pipeline/pipeline.js';\nexport type P = Pipeline;\n");
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /^src\/stages may not import src\/pipeline: imports point one way, \{core, version\.ts\} <- \{text, ontology\} <- /);
  });

  test('fails every way of naming a module: export from, import(), import types', async () => {
    const errors = await directionErrors('src/text/against.ts', [
      "export { Document } from '../core/document.js';",
      "export * from '../stages/dates/simple.js';",
      "export const later = () => import('../store/store.js');",
      "export type S = import('../api/server.js').StaticHandler;",
    ].join('\n'));
    assert.deepEqual(errors.map((e) => /may not import (\S+):/.exec(e)?.[1]), ['src/stages', 'src/store', 'src/api']);
  });

  test('fails folders on one line importing each other, and the API importing the page', async () => {
    assert.equal((await directionErrors('src/store/against.ts', "export { runPool } from '../parallel/pool.js';\n")).length, 1);
    const errors = await directionErrors('src/api/against.ts', "export { serveStatic } from '../web/static.js';\n");
    assert.match(errors[0]!, /side by side/);
  });

  test('keeps the page apart, and a new folder must be given its place', async () => {
    assert.match((await directionErrors('src/web/client/against.ts', "export { DossierError } from '../../core/errors.js';\n"))[0]!, /stands apart/);
    assert.match((await directionErrors('src/newfolder/against.ts', "export { DossierError } from '../core/errors.js';\n"))[0]!, /no place in the import direction/);
  });

  test('passes imports that point the right way', async () => {
    const errors = await directionErrors('src/cli/commands/against.ts', [
      "export { Analyzer } from '../../analyze.js';",
      "export { DossierError } from '../../core/errors.js';",
      "export { createApiServer } from '../../api/server.js';",
      "export { serveStatic } from '../../web/static.js';",
      "export { parseCommandArgs } from '../command.js';",
    ].join('\n'));
    assert.deepEqual(errors, []);
  });
});
