'use client';

import { useMemo } from 'react';
import Link from 'next/link';
import { podHref } from '@/lib/gpu-page/pod-links';
import { usePodsQuery } from '@/lib/queries/pods/pods-query';
import { QueryPending } from '../../feedback/query-states';
import { PodStatusBadge } from '../../pods/pod-status-badge';
import { Table, TableScroll, TBody, TD, TH, THead, TR } from '../../ui/table';

const collator = new Intl.Collator('en', { numeric: true });

/** The DaemonSet pods on the chosen nodes, live from the pods view: GPU workers arriving and leaving. */
export function DaemonPodsLive({ nodes }: { nodes: ReadonlySet<string> }) {
  const q = usePodsQuery();
  const pods = useMemo(
    () =>
      q.data?.items
        .filter((p) => p.owner?.kind === 'DaemonSet' && p.nodeName !== null && nodes.has(p.nodeName))
        .sort((a, b) => collator.compare(a.nodeName ?? '', b.nodeName ?? '') || collator.compare(a.name, b.name)),
    [q.data, nodes],
  );
  if (!pods) return <QueryPending query={q} what="pods" skeleton={null} />;
  return (
    <TableScroll>
      <Table data-testid="daemon-pods">
        <THead>
          <tr>
            <TH>Node</TH>
            <TH>DaemonSet</TH>
            <TH>Pod</TH>
            <TH>Status</TH>
          </tr>
        </THead>
        <TBody>
          {pods.map((p) => (
            <TR key={p.key} data-testid={`daemon-pod-${p.namespace}-${p.owner?.name}-${p.nodeName}`}>
              <TD className="font-mono text-[12.5px]">{p.nodeName}</TD>
              <TD className="font-mono text-[12.5px] text-zinc-600">
                {p.namespace}/{p.owner?.name}
              </TD>
              <TD className="font-mono text-[12.5px]">
                <Link href={podHref(p)} className="text-indigo-700 hover:underline">
                  {p.name}
                </Link>
              </TD>
              <TD>
                <PodStatusBadge pod={p} />
              </TD>
            </TR>
          ))}
          {pods.length === 0 && (
            <tr>
              <td colSpan={4} className="px-3 py-6 text-center text-sm text-zinc-500">
                {nodes.size ? 'No DaemonSet pods on these nodes.' : 'Select nodes to follow their DaemonSet pods.'}
              </td>
            </tr>
          )}
        </TBody>
      </Table>
    </TableScroll>
  );
}
