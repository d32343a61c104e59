/** Errors a route throws on purpose; the route layer turns them into `{ error }` JSON. */
export type ApiErrorCode =
  | 'BAD_REQUEST' | 'UNAUTHENTICATED' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE' | 'INVALID' | 'TOO_MANY_REQUESTS' | 'INTERNAL' | 'UNAVAILABLE' | 'TIMED_OUT' | 'GONE';

/** The body of every error answer. */
export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; field?: string; requestId?: string };
}

export class ApiError extends Error {
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
    this.name = 'ApiError';
  }
}
