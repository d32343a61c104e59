'use client';

import { useEffect } from 'react';
import { errorMessage } from '@/lib/queries/api-error';
import { Button } from '../ui/button';
import { ErrorState } from '../ui/state';

/**
 * A route segment's error boundary body (error.tsx): an unexpected failure while rendering the
 * page, with a retry. Query failures do not land here; views show their own error states.
 */
export function RouteError({ error, retry, area }: { error: unknown; retry: () => void; area: string }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <ErrorState
      testId="route-error"
      title={`The ${area} page failed`}
      message={errorMessage(error)}
      action={
        <Button size="sm" onClick={() => retry()}>
          Try again
        </Button>
      }
    />
  );
}
