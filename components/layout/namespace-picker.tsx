'use client';

import { useMemo } from 'react';
import { namespacesListing, type NamespacedList } from '@/lib/namespace-access';
import { useNamespacesQuery } from '@/lib/queries/namespaces/namespaces-query';
import { Select } from '../ui/select';

/**
 * A namespace select offering only the namespaces the user may list `wanted` in (asked of
 * Kubernetes by GET /api/namespaces, empty namespaces included), plus those the page's rows are
 * in (already known to be readable), plus the current value so a shared link keeps its choice.
 * Opening it refreshes a stale answer, so a namespace created since shows up.
 */
export function NamespacePicker({
  value,
  onChange,
  wanted,
  seen,
  testId,
  className,
  'aria-label': ariaLabel,
}: {
  value: string;
  onChange: (namespace: string) => void;
  wanted: readonly NamespacedList[];
  /** Namespaces of the rows the page shows. */
  seen: readonly string[];
  testId: string;
  className?: string;
  'aria-label'?: string;
}) {
  const query = useNamespacesQuery();
  const options = useMemo(() => {
    const readable = query.data ? namespacesListing(query.data.items, wanted) : [];
    return [...new Set([...readable, ...seen])].sort((a, b) => a.localeCompare(b));
  }, [query.data, wanted, seen]);
  return (
    <Select
      data-testid={testId}
      data-loaded={query.data ? 'yes' : 'no'}
      aria-label={ariaLabel}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onFocus={() => {
        if (query.isStale && !query.isFetching) void query.refetch();
      }}
      className={className}
    >
      <option value="">All namespaces</option>
      {options.map((ns) => (
        <option key={ns} value={ns}>
          {ns}
        </option>
      ))}
      {value && !options.includes(value) && <option value={value}>{value}</option>}
    </Select>
  );
}
