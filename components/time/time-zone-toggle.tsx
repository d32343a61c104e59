'use client';

import { zoneLabel } from '@/lib/time/format-time';
import { useNow } from '../hooks/use-now';
import { cn } from '../ui/cn';
import { browserZone, useTimeZoneSetting } from './time-zone';

/** The top bar's UTC | Local switch: the one setting for every absolute time in the panel. */
export function TimeZoneToggle() {
  const { setting, set } = useTimeZoneSetting();
  const now = useNow(60_000);
  const button = (active: boolean) =>
    cn('px-2 py-0.5 text-[11px] font-medium', active ? 'bg-zinc-800 text-white' : 'text-zinc-600 hover:bg-zinc-100');
  const localTitle =
    setting.mode === 'local'
      ? `Times in ${setting.zone} (${zoneLabel(now, setting.zone)})`
      : 'Times in this browser’s zone';
  return (
    <div
      role="group"
      aria-label="Time zone"
      data-testid="time-zone-toggle"
      data-zone={setting.mode}
      className="flex shrink-0 overflow-hidden rounded-md border border-zinc-300"
    >
      <button
        type="button"
        aria-pressed={setting.mode === 'utc'}
        title="Times in UTC"
        data-testid="time-zone-utc"
        className={button(setting.mode === 'utc')}
        onClick={() => set({ mode: 'utc' })}
      >
        UTC
      </button>
      <button
        type="button"
        aria-pressed={setting.mode === 'local'}
        title={localTitle}
        data-testid="time-zone-local"
        className={cn(button(setting.mode === 'local'), 'border-l border-zinc-300')}
        onClick={() => set({ mode: 'local', zone: browserZone() })}
      >
        Local
      </button>
    </div>
  );
}
