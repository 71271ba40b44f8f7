import { ERROR_CODES, isDossierError, type ErrorCode } from '../core/errors.js';

/**
 * Faults of the HTTP exchange itself (wrong method, ingest not allowed, URL too long) that have no
 * place in the engine's error catalogue. Everything else is a DossierError and keeps its code.
 */
export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
    this.name = 'HttpError';
  }
}

/** The JSON body of every error response. */
export interface ErrorBody {
  readonly error: { readonly status: number; readonly code: string; readonly message: string };
}

export interface ErrorResponse {
  readonly status: number;
  readonly body: ErrorBody;
  readonly headers: Record<string, string>;
}

/**
 * The one place where anything thrown while answering a request becomes a response: DossierError
 * codes map to statuses through ERROR_CODES; unknown faults become a 500 that does not leak details.
 */
export function toErrorResponse(e: unknown): ErrorResponse {
  if (e instanceof HttpError) return respond(e.status, e.code, e.message, e.headers);
  if (isDossierError(e)) return respond(ERROR_CODES[e.code].http, e.code, e.message);
  const code: ErrorCode = 'INTERNAL';
  return respond(ERROR_CODES[code].http, code, 'internal error');
}

function respond(status: number, code: string, message: string, headers: Record<string, string> = {}): ErrorResponse {
  return { status, body: { error: { status, code, message } }, headers };
}
