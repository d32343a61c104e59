/**
 * The error every fetcher throws: the panel's `{ error: { code, message, field? } }` answer,
 * kept typed so pages can tell "cluster unreachable" (503 UNAVAILABLE) from a bug.
 */
import { isApiErrorCode, type ClientErrorCode } from '../error-codes';

export class ApiError extends Error {
  /** HTTP status, or 0 when the panel server itself could not be reached. */
  readonly status: number;
  readonly code: ClientErrorCode;
  /** The input field at fault, for validation errors. */
  readonly field: string | undefined;

  constructor(status: number, code: ClientErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
  }

  /** True when the panel or the cluster behind it is unreachable: worth retrying. */
  get isUnavailable(): boolean {
    return (
      this.status === 0 ||
      this.status === 502 ||
      this.status === 503 ||
      this.status === 504 ||
      this.code === 'UNAVAILABLE'
    );
  }
}

function isErrorBody(v: unknown): v is { error: { code: ClientErrorCode; message: string; field?: string } } {
  if (typeof v !== 'object' || v === null || !('error' in v)) return false;
  const e = (v as { error: unknown }).error;
  return (
    typeof e === 'object' &&
    e !== null &&
    isApiErrorCode((e as { code?: unknown }).code) &&
    typeof (e as { message?: unknown }).message === 'string'
  );
}

/** Builds the ApiError for a failed response from its status and (possibly non-JSON) body text. */
export function apiErrorFromBody(status: number, statusText: string, text: string): ApiError {
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): fall through to the status line.
  }
  if (isErrorBody(body)) return new ApiError(status, body.error.code, body.error.message, body.error.field);
  const detail = text.trim() && text.length < 300 && !text.trimStart().startsWith('<') ? `: ${text.trim()}` : '';
  return new ApiError(
    status,
    status === 503 ? 'UNAVAILABLE' : 'HTTP',
    `HTTP ${status}${statusText ? ` ${statusText}` : ''}${detail}`,
  );
}

/** Human text for an error, for error states and toasts. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return typeof e === 'string' ? e : 'Unknown error';
}
