import { opendir, stat } from 'node:fs/promises';
import path from 'node:path';
import { DossierError } from '../core/errors.js';

/** One entry of a folder walk: a file to read, or a place the walk could not read, with the reason. */
export type WalkEntry =
  | { readonly file: string; readonly error?: undefined }
  | { readonly file: string; readonly error: DossierError };

/** The file-system calls the walk makes (a test passes its own to reproduce faults root never meets). */
export interface WalkFs {
  opendir(dir: string): Promise<AsyncIterable<{ name: string; isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }>>;
  stat(p: string): Promise<{ isFile(): boolean; isDirectory(): boolean; dev: number; ino: number }>;
}

const NODE_FS: WalkFs = { opendir: (d) => opendir(d), stat: (p) => stat(p) };

/**
 * Every file under `dir` whose name passes `wanted`, in path order, and every place that could not
 * be read, in the same order: an unreadable subfolder, a broken symbolic link or a link loop is one
 * entry with its reason, and never stops the walk. Symbolic links are followed (to a file or to a
 * folder), and a folder reached twice (a link back up the tree) is read once. Only `dir` itself
 * failing is an error of the whole walk.
 */
export async function walkFiles(dir: string, wanted: (name: string) => boolean, fs: WalkFs = NODE_FS): Promise<WalkEntry[]> {
  const root = await fs.stat(dir).catch((e: NodeJS.ErrnoException) => { throw fsError(e, dir, 'folder'); });
  const seen = new Set<string>([`${root.dev}:${root.ino}`]);
  const out: WalkEntry[] = [];
  // an explicit stack: a tree's depth is no reason to run out of call stack
  const stack = [dir];
  while (stack.length) {
    const folder = stack.pop()!;
    let entries;
    try {
      entries = [];
      for await (const e of await fs.opendir(folder)) entries.push(e);
    } catch (e) {
      out.push({ file: folder, error: fsError(e as NodeJS.ErrnoException, folder, 'folder') });
      continue;
    }
    const subfolders: string[] = [];
    for (const e of entries) {
      const full = path.join(folder, e.name);
      if (e.isDirectory()) {
        subfolders.push(full);
      } else if (e.isFile()) {
        if (wanted(e.name)) out.push({ file: full });
      } else if (e.isSymbolicLink()) {
        let target;
        try {
          target = await fs.stat(full);
        } catch (err) {
          // a link to elsewhere that does not lead to a file we would read is no concern of ours
          if (wanted(e.name) || (err as NodeJS.ErrnoException).code === 'ELOOP') out.push({ file: full, error: fsError(err as NodeJS.ErrnoException, full, 'link') });
          continue;
        }
        if (target.isDirectory()) {
          const key = `${target.dev}:${target.ino}`;
          if (seen.has(key)) {
            out.push({ file: full, error: new DossierError('INPUT_UNREADABLE', 'a symbolic link to a folder that is already read (a loop); not read again', { where: full }) });
          } else {
            seen.add(key);
            subfolders.push(full);
          }
        } else if (target.isFile() && wanted(e.name)) {
          out.push({ file: full });
        }
      }
    }
    for (const sub of subfolders.sort().reverse()) stack.push(sub);
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function fsError(e: NodeJS.ErrnoException, where: string, what: 'folder' | 'link'): DossierError {
  switch (e.code) {
    case 'ENOENT':
      return what === 'link'
        ? new DossierError('INPUT_NOT_FOUND', 'a broken symbolic link (its target does not exist)', { where })
        : new DossierError('INPUT_NOT_FOUND', 'no such file or folder', { where });
    case 'ELOOP':
      return new DossierError('INPUT_UNREADABLE', 'a loop of symbolic links', { where });
    case 'EACCES':
    case 'EPERM':
      return new DossierError('INPUT_UNREADABLE', `cannot read the ${what === 'link' ? 'file' : 'folder'}: permission denied`, { where });
    default:
      return new DossierError('INPUT_UNREADABLE', `cannot read the ${what === 'link' ? 'file' : 'folder'}: ${e.message}`, { where });
  }
}
