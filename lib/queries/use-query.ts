'use client';

import {
  useQuery as useTanstackQuery,
  type DefaultError,
  type QueryKey,
  type UseQueryOptions,
  type UseQueryResult,
} from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/**
 * False while React hydrates the server's HTML, true ever after (and at once on a client
 * navigation): React reads the server snapshot during hydration and re-renders with the client's.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/**
 * What the server rendered for every query: nothing fetched yet. The server has no query cache,
 * so a page's HTML always shows its loading state.
 */
function asOnTheServer<TData, TError>(result: UseQueryResult<TData, TError>): UseQueryResult<TData, TError> {
  return {
    data: undefined,
    error: null,
    status: 'pending',
    fetchStatus: result.isEnabled ? 'fetching' : 'idle',
    isPending: true,
    isLoading: result.isEnabled,
    isInitialLoading: result.isEnabled,
    isFetching: result.isEnabled,
    isSuccess: false,
    isError: false,
    isLoadingError: false,
    isRefetchError: false,
    isPaused: false,
    isPlaceholderData: false,
    isRefetching: false,
    isStale: true,
    isFetched: false,
    isFetchedAfterMount: false,
    isEnabled: result.isEnabled,
    dataUpdatedAt: 0,
    errorUpdatedAt: 0,
    errorUpdateCount: 0,
    failureCount: 0,
    failureReason: null,
    refetch: result.refetch,
  } as UseQueryResult<TData, TError>;
}

/**
 * TanStack's useQuery, but hydration renders what the server rendered. TanStack reads the cache
 * during hydration, and the cache can already hold an answer there: the layout (top bar) hydrates
 * first and asks for the cache health, and the page below it, in its own Suspense boundary,
 * hydrates a moment later — with the answer where the server's HTML had "loading", which React
 * reports as a hydration mismatch (#418) and repairs by throwing the page's HTML away. Here the
 * first render of a hydrating component shows the loading state; the render right after it shows
 * the cache. Client navigations are not hydrations: they show cached answers at once.
 */
export function useQuery<
  TQueryFnData = unknown,
  TError = DefaultError,
  TData = TQueryFnData,
  TQueryKey extends QueryKey = QueryKey,
>(options: UseQueryOptions<TQueryFnData, TError, TData, TQueryKey>): UseQueryResult<TData, TError> {
  const result = useTanstackQuery(options);
  const hydrated = useHydrated();
  if (hydrated || result.status === 'pending') return result;
  return asOnTheServer(result);
}
