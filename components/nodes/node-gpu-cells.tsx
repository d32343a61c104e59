import type { GpuAllocation } from '@/lib/gpu';
import type { NodeGpuNumbers } from '@/lib/gpu/inventory';
import { sumAllocations } from '@/lib/overview';
import { GpuBar } from '../charts/gpu-bar';
import { cn } from '../ui/cn';

function breakdown(list: GpuAllocation[] | undefined, field: keyof Omit<GpuAllocation, 'resource'>): string {
  if (!list) return 'Loading pods…';
  return list.length ? list.map((a) => `${a.resource}: ${a[field]}`).join(', ') : 'No GPU resources';
}

/**
 * A node's GPU numbers as table cells: physical GPUs free / total (`gpu-physical-<node>`), then
 * summed over its GPU units (whole GPUs, MIG slices, shares, DRA devices): capacity;
 * requested / allocatable over a bar; free. Each number has its own test id
 * (`gpu-capacity-<node>`, `gpu-requested-<node>`, `gpu-allocatable-<node>`, `gpu-free-<node>`).
 * `allocation` is undefined while pods load, shown as "…" (without test ids), never as 0.
 */
export function NodeGpuCells({
  node,
  allocation,
  numbers,
}: {
  node: string;
  allocation: GpuAllocation[] | undefined;
  numbers: NodeGpuNumbers | undefined;
}) {
  const t = allocation ? sumAllocations(allocation) : null;
  const hasGpus = Boolean(t && (t.capacity > 0 || t.requested > 0));
  const dim = hasGpus ? 'text-zinc-900' : 'text-zinc-400';
  // Test ids only once the numbers are known: an element with the id always holds a real value.
  const id = (name: string) => (t ? `${name}-${node}` : undefined);
  return (
    <>
      <td
        data-testid={numbers ? `gpu-physical-${node}` : undefined}
        title={
          numbers
            ? `${numbers.physicalFree} of ${numbers.physical} physical GPUs free${numbers.estimated ? ' (count inferred from labels)' : ''}`
            : undefined
        }
        className={cn(
          'px-3 py-2 text-right whitespace-nowrap tabular-nums',
          numbers?.physical ? 'text-zinc-900' : 'text-zinc-400',
        )}
      >
        {numbers
          ? numbers.physical
            ? `${numbers.physicalFree} / ${numbers.physical}${numbers.estimated ? '~' : ''}`
            : '—'
          : '…'}
      </td>
      <td
        data-testid={id('gpu-capacity')}
        title={breakdown(allocation, 'capacity')}
        className={cn('px-3 py-2 text-right tabular-nums', dim)}
      >
        {t ? t.capacity : '…'}
      </td>
      <td className="px-3 py-2">
        <div className={cn('flex items-baseline justify-end gap-1 tabular-nums', dim)}>
          <span data-testid={id('gpu-requested')} title={breakdown(allocation, 'requested')} className="font-semibold">
            {t ? t.requested : '…'}
          </span>
          <span className="text-zinc-400">/</span>
          <span data-testid={id('gpu-allocatable')} title={breakdown(allocation, 'allocatable')}>
            {t ? t.allocatable : '…'}
          </span>
        </div>
        {t && hasGpus && (
          <GpuBar requested={t.requested} allocatable={t.allocatable} testId={`gpu-bar-${node}`} className="mt-1" />
        )}
      </td>
      <td
        data-testid={id('gpu-free')}
        title={breakdown(allocation, 'free')}
        className={cn('px-3 py-2 text-right tabular-nums', t && t.free < 0 ? 'font-semibold text-red-700' : dim)}
      >
        {t ? t.free : '…'}
      </td>
    </>
  );
}
