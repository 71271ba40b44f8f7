import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DossierError, type ErrorCode } from '../core/errors.js';
import { ANALYSIS_WORKER } from '../parallel/pool.js';
import type { WorkerReply, WorkerRequest } from '../parallel/protocol.js';
import { spawnModuleWorker } from '../parallel/spawn.js';
import type { RawArticle } from '../ingest/article.js';
import type { Result } from '../result/schema.js';
import type { Store } from '../store/store.js';
import { HttpError, toErrorResponse } from './errors.js';
import { openApiDocument } from './openapi.js';
import type { QueryAnswer, QueryTask } from './query-worker.js';
import { TaskPool } from './task-pool.js';
import { isReply, Router } from './router.js';
import { apiRoutes } from './routes.js';

export interface ServerOptions {
  readonly store: Store;
  /** accept POST /api/articles (analyse and store); off by default: the API is read-only */
  readonly allowIngest?: boolean;
  /** the analyser used for ingest; required when allowIngest is set (unless `workers` analyse) */
  readonly analyze?: (article: RawArticle) => Result | Promise<Result>;
  /**
   * Answers GET /api/ requests and analyses on worker threads (what `dossier serve` does), so a long
   * query or analysis never holds the server's thread; without it they run on that thread.
   */
  readonly workers?: WorkerOptions;
  /**
   * answers every path outside /api/ (the web page); the caller passes it (serve passes the web
   * page's static files) so that the API does not depend on the page. Unset: such paths are 404.
   */
  readonly staticFiles?: StaticHandler;
  /** the largest request body accepted, in bytes (default 2 MB) */
  readonly maxBodyBytes?: number;
  /**
   * host names (without port) the Host header may carry; others are refused, so that a web site
   * cannot reach a server on this machine by pointing its own name at 127.0.0.1 (DNS rebinding).
   * Unset: any host.
   */
  readonly allowedHosts?: readonly string[];
}

export interface WorkerOptions {
  /** the store's file: each query worker opens it read-only */
  readonly dbFile: string;
  /** query threads (default 2) */
  readonly queries?: number;
  /** a query's time limit in ms from when a thread takes it (default 10 s); past it the answer is 503 */
  readonly queryTimeoutMs?: number;
  /** an analysis' time limit in ms (default 60 s); past it the answer is 422 */
  readonly analysisTimeoutMs?: number;
  /** requests that may wait for a thread (default 64); past them the answer is 503 with Retry-After */
  readonly maxQueue?: number;
}

export const DEFAULT_WORKERS = { queries: 2, queryTimeoutMs: 10_000, analysisTimeoutMs: 60_000, maxQueue: 64 } as const;

/** A file served outside /api/: its content type and bytes; it throws NOT_FOUND for unknown paths. */
export type StaticHandler = (pathname: string) => Promise<{ readonly type: string; readonly body: Buffer }>;

/** The names a server bound to a loopback address is reached by. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

export const MAX_URL_LENGTH = 4096;
export const DEFAULT_MAX_BODY = 2 * 1024 * 1024;

/** Headers on every response: no framing, no sniffing, and scripts only from this server. */
const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
};

/** The HTTP server (not yet listening): the API under /api/ and the web page everywhere else. */
export function createApiServer(options: ServerOptions): Server {
  if (options.allowIngest && !options.analyze && !options.workers) throw new DossierError('USAGE', 'ingest through the API needs an analyser');
  const pools = options.workers ? workerPools(options.workers, Boolean(options.allowIngest)) : null;
  const analyze = pools?.analyses ? analyseOn(pools.analyses) : options.analyze;
  const routes = apiRoutes({ store: options.store, ...(analyze ? { analyze } : {}) });
  const router = new Router(routes);
  const openapi = JSON.stringify(openApiDocument(routes));
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const allowedHosts = options.allowedHosts ? new Set(options.allowedHosts.map((h) => h.toLowerCase())) : null;

  const server = createServer((req, res) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    handle(req, res).catch((e: unknown) => sendError(res, e));
  });
  if (pools) server.on('close', () => { void pools.queries.close(); void pools.analyses?.close(); });
  return server;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const rawUrl = req.url ?? '/';
    if (rawUrl.length > MAX_URL_LENGTH) throw new HttpError(414, 'URI_TOO_LONG', `the URL is longer than ${MAX_URL_LENGTH} characters`);
    if (allowedHosts && !allowedHosts.has(hostName(req.headers.host))) {
      throw new HttpError(403, 'HOST_NOT_ALLOWED', `this server does not answer to the host name "${req.headers.host ?? ''}"`);
    }
    const url = new URL(rawUrl, 'http://localhost');
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      if (url.pathname === '/api/openapi.json') {
        if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed here`, { allow: 'GET' });
        return sendJson(res, 200, openapi, method === 'HEAD');
      }
      const { route, path } = router.match(method, url.pathname);
      if (route.ingest && !options.allowIngest) {
        throw new HttpError(403, 'READ_ONLY', 'this server is read-only; start it with --allow-ingest to add articles through the API');
      }
      const query = Router.query(route, url.searchParams);
      if (pools && route.method === 'GET') {
        const task: QueryTask = { method: 'GET', pathname: url.pathname, search: url.search };
        const answer = await pools.queries.run(task) as unknown as QueryAnswer;
        return sendJson(res, answer.status, answer.json, method === 'HEAD');
      }
      const body = route.method === 'POST' ? await readJsonBody(req, maxBody) : undefined;
      const answer = await route.handle({ path, query, body });
      const reply = isReply(answer) ? answer : { status: 200, body: answer };
      return sendJson(res, reply.status, JSON.stringify(reply.body), method === 'HEAD');
    }
    if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed here`, { allow: 'GET' });
    if (!options.staticFiles) throw new DossierError('NOT_FOUND', `no such page: ${url.pathname}`);
    const file = await options.staticFiles(url.pathname);
    res.writeHead(200, { 'content-type': file.type, 'content-length': file.body.length, 'cache-control': 'no-cache' });
    res.end(method === 'HEAD' ? undefined : file.body);
  }
}

