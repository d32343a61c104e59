import { sumGpus, type GpuCounts } from '@/lib/gpu';
import { cn } from '../ui/cn';
import { TD } from '../ui/table';

/** The "GPU / pod" cell: the GPU units one pod requests, as the GPU model counts them, each named in the title. */
export function GpuPerPodCell({ gpuPerPod, testId }: { gpuPerPod: GpuCounts; testId?: string }) {
  const gpus = sumGpus(gpuPerPod);
  return (
    <TD
      data-testid={testId}
      title={
        Object.entries(gpuPerPod)
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ') || 'No GPU request'
      }
      className={cn('text-right tabular-nums', gpus > 0 ? 'font-medium' : 'text-zinc-400')}
    >
      {gpus > 0 ? gpus : '—'}
    </TD>
  );
}
