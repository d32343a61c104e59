import { expect, it } from 'vitest';
import { DEVCLUSTER_PROMETHEUS, IN_CLUSTER_PROMETHEUS, prometheusLimits, prometheusUrl } from './prometheus-config';

it('takes the Prometheus URL from server configuration only', () => {
  expect(
    prometheusUrl({ IMAGEPOD_PROMETHEUS_URL: 'http://prom.example:9090/', KUBERNETES_SERVICE_HOST: '10.0.0.1' }),
  ).toBe('http://prom.example:9090');
  expect(prometheusUrl({ KUBERNETES_SERVICE_HOST: '10.0.0.1' })).toBe(IN_CLUSTER_PROMETHEUS);
  expect(prometheusUrl({})).toBe(DEVCLUSTER_PROMETHEUS);
});

it('has limits, overridable by env', () => {
  expect(prometheusLimits({})).toEqual({ timeoutMs: 10_000, maxBytes: 16 * 1024 * 1024 });
  expect(prometheusLimits({ IMAGEPOD_PROMETHEUS_TIMEOUT_MS: '500', IMAGEPOD_PROMETHEUS_MAX_BYTES: '1000' })).toEqual({
    timeoutMs: 500,
    maxBytes: 1000,
  });
});
