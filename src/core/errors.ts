/**
 * Faults of the system or of its input that stop an operation. Each has a stable code from one
 * catalogue; the command line maps codes to exit statuses and the HTTP API to response statuses.
 * Problems inside a document that still lets analysis go on are Diagnostics instead.
 */
export const ERROR_CODES = {
  USAGE: { exit: 2, http: 400, summary: 'bad usage' },
  INPUT_NOT_FOUND: { exit: 3, http: 404, summary: 'input not found' },
  INPUT_UNREADABLE: { exit: 3, http: 400, summary: 'input cannot be read' },
  INPUT_EMPTY: { exit: 4, http: 422, summary: 'input is empty' },
  INPUT_BINARY: { exit: 4, http: 415, summary: 'input is binary, not text' },
  INPUT_ENCODING: { exit: 4, http: 415, summary: 'input is not in a supported text encoding' },
  INPUT_TOO_LARGE: { exit: 4, http: 413, summary: 'input is larger than the limit' },
  INPUT_FORMAT: { exit: 4, http: 422, summary: 'input is not in the expected format' },
  INPUT_NO_ARTICLE: { exit: 4, http: 422, summary: 'no article text found in the input' },
  INPUT_LANGUAGE: { exit: 4, http: 422, summary: 'input is not English' },
  PIPELINE_CONFIG: { exit: 70, http: 500, summary: 'the pipeline is misconfigured' },
  STORE: { exit: 5, http: 500, summary: 'the store failed' },
  NOT_FOUND: { exit: 3, http: 404, summary: 'not found' },
  INTERNAL: { exit: 70, http: 500, summary: 'internal error' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * The exit statuses every command follows (README, "Exit status"). An error stops a command with its
 * code's status (ERROR_CODES); a batch (ingest, analyze --input) that finished but failed some of
 * its items exits with PARTIAL, whatever the items' own codes.
 */
export const EXIT_STATUS = { ok: 0, usage: 2, notFound: 3, refused: 4, store: 5, partial: 6, internal: 70 } as const;

export interface ErrorLocation {
  /** the file, or file and line ("articles.jsonl:12"), the error is about */
  readonly where?: string;
}

export class DossierError extends Error {
  readonly code: ErrorCode;
  readonly where: string | undefined;

  constructor(code: ErrorCode, message: string, location: ErrorLocation = {}, options?: { cause?: unknown }) {
    super(location.where ? `${location.where}: ${message}` : message, options);
    this.name = 'DossierError';
    this.code = code;
    this.where = location.where;
  }

  get exitStatus(): number {
    return ERROR_CODES[this.code].exit;
  }

  get httpStatus(): number {
    return ERROR_CODES[this.code].http;
  }
}

export function isDossierError(e: unknown): e is DossierError {
  return e instanceof DossierError;
}

/** Wraps anything thrown into a DossierError, keeping a DossierError as it is. */
export function asDossierError(e: unknown, where?: string): DossierError {
  if (e instanceof DossierError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new DossierError('INTERNAL', message, where ? { where } : {}, { cause: e });
}
