import { formatAge } from '@/lib/format';
import { sumGpus } from '@/lib/gpu';
import { pendingGpuPods } from '@/lib/overview';
import type { PodRow } from '@/lib/views';
import { Card, CardHeader } from '../ui/card';
import { CardStatus, type CardQuery } from './card-status';

const MAX_SHOWN = 20;

/** GPU pods the scheduler cannot place, with its message (why: insufficient GPUs, taints, …). */
export function PendingGpuPodsCard({ pods, query, now }: { pods: PodRow[] | undefined; query: CardQuery; now: number }) {
  const pending = pods ? pendingGpuPods(pods) : [];
  return (
    <Card data-testid="pending-gpu-pods">
      <CardHeader title="Pending GPU pods" aside={pods ? <span data-testid="pending-gpu-pods-count">{pending.length}</span> : undefined} />
      <CardStatus ready={pods !== undefined} queries={[query]} what="pods">
        {pending.length === 0 ? (
          <p className="px-4 py-3 text-sm text-zinc-500">Every GPU pod is scheduled.</p>
        ) : (
          <ul className="divide-y divide-zinc-100">
            {pending.slice(0, MAX_SHOWN).map((p) => (
              <li key={p.key} data-testid={`pending-gpu-pod-${p.namespace}-${p.name}`} className="px-4 py-2">
                <div className="flex items-baseline justify-between gap-3">
                  <span className="truncate font-mono text-[12.5px] text-zinc-900">{p.namespace}/{p.name}</span>
                  <span className="shrink-0 text-xs text-zinc-500 tabular-nums">{sumGpus(p.gpu)} GPU · {formatAge(p.createdAt, now)}</span>
                </div>
                <p data-testid={`pending-gpu-pod-message-${p.namespace}-${p.name}`} className="mt-0.5 text-xs break-words text-amber-800">
                  {p.schedulingMessage ?? 'Waiting for the scheduler'}
                </p>
              </li>
            ))}
            {pending.length > MAX_SHOWN && <li className="px-4 py-2 text-xs text-zinc-500">and {pending.length - MAX_SHOWN} more</li>}
          </ul>
        )}
      </CardStatus>
    </Card>
  );
}
