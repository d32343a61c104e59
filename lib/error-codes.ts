/**
 * The error codes that cross the wire: every route answers a failure as
 * `{ error: { code, message, field? } }` with one of these. Pure and closed, imported by the
 * route layer and the browser's fetchers, so a new code is a compile error wherever it is not
 * handled.
 */
export const API_ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'GONE',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'INVALID',
  'TOO_MANY_REQUESTS',
  'INTERNAL',
  'UNAVAILABLE',
  'TIMED_OUT',
] as const;

/** A code the panel's routes answer with. */
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/**
 * What the browser can meet: the server's codes, `NETWORK` (the panel itself unreachable) and
 * `HTTP` (an answer that is not the panel's, e.g. a proxy's error page).
 */
export type ClientErrorCode = ApiErrorCode | 'NETWORK' | 'HTTP';

const CODES: ReadonlySet<string> = new Set(API_ERROR_CODES);

export function isApiErrorCode(v: unknown): v is ApiErrorCode {
  return typeof v === 'string' && CODES.has(v);
}

/** The body of every error answer. */
export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; field?: string; requestId?: string };
}
