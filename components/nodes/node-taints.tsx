import type { Taint } from '@/lib/kube-types';
import { Chip } from '../ui/label-chips';

/** `key=value:Effect`, as `kubectl describe node` prints a taint. */
export function taintText(t: Taint): string {
  return `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;
}

/** A node's taints as chips; NoExecute in red, NoSchedule in amber. */
export function NodeTaints({ taints, testId }: { taints: Taint[]; testId?: string }) {
  if (taints.length === 0)
    return (
      <span data-testid={testId} className="text-zinc-400">
        —
      </span>
    );
  return (
    <div data-testid={testId} className="flex flex-wrap gap-1">
      {taints.map((t) => (
        <Chip
          key={`${t.key}:${t.effect}`}
          title={taintText(t)}
          className={
            t.effect === 'NoExecute'
              ? 'border-red-200 bg-red-50 text-red-800'
              : t.effect === 'NoSchedule'
                ? 'border-amber-200 bg-amber-50 text-amber-900'
                : undefined
          }
        >
          {taintText(t)}
        </Chip>
      ))}
    </div>
  );
}
