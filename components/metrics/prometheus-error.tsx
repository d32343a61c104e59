'use client';

import { ApiError, errorMessage } from '@/lib/queries/api-error';
import { Button } from '../ui/button';
import { ErrorState } from '../ui/state';

/** A metrics query that failed: Prometheus unreachable or slow (retried), or a query it refused. */
export function PrometheusError({
  error,
  onRetry,
  retrying,
}: {
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
}) {
  const api = error instanceof ApiError ? error : null;
  const title = api?.isUnavailable
    ? 'Prometheus is not answering'
    : api?.status === 400
      ? 'The query was refused'
      : api?.status === 403
        ? 'Not yours to read'
        : api?.status === 429
          ? 'Too many metric queries at once'
          : 'Could not load the metrics';
  return (
    <ErrorState
      testId="prometheus-error"
      title={title}
      message={
        <span data-testid="prometheus-error-message" data-code={api?.code ?? 'UNKNOWN'}>
          {errorMessage(error)}
        </span>
      }
      action={
        onRetry && (
          <Button size="sm" onClick={onRetry} disabled={retrying}>
            {retrying ? 'Retrying…' : 'Retry now'}
          </Button>
        )
      }
    />
  );
}
