import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../store/store.js';
import { toErrorResponse } from './errors.js';
import { isReply, Router } from './router.js';
import { apiRoutes } from './routes.js';

/**
 * A server's query worker: its own read-only connection to the store and the same routes as the
 * server, answering one GET a message with the status and the JSON text, so a long query holds this
 * thread, never the server's.
 */
export interface QueryTask { readonly method: string; readonly pathname: string; readonly search: string }
export interface QueryAnswer { readonly status: number; readonly json: string }

if (!parentPort) throw new Error('dossier: api/query-worker runs only as a worker thread');
const port = parentPort;
const store = openStore((workerData as { dbFile: string }).dbFile, { readonly: true });
const router = new Router(apiRoutes({ store }));

port.on('message', async ({ id, method, pathname, search }: QueryTask & { id: number }) => {
  let answer: QueryAnswer;
  try {
    const { route, path } = router.match(method, pathname);
    const query = Router.query(route, new URLSearchParams(search));
    const value = await route.handle({ path, query, body: undefined });
    const reply = isReply(value) ? value : { status: 200, body: value };
    answer = { status: reply.status, json: JSON.stringify(reply.body) };
  } catch (e) {
    const { status, body } = toErrorResponse(e);
    answer = { status, json: JSON.stringify(body) };
  }
  port.postMessage({ id, ...answer });
});
// the pool sends work (and starts its clock) only once the store is open and the routes are built
port.postMessage({ ready: true });
