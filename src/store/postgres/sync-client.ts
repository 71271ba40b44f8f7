import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { DossierError } from '../../core/errors.js';

export interface Query { readonly sql: string; readonly params: readonly unknown[] }
export type Request = { kind: 'query'; id: number; connectionString: string; queries: Query[] } | { kind: 'close'; id: number };
export interface QueryResult { rows: Record<string, unknown>[]; rowCount: number }
export type Reply = { ok: true; results: QueryResult[] } | { ok: false; message: string; code: string | null };

/** An error PostgreSQL reported, with its SQLSTATE code (e.g. 42601 for a syntax error). */
export class PgError extends Error {
  constructor(message: string, readonly sqlState: string | null) { super(message); this.name = 'PgError'; }
}

/** how long the connection thread may take to load */
const START_TIMEOUT_MS = 120_000;
/** how long one request may take before the caller gives up (a dead server must not hang a command) */
const REQUEST_TIMEOUT_MS = 10 * 60_000;

/**
 * A synchronous PostgreSQL connection. The Store interface is synchronous (better-sqlite3 is), so
 * the PostgreSQL engine runs node-postgres on a worker thread and the caller blocks on a shared flag
 * until the answer is back: the same blocking behaviour the SQLite engine has, at the cost of one
 * thread hop per request. Several statements can go in one request (`batch`) to save round trips.
 * Parameters are written `?` in the SQL, as for SQLite, and numbered here ($1... written as such
 * are left alone, for statements that use one value twice). One thread serves every connection of
 * the process: requests are synchronous, so only one is ever in flight.
 */
export class SyncPg {
  private static nextId = 1;
  private readonly id = SyncPg.nextId++;
  private closed = false;

  constructor(readonly connectionString: string) {}

  /** Runs the statements in order on the connection and returns each one's rows. */
  batch(queries: readonly Query[]): QueryResult[] {
    if (this.closed) throw new DossierError('STORE', 'the PostgreSQL store is closed');
    const reply = thread().request({
      kind: 'query', id: this.id, connectionString: this.connectionString,
      queries: queries.map((q) => ({ sql: numbered(q.sql), params: q.params.map(toPg) })),
    });
    if (!reply.ok) throw new PgError(reply.message, reply.code);
    return reply.results;
  }

  query<T = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): T[] {
    return this.batch([{ sql, params }])[0]!.rows as T[];
  }

  /** the first row, or undefined */
  get<T = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): T | undefined {
    return this.query<T>(sql, params)[0];
  }

  /** the first column of the first row */
  value<T>(sql: string, params: readonly unknown[] = []): T | undefined {
    const row = this.query(sql, params)[0];
    return row === undefined ? undefined : Object.values(row)[0] as T;
  }

  /** rows changed */
  run(sql: string, params: readonly unknown[] = []): number {
    return this.batch([{ sql, params }])[0]!.rowCount;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    thread().request({ kind: 'close', id: this.id });
  }
}

/** The connection thread, started on first use and left to end with the process (unref'd). */
class PgThread {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly signal: Int32Array;
  broken: string | null = null;

  constructor() {
    const flag = new SharedArrayBuffer(4);
    this.signal = new Int32Array(flag);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const [entry, evalOption] = threadEntry();
    this.worker = new Worker(entry, { ...evalOption, workerData: { port: port2, flag }, transferList: [port2] });
    this.worker.unref();
    this.port.unref();
    if (!this.raised(START_TIMEOUT_MS)) {
      void this.worker.terminate();
      throw new DossierError('STORE', 'the PostgreSQL connection thread did not start');
    }
  }

  request(req: Request): Reply {
    if (this.broken) throw new DossierError('STORE', this.broken);
    Atomics.store(this.signal, 0, 0);
    this.port.postMessage(req);
    if (!this.raised(REQUEST_TIMEOUT_MS)) {
      this.broken = `PostgreSQL did not answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
      void this.worker.terminate();
      throw new DossierError('STORE', this.broken);
    }
    const msg = receiveMessageOnPort(this.port);
    if (!msg) throw new DossierError('STORE', 'the PostgreSQL connection thread stopped');
    return msg.message as Reply;
  }

  /**
   * Waits until the thread raises the flag; false after `ms`. A wake-up alone proves nothing: the
   * thread raises the flag and then notifies, and a notify that comes late for the previous request
   * (the thread was paused between the two on a busy machine) wakes this one before its reply is
   * posted; reading that as the reply put every later reply one request behind.
   */
  private raised(ms: number): boolean {
    const deadline = Date.now() + ms;
    while (Atomics.load(this.signal, 0) === 0) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      Atomics.wait(this.signal, 0, 0, left);
    }
    return true;
  }
}

let shared: PgThread | null = null;
const thread = () => (shared ??= new PgThread());

/**
 * The thread's module sits beside this file: .js when built; when run from the sources (tsx, as
 * the tests do) it is .ts, and the thread registers tsx itself (workers do not inherit --import).
 */
function threadEntry(): [string | URL, { eval?: boolean }] {
  const url = new URL(`./pg-thread.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);
  if (url.pathname.endsWith('.js')) return [url, {}];
  return [`import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(url.href)}); })`, { eval: true }];
}

/** `?` placeholders (outside quoted strings and identifiers) become $1, $2, ... */
export function numbered(sql: string): string {
  let n = 0, out = '', quote: string | null = null;
  for (const ch of sql) {
    if (quote) { if (ch === quote) quote = null; out += ch; continue; }
    if (ch === "'" || ch === '"') { quote = ch; out += ch; continue; }
    out += ch === '?' ? `$${++n}` : ch;
  }
  return out;
}

/** Values cross the thread boundary by structured clone: Buffers arrive as Uint8Array, which pg sends as bytea. */
function toPg(v: unknown): unknown {
  return v instanceof Buffer ? new Uint8Array(v.buffer, v.byteOffset, v.byteLength) : v;
}
