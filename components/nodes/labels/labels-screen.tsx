'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import { checkLabelRows, type LabelRow } from '@/lib/label-form';
import { useAccess } from '@/lib/queries/access/access-query';
import { useLabelApplyMutation } from '@/lib/queries/nodes/label-apply-mutation';
import { useLabelPreviewMutation } from '@/lib/queries/nodes/label-preview-mutation';
import { useNodesQuery } from '@/lib/queries/nodes/nodes-query';
import { QueryPending } from '../../feedback/query-states';
import { PageHeader } from '../../layout/page-header';
import { Button } from '../../ui/button';
import { Card, CardBody, CardHeader } from '../../ui/card';
import { TableSkeleton } from '../../ui/skeleton';
import { DaemonPodsLive } from './daemon-pods-live';
import { LabelPreview } from './label-preview';
import { LabelRowsEditor } from './label-rows-editor';
import { NodePicker } from './node-picker';

const collator = new Intl.Collator('en', { numeric: true });
const NODE_PATCH = { verb: 'patch', resource: 'nodes' } as const;

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
  const preview = useLabelPreviewMutation();
  const apply = useLabelApplyMutation();
  const access = useAccess([NODE_PATCH]).get(NODE_PATCH);
  const nodes = useMemo(() => nodesQ.data?.items.slice().sort((a, b) => collator.compare(a.name, b.name)), [nodesQ.data]);
  const check = checkLabelRows(rows);
  const names = [...selected].sort(collator.compare);
  const current = JSON.stringify([names, check.edits]);
  const previewed = preview.data && preview.variables && JSON.stringify([preview.variables.nodes, preview.variables.edits]) === current ? preview.data : null;
  const ready = names.length > 0 && check.valid && (!check.touchesSystem || ack);
  const edit = (f: () => void) => { f(); apply.reset(); };

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
        actions={<Link href="/nodes" className="text-sm text-indigo-700 hover:underline">← All nodes</Link>}
      />
      {access && !access.allowed && (
        <p data-testid="labels-denied" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Kubernetes does not allow you to change nodes{access.reason ? `: ${access.reason}` : ''}. You can still preview.
        </p>
      )}
      <div className="grid gap-4 xl:grid-cols-2">
        <Card>
          <CardHeader title="1. Nodes" />
          <CardBody><NodePicker nodes={nodes} selected={selected} onChange={(s) => edit(() => setSelected(s))} /></CardBody>
        </Card>
        <Card>
          <CardHeader title="2. Labels to set or remove" />
          <CardBody className="flex flex-col gap-3">
            <LabelRowsEditor rows={rows} check={check} nextId={nextId} onChange={(r) => edit(() => { setRows(r); setNextId((n) => n + 1); })} />
            {check.touchesSystem && (
              <label className="flex items-start gap-2 text-sm text-amber-900">
                <input type="checkbox" data-testid="label-ack-system" checked={ack} onChange={(e) => setAck(e.target.checked)} className="mt-0.5 accent-amber-600" />
                I understand that a system component manages these labels and may overwrite or act on my change.
              </label>
            )}
            <div>
              <Button variant="primary" data-testid="label-preview-button" disabled={!ready || preview.isPending} onClick={() => preview.mutate({ nodes: names, edits: check.edits })}>
                {preview.isPending ? 'Previewing…' : 'Preview'}
              </Button>
            </div>
            {preview.error && <p role="alert" data-testid="label-preview-error" className="text-sm text-red-700">{preview.error.message}</p>}
          </CardBody>
        </Card>
      </div>
      {previewed && (
        <Card>
          <CardHeader title="3. What will change" aside={`${previewed.nodes.length} node(s)`} />
          <CardBody className="flex flex-col gap-3">
            <LabelPreview data={previewed} />
            <div className="flex flex-wrap items-center gap-3">
              <Button
                variant="primary" data-testid="label-apply" disabled={apply.isPending || apply.isSuccess || (access && !access.allowed)}
                onClick={() => apply.mutate({ nodes: previewed.nodes.map((n) => ({ name: n.name, resourceVersion: n.resourceVersion })), edits: check.edits })}
              >
                {apply.isPending ? 'Applying…' : `Apply to ${previewed.nodes.length} node(s)`}
              </Button>
              {apply.isSuccess && <span data-testid="label-applied" className="text-sm text-emerald-800">Applied. The DaemonSet pods below follow live.</span>}
              {apply.error && (
                <span role="alert" data-testid="label-apply-error" className="text-sm text-red-700">
                  {apply.error.message}
                  {apply.error.status === 409 && <Button size="sm" className="ml-2" onClick={() => { apply.reset(); preview.mutate({ nodes: names, edits: check.edits }); }}>Preview again</Button>}
                </span>
              )}
            </div>
          </CardBody>
        </Card>
      )}
      <Card>
        <CardHeader title="DaemonSet pods on the selected nodes" aside="live" />
        <CardBody><DaemonPodsLive nodes={selected} /></CardBody>
      </Card>
    </div>
  );
}
