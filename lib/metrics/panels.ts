/**
 * The preset panels: PromQL per panel, legend templates and units. Pure, so the page knows titles
 * and units without asking, and tests can send the exact PromQL to Prometheus themselves.
 * Series names follow the bundle (manifests/imagepod/42-prometheus-config.yaml) and the
 * devcluster's static configuration alike: DCGM with a `node` label, kube-state-metrics, the
 * API's `http_requests_total` / `http_request_duration_seconds` under job `imagepod-api`, and
 * cAdvisor's container series.
 */
import { IMAGEPOD_NAMESPACE } from '../imagepod-components';
import { gpuResource, migActivity, perUnit, unitActivity, wholeGpuUtil } from './gpu-series';
import { rateWindow } from './time-range';
import type { MetricUnit } from './units';

export interface PanelQuery {
  expr: string;
  legend: string;
}

export interface PanelVars {
  /** Only this node (already validated as a node name); all nodes when absent. */
  node?: string;
  step: number;
}

export interface PanelDef {
  id: string;
  title: string;
  unit: MetricUnit;
  /** Counts of things (replicas, GPUs): the value axis has whole numbers only. */
  whole?: boolean;
  /** What the panel answers, shown under its title (`nodeHint` on a node's page, if different). */
  hint: string;
  nodeHint?: string;
  /** Panels of GPU data; node detail shows only these. */
  gpu: boolean;
  queries: (v: PanelVars) => PanelQuery[];
}

/** A node matcher; node names are DNS subdomains (checked by the route) so nothing needs escaping. */
const on = (v: PanelVars, extra = '') => `{${[v.node ? `node="${v.node}"` : '', extra].filter(Boolean).join(',')}}`;
/**
 * One series per physical GPU. dcgm-exporter labels a GPU with the pod holding it, so a GPU that
 * changed hands (or was freed) is several series, a shared GPU one per holder and a MIG GPU one per
 * instance; `max by` the GPU's own labels joins them into one line (device fields repeat).
 */
const perGpu = (metric: string, v: PanelVars) => `max by (node, gpu, UUID) (${metric}${on(v)})`;
const perGpuOrNode = (v: PanelVars, metric: string, agg: 'sum' | 'max'): PanelQuery =>
  v.node
    ? { expr: perGpu(metric, v), legend: 'GPU {{gpu}}' }
    : { expr: agg === 'max' ? `max by (node) (${metric})` : exactSum(perGpu(metric, v), 10), legend: '{{node}}' };
/**
 * Prometheus adds an inner aggregation's series in no fixed order, so float sums and averages
 * differ in their last digits between two runs of one query. Summing integers is exact: values
 * are scaled and rounded first (0.1 W, 1 %), far below any chart's resolution.
 */
const exactSum = (expr: string, scale: number) => `sum by (node) (round(${scale} * (${expr}))) / ${scale}`;
const exactAvg = (expr: string) => `sum by (node) (round(${expr})) / count by (node) (${expr})`;
const api = `job="imagepod-api"`;
const gpuRes = gpuResource;

