// Transcribes the CAMEO -> PLOVER code table (codes, types, modes, contexts only; the descriptions
// are the source's words and stay out) into src/ontology/cameo2plover.json.
// usage: node scripts/cameo-table.mjs ../shared/data/plover/CAMEO2PLOVER-2021.txt
import fs from 'node:fs';
const src = process.argv[2] ?? '../shared/data/plover/CAMEO2PLOVER-2021.txt';
const table = {};
for (const raw of fs.readFileSync(src, 'utf8').split('\n')) {
  const line = raw.split('#')[0].trim();
  const m = /^(\d+):\s*(.*)$/.exec(line);
  if (!m) continue;
  const [type, mode, context] = m[2].split(',').map((s) => s.trim());
  table[m[1]] = { type: type || null, mode: mode || null, context: context || null };
}
fs.writeFileSync(new URL('../src/ontology/cameo2plover.json', import.meta.url), JSON.stringify(table, null, 0).replace(/\},"/g, '},\n"') + '\n');
console.log(Object.keys(table).length, 'codes');
