/**
 * One cold start of the compiled engine, timed by phase in this fresh process (plain JavaScript, so no
 * TypeScript loader runs beside the imports it times); bench/startup.ts runs it several times and
 * prints the medians. Prints one JSON object: phase -> [wall milliseconds, CPU milliseconds].
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => pathToFileURL(path.join(root, 'dist', p)).href;
const since = (t) => performance.now() - t;
/** CPU milliseconds (user + system, all of the process's threads) since `c`. */
const cpuSince = (c) => { const d = process.cpuUsage(c); return (d.user + d.system) / 1000; };
/** phase -> [wall ms, CPU ms]: on a shared machine the wall time moves with others' load, the CPU time barely */
const phases = {};

let t = performance.now(), c = process.cpuUsage();
await import(dist('cli/commands/analyze.js'));
phases['import the analyze command'] = [since(t), cpuSince(c)];
t = performance.now(); c = process.cpuUsage();
const { Analyzer } = await import(dist('analyze.js'));
const { Resources } = await import(dist('core/resources.js'));
phases['import the engine (stages, actors, model modules)'] = [since(t), cpuSince(c)];
// each resource's loader timed by key: what the stage factories build at start-up (they nest: the
// actor base is built inside the first stage that asks for it)
const once = Resources.prototype.once;
const loaders = {};
Resources.prototype.once = function timed(key, load) {
  return once.call(this, key, () => {
    const t0 = performance.now(), c0 = process.cpuUsage();
    const value = load();
    const [wall, cpu] = loaders[`  resource ${key}`] ?? [0, 0];
    loaders[`  resource ${key}`] = [wall + since(t0), cpu + cpuSince(c0)];
    return value;
  });
};
t = performance.now(); c = process.cpuUsage();
const analyzer = new Analyzer();
phases['build the pipeline (total)'] = [since(t), cpuSince(c)];
Object.assign(phases, loaders);
t = performance.now(); c = process.cpuUsage();
analyzer.analyze({ text: 'The minister said on Monday that talks with Iran would resume next week.', published: '2024-01-01' });
phases['first analysis (one line)'] = [since(t), cpuSince(c)];
phases['process total (from node start)'] = [performance.now(), cpuSince(undefined)];
process.stdout.write(JSON.stringify(phases));