export const PANELS: readonly PanelDef[] = [
  {
    id: 'gpu-util',
    title: 'GPU utilisation per GPU',
    unit: 'percent',
    gpu: true,
    hint: 'DCGM_FI_DEV_GPU_UTIL; MIG instances: DCGM_FI_PROF_GR_ENGINE_ACTIVE',
    queries: (v) => [
      { expr: wholeGpuUtil(v.node), legend: v.node ? 'GPU {{gpu}}' : '{{node}} GPU {{gpu}}' },
      {
        expr: migActivity(v.node),
        legend: `${v.node ? '' : '{{node}} '}GPU {{gpu}} MIG {{GPU_I_PROFILE}} #{{GPU_I_ID}}`,
      },
    ],
  },
  {
    id: 'gpu-util-node',
    title: 'GPU utilisation per node',
    unit: 'percent',
    gpu: true,
    hint: 'average over the node’s GPUs and MIG instances',
    queries: (v) => [{ expr: exactAvg(unitActivity(v.node ? `node="${v.node}"` : undefined)), legend: '{{node}}' }],
  },
  {
    id: 'gpu-memory',
    title: 'GPU memory used / free',
    unit: 'mebibytes',
    gpu: true,
    hint: 'DCGM_FI_DEV_FB_USED / _FREE per GPU or MIG instance, summed per node',
    queries: (v) => [
      { expr: `sum by (node) (${perUnit('DCGM_FI_DEV_FB_USED', v.node)})`, legend: '{{node}} used' },
      // A shared GPU's holders each report the device; its free memory is the least any reports.
      { expr: `sum by (node) (${perUnit('DCGM_FI_DEV_FB_FREE', v.node, 'min')})`, legend: '{{node}} free' },
    ],
  },
  {
    id: 'gpu-temperature',
    title: 'GPU temperature',
    unit: 'celsius',
    gpu: true,
    hint: 'hottest GPU per node',
    nodeHint: 'DCGM_FI_DEV_GPU_TEMP per GPU',
    queries: (v) => [perGpuOrNode(v, 'DCGM_FI_DEV_GPU_TEMP', 'max')],
  },
  {
    id: 'gpu-power',
    title: 'GPU power',
    unit: 'watts',
    gpu: true,
    hint: 'DCGM_FI_DEV_POWER_USAGE, summed per node',
    nodeHint: 'DCGM_FI_DEV_POWER_USAGE per GPU',
    queries: (v) => [perGpuOrNode(v, 'DCGM_FI_DEV_POWER_USAGE', 'sum')],
  },
  {
    id: 'gpu-allocation',
    title: 'GPU allocation',
    unit: 'count',
    whole: true,
    gpu: true,
    hint: 'kube-state-metrics: GPUs, MIG slices and shares requested by live pods vs allocatable',
    queries: (v) => [
      // Finished pods keep their requests in kube-state-metrics; only Pending/Running ones hold GPUs.
      // No GPU pod is "0 requested", not a gap — but only where kube-state-metrics reported at all.
      {
        expr: `sum(kube_pod_container_resource_requests${on(v, gpuRes)} and on (namespace, pod) (kube_pod_status_phase{phase=~"Pending|Running"} == 1)) or 0 * sum(kube_node_status_allocatable${on(v, gpuRes)})`,
        legend: 'requested',
      },
      { expr: `sum(kube_node_status_allocatable${on(v, gpuRes)})`, legend: 'allocatable' },
    ],
  },
  {
    id: 'api-rate',
    title: 'API request rate',
    unit: 'reqps',
    gpu: false,
    hint: 'http_requests_total by status',
    queries: (v) => [
      { expr: `sum by (status) (rate(http_requests_total{${api}}[${rateWindow(v.step)}]))`, legend: '{{status}}' },
    ],
  },
  {
    id: 'api-errors',
    title: 'API error rate',
    unit: 'percent',
    gpu: false,
    hint: 'share of 5xx and 4xx answers',
    queries: (v) =>
      ['5', '4'].map((c) => ({
        expr: `100 * sum(rate(http_requests_total{${api},status=~"${c}.."}[${rateWindow(v.step)}])) / sum(rate(http_requests_total{${api}}[${rateWindow(v.step)}]))`,
        legend: `${c}xx`,
      })),
  },
  {
    id: 'api-latency',
    title: 'API latency',
    unit: 'seconds',
    gpu: false,
    hint: 'percentiles of http_request_duration_seconds',
    queries: (v) =>
      [0.5, 0.9, 0.99].map((q) => ({
        expr: `histogram_quantile(${q}, sum by (le) (rate(http_request_duration_seconds_bucket{${api}}[${rateWindow(v.step)}])))`,
        legend: `p${q * 100}`,
      })),
  },
  {
    id: 'pod-cpu',
    title: 'Pod CPU (top 10)',
    unit: 'cores',
    gpu: false,
    hint: 'cAdvisor container_cpu_usage_seconds_total',
    queries: (v) => [
      {
        expr: `topk(10, sum by (namespace, pod) (rate(container_cpu_usage_seconds_total${on(v, 'container!=""')}[${rateWindow(v.step)}])))`,
        legend: '{{namespace}}/{{pod}}',
      },
    ],
  },
  {
    id: 'pod-memory',
    title: 'Pod memory (top 10)',
    unit: 'bytes',
    gpu: false,
    hint: 'cAdvisor container_memory_working_set_bytes',
    queries: (v) => [
      {
        expr: `topk(10, sum by (namespace, pod) (container_memory_working_set_bytes${on(v, 'container!=""')}))`,
        legend: '{{namespace}}/{{pod}}',
      },
    ],
  },
  {
    id: 'components-up',
    title: 'PostgreSQL, Redis, workers: ready',
    unit: 'count',
    whole: true,
    gpu: false,
    hint: 'ready replicas (kube-state-metrics)',
    queries: () => [
      {
        expr: `kube_statefulset_status_replicas_ready{namespace="${IMAGEPOD_NAMESPACE}",statefulset="postgres"}`,
        legend: 'PostgreSQL',
      },
      {
        expr: `kube_deployment_status_replicas_available{namespace="${IMAGEPOD_NAMESPACE}",deployment="redis"}`,
        legend: 'Redis',
      },
      {
        expr: `kube_daemonset_status_number_ready{namespace="${IMAGEPOD_NAMESPACE}",daemonset="imagepod-gpu-worker"}`,
        legend: 'GPU workers',
      },
    ],
  },
];

export const PANEL_IDS = PANELS.map((p) => p.id) as [string, ...string[]];

export function panelById(id: string): PanelDef | undefined {
  return PANELS.find((p) => p.id === id);
}
