/**
 * One cold start of the compiled engine, timed by phase in this fresh process (plain JavaScript, so no
 * TypeScript loader runs beside the imports it times); bench/startup.ts runs it several times and
 * prints the medians. Prints one JSON object: phase -> milliseconds.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => pathToFileURL(path.join(root, 'dist', p)).href;
const since = (t) => performance.now() - t;
const phases = {};

let t = performance.now();
await import(dist('cli/commands/analyze.js'));
phases['import the analyze command'] = since(t);
t = performance.now();
const { Analyzer } = await import(dist('analyze.js'));
const { Resources } = await import(dist('core/resources.js'));
phases['import the engine (stages, actors, model modules)'] = since(t);
// each resource's loader timed by key: what the stage factories build at start-up (they nest: the
// actor base is built inside the first stage that asks for it)
const once = Resources.prototype.once;
const loaders = {};
Resources.prototype.once = function timed(key, load) {
  return once.call(this, key, () => {
    const t0 = performance.now();
    const value = load();
    loaders[`  resource ${key}`] = (loaders[`  resource ${key}`] ?? 0) + since(t0);
    return value;
  });
};
t = performance.now();
const analyzer = new Analyzer();
phases['build the pipeline (total)'] = since(t);
Object.assign(phases, loaders);
t = performance.now();
analyzer.analyze({ text: 'The minister said on Monday that talks with Iran would resume next week.', published: '2024-01-01' });
phases['first analysis (one line)'] = since(t);
phases['process total (from node start)'] = performance.now();
process.stdout.write(JSON.stringify(phases));
