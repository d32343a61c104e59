/** Stable test ids of a pod's row and cells: `pod-row-<namespace>-<name>`, `pod-status-…`. */
export function podTestId(
  part: 'row' | 'link' | 'status' | 'ready' | 'restarts' | 'node' | 'gpu' | 'age' | 'logs',
  p: { namespace: string; name: string },
): string {
  return `pod-${part}-${p.namespace}-${p.name}`;
}
