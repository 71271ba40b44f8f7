import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { DossierError } from '../core/errors.js';

/**
 * The output path, checked before any work so that one that cannot be written is a usage error
 * (not an error event later). Checked, not created: an output inside the input folder must not be
 * read as input.
 */
export function checkedOutput(file: string): string {
  const target = existsSync(file) ? file : path.dirname(file);
  try {
    if (!existsSync(target)) throw Object.assign(new Error('its folder does not exist'), { code: 'ENOENT' });
    if (statSync(target).isDirectory() && target === file) throw new Error('it is a folder');
    accessSync(target, constants.W_OK);
  } catch (e) {
    throw new DossierError('USAGE', `--output: cannot write the file: ${(e as Error).message}`, { where: file });
  }
  return file;
}
