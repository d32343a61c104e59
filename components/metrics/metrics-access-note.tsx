'use client';

import { useMetricsAccessQuery } from '@/lib/queries/metrics/access-query';

/**
 * What the charts and the PromQL box are limited to, in words: nothing for a user who may read
 * every series, otherwise the namespaces and whether node-wide series are included.
 */
export function MetricsAccessNote() {
  const q = useMetricsAccessQuery();
  const a = q.data;
  if (!a || (a.matcher === null && !a.readsNothing)) return null;
  const namespaces =
    a.namespaces === 'all'
      ? 'every namespace'
      : a.namespaces.length === 1
        ? `namespace ${a.namespaces[0]}`
        : a.namespaces.length
          ? `namespaces ${a.namespaces.join(', ')}`
          : null;
  return (
    <div
      role="note"
      data-testid="metrics-scope"
      className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      {a.readsNothing ? (
        <p className="font-medium">
          Kubernetes does not allow you to list pods or nodes, so no Prometheus series is yours to read.
        </p>
      ) : (
        <>
          <p className="font-medium">
            Limited to what Kubernetes lets you read: series of {namespaces ?? 'no namespace'}
            {a.nodes ? ' and of nodes' : ''}.
          </p>
          <p className="mt-0.5 text-amber-800">
            {a.nodes
              ? 'Pods of other namespaces are left out.'
              : 'Node-wide series (GPUs no pod of yours holds, node metrics) need the right to list nodes.'}{' '}
            Every selector of your PromQL gets <code className="font-mono">{a.matcher}</code>.
          </p>
        </>
      )}
    </div>
  );
}
