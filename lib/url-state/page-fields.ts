/**
 * Every page's URL state, declared once: the server component reads it from `searchParams` and the
 * screen keeps it in the address bar with `useUrlState` (lib/url-state/url-state.ts). Pure.
 */
import { AUDIT_ACTIONS } from '../audit';
import { AUDIT_RANGES } from '../audit-window';
import { WORKLOAD_RESOURCES, type WorkloadKind } from '../kube-resources';
import { RANGE_PRESET_NAMES } from '../metrics/time-range';
import { DEFAULT_POD_SORT, POD_SORT_KEYS } from '../pod-list';
import { DEFAULT_NODE_SORT, NODE_SORT_KEYS } from '../node-list';
import { boolField, enumField, intField, sortField, textField } from './url-state';

const namespace = textField('namespace', 63);
const selector = textField('selector', 1024);
const search = textField('q', 256);

/** `/pods?namespace=&selector=&q=&sort=name:desc`. */
export const POD_PAGE_FIELDS = {
  namespace,
  selector,
  search,
  sort: sortField('sort', POD_SORT_KEYS, DEFAULT_POD_SORT),
};

/** `/nodes?selector=&q=&sort=`: the pods page's filters, less the namespace (nodes have none). */
export const NODE_PAGE_FIELDS = {
  selector,
  search,
  sort: sortField('sort', NODE_SORT_KEYS, DEFAULT_NODE_SORT),
};

/** `/workloads?kind=&namespace=&q=`. */
export const WORKLOAD_PAGE_FIELDS = {
  kind: enumField('kind', [...(Object.keys(WORKLOAD_RESOURCES) as WorkloadKind[]), 'CronJob', 'Job'] as const, ''),
  namespace,
  search,
};

/** The auto-refresh choices of the metrics page, in milliseconds (0 is off). */
export const REFRESH_CHOICES = ['0', '10000', '30000', '60000', '300000'] as const;

/** `/metrics?range=6h` or `?start=&end=` (Unix seconds), `&refresh=` (ms). */
export const METRICS_PAGE_FIELDS = {
  range: enumField('range', RANGE_PRESET_NAMES, '1h'),
  start: intField('start', 0, 4_102_444_800, 0),
  end: intField('end', 0, 4_102_444_800, 0),
  refresh: enumField('refresh', REFRESH_CHOICES, '30000'),
};

/** `/audit?user=&action=&result=&range=` (range: one of lib/audit-window.ts's AUDIT_RANGES). */
export const AUDIT_PAGE_FIELDS = {
  user: textField('user', 256),
  action: enumField('action', AUDIT_ACTIONS, ''),
  result: enumField('result', ['success', 'failure', 'denied'] as const, ''),
  range: enumField(
    'range',
    AUDIT_RANGES.map((r) => r.value),
    '',
  ),
};

/**
 * `/logs?…&find=&grep=&ts=1&wrap=1`: how the lines are shown (the source's own keys are
 * lib/logs/presets.ts's); changing these never restarts the stream.
 */
export const LOG_DISPLAY_FIELDS = {
  search: textField('find', 256),
  filter: textField('grep', 256),
  timestamps: boolField('ts'),
  wrap: boolField('wrap'),
};

/** The state a page's fields describe. */
export type PageState<F> = { [K in keyof F]: F[K] extends { fallback: infer T } ? T : never };
