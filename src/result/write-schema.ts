import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ResultSchema } from './schema.js';

/** Writes schema/result.schema.json from the schema the code itself uses (run by `npm run build`). */
export function resultSchemaJson(): string {
  return `${JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', ...ResultSchema }, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = new URL('../../schema/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL('result.schema.json', dir), resultSchemaJson());
}
