'use client';
import type { ReactNode } from 'react';

import { plainError, retryCanHelp } from '@/lib/feedback/plain-error';
import { ApiError, errorMessage } from '@/lib/queries/api-error';
import { Button } from '../ui/button';
import { ErrorState } from '../ui/state';

/**
 * Why a query has no data yet: its final error, or the failure of an attempt that is being
 * retried, so the error shows at the first failure instead of after every retry.
 */
export function loadError(q: { error: unknown; failureReason: unknown }): unknown {
  return q.error ?? q.failureReason ?? null;
}

/**
 * A view that could not be loaded, said plainly. An unreachable cluster (503 before the cache
 * ever synced) reads "Cannot reach the Kubernetes API: …. Retrying…": the query retries, and the
 * live stream refetches it as soon as the cache reports a change, so no table pretends to be empty.
 */
export function LoadError({
  error,
  what,
  onRetry,
  retrying,
}: {
  error: unknown;
  /** What failed to load, e.g. "pods". */
  what: string;
  onRetry?: () => void;
  retrying?: boolean;
}) {
  const api = error instanceof ApiError ? error : null;
  let title = `Could not load ${what}`;
  let message = errorMessage(error);
  if (api?.status === 0) {
    title = 'Cannot reach the panel server';
    message = 'The panel server does not answer. Retrying…';
  } else if (api?.isUnavailable) {
    title = `Cannot load ${what}`;
    message = `Cannot reach the Kubernetes API: ${api.message}. Retrying…`;
  } else if (api?.status === 403) {
    title = `No access to ${what}`;
    message = `${plainError(api)} Kubernetes RBAC decides what you see here; ask a cluster admin for the right.`;
  } else if (api) {
    message = `${api.message} (${api.code}, HTTP ${api.status})`;
  }
  return (
    <ErrorState
      testId="view-error"
      title={title}
      message={
        <span data-testid="view-error-message" data-code={api?.code ?? 'UNKNOWN'}>
          {message}
        </span>
      }
      action={
        // Retrying a refusal (a right, bad input, something gone) fails the same way again.
        onRetry &&
        (!api || retryCanHelp(api)) && (
          <Button size="sm" onClick={onRetry} disabled={retrying}>
            {retrying ? 'Retrying…' : 'Retry now'}
          </Button>
        )
      }
    />
  );
}

/** What the helpers below need of a react-query result. */
interface LoadableQuery {
  error: unknown;
  failureReason: unknown;
  isFetching: boolean;
  refetch: () => unknown;
}

/** A query's load failure as a LoadError with a retry button wired to that query. */
export function QueryError({ query, what }: { query: LoadableQuery; what: string }) {
  return (
    <LoadError error={loadError(query)} what={what} onRetry={() => void query.refetch()} retrying={query.isFetching} />
  );
}

/** A view without data yet: its failure if loading failed, else its skeleton. */
export function QueryPending({ query, what, skeleton }: { query: LoadableQuery; what: string; skeleton: ReactNode }) {
  return loadError(query) ? <QueryError query={query} what={what} /> : <>{skeleton}</>;
}
