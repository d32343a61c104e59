import type { LabelChange } from '@/lib/label-validation';
import type { PlacementChange } from '@/lib/placement';
import type { LabelPreviewData } from '@/lib/queries/nodes/label-preview-mutation';
import { Chip } from '../../ui/label-chips';

function ChangeChip({ c }: { c: LabelChange }) {
  switch (c.kind) {
    case 'added':
      return (
        <Chip className="border-emerald-200 bg-emerald-50 text-emerald-900">
          + {c.key}={c.after}
        </Chip>
      );
    case 'changed':
      return (
        <Chip className="border-amber-200 bg-amber-50 text-amber-900">
          {c.key}: {c.before} → {c.after}
        </Chip>
      );
    case 'removed':
      return (
        <Chip className="border-red-200 bg-red-50 text-red-900">
          − {c.key}={c.before}
        </Chip>
      );
    case 'unchanged':
      return (
        <Chip className="text-zinc-500">
          {c.value === undefined ? `${c.key} not set (unchanged)` : `${c.key}=${c.value} (unchanged)`}
        </Chip>
      );
  }
}

const VERB = {
  start: 'starts a pod here',
  stop: 'stops its pod here',
  kept: 'keeps its running pod, but would not place a new one',
} as const;
const TONE = { start: 'text-emerald-800', stop: 'text-red-800', kept: 'text-amber-800' } as const;

function PlacementLine({ p }: { p: PlacementChange }) {
  const ds = `${p.daemonSet.namespace ? `${p.daemonSet.namespace}/` : ''}${p.daemonSet.name}`;
  return (
    <li data-testid={`preview-placement-${p.change}-${ds.replace('/', '-')}`}>
      <span className={`font-medium ${TONE[p.change]}`}>
        {p.change === 'start' ? '▲' : p.change === 'stop' ? '▼' : '•'} DaemonSet <span className="font-mono">{ds}</span>{' '}
        {VERB[p.change]}
      </span>
      {p.reasons.length > 0 && (
        <span className="text-zinc-500">
          {' '}
          — {p.change === 'start' ? 'until now: ' : ''}
          {p.reasons.join('; ')}
        </span>
      )}
    </li>
  );
}

/** Per node: what each label does, and which DaemonSets start or stop a pod there. */
export function LabelPreview({ data }: { data: LabelPreviewData }) {
  return (
    <div data-testid="label-preview" className="flex flex-col gap-3">
      {data.nodes.map((n) => (
        <div key={n.name} data-testid={`preview-node-${n.name}`} className="rounded-md border border-zinc-200 p-3">
          <div className="mb-2 font-mono text-[13px] font-medium">{n.name}</div>
          <div className="mb-2 flex flex-wrap gap-1">
            {n.changes.map((c) => (
              <ChangeChip key={c.key} c={c} />
            ))}
          </div>
          {n.placement.length === 0 ? (
            <p className="text-xs text-zinc-500">No DaemonSet starts or stops a pod on this node.</p>
          ) : (
            <ul className="flex flex-col gap-1 text-xs">
              {n.placement.map((p) => (
                <PlacementLine key={`${p.daemonSet.namespace}/${p.daemonSet.name}`} p={p} />
              ))}
            </ul>
          )}
        </div>
      ))}
      {data.hiddenDaemonSets > 0 && (
        <p className="text-xs text-zinc-500">
          {data.hiddenDaemonSets} DaemonSet(s) in namespaces you may not list are not included.
        </p>
      )}
    </div>
  );
}
