/**
 * Series of namespaces that are gone: a namespace deleted an hour ago still has series in the
 * window (Prometheus keeps them), and a chart of "top pods" fills with the dead. They are left out
 * unless asked for. Pure.
 */

/** Series whose `namespace` label names a namespace that exists (or that have none); all when `live` is not known yet. */
export function withoutDeletedNamespaces<T extends { labels: Record<string, string> }>(
  series: readonly T[],
  live: ReadonlySet<string> | null,
): { series: T[]; dropped: number } {
  if (!live) return { series: [...series], dropped: 0 };
  const kept = series.filter((s) => s.labels.namespace === undefined || live.has(s.labels.namespace));
  return { series: kept, dropped: series.length - kept.length };
}
