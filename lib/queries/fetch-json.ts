/**
 * The one JSON fetcher of the browser: same-origin, never cached by the HTTP layer, and every
 * failure turned into an ApiError (never an empty list that looks like the truth).
 */
import { ApiError, apiErrorFromBody } from './api-error';

/**
 * GETs (or sends) JSON and returns the parsed body typed as `T`. The body is trusted as the
 * panel's own API contract (lib/views.ts); validating 10,000 rows per fetch would cost more
 * than it catches.
 */
export async function fetchJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      cache: 'no-store',
      credentials: 'same-origin',
      ...init,
      headers: { Accept: 'application/json', ...init.headers },
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', 'Cannot reach the panel server');
  }
  if (!res.ok) throw apiErrorFromBody(res.status, res.statusText, await res.text().catch(() => ''));
  try {
    return (await res.json()) as T;
  } catch {
    throw new ApiError(res.status, 'HTTP', `The panel answered ${url} with a body that is not JSON`);
  }
}
