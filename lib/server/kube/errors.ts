/**
 * One error mapper: Kubernetes `Status` answers and network failures become a typed KubeError
 * whose code decides the HTTP status the browser sees; the API server's own message is kept.
 */
import type { ApiErrorCode } from '../../error-codes';
import type { KubeStatus } from '../../kube-types';

/** The codes a Kubernetes failure maps to: a subset of what routes answer with. */
export type KubeErrorCode = Extract<
  ApiErrorCode,
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'GONE'
  | 'INVALID'
  | 'BAD_REQUEST'
  | 'TOO_MANY_REQUESTS'
  | 'UNAVAILABLE'
  | 'TIMED_OUT'
>;

const HTTP: Record<KubeErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  INVALID: 422,
  TOO_MANY_REQUESTS: 429,
  UNAVAILABLE: 503,
  TIMED_OUT: 504,
};

export class KubeError extends Error {
  readonly code: KubeErrorCode;
  /** The API server's HTTP status, or null for a network failure. */
  readonly upstreamStatus: number | null;
  readonly causes: { field?: string; message?: string }[];
  constructor(
    code: KubeErrorCode,
    message: string,
    upstreamStatus: number | null = null,
    causes: KubeError['causes'] = [],
  ) {
    super(message);
    this.name = 'KubeError';
    this.code = code;
    this.upstreamStatus = upstreamStatus;
    this.causes = causes;
  }
  /** The status the panel answers with. */
  get httpStatus(): number {
    return HTTP[this.code];
  }
}

/** Maps an API server HTTP status (and Status.reason) to a code. */
export function codeForStatus(status: number, reason?: string): KubeErrorCode {
  if (reason === 'Expired' || status === 410) return 'GONE';
  switch (status) {
    case 400:
      return 'BAD_REQUEST';
    case 401:
      return 'UNAUTHORIZED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 422:
      return 'INVALID';
    case 429:
      return 'TOO_MANY_REQUESTS';
    case 504:
      return 'TIMED_OUT';
    default:
      return status >= 500 ? 'UNAVAILABLE' : 'BAD_REQUEST';
  }
}

function isStatus(v: unknown): v is KubeStatus {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'Status';
}

/** Builds a KubeError from an HTTP status and a response body (a Status object, JSON text, or text). */
export function fromResponse(status: number, body: unknown): KubeError {
  let parsed: unknown = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = body;
    }
  }
  if (isStatus(parsed)) {
    return new KubeError(
      codeForStatus(parsed.code ?? status, parsed.reason),
      parsed.message ?? `HTTP ${status}`,
      status,
      parsed.details?.causes ?? [],
    );
  }
  const text = typeof parsed === 'string' && parsed.trim() ? parsed.trim().slice(0, 500) : `HTTP ${status}`;
  return new KubeError(codeForStatus(status), text, status);
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

function errno(e: unknown): string | undefined {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    const c = (cur as { code?: unknown }).code;
    if (typeof c === 'string') return c;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Anything thrown while talking to the API server → KubeError. Understands our own KubeError,
 * client-node's ApiException (`code` + `body`), errors with `statusCode`, aborts/timeouts and
 * socket errors (found on `cause`, where undici puts them).
 */
export function toKubeError(e: unknown): KubeError {
  if (e instanceof KubeError) return e;
  const o = (typeof e === 'object' && e !== null ? e : {}) as {
    code?: unknown;
    statusCode?: unknown;
    body?: unknown;
    name?: unknown;
    message?: unknown;
  };
  if (typeof o.code === 'number' && o.code >= 400) return fromResponse(o.code, o.body);
  if (typeof o.statusCode === 'number' && o.statusCode >= 400) return fromResponse(o.statusCode, o.body ?? o.message);
  const name = typeof o.name === 'string' ? o.name : '';
  const message = typeof o.message === 'string' ? o.message : String(e);
  if (name === 'TimeoutError') return new KubeError('TIMED_OUT', 'The Kubernetes API did not answer in time');
  const code = errno(e);
  if (code && TIMEOUT_CODES.has(code))
    return new KubeError('TIMED_OUT', `The Kubernetes API did not answer in time (${code})`);
  if (code && NETWORK_CODES.has(code)) return new KubeError('UNAVAILABLE', `Cannot reach the Kubernetes API (${code})`);
  if (name === 'AbortError') return new KubeError('UNAVAILABLE', 'The request to the Kubernetes API was aborted');
  return new KubeError('UNAVAILABLE', `Kubernetes API request failed: ${message}`);
}
