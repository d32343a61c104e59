import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiErrorFromBody, errorMessage } from './api-error';
import { fetchJson } from './fetch-json';

afterEach(() => vi.unstubAllGlobals());

function stubFetch(impl: () => Promise<Response>) {
  const f = vi.fn<typeof fetch>(() => impl());
  vi.stubGlobal('fetch', f);
  return f;
}

describe('fetchJson', () => {
  it('returns the parsed body and asks for JSON without HTTP caching', async () => {
    const f = stubFetch(async () => Response.json({ items: [], revision: 3 }));
    await expect(fetchJson('/api/nodes')).resolves.toEqual({ items: [], revision: 3 });
    expect(f.mock.calls[0]![1]).toMatchObject({ cache: 'no-store', headers: { Accept: 'application/json' } });
  });

  it('turns the panel error shape into an ApiError with status, code and field', async () => {
    stubFetch(async () =>
      Response.json(
        { error: { code: 'UNAVAILABLE', message: 'connect ECONNREFUSED 127.0.0.1:6443' } },
        { status: 503 },
      ),
    );
    const e = await fetchJson('/api/pods').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({
      status: 503,
      code: 'UNAVAILABLE',
      message: 'connect ECONNREFUSED 127.0.0.1:6443',
      isUnavailable: true,
    });

    stubFetch(async () =>
      Response.json({ error: { code: 'INVALID', message: 'bad selector', field: 'labelSelector' } }, { status: 400 }),
    );
    await expect(fetchJson('/api/pods')).rejects.toMatchObject({
      status: 400,
      code: 'INVALID',
      field: 'labelSelector',
      isUnavailable: false,
    });
  });

  it('reports a network failure as status 0 NETWORK', async () => {
    stubFetch(async () => {
      throw new TypeError('fetch failed');
    });
    await expect(fetchJson('/api/nodes')).rejects.toMatchObject({ status: 0, code: 'NETWORK', isUnavailable: true });
  });

  it('lets an abort through unchanged', async () => {
    stubFetch(async () => {
      throw new DOMException('aborted', 'AbortError');
    });
    await expect(fetchJson('/api/nodes')).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects a 200 whose body is not JSON', async () => {
    stubFetch(async () => new Response('<html>', { status: 200 }));
    await expect(fetchJson('/api/nodes')).rejects.toMatchObject({ code: 'HTTP' });
  });
});

describe('apiErrorFromBody', () => {
  it('falls back to the status line for bodies that are not the error shape', () => {
    expect(apiErrorFromBody(502, 'Bad Gateway', '<html>oops</html>')).toMatchObject({
      code: 'HTTP',
      message: 'HTTP 502 Bad Gateway',
    });
    expect(apiErrorFromBody(503, '', '')).toMatchObject({ code: 'UNAVAILABLE', message: 'HTTP 503' });
    expect(apiErrorFromBody(500, 'Internal Server Error', 'boom')).toMatchObject({
      message: 'HTTP 500 Internal Server Error: boom',
    });
  });
  it('errorMessage reads anything thrown', () => {
    expect(errorMessage(new Error('x'))).toBe('x');
    expect(errorMessage('y')).toBe('y');
    expect(errorMessage(42)).toBe('Unknown error');
  });
});
