import { expect, it } from 'vitest';
import {
  DEVCLUSTER_PROMETHEUS,
  IN_CLUSTER_PROMETHEUS,
  prometheusLimits,
  prometheusSlots,
  prometheusUrl,
} from './prometheus-config';

it('takes the Prometheus URL from server configuration only', () => {
  expect(
    prometheusUrl({ IMAGEPOD_PROMETHEUS_URL: 'http://prom.example:9090/', KUBERNETES_SERVICE_HOST: '10.0.0.1' }),
  ).toBe('http://prom.example:9090');
  expect(prometheusUrl({ KUBERNETES_SERVICE_HOST: '10.0.0.1' })).toBe(IN_CLUSTER_PROMETHEUS);
  expect(prometheusUrl({})).toBe(DEVCLUSTER_PROMETHEUS);
});

it('has limits, overridable by env', () => {
  expect(prometheusLimits({})).toEqual({ timeoutMs: 10_000, maxBytes: 4 * 1024 * 1024 });
  expect(prometheusLimits({ IMAGEPOD_PROMETHEUS_TIMEOUT_MS: '500', IMAGEPOD_PROMETHEUS_MAX_BYTES: '1000' })).toEqual({
    timeoutMs: 500,
    maxBytes: 1000,
  });
});

it('bounds concurrency per session and per process, overridable by env', () => {
  expect(prometheusSlots({})).toMatchObject({ perSession: 3, global: 8, queuePerSession: 48, waitMs: 10_000 });
  expect(
    prometheusSlots({ IMAGEPOD_PROMETHEUS_CONCURRENCY: '2', IMAGEPOD_PROMETHEUS_SESSION_CONCURRENCY: '1' }),
  ).toMatchObject({ perSession: 1, global: 2 });
});
