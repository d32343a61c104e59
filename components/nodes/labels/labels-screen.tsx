'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import { plural } from '@/lib/format';
import { checkLabelRows, type LabelRow } from '@/lib/label-form';
import { useAccess } from '@/lib/queries/access/access-query';
import { useLabelApplyMutation } from '@/lib/queries/nodes/label-apply-mutation';
import { useLabelPreviewMutation, type LabelPreviewData } from '@/lib/queries/nodes/label-preview-mutation';
import { useNodesQuery } from '@/lib/queries/nodes/nodes-query';
import { ConfirmDialog } from '../../feedback/confirm-dialog';
import { QueryPending } from '../../feedback/query-states';
import { PageHeader } from '../../layout/page-header';
import { Card, CardBody, CardHeader } from '../../ui/card';
import { TableSkeleton } from '../../ui/skeleton';
import { DaemonPodsLive } from './daemon-pods-live';
import { LabelApplyCard } from './label-apply-card';
import { LabelEditCard } from './label-edit-card';
import { NodePicker } from './node-picker';

const collator = new Intl.Collator('en', { numeric: true });
const NODE_PATCH = { verb: 'patch', resource: 'nodes' } as const;

/** The DaemonSet pods the previewed change stops, per node: what the apply must confirm first. */
function stopsOf(p: LabelPreviewData): { node: string; daemonSet: string }[] {
  return p.nodes.flatMap((n) =>
    n.placement
      .filter((c) => c.change === 'stop')
      .map((c) => ({
        node: n.name,
        daemonSet: `${c.daemonSet.namespace ? `${c.daemonSet.namespace}/` : ''}${c.daemonSet.name}`,
      })),
  );
}

/**
 * The node-labelling form: pick nodes, edit label rows (checked as the API server checks them),
 * preview what changes and which DaemonSet pods start or stop, then apply exactly what was
 * previewed (each node at the version previewed; a concurrent change is refused, not overwritten).
 */
export function LabelsScreen({ initialNodes }: { initialNodes: string[] }) {
  const nodesQ = useNodesQuery();
  const [selected, setSelected] = useState<Set<string>>(() => new Set(initialNodes));
  const [rows, setRows] = useState<LabelRow[]>([{ id: 0, key: '', value: '', remove: false }]);
  const [nextId, setNextId] = useState(1);
  const [ack, setAck] = useState(false);
  const [confirmStops, setConfirmStops] = useState(false);
  const preview = useLabelPreviewMutation();
  const apply = useLabelApplyMutation();
  const access = useAccess([NODE_PATCH]).get(NODE_PATCH);
  const nodes = useMemo(
    () => nodesQ.data?.items.slice().sort((a, b) => collator.compare(a.name, b.name)),
    [nodesQ.data],
  );
  const check = checkLabelRows(rows);
  const names = [...selected].sort(collator.compare);
  const current = JSON.stringify([names, check.edits]);
  const previewed =
    preview.data && preview.variables && JSON.stringify([preview.variables.nodes, preview.variables.edits]) === current
      ? preview.data
      : null;
  const stops = previewed ? stopsOf(previewed) : [];
  const ready = names.length > 0 && check.valid && (!check.touchesSystem || ack);
  const edit = (f: () => void) => {
    f();
    apply.reset();
  };
  const runPreview = () => preview.mutate({ nodes: names, edits: check.edits });
  const applyPreviewed = (p: LabelPreviewData) =>
    apply.mutate({
      nodes: p.nodes.map((n) => ({ name: n.name, resourceVersion: n.resourceVersion })),
      edits: check.edits,
    });

  if (!nodes) {
    return (
      <>
        <PageHeader title="Label nodes" />
        <QueryPending query={nodesQ} what="nodes" skeleton={<TableSkeleton rows={5} testId="labels-loading" />} />
      </>
    );
  }
  return (
    <div data-testid="labels-view" className="flex flex-col gap-4">
      <PageHeader
        title="Label nodes"
        subtitle="DaemonSets such as the GPU workers run on the nodes whose labels they select."
        actions={
          <Link href="/nodes" className="text-sm text-indigo-700 hover:underline">
            ← All nodes
          </Link>
        }
      />
      {access && !access.allowed && (
        <p data-testid="labels-denied" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Kubernetes does not allow you to change nodes{access.reason ? `: ${access.reason}` : ''}. You can still
          preview.
        </p>
      )}
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <Card>
          <CardHeader title="1. Nodes" />
          <CardBody>
            <NodePicker nodes={nodes} selected={selected} onChange={(s) => edit(() => setSelected(s))} />
          </CardBody>
        </Card>
        <LabelEditCard
          rows={rows}
          check={check}
          nextId={nextId}
          onRowsChange={(r) =>
            edit(() => {
              setRows(r);
              setNextId((n) => n + 1);
            })
          }
          ack={ack}
          onAck={setAck}
          ready={ready}
          preview={preview}
          onPreview={runPreview}
        />
      </div>
      {previewed && (
        <LabelApplyCard
          previewed={previewed}
          apply={apply}
          denied={access ? !access.allowed : false}
          onApply={() => (stops.length > 0 ? setConfirmStops(true) : applyPreviewed(previewed))}
          onPreviewAgain={() => {
            apply.reset();
            runPreview();
          }}
        />
      )}
      {previewed && (
        <ConfirmDialog
          open={confirmStops}
          testId="label-stop-confirm"
          danger
          title={`Stop ${plural(stops.length, 'DaemonSet pod')}?`}
          confirmLabel={`Apply and stop ${plural(stops.length, 'pod')}`}
          onConfirm={() => {
            setConfirmStops(false);
            applyPreviewed(previewed);
          }}
          onCancel={() => setConfirmStops(false)}
        >
          <p>After this change these DaemonSets no longer select the node, and Kubernetes removes their pod there:</p>
          <ul className="flex flex-col gap-0.5 font-mono text-xs">
            {stops.map((s) => (
              <li key={`${s.node}/${s.daemonSet}`}>
                {s.daemonSet} on {s.node}
              </li>
            ))}
          </ul>
          <p>Work running in those pods stops (a GPU worker drops its jobs).</p>
        </ConfirmDialog>
      )}
      <Card>
        <CardHeader title="DaemonSet pods on the selected nodes" aside="live" />
        <CardBody>
          <DaemonPodsLive nodes={selected} />
        </CardBody>
      </Card>
    </div>
  );
}
