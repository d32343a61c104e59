import { describe, expect, it } from 'vitest';
import { durationSeconds, logQuerySchema, sinceParams } from './options';
import { sourceFromParams, streamUrl } from './presets';

const parse = (q: Record<string, string>) => logQuerySchema.safeParse(q);
const issue = (q: Record<string, string>) => {
  const r = parse(q);
  return r.success ? null : `${r.error.issues[0]!.path.join('.')}: ${r.error.issues[0]!.message}`;
};

describe('log stream options', () => {
  it('accepts a pod or a selector with the usual options', () => {
    expect(parse({ namespace: 'imagepod', selector: 'app=imagepod-api', tail: '100', since: '15m' }).success).toBe(
      true,
    );
    const r = parse({ namespace: 'ns', pod: 'p-1', container: 'c', follow: 'false', previous: 'true' });
    expect(r.success && r.data).toMatchObject({ follow: false, previous: true });
  });

  it('refuses bad input with the field at fault', () => {
    expect(issue({ namespace: 'ns', selector: 'app in (' })).toMatch(/^selector: /);
    expect(issue({ namespace: 'ns', selector: '' })).toMatch(/^selector: /);
    expect(issue({ namespace: 'ns', pod: 'p', tail: '-1' })).toBe('tail: must be 0 or more');
    expect(issue({ namespace: 'ns', pod: 'p', since: '3000-01-01T00:00:00Z' })).toBe('since: is in the future');
    expect(issue({ namespace: 'ns', pod: 'p', since: 'yesterday' })).toMatch(/^since: use a duration/);
    expect(issue({ namespace: 'ns' })).toMatch(/^pod: give either/);
    expect(issue({ namespace: 'ns', pod: 'p', selector: 'a=b' })).toMatch(/^selector: give either/);
    expect(issue({ namespace: 'NS!', pod: 'p' })).toMatch(/^namespace: /);
    expect(issue({ namespace: 'ns', pod: 'p', bogus: '1' })).not.toBeNull();
    expect(issue({ namespace: 'ns', pod: 'p', node: 'gpu-node-1' })).toBe(
      'node: applies to a selector, not to one pod',
    );
  });

  it('durations and since', () => {
    expect(durationSeconds('15m')).toBe(900);
    expect(durationSeconds('2d')).toBe(172800);
    expect(durationSeconds('15')).toBeNull();
    expect(sinceParams('1h')).toEqual({ sinceSeconds: 3600 });
    expect(sinceParams('2026-01-01T10:00:00.500Z')).toEqual({ sinceTime: '2026-01-01T10:00:00Z' });
  });

  it("the page reads presets and the metrics page's window, and builds the stream URL", () => {
    expect(sourceFromParams({ preset: 'api' })).toMatchObject({
      namespace: 'imagepod',
      selector: 'app=imagepod-api',
      tail: '500',
    });
    const w = sourceFromParams({
      since: '2026-01-01T00:00:00.000Z',
      until: '2026-01-01T01:00:00.000Z',
      node: 'gpu-node-1',
    });
    expect(w).toMatchObject({ since: '2026-01-01T00:00:00.000Z', until: '2026-01-01T01:00:00.000Z', tail: '' });
    expect(streamUrl({ ...w, namespace: 'ns', pod: 'p', selector: '' })).toBe(
      '/api/logs?namespace=ns&pod=p&since=2026-01-01T00%3A00%3A00.000Z&until=2026-01-01T01%3A00%3A00.000Z',
    );
    const gpu = sourceFromParams({ since: '2026-01-01T00:00:00.000Z', node: 'gpu-node-1' });
    expect(gpu).toMatchObject({ selector: 'app=imagepod-gpu-worker', node: 'gpu-node-1' });
    expect(streamUrl(gpu)).toBe(
      '/api/logs?namespace=imagepod&selector=app%3Dimagepod-gpu-worker&node=gpu-node-1&since=2026-01-01T00%3A00%3A00.000Z',
    );
    expect(streamUrl(sourceFromParams({ preset: 'redis' }), '2026-01-01T00:00:05Z')).toBe(
      '/api/logs?namespace=imagepod&selector=app%3Dredis&since=2026-01-01T00%3A00%3A05Z',
    );
  });
});
