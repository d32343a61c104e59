'use client';

import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs`, so AGE columns keep counting. */
export function useNow(intervalMs = 10_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
