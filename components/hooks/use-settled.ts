'use client';

import { useEffect, useState } from 'react';

/**
 * `value` once it has not changed for `ms`: a filter typed over 10,000 rows is applied after the
 * typing pauses, so keystrokes stay instant. A plain timer and state, not `useDeferredValue`:
 * after a Back restored the Pods filters (outside Next's router, see use-url-state.ts) the
 * deferred copy was sometimes never committed, and the table kept the previous filter's rows
 * under the restored inputs (e2e/url-state.spec.ts). A timer has no such path.
 */
export function useSettled<T>(value: T, ms = 80): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, settled, ms]);
  return settled;
}
