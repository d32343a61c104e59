import type { ApiErrorCode } from '../../error-codes';

export type { ApiErrorBody, ApiErrorCode } from '../../error-codes';

/** Errors a route throws on purpose; the route layer turns them into `{ error }` JSON. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly field?: string,
    /** Extra response headers (e.g. Retry-After). */
    readonly headers?: Record<string, string>,
    /** Extra top-level members of the answer beside `error` (e.g. the current state on a conflict). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}
