import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { makeQueryClient, retryDelay, shouldRetry } from './query-client';

describe('shouldRetry', () => {
  it('retries unavailability and network failures up to three times', () => {
    const e = new ApiError(503, 'UNAVAILABLE', 'down');
    expect(shouldRetry(0, e)).toBe(true);
    expect(shouldRetry(2, e)).toBe(true);
    expect(shouldRetry(3, e)).toBe(false);
    expect(shouldRetry(0, new ApiError(0, 'NETWORK', 'x'))).toBe(true);
    expect(shouldRetry(0, new Error('bug?'))).toBe(true);
  });
  it('does not retry client errors except timeouts and throttling', () => {
    expect(shouldRetry(0, new ApiError(403, 'FORBIDDEN', 'no'))).toBe(false);
    expect(shouldRetry(0, new ApiError(400, 'INVALID', 'no'))).toBe(false);
    expect(shouldRetry(0, new ApiError(429, 'TOO_MANY_REQUESTS', 'slow down'))).toBe(true);
  });
});

describe('retryDelay and defaults', () => {
  it('backs off exponentially up to 10 s', () => {
    expect([0, 1, 2, 3, 4, 10].map(retryDelay)).toEqual([1000, 2000, 4000, 8000, 10000, 10000]);
  });
  it('never refetches on focus or reconnect', () => {
    const q = makeQueryClient().getDefaultOptions().queries!;
    expect(q.refetchOnWindowFocus).toBe(false);
    expect(q.refetchOnReconnect).toBe(false);
  });
});
