'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useHydrated } from '@/lib/queries/use-query';
import { formatTime, type FormatTimeOptions } from '@/lib/time/format-time';
import { DEFAULT_TIME_ZONE, serializeTimeZone, TIME_ZONE_COOKIE, zoneOf, type TimeZoneSetting } from '@/lib/time/zone';

interface TimeZoneState {
  setting: TimeZoneSetting;
  /** The IANA zone every absolute time is written in. */
  zone: string;
  set: (s: TimeZoneSetting) => void;
}

const TimeZoneContext = createContext<TimeZoneState>({
  setting: DEFAULT_TIME_ZONE,
  zone: 'UTC',
  set: () => {},
});

/** The browser's own IANA zone (the one place the panel asks the runtime for its zone). */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function remember(s: TimeZoneSetting): void {
  // A year; Lax, like the session. The value needs no encoding: `utc` or `local:Area/City`.
  document.cookie = `${TIME_ZONE_COOKIE}=${serializeTimeZone(s)}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

/**
 * The operator's UTC-or-local setting for the pages below. `initial` is what the server read
 * from the cookie, so the server's HTML and the first browser render write the same times; a
 * browser that has since moved zones is followed once hydrated.
 */
export function TimeZoneProvider({ initial, children }: { initial: TimeZoneSetting; children: ReactNode }) {
  const [chosen, setChosen] = useState(initial);
  const hydrated = useHydrated();
  // Local means this browser's zone, which may have moved since the cookie was written; the
  // cookie's zone is used until hydration is over, so the first render matches the server's.
  const zone = chosen.mode === 'local' && hydrated ? browserZone() : zoneOf(chosen);
  const setting = useMemo<TimeZoneSetting>(
    () => (chosen.mode === 'local' ? { mode: 'local', zone } : chosen),
    [chosen, zone],
  );
  const set = useCallback((s: TimeZoneSetting) => {
    remember(s);
    setChosen(s);
  }, []);
  useEffect(() => {
    if (chosen.mode === 'local' && chosen.zone !== zone) remember({ mode: 'local', zone });
  }, [chosen, zone]);
  const value = useMemo(() => ({ setting, zone, set }), [setting, zone, set]);
  return <TimeZoneContext.Provider value={value}>{children}</TimeZoneContext.Provider>;
}

/** The setting and its setter (the top bar's toggle). */
export function useTimeZoneSetting(): TimeZoneState {
  return useContext(TimeZoneContext);
}

/** The IANA zone to write absolute times in (`UTC` unless the operator chose local). */
export function useTimeZone(): string {
  return useContext(TimeZoneContext).zone;
}

/** `formatTime` bound to the operator's zone. */
export function useFormatTime(): (t: string | number | Date | null | undefined, opts?: FormatTimeOptions) => string {
  const zone = useTimeZone();
  return useCallback((t, opts) => formatTime(t, zone, opts), [zone]);
}
