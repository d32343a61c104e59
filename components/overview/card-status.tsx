'use client';

import type { ReactNode } from 'react';
import { loadError, QueryError } from '../feedback/query-states';
import { Skeleton } from '../ui/skeleton';

/** The part of a react-query result a card needs to decide what to show. */
export interface CardQuery {
  error: unknown;
  failureReason: unknown;
  isFetching: boolean;
  refetch: () => unknown;
}

/**
 * A card's body while its view is not loaded: the error (never an empty list) or skeleton lines.
 * Renders `children` once every needed view has data.
 */
export function CardStatus({
  ready,
  queries,
  what,
  children,
}: {
  ready: boolean;
  queries: CardQuery[];
  what: string;
  children: ReactNode;
}) {
  if (ready) return <>{children}</>;
  const failed = queries.find((q) => loadError(q));
  if (failed) {
    return (
      <div className="p-4">
        <QueryError query={failed} what={what} />
      </div>
    );
  }
  return (
    <div role="status" aria-label="Loading" className="flex flex-col gap-2 p-4">
      <Skeleton className="h-3 w-3/4" />
      <Skeleton className="h-3 w-1/2" />
      <Skeleton className="h-3 w-2/3" />
    </div>
  );
}
