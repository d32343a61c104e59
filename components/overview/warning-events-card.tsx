import { recentWarnings } from '@/lib/overview';
import type { EventRow } from '@/lib/views';
import { Card, CardHeader } from '../ui/card';
import { CardStatus, type CardQuery } from './card-status';
import { Age } from '../time/time-text';

/** The newest Warning events across the cluster. */
export function WarningEventsCard({
  events,
  query,
  now,
}: {
  events: EventRow[] | undefined;
  query: CardQuery;
  now: number;
}) {
  const warnings = events ? recentWarnings(events, 10) : [];
  return (
    <Card data-testid="warning-events">
      <CardHeader title="Recent warnings" aside={events ? `${warnings.length} shown` : undefined} />
      <CardStatus ready={events !== undefined} queries={[query]} what="events">
        {warnings.length === 0 ? (
          <p className="px-4 py-3 text-sm text-zinc-500">No Warning events.</p>
        ) : (
          <ul className="divide-y divide-zinc-100">
            {warnings.map((e) => (
              <li
                key={e.key}
                data-testid={`warning-event-${e.namespace}-${e.key.slice(e.key.indexOf('/') + 1)}`}
                className="px-4 py-2"
              >
                <div className="flex items-baseline justify-between gap-3">
                  <span className="truncate text-[12.5px]">
                    <span className="font-semibold text-amber-800">{e.reason}</span>{' '}
                    <span className="font-mono text-zinc-700">
                      {e.involved.kind}/{e.involved.name}
                    </span>
                    {e.namespace && <span className="text-zinc-400"> · {e.namespace}</span>}
                  </span>
                  <span className="shrink-0 text-xs text-zinc-500 tabular-nums">
                    {e.count > 1 ? `×${e.count} · ` : ''}
                    <Age at={e.lastSeen} now={now} />
                  </span>
                </div>
                <p className="mt-0.5 line-clamp-2 text-xs text-zinc-600" title={e.message}>
                  {e.message}
                </p>
              </li>
            ))}
          </ul>
        )}
      </CardStatus>
    </Card>
  );
}
