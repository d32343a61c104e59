import { imagePodComponentHealth, IMAGEPOD_NAMESPACE, type ComponentState } from '@/lib/imagepod-components';
import type { Tone } from '@/lib/status-tone';
import type { WorkloadRow } from '@/lib/views';
import { Badge } from '../ui/badge';
import { Card, CardHeader } from '../ui/card';
import { CardStatus, type CardQuery } from './card-status';

const TONE: Record<ComponentState, Tone> = {
  ready: 'ok',
  progressing: 'warn',
  failed: 'bad',
  paused: 'neutral',
  idle: 'neutral',
  'not-deployed': 'neutral',
};
const LABEL: Record<ComponentState, string> = {
  ready: 'Ready',
  progressing: 'Progressing',
  failed: 'Failed',
  paused: 'Paused',
  idle: 'No pods',
  'not-deployed': 'Not deployed',
};

/** The ImagePod stack's components in the `imagepod` namespace: ready/desired and state each. */
export function ComponentsHealthCard({ workloads, query }: { workloads: WorkloadRow[] | undefined; query: CardQuery }) {
  const health = workloads ? imagePodComponentHealth(workloads) : [];
  const ready = health.filter((h) => h.state === 'ready').length;
  return (
    <Card data-testid="components-health">
      <CardHeader
        title="ImagePod components"
        aside={workloads ? `${ready} of ${health.length} ready · namespace ${IMAGEPOD_NAMESPACE}` : undefined}
      />
      <CardStatus ready={workloads !== undefined} queries={[query]} what="workloads">
        <ul className="divide-y divide-zinc-100">
          {health.map((h) => (
            <li
              key={h.component.id}
              data-testid={`component-${h.component.id}`}
              data-state={h.state}
              className="flex items-center gap-3 px-4 py-2"
            >
              <div className="min-w-0 flex-1">
                <div className="text-sm font-medium text-zinc-900">{h.component.label}</div>
                <div className="truncate font-mono text-[11.5px] text-zinc-500" title={h.message}>
                  {h.workload ? `${h.workload.kind}/${h.workload.name}` : `${h.component.kind}/${h.component.names[0]}`}
                  {h.workload && h.state !== 'ready' ? ` — ${h.message}` : ''}
                </div>
              </div>
              <span data-testid={`component-replicas-${h.component.id}`} className="text-sm tabular-nums text-zinc-700">
                {h.workload ? `${h.ready}/${h.desired}` : '—'}
              </span>
              <Badge
                tone={TONE[h.state]}
                data-testid={`component-status-${h.component.id}`}
                className="w-28 justify-center"
              >
                {LABEL[h.state]}
              </Badge>
            </li>
          ))}
        </ul>
      </CardStatus>
    </Card>
  );
}
