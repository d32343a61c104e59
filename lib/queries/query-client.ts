/**
 * The browser's QueryClient and its defaults. Cluster views are kept fresh by the live stream,
 * so nothing refetches on focus, reconnect or a timer; failures retry only when retrying can help.
 */
import { MutationCache, QueryClient } from '@tanstack/react-query';
import { backoffDelay } from '../backoff';
import { ApiError } from './api-error';
import { toastFor, type Toast } from './mutation-feedback';

const MAX_RETRIES = 3;

/**
 * Retry unavailability and unknown failures a few times; never retry a client error (4xx other
 * than 408/429), which will fail the same way again. After the last retry the live stream's
 * `hello`/`health` events refetch views that have no data (see stream-handlers.ts).
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
    return error.status === 408 || error.status === 429;
  }
  return true;
}

/** Exponential backoff capped at 10 s (1 s, 2 s, 4 s, …). */
export function retryDelay(attempt: number): number {
  return backoffDelay(attempt, { baseMs: 1000, capMs: 10_000 });
}

/**
 * A QueryClient with the panel's defaults; one per browser tab (see app/providers.tsx). `notify`
 * shows each finished action's toast (mutation-feedback.ts): one place for all of them.
 */
export function makeQueryClient(notify: (t: Toast) => void = () => {}): QueryClient {
  const show = (t: Toast | null) => {
    if (t) notify(t);
  };
  return new QueryClient({
    mutationCache: new MutationCache({
      onSuccess: (data, vars, _r, mutation) => show(toastFor(mutation.meta, { ok: true, data, vars })),
      onError: (error, vars, _r, mutation) => show(toastFor(mutation.meta, { ok: false, error, vars })),
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        retry: shouldRetry,
        retryDelay,
      },
      mutations: { retry: false },
    },
  });
}
