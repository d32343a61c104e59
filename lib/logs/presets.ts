/**
 * The log page's presets (the seed's `kubectl logs -n imagepod -l app=…`) and its URL state:
 * `/logs?namespace=&pod=|selector=|preset=&container=&tail=&since=&until=&previous=`. Pure.
 */
import { IMAGEPOD_NAMESPACE } from '../imagepod-components';

export interface LogPreset {
  id: string;
  label: string;
  selector: string;
}

export const LOG_PRESETS: readonly LogPreset[] = [
  { id: 'api', label: 'API', selector: 'app=imagepod-api' },
  { id: 'gpu-workers', label: 'GPU workers', selector: 'app=imagepod-gpu-worker' },
  { id: 'postgresql', label: 'PostgreSQL', selector: 'app=postgres' },
  { id: 'redis', label: 'Redis', selector: 'app=redis' },
  { id: 'prometheus', label: 'Prometheus', selector: 'app=prometheus' },
  { id: 'grafana', label: 'Grafana', selector: 'app=grafana' },
];

/** What a log view shows; the stream restarts when any of it changes. */
export interface LogSource {
  namespace: string;
  /** One pod, or… */
  pod: string;
  /** …every pod of a label selector. */
  selector: string;
  container: string;
  /** Selector mode: only pods on this node ('' = any). */
  node: string;
  tail: string;
  since: string;
  until: string;
  previous: boolean;
}

export const DEFAULT_TAIL = '500';

type Params = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** The page's initial source from its search params (a preset wins over a selector; a pod over both). */
export function sourceFromParams(sp: Params): LogSource {
  const preset = LOG_PRESETS.find((p) => p.id === first(sp.preset));
  const pod = first(sp.pod);
  const selector = pod ? '' : (preset?.selector ?? first(sp.selector));
  const since = first(sp.since);
  const node = pod ? '' : first(sp.node);
  // A node without a selector (the metrics page's GPU charts): the GPU workers on that node.
  const fallback = LOG_PRESETS.find((p) => p.id === (node ? 'gpu-workers' : 'api'))!.selector;
  return {
    namespace: first(sp.namespace) || IMAGEPOD_NAMESPACE,
    pod,
    selector: !pod && !selector ? fallback : selector,
    container: first(sp.container),
    node,
    // A window from the metrics page shows all of it, not the last 500 lines.
    tail: first(sp.tail) || (since ? '' : DEFAULT_TAIL),
    since,
    until: first(sp.until),
    previous: first(sp.previous) === 'true',
  };
}

/** The `/api/logs` URL for a source; `resumeSince` replaces tail/since after a reconnect. */
export function streamUrl(s: LogSource, resumeSince?: string | null): string {
  const q = new URLSearchParams({ namespace: s.namespace });
  if (s.pod) q.set('pod', s.pod);
  else {
    q.set('selector', s.selector);
    if (s.node) q.set('node', s.node);
  }
  if (s.container) q.set('container', s.container);
  if (resumeSince) q.set('since', resumeSince);
  else {
    if (s.tail) q.set('tail', s.tail);
    if (s.since) q.set('since', s.since);
  }
  if (s.until) q.set('until', s.until);
  if (s.previous) q.set('previous', 'true');
  return `/api/logs?${q.toString()}`;
}

/** The download URL of one pod's container (the whole log, streamed by the server). */
export function downloadUrl(
  namespace: string,
  pod: string,
  container: string,
  opts: { previous: boolean; timestamps: boolean },
): string {
  const q = new URLSearchParams({ namespace, pod, container });
  if (opts.previous) q.set('previous', 'true');
  if (opts.timestamps) q.set('timestamps', 'true');
  return `/api/logs/download?${q.toString()}`;
}

/** A link to the logs page of one pod, or of every pod behind a selector. */
export function logsHref(p: { namespace: string; pod?: string; selector?: string; container?: string }): string {
  const q = new URLSearchParams({ namespace: p.namespace });
  if (p.pod) q.set('pod', p.pod);
  else if (p.selector) q.set('selector', p.selector);
  if (p.container) q.set('container', p.container);
  return `/logs?${q.toString()}`;
}
