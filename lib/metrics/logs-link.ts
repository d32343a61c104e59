/** Links from a chart's time window to the logs of the same window (the logs page reads them). */

/** `/logs?since=<iso>&until=<iso>&node=…`; extra filters (node, namespace, pod) are kept in order. */
export function logsLink(startMs: number, endMs: number, filters: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams({ since: new Date(startMs).toISOString(), until: new Date(endMs).toISOString() });
  for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
  return `/logs?${q.toString()}`;
}
