import Link from 'next/link';
import { podHref } from '@/lib/gpu-page/pod-links';
import type { PendingGpuPod } from '@/lib/gpu/model-types';
import { Card, CardHeader } from '../ui/card';
import { CardStatus, type CardQuery } from './card-status';
import { Age } from '../time/time-text';
import { MiddleTruncate } from '../ui/middle-truncate';

const MAX_SHOWN = 20;

/** What a pending pod asks for, shortly: `2 × nvidia.com/gpu · 1 × nvidia.com/mig-1g.10gb · claim gpu-x`. */
function asks(p: PendingGpuPod): string {
  const units = Object.entries(p.requests).map(([r, n]) => (r === 'nvidia.com/gpu' ? `${n} GPU` : `${n} × ${r}`));
  const claims = p.claims.map((c) => `claim ${c.name}`);
  const parts = [...units, ...claims];
  return parts.length ? parts.join(' · ') : 'claims not created yet';
}

/**
 * Pods the scheduler cannot place that want GPU units (whole, MIG, shares) or DRA claims, from the
 * GPU model, oldest first, with the scheduler's message (insufficient units, taints, claims that
 * cannot be allocated, …).
 */
export function PendingGpuPodsCard({
  pending,
  query,
  now,
}: {
  pending: readonly PendingGpuPod[] | undefined;
  query: CardQuery;
  now: number;
}) {
  const list = pending
    ? [...pending].sort(
        (a, b) =>
          (a.createdAt ?? '').localeCompare(b.createdAt ?? '') ||
          a.pod.namespace.localeCompare(b.pod.namespace) ||
          a.pod.name.localeCompare(b.pod.name),
      )
    : [];
  return (
    <Card data-testid="pending-gpu-pods">
      <CardHeader
        title="Pending GPU pods"
        aside={pending ? <span data-testid="pending-gpu-pods-count">{list.length}</span> : undefined}
      />
      <CardStatus ready={pending !== undefined} queries={[query]} what="pods">
        {list.length === 0 ? (
          <p className="px-4 py-3 text-sm text-zinc-500">Every GPU pod is scheduled.</p>
        ) : (
          <ul className="divide-y divide-zinc-100">
            {list.slice(0, MAX_SHOWN).map((p) => (
              <li
                key={`${p.pod.namespace}/${p.pod.name}`}
                data-testid={`pending-gpu-pod-${p.pod.namespace}-${p.pod.name}`}
                className="px-4 py-2"
              >
                <div className="flex items-baseline justify-between gap-3">
                  <Link
                    href={podHref(p.pod)}
                    data-testid={`pending-gpu-pod-link-${p.pod.namespace}-${p.pod.name}`}
                    className="min-w-0 font-mono text-[12.5px] text-indigo-700 hover:underline"
                  >
                    <MiddleTruncate text={`${p.pod.namespace}/${p.pod.name}`} />
                  </Link>
                  <span className="shrink-0 text-xs text-zinc-500 tabular-nums">
                    {asks(p)} · <Age at={p.createdAt} now={now} />
                  </span>
                </div>
                <p
                  data-testid={`pending-gpu-pod-message-${p.pod.namespace}-${p.pod.name}`}
                  className="mt-0.5 text-xs break-words text-amber-800"
                >
                  {p.reason ?? 'Waiting for the scheduler'}
                </p>
              </li>
            ))}
            {list.length > MAX_SHOWN && (
              <li className="px-4 py-2 text-xs text-zinc-500">and {list.length - MAX_SHOWN} more</li>
            )}
          </ul>
        )}
      </CardStatus>
    </Card>
  );
}
