'use client';

import type { CacheHealth, SyncState } from '@/lib/health';
import { useCacheState } from '@/lib/queries/stream/use-cache-state';
import type { Tone } from '@/lib/status-tone';
import { Badge } from '../ui/badge';
import { Card, CardHeader } from '../ui/card';
import { Table, TBody, TD, TH, THead, TR } from '../ui/table';
import { CardStatus, type CardQuery } from './card-status';
import { Age } from '../time/time-text';

const TONE: Record<SyncState, Tone> = {
  synced: 'ok',
  starting: 'warn',
  reconnecting: 'warn',
  failed: 'bad',
  'not-served': 'neutral',
};
const LABEL: Record<SyncState, string> = {
  synced: 'synced',
  starting: 'starting',
  reconnecting: 'reconnecting',
  failed: 'failed',
  'not-served': 'not served',
};

/** The panel's watch cache: overall state and, per resource, objects held, last LIST and error. */
export function CacheHealthCard({
  health,
  query,
  now,
}: {
  health: CacheHealth | undefined;
  query: CardQuery;
  now: number;
}) {
  const state = useCacheState();
  const resources = health ? Object.entries(health.resources).sort(([a], [b]) => a.localeCompare(b)) : [];
  return (
    <Card data-testid="cache-health">
      <CardHeader
        title="Cluster cache"
        aside={
          <span data-testid="cache-health-state" data-state={state.kind}>
            {state.detail}
          </span>
        }
      />
      <CardStatus ready={health !== undefined} queries={[query]} what="the cache health">
        <Table>
          <THead>
            <tr>
              <TH>Resource</TH>
              <TH>State</TH>
              <TH className="text-right">Objects</TH>
              <TH className="text-right">Listed</TH>
              <TH>Last error</TH>
            </tr>
          </THead>
          <TBody>
            {resources.map(([name, r]) => (
              <TR key={name} data-testid={`cache-resource-${name}`} data-state={r.state}>
                <TD className="font-mono text-[12.5px]">{name}</TD>
                <TD>
                  <Badge tone={TONE[r.state]}>{LABEL[r.state]}</Badge>
                </TD>
                <TD className="text-right tabular-nums">
                  {r.objects === null ? '—' : r.objects.toLocaleString('en-US')}
                </TD>
                <TD className="text-right text-zinc-500 tabular-nums">
                  {r.listedAt ? <Age at={r.listedAt} now={now} suffix=" ago" /> : 'never'}
                </TD>
                {r.state === 'not-served' ? (
                  <TD className="max-w-80 truncate text-xs text-zinc-500">
                    not served by this cluster (no Dynamic Resource Allocation API)
                  </TD>
                ) : (
                  <TD className="max-w-80 truncate text-xs text-red-700" title={r.lastError ?? undefined}>
                    {r.lastError ?? ''}
                  </TD>
                )}
              </TR>
            ))}
          </TBody>
        </Table>
        {health?.server && (
          <p className="border-t border-zinc-200 px-4 py-2 font-mono text-xs text-zinc-500">
            API server {health.server}
          </p>
        )}
      </CardStatus>
    </Card>
  );
}
