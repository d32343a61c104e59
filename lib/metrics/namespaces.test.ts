import { describe, expect, it } from 'vitest';
import { withoutDeletedNamespaces } from './namespaces';

const s = (key: string, labels: Record<string, string>) => ({ key, labels });

describe('withoutDeletedNamespaces', () => {
  const series = [
    s('s0', { namespace: 'imagepod', pod: 'a' }),
    s('s1', { namespace: 'gone', pod: 'b' }),
    s('s2', { node: 'n1' }),
  ];

  it('drops series of namespaces that no longer exist, keeps those without a namespace', () => {
    const r = withoutDeletedNamespaces(series, new Set(['imagepod']));
    expect(r.series.map((x) => x.key)).toEqual(['s0', 's2']);
    expect(r.dropped).toBe(1);
  });

  it('keeps everything while the namespaces are not known', () => {
    expect(withoutDeletedNamespaces(series, null)).toEqual({ series, dropped: 0 });
  });
});
