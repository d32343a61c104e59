'use client';

import type { LogTarget } from '@/lib/logs/types';
import { podColour } from '@/lib/logs/search';
import type { StreamState } from '@/lib/queries/logs/use-log-stream';

const LABEL: Record<StreamState['state'], string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  ended: 'Complete',
  error: 'Error',
};
const DOT: Record<StreamState['state'], string> = {
  connecting: 'bg-zinc-400',
  live: 'bg-emerald-500',
  reconnecting: 'bg-amber-500',
  ended: 'bg-zinc-500',
  error: 'bg-red-500',
};

/** The stream's state, the followed containers, and what the buffer holds or has dropped. */
export function LogStatus({
  state,
  targets,
  shown,
  total,
  dropped,
  capacity,
  paused,
}: {
  state: StreamState;
  targets: LogTarget[];
  shown: number;
  total: number;
  dropped: number;
  capacity: number;
  paused: number | null;
}) {
  return (
    <div className="flex flex-col gap-1 text-xs text-zinc-600">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <span
          data-testid="logs-state"
          data-state={state.state}
          className="flex items-center gap-1.5 font-medium text-zinc-800"
        >
          <span className={`size-2 rounded-full ${DOT[state.state]}`} />
          {LABEL[state.state]}
        </span>
        <span data-testid="logs-count" className="tabular-nums">
          {shown === total
            ? `${total.toLocaleString()} lines`
            : `${shown.toLocaleString()} of ${total.toLocaleString()} lines`}
        </span>
        {paused !== null && (
          <span data-testid="logs-paused" className="font-medium text-indigo-700">
            Paused: {paused.toLocaleString()} new lines waiting
          </span>
        )}
        {dropped > 0 && (
          <span data-testid="logs-dropped" className="text-amber-700">
            {dropped.toLocaleString()} older lines left the buffer (it keeps {capacity.toLocaleString()})
          </span>
        )}
        <span className="flex flex-wrap gap-x-3" data-testid="logs-targets">
          {targets.map((t) => (
            <span
              key={`${t.pod}/${t.container}`}
              title={t.state}
              className={t.state === 'ended' ? 'line-through opacity-60' : undefined}
            >
              <span style={{ color: podColour(t.pod) }}>●</span> {t.pod}/{t.container}
              {t.state === 'reconnecting' ? ' (reconnecting)' : ''}
            </span>
          ))}
        </span>
      </div>
      {state.state === 'error' && (
        <p data-testid="logs-error" role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      )}
    </div>
  );
}
