import { afterEach, describe, expect, it } from 'vitest';
import { HttpError } from '../errors/http-error';
import { acquireLogStream, openLogStreams } from './registry';

describe('log stream registry', () => {
  afterEach(() => {
    delete process.env.IMAGEPOD_LOG_STREAMS_PER_SESSION;
    delete process.env.IMAGEPOD_LOG_STREAMS_TOTAL;
  });

  it('caps streams per session with a 429 and frees a slot on release (once)', () => {
    process.env.IMAGEPOD_LOG_STREAMS_PER_SESSION = '2';
    const a = acquireLogStream('s1');
    const b = acquireLogStream('s1');
    const other = acquireLogStream('s2');
    let err: unknown;
    try {
      acquireLogStream('s1');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).toBe(429);
    expect((err as HttpError).headers).toEqual({ 'Retry-After': '5' });
    a();
    a();
    const c = acquireLogStream('s1');
    expect(openLogStreams()).toEqual({ total: 3, sessions: 2 });
    for (const r of [b, c, other]) r();
    expect(openLogStreams()).toEqual({ total: 0, sessions: 0 });
  });

  it('caps streams per server', () => {
    process.env.IMAGEPOD_LOG_STREAMS_TOTAL = '1';
    const a = acquireLogStream('x');
    expect(() => acquireLogStream('y')).toThrow(/limit/);
    a();
  });
});
