/**
 * The one JSON fetcher of the browser: same-origin, never cached by the HTTP layer, and every
 * failure turned into an ApiError (never an empty list that looks like the truth).
 */
import { ApiError, apiErrorFromBody } from './api-error';
import { redirectToSignIn } from './sign-in-redirect';

/**
 * GETs (or sends) JSON and returns the parsed body typed as `T`. A 401 (no or an ended session)
 * sends the tab to the sign-in page unless `keepOn401`. The body is trusted as the
 * panel's own API contract (lib/views.ts); validating 10,000 rows per fetch would cost more
 * than it catches.
 */
export async function fetchJson<T>(url: string, init: RequestInit & { keepOn401?: boolean } = {}): Promise<T> {
  let res: Response;
  try {
    const rest: RequestInit & { keepOn401?: boolean } = { ...init };
    delete rest.keepOn401;
    res = await fetch(url, {
      cache: 'no-store',
      credentials: 'same-origin',
      ...rest,
      headers: {
        Accept: 'application/json',
        ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...init.headers,
      },
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', 'Cannot reach the panel server');
  }
  if (res.status === 401 && !init.keepOn401) redirectToSignIn();
  if (!res.ok) throw apiErrorFromBody(res.status, res.statusText, await res.text().catch(() => ''));
  try {
    return (await res.json()) as T;
  } catch {
    throw new ApiError(res.status, 'HTTP', `The panel answered ${url} with a body that is not JSON`);
  }
}
