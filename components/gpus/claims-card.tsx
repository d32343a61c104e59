import Link from 'next/link';
import { podHref } from '@/lib/gpu-page/pod-links';
import type { ClaimInfo } from '@/lib/gpu/model-types';
import { Badge } from '../ui/badge';
import { Card, CardBody, CardHeader } from '../ui/card';
import { Table, TableScroll, TBody, TD, TH, THead, TR } from '../ui/table';

const STATE = {
  pending: { tone: 'warn', label: 'Pending' },
  unreserved: { tone: 'info', label: 'Allocated, no pod' },
  reserved: { tone: 'ok', label: 'Reserved' },
} as const;

/**
 * The DRA claims that need an operator's eye: pending (not allocated, with the scheduler's
 * reason when a pod waits on them) and allocated but reserved by no pod (devices held for
 * nothing). Reserved claims show on the map as holders of their devices.
 */
export function ClaimsCard({ pending, unreserved }: { pending: ClaimInfo[]; unreserved: ClaimInfo[] }) {
  const claims = [...pending, ...unreserved];
  return (
    <Card data-testid="gpu-claims-card">
      <CardHeader
        title="Claims to look at"
        aside={`${pending.length} pending · ${unreserved.length} allocated to no pod`}
      />
      <CardBody className={claims.length ? 'p-0' : undefined}>
        {claims.length === 0 ? (
          <p className="text-sm text-zinc-500">
            No ResourceClaim is pending, and every allocated claim is reserved by a pod.
          </p>
        ) : (
          <TableScroll>
            <Table>
              <THead>
                <TR>
                  <TH>Claim</TH>
                  <TH>State</TH>
                  <TH>Pods</TH>
                  <TH>Devices</TH>
                  <TH>Why</TH>
                </TR>
              </THead>
              <TBody>
                {claims.map((c) => (
                  <TR key={`${c.claim.namespace}/${c.claim.name}`} data-testid="gpu-claim-row" data-state={c.state}>
                    <TD className="font-mono text-xs">
                      {c.claim.namespace}/{c.claim.name}
                    </TD>
                    <TD>
                      <Badge tone={STATE[c.state].tone}>{STATE[c.state].label}</Badge>
                    </TD>
                    <TD className="text-xs">
                      {c.pods.length === 0
                        ? '—'
                        : c.pods.map((p) => (
                            <Link key={p.name} href={podHref(p)} className="mr-2 text-indigo-700 hover:underline">
                              {p.name}
                            </Link>
                          ))}
                    </TD>
                    <TD className="font-mono text-xs">
                      {c.devices.length === 0
                        ? '—'
                        : c.devices.map((d) => `${c.node ?? d.pool}/${d.device}`).join(', ')}
                    </TD>
                    <TD className="max-w-md text-xs break-words text-zinc-600">{c.reason ?? '—'}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          </TableScroll>
        )}
      </CardBody>
    </Card>
  );
}
