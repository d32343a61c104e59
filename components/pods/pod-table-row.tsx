import Link from 'next/link';
import { podHref } from '@/lib/gpu-page/pod-links';
import { podGpuCell } from '@/lib/gpu/pod-units';
import { logsHref } from '@/lib/logs/presets';
import type { PodRow } from '@/lib/views';
import { ObjectYamlButton } from '../objects/object-yaml';
import { cn } from '../ui/cn';
import { PodStatusBadge } from './pod-status-badge';
import { podTestId } from './pod-test-id';
import { Age } from '../time/time-text';
import { MiddleTruncate } from '../ui/middle-truncate';

/** One row of the pods table, at a fixed height so the virtualizer need not measure it. */
export function PodTableRow({
  pod: p,
  index,
  height,
  now,
}: {
  pod: PodRow;
  index: number;
  height: number;
  now: number;
}) {
  const gpu = podGpuCell(p);
  return (
    <tr
      data-testid={podTestId('row', p)}
      aria-rowindex={index + 2}
      style={{ height }}
      className="border-b border-zinc-100 hover:bg-zinc-50/80"
    >
      <td className="px-3 font-mono text-[12.5px] text-zinc-900" title={p.name}>
        <span className="flex items-center gap-2">
          <Link
            href={podHref(p)}
            data-testid={podTestId('link', p)}
            className="min-w-0 text-indigo-700 hover:underline"
          >
            <MiddleTruncate text={p.name} tail={6} />
          </Link>
          {/* Below lg the name needs the room; the pod's page has both. */}
          <span className="flex shrink-0 items-center gap-2 max-lg:hidden">
            <Link
              href={logsHref({ namespace: p.namespace, pod: p.name })}
              data-testid={podTestId('logs', p)}
              className="font-sans text-xs text-indigo-700 hover:underline"
            >
              logs
            </Link>
            <ObjectYamlButton compact object={{ kind: 'Pod', namespace: p.namespace, name: p.name }} />
          </span>
        </span>
      </td>
      <td className="truncate px-3 font-mono text-[12.5px] text-zinc-600" title={p.namespace}>
        {p.namespace}
      </td>
      <td className="px-3">
        <PodStatusBadge pod={p} testId={podTestId('status', p)} />
      </td>
      <td data-testid={podTestId('ready', p)} className="px-3 tabular-nums text-zinc-700">
        {p.readyContainers}/{p.totalContainers}
      </td>
      <td
        data-testid={podTestId('restarts', p)}
        className={cn(
          'px-3 text-right tabular-nums max-lg:hidden',
          p.restarts > 0 ? 'text-amber-700' : 'text-zinc-500',
        )}
      >
        {p.restarts}
      </td>
      <td
        data-testid={podTestId('node', p)}
        className="truncate px-3 font-mono text-[12.5px]"
        title={p.nodeName ?? p.schedulingMessage ?? 'Not scheduled'}
      >
        {p.nodeName ? (
          <Link href={`/nodes/${encodeURIComponent(p.nodeName)}`} className="text-indigo-700 hover:underline">
            {p.nodeName}
          </Link>
        ) : (
          <span className="text-zinc-400">—</span>
        )}
      </td>
      <td
        data-testid={podTestId('gpu', p)}
        title={gpu.title}
        className={cn(
          'truncate px-3 text-right tabular-nums',
          gpu.text ? 'font-medium text-zinc-900' : 'text-zinc-400',
        )}
      >
        {gpu.text || '—'}
      </td>
      <td data-testid={podTestId('age', p)} className="px-3 text-right tabular-nums text-zinc-600 max-lg:hidden">
        <Age at={p.createdAt} now={now} />
      </td>
    </tr>
  );
}
