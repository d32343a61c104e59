import { cn } from '../ui/cn';

/**
 * A GPU allocation bar: requested over allocatable. Indigo while there is room, amber when
 * full, red when requests exceed what the node offers (it lost GPUs under running pods).
 */
export function GpuBar({
  requested,
  allocatable,
  testId,
  className,
}: {
  requested: number;
  allocatable: number;
  testId?: string;
  className?: string;
}) {
  const pct = allocatable > 0 ? Math.min(100, (requested / allocatable) * 100) : requested > 0 ? 100 : 0;
  const over = requested > allocatable;
  const full = !over && allocatable > 0 && requested === allocatable;
  return (
    <div
      data-testid={testId}
      role="meter"
      aria-label="GPUs requested"
      aria-valuemin={0}
      aria-valuemax={allocatable}
      aria-valuenow={requested}
      className={cn('h-1.5 w-full overflow-hidden rounded-full bg-zinc-200', className)}
    >
      <div
        className={cn('h-full rounded-full', over ? 'bg-red-500' : full ? 'bg-amber-500' : 'bg-indigo-500')}
        style={{ width: `${pct}%` }}
      />
    </div>
  );
}
