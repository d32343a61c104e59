import type { FoldedEvent } from '@/lib/object-events';
import { Badge } from '../ui/badge';
import { Card, CardHeader } from '../ui/card';
import { Table, TBody, TD, TH, THead, TR } from '../ui/table';
import { Age } from '../time/time-text';

/**
 * The events of one object, folded (lib/object-events.ts): warnings first, newest first, each with
 * how many times it happened and when first and last. `events` null: the user may not list events.
 */
export function ObjectEventsCard({
  events,
  now,
  testId = 'object-events',
}: {
  events: FoldedEvent[] | null | undefined;
  now: number;
  testId?: string;
}) {
  return (
    <Card data-testid={testId}>
      <CardHeader title="Events" aside={events ? `${events.length}` : undefined} />
      {events === undefined ? (
        <p className="px-4 py-3 text-sm text-zinc-500">Loading events…</p>
      ) : events === null ? (
        <p className="px-4 py-3 text-sm text-zinc-500">Kubernetes does not allow you to list events here.</p>
      ) : events.length === 0 ? (
        <p className="px-4 py-3 text-sm text-zinc-500">No events in the cache (Kubernetes keeps them about an hour).</p>
      ) : (
        <Table>
          <THead>
            <tr>
              <TH>Type</TH>
              <TH>Reason</TH>
              <TH>Message</TH>
              <TH className="text-right">Count</TH>
              <TH className="text-right">First seen</TH>
              <TH className="text-right">Last seen</TH>
            </tr>
          </THead>
          <TBody>
            {events.map((e) => (
              <TR key={`${e.about ?? ''}|${e.type}|${e.reason}|${e.message}`} data-testid={`${testId}-row`}>
                <TD>
                  <Badge tone={e.type === 'Warning' ? 'warn' : 'neutral'}>{e.type}</Badge>
                </TD>
                <TD className="font-medium whitespace-nowrap">{e.reason || '—'}</TD>
                <TD className="break-words text-zinc-700" title={e.sources.join(', ') || undefined}>
                  {e.message || '—'}
                  {e.about && (
                    <span
                      data-testid={`${testId}-about`}
                      className="mt-0.5 block font-mono text-[11.5px] text-zinc-500"
                    >
                      {e.about}
                    </span>
                  )}
                </TD>
                <TD className="text-right tabular-nums">{e.count}</TD>
                <TD className="text-right whitespace-nowrap text-zinc-500 tabular-nums">
                  <Age at={e.firstSeen} now={now} />
                </TD>
                <TD className="text-right whitespace-nowrap text-zinc-500 tabular-nums">
                  <Age at={e.lastSeen} now={now} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