interface Pools { readonly queries: TaskPool; readonly analyses: TaskPool | null }

function workerPools(w: WorkerOptions, allowIngest: boolean): Pools {
  const maxQueue = w.maxQueue ?? DEFAULT_WORKERS.maxQueue;
  const queryTimeoutMs = w.queryTimeoutMs ?? DEFAULT_WORKERS.queryTimeoutMs;
  const analysisTimeoutMs = w.analysisTimeoutMs ?? DEFAULT_WORKERS.analysisTimeoutMs;
  const queries = new TaskPool(() => spawnModuleWorker(QUERY_WORKER, { dbFile: w.dbFile }), {
    size: w.queries ?? DEFAULT_WORKERS.queries, maxQueue, timeoutMs: queryTimeoutMs, retryAfterSeconds: 1, readyMessage: true,
    onTimeout: () => new HttpError(503, 'QUERY_TIMEOUT', `the query took longer than ${queryTimeoutMs / 1000} s and was stopped; narrow it (more words, a phrase, a date range) and try again`, { 'retry-after': '5' }),
  });
  // one analysis at a time: an article takes a core, and queries keep the other
  const analyses = allowIngest ? new TaskPool(() => spawnModuleWorker(ANALYSIS_WORKER), {
    size: 1, maxQueue: Math.max(1, Math.floor(maxQueue / 4)), timeoutMs: analysisTimeoutMs, retryAfterSeconds: 5,
    onTimeout: () => new HttpError(422, 'ANALYSIS_TIMEOUT', `the article's analysis took longer than ${analysisTimeoutMs / 1000} s and was stopped; it is not stored`),
  }) : null;
  return { queries, analyses };
}

const QUERY_WORKER = new URL('./query-worker.js', import.meta.url);

/** An analyser that sends the article to the analysis pool (the protocol of src/parallel). */
function analyseOn(pool: TaskPool): (article: RawArticle) => Promise<Result> {
  return async (article) => {
    const request: Omit<WorkerRequest, 'id'> = { article, json: false };
    const reply = await pool.run(request) as unknown as WorkerReply;
    if (reply.ok) return reply.result as Result;
    throw new DossierError(reply.code as ErrorCode, reply.message, reply.where ? { where: reply.where } : {});
  };
}

/** The host name of a Host header, without the port ("[::1]:8080" -> "[::1]"). */
function hostName(header: string | undefined): string {
  const h = (header ?? '').trim().toLowerCase();
  const m = /^(\[[^\]]*\]|[^:]*)(?::\d+)?$/.exec(h);
  return m ? m[1]! : h;
}

function sendJson(res: ServerResponse, status: number, json: string, headOnly = false): void {
  const body = Buffer.from(json);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length, 'cache-control': 'no-store' });
  res.end(headOnly ? undefined : body);
}

function sendError(res: ServerResponse, e: unknown): void {
  const { status, body, headers } = toErrorResponse(e);
  if (status >= 500 && !(e instanceof HttpError)) console.error('dossier serve:', e);
  if (res.headersSent) { res.destroy(); return; }
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  sendJson(res, status, JSON.stringify(body));
}

/** Reads a JSON request body, refusing other content types and bodies over the limit. */
async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'the body must be JSON (content-type: application/json)');
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, 'BAD_JSON', `the body is not valid JSON: ${(e as Error).message}`);
  }
}

const tooLarge = (limit: number) => new DossierError('INPUT_TOO_LARGE', `the body is larger than the limit of ${limit} bytes`);

export interface RunningServer {
  readonly server: Server;
  /** http://host:port */
  readonly url: string;
  close(): Promise<void>;
}

/** Starts listening (port 0 = any free port) and resolves once the server accepts connections. */
export async function listen(server: Server, port: number, host = '127.0.0.1'): Promise<RunningServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      reject(new DossierError('USAGE', e.code === 'EADDRINUSE' ? `port ${port} is already in use` : `cannot listen on ${host}:${port}: ${e.message}`));
    });
    server.listen(port, host, () => resolve());
  });
  const { port: actual } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    server,
    url: `http://${shownHost}:${actual}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
