import { describe, expect, it } from 'vitest';
import { KubeError, fromResponse, toKubeError } from './errors';

const status = (code: number, reason: string, message: string) =>
  JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason, message });

describe('fromResponse', () => {
  it.each([
    [403, 'Forbidden', 'FORBIDDEN', 403],
    [404, 'NotFound', 'NOT_FOUND', 404],
    [409, 'Conflict', 'CONFLICT', 409],
    [422, 'Invalid', 'INVALID', 422],
    [410, 'Expired', 'GONE', 410],
    [401, 'Unauthorized', 'UNAUTHORIZED', 401],
    [500, 'InternalError', 'UNAVAILABLE', 503],
    [503, 'ServiceUnavailable', 'UNAVAILABLE', 503],
    [504, 'Timeout', 'TIMED_OUT', 504],
    [429, 'TooManyRequests', 'TOO_MANY_REQUESTS', 429],
  ])('maps %i %s to %s (HTTP %i) and keeps the message', (code, reason, want, http) => {
    const e = fromResponse(code, status(code, reason, `the server says ${reason}`));
    expect(e.code).toBe(want);
    expect(e.httpStatus).toBe(http);
    expect(e.message).toBe(`the server says ${reason}`);
  });

  it('keeps field causes of an Invalid status', () => {
    const body = {
      kind: 'Status',
      code: 422,
      reason: 'Invalid',
      message: 'bad',
      details: { causes: [{ field: 'spec.replicas', message: 'must be >= 0' }] },
    };
    expect(fromResponse(422, body).causes[0]?.field).toBe('spec.replicas');
  });

  it('uses a plain-text body when there is no Status', () => {
    expect(fromResponse(502, 'Bad Gateway from proxy').message).toBe('Bad Gateway from proxy');
  });
});

describe('toKubeError', () => {
  it('maps socket errors found on cause to UNAVAILABLE', () => {
    const e = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    });
    const k = toKubeError(e);
    expect(k.code).toBe('UNAVAILABLE');
    expect(k.message).toContain('ECONNREFUSED');
  });
  it('maps timeouts to TIMED_OUT', () => {
    expect(toKubeError(new DOMException('t', 'TimeoutError')).code).toBe('TIMED_OUT');
    expect(toKubeError(Object.assign(new Error('x'), { code: 'UND_ERR_CONNECT_TIMEOUT' })).code).toBe('TIMED_OUT');
  });
  it('understands client-node ApiException (code + body)', () => {
    const e = Object.assign(new Error('HTTP-Code: 404'), {
      code: 404,
      body: status(404, 'NotFound', 'pods "x" not found'),
    });
    expect(toKubeError(e).message).toBe('pods "x" not found');
  });
  it('passes KubeError through', () => {
    const k = new KubeError('CONFLICT', 'c');
    expect(toKubeError(k)).toBe(k);
  });
});
