import 'server-only';
import type { PromSample } from '../../metrics/idle-hours';
import type { PromSeries } from '../../metrics/shape';
import { HttpError } from '../errors/http-error';
import { readCapped } from '../http/read-capped';
import { prometheusLimits, prometheusSlots, prometheusUrl } from './prometheus-config';
import { QuerySlots } from './query-slots';

/** Who asks and until when: the session's id takes its share of the Prometheus slots. */
export interface PromCaller {
  sessionId: string;
  signal: AbortSignal;
}

const g = globalThis as typeof globalThis & { __imagepodPromSlots?: QuerySlots };
/** One set of slots per process (Next compiles each route separately). */
export const promSlots = (): QuerySlots => (g.__imagepodPromSlots ??= new QuerySlots(() => prometheusSlots()));

interface PromAnswer {
  status: 'success' | 'error';
  /** A matrix (PromSeries) or a vector (PromSample), as `resultType` says. */
  data?: { resultType: string; result: unknown[] };
  errorType?: string;
  error?: string;
}

function readLimited(res: Response, max: number): Promise<string> {
  return readCapped(
    res.body,
    max,
    () =>
      new HttpError(
        422,
        'INVALID',
        `Prometheus' answer is larger than ${max >= 1048576 ? `${+(max / 1048576).toFixed(1)} MiB` : `${Math.ceil(max / 1024)} KiB`}: narrow the query or the time range`,
      ),
  );
}

/** Prometheus' own error, with the HTTP status the browser sees (its message kept word for word). */
function promError(a: PromAnswer, httpStatus: number): HttpError {
  const msg = a.error ?? `Prometheus answered HTTP ${httpStatus}`;
  switch (a.errorType) {
    case 'bad_data':
      return new HttpError(400, 'BAD_REQUEST', msg, 'query');
    case 'execution':
      return new HttpError(422, 'INVALID', msg, 'query');
    case 'timeout':
      return new HttpError(504, 'TIMED_OUT', `Prometheus gave up: ${msg}`);
    default:
      return new HttpError(503, 'UNAVAILABLE', `Prometheus failed: ${msg}`);
  }
}

/** The browser went away (a new range, a closed tab): nothing to report, so no "unexpected error" log. */
const clientGone = () => new HttpError(499, 'BAD_REQUEST', 'The client closed the request');

/** One call, holding a slot while its answer is fetched, read and parsed (that is the memory). */
async function call(path: string, params: Record<string, string>, caller: PromCaller): Promise<PromAnswer> {
  const release = await promSlots().acquire(caller.sessionId, caller.signal);
  try {
    return await callNow(path, params, caller.signal);
  } finally {
    release();
  }
}

async function callNow(path: string, params: Record<string, string>, signal: AbortSignal): Promise<PromAnswer> {
  const base = prometheusUrl();
  const { timeoutMs, maxBytes } = prometheusLimits();
  const timeout = AbortSignal.timeout(timeoutMs);
  let res: Response;
  try {
    // A form POST: long PromQL would not fit a URL; Prometheus' own timeout ends its work too.
    res = await fetch(`${base}${path}`, {
      method: 'POST',
      body: new URLSearchParams({ ...params, timeout: `${Math.floor(timeoutMs / 1000)}s` }),
      signal: AbortSignal.any([signal, timeout]),
      cache: 'no-store',
      redirect: 'error',
    });
  } catch (e) {
    if (signal.aborted) throw clientGone();
    if (timeout.aborted)
      throw new HttpError(504, 'TIMED_OUT', `Prometheus at ${base} did not answer within ${timeoutMs / 1000} s`);
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    throw new HttpError(
      503,
      'UNAVAILABLE',
      `Prometheus at ${base} is unreachable (${cause?.code ?? cause?.message ?? (e as Error).message})`,
    );
  }
  const text = await readLimited(res, maxBytes).catch((e: unknown) => {
    if (signal.aborted) throw clientGone();
    if (e instanceof HttpError) throw e;
    throw new HttpError(
      timeout.aborted ? 504 : 503,
      timeout.aborted ? 'TIMED_OUT' : 'UNAVAILABLE',
      `Prometheus at ${base} broke off its answer`,
    );
  });
  let answer: PromAnswer;
  try {
    answer = JSON.parse(text) as PromAnswer;
  } catch {
    throw new HttpError(
      503,
      'UNAVAILABLE',
      `Prometheus at ${base} answered HTTP ${res.status} without JSON: ${text.slice(0, 200)}`,
    );
  }
  if (answer.status !== 'success' || !answer.data) throw promError(answer, res.status);
  return answer;
}

/**
 * One `query_range`: the matrix Prometheus returns (start/end in unix seconds, step in seconds). The PromQL is sent
 * as given: routes go through user-prometheus.ts, which limits it to the user's rights first.
 */
export async function queryRange(
  expr: string,
  w: { start: number; end: number; step: number },
  caller: PromCaller,
): Promise<PromSeries[]> {
  const a = await call(
    '/api/v1/query_range',
    { query: expr, start: String(w.start), end: String(w.end), step: String(w.step) },
    caller,
  );
  if (a.data!.resultType !== 'matrix')
    throw new HttpError(422, 'INVALID', `Expected a range result, Prometheus returned ${a.data!.resultType}`, 'query');
  return a.data!.result as PromSeries[];
}

/** One instant `query` at `time` (unix seconds): the vector Prometheus returns. */
export async function queryInstant(expr: string, time: number, caller: PromCaller): Promise<PromSample[]> {
  const a = await call('/api/v1/query', { query: expr, time: String(time) }, caller);
  if (a.data!.resultType !== 'vector')
    throw new HttpError(
      422,
      'INVALID',
      `Expected an instant vector, Prometheus returned ${a.data!.resultType}`,
      'query',
    );
  return a.data!.result as PromSample[];
}
