import Link from 'next/link';
import { nodeCounts } from '@/lib/overview';
import type { NodeRow } from '@/lib/views';
import { Card, CardBody, CardHeader } from '../ui/card';
import { Stat } from '../ui/stat';
import { CardStatus, type CardQuery } from './card-status';

/** Nodes ready / not ready, with the names of the nodes that are not ready. */
export function NodesSummaryCard({ nodes, query }: { nodes: NodeRow[] | undefined; query: CardQuery }) {
  const c = nodes ? nodeCounts(nodes) : null;
  const notReady = nodes?.filter((n) => n.ready !== true) ?? [];
  return (
    <Card data-testid="nodes-summary">
      <CardHeader
        title="Nodes"
        aside={
          <Link href="/nodes" className="text-indigo-700 hover:underline">
            All nodes →
          </Link>
        }
      />
      <CardStatus ready={c !== null} queries={[query]} what="nodes">
        <CardBody className="flex flex-col gap-3">
          <div className="grid grid-cols-3 gap-3">
            <Stat label="Total" value={c?.total ?? 0} testId="nodes-total-count" />
            <Stat label="Ready" value={c?.ready ?? 0} testId="nodes-ready-count" />
            <Stat
              label="Not ready"
              value={c?.notReady ?? 0}
              testId="nodes-not-ready-count"
              tone={c && c.notReady > 0 ? 'bad' : undefined}
            />
          </div>
          {notReady.length > 0 && (
            <ul className="flex flex-wrap gap-1.5 text-xs">
              {notReady.map((n) => (
                <li key={n.key}>
                  <Link
                    href={`/nodes/${encodeURIComponent(n.name)}`}
                    data-testid={`not-ready-node-${n.name}`}
                    className="rounded bg-red-50 px-1.5 py-0.5 font-mono text-red-800 hover:underline"
                  >
                    {n.name} ({n.status})
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </CardBody>
      </CardStatus>
    </Card>
  );
}
