// npm runs `prepare` after `npm ci` and also each time `npx dossier` installs the clone into npx's
// cache; building only when dist/ is missing or older than the sources keeps `npx dossier` fast.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'dist', 'cli', 'main.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

const upToDate = existsSync(stamp) && statSync(stamp).mtimeMs >= newestSource(path.join(root, 'src'))
  && existsSync(path.join(root, 'schema', 'result.schema.json'));
if (!upToDate) execSync('npm run build', { cwd: root, stdio: 'inherit' });
