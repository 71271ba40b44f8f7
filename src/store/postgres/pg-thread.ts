import pg from 'pg';
import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { Reply, Request } from './sync-client.js';

/**
 * The thread behind SyncPg: one node-postgres connection, one request at a time. Each reply is
 * posted on the port and then the shared flag is raised, which wakes the waiting caller.
 */
const { port, flag } = workerData as { port: MessagePort; flag: SharedArrayBuffer };
const signal = new Int32Array(flag);

// counts and keys come back as numbers (the store's ids stay far below 2^53), as better-sqlite3 gives them
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

interface Connection { client: pg.Client; broken: Error | null }
/** the connections of the process's SyncPg objects, by their id */
const connections = new Map<number, Connection>();

function reply(r: Reply): void {
  port.postMessage(r);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}

async function connect(id: number, connectionString: string): Promise<Connection> {
  const known = connections.get(id);
  if (known) return known;
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000, application_name: 'dossier' });
  const c: Connection = { client, broken: null };
  // a lost connection fails its next request instead of throwing in this thread
  client.on('error', (e) => { c.broken = e; });
  await client.connect();
  connections.set(id, c);
  return c;
}

port.on('message', (req: Request) => {
  void (async () => {
    try {
      if (req.kind === 'close') {
        const c = connections.get(req.id);
        connections.delete(req.id);
        await c?.client.end().catch(() => {});
        reply({ ok: true, results: [] });
        return;
      }
      const c = await connect(req.id, req.connectionString);
      if (c.broken) throw c.broken;
      const results = [];
      for (const q of req.queries) {
        const r = await c.client.query({ text: q.sql, values: q.params as unknown[] });
        results.push({ rows: r.rows as Record<string, unknown>[], rowCount: r.rowCount ?? 0 });
      }
      reply({ ok: true, results });
    } catch (e) {
      const err = e as Error & { code?: string };
      reply({ ok: false, message: err.message, code: err.code ?? null });
    }
  })();
});

// the caller waits for this before its first request
Atomics.store(signal, 0, 1);
Atomics.notify(signal, 0);
