import { DossierError } from '../core/errors.js';
import { HttpError } from './errors.js';
import { readParams, readSegment, type ParamSpecs, type ParamValue } from './validate.js';

export type Method = 'GET' | 'POST';

/** What a handler gets: checked path and query parameters, and the body for POST. */
export interface RequestContext {
  readonly path: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, ParamValue | undefined>>;
  readonly body: unknown;
}

/** A handler's answer: a value sent as JSON with status 200, or a status and value. */
export type Reply = { readonly status: number; readonly body: unknown };

/** Is a handler's answer a Reply (a status and a body, nothing else) rather than a plain value? */
export function isReply(v: unknown): v is Reply {
  return !!v && typeof v === 'object' && 'status' in v && 'body' in v && typeof (v as { status: unknown }).status === 'number' && Object.keys(v).length === 2;
}

export interface Route {
  readonly method: Method;
  /** OpenAPI-style template: /api/articles/{id} */
  readonly path: string;
  readonly summary: string;
  readonly query: ParamSpecs;
  readonly pathParams?: Readonly<Record<string, string>>;
  /** the name of the response schema in the OpenAPI components */
  readonly response: string;
  /** answers only when the server was started with ingest allowed */
  readonly ingest?: boolean;
  /** the statuses (besides 200) the route can answer, for the OpenAPI document */
  readonly errors?: readonly number[];
  handle(ctx: RequestContext): unknown;
}

interface Compiled {
  readonly route: Route;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

/** Matches a request path against route templates; parameters are whole path segments. */
export class Router {
  private readonly compiled: Compiled[];

  constructor(readonly routes: readonly Route[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const source = route.path.split('/').map((seg) => {
        const m = /^\{(\w+)\}$/.exec(seg);
        if (!m) return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(m[1]!);
        return '([^/]+)';
      }).join('/');
      return { route, pattern: new RegExp(`^${source}$`), names };
    });
  }

  /**
   * The route and checked path parameters for a request, or an error: 404 when no route has the
   * path, 405 (with the allowed methods) when routes have the path but not the method.
   */
  match(method: string, pathname: string): { route: Route; path: Record<string, string> } {
    const allowed: string[] = [];
    for (const c of this.compiled) {
      const m = c.pattern.exec(pathname);
      if (!m) continue;
      if (c.route.method !== method && !(method === 'HEAD' && c.route.method === 'GET')) { allowed.push(c.route.method); continue; }
      const path: Record<string, string> = {};
      c.names.forEach((name, i) => { path[name] = readSegment(name, m[i + 1]!); });
      return { route: c.route, path };
    }
    if (allowed.length) {
      throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed on ${pathname} (allowed: ${allowed.join(', ')})`, { allow: allowed.join(', ') });
    }
    throw new DossierError('NOT_FOUND', `no such endpoint: ${pathname} (see /api/openapi.json)`);
  }

  /** Checks the query string against the route's parameter specs. */
  static query(route: Route, search: URLSearchParams): Record<string, ParamValue | undefined> {
    return readParams(search, route.query);
  }
}
