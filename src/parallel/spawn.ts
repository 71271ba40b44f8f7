import { Worker } from 'node:worker_threads';

/**
 * A worker thread running a module of this package, given by its compiled URL (…/x.js). Run from
 * source (the tests, under tsx), the thread registers tsx first and loads the .ts beside it.
 */
export function spawnModuleWorker(moduleUrl: URL, workerData?: unknown): Worker {
  const options = workerData === undefined ? {} : { workerData };
  if (import.meta.url.endsWith('.ts')) {
    const source = new URL(moduleUrl.href.replace(/\.js$/, '.ts'));
    return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); })`, { eval: true, ...options });
  }
  return new Worker(moduleUrl, options);
}
