import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../../kube-resources';
import { lines, resourcePath } from './transport';

async function* chunks(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const p of parts) yield new TextEncoder().encode(p);
}

async function collect(it: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const l of it) out.push(l);
  return out;
}

describe('path encoding', () => {
  it('encodes every variable segment, once', () => {
    expect(resourcePath(RESOURCES.pods, { namespace: 'a b', name: 'x/y', subresource: 'log' })).toBe(
      '/api/v1/namespaces/a%20b/pods/x%2Fy/log',
    );
  });
});

describe('lines', () => {
  it('splits across chunks and keeps a last line without a newline', async () => {
    expect(await collect(lines(chunks('a\nb', 'c\n', 'd')))).toEqual(['a', 'bc', 'd']);
  });

  it('drops a cut-off last line when asked, and reports every chunk', async () => {
    let n = 0;
    expect(await collect(lines(chunks('{"a":1}\n{"b"'), { onChunk: () => n++, partialLast: false }))).toEqual([
      '{"a":1}',
    ]);
    expect(n).toBe(1);
  });
});

describe('resourcePath and objectPath', () => {
  it('builds collection, object and subresource paths from the table', () => {
    expect(resourcePath(RESOURCES.pods)).toBe('/api/v1/pods');
    expect(resourcePath(RESOURCES.deployments, { namespace: 'ns', name: 'web', subresource: 'scale' })).toBe(
      '/apis/apps/v1/namespaces/ns/deployments/web/scale',
    );
    expect(resourcePath(RESOURCES.nodes, { namespace: 'ignored', name: 'gpu-1' })).toBe('/api/v1/nodes/gpu-1');
    expect(resourcePath(RESOURCES.deviceclasses, { name: 'gpu.example.com' })).toBe(
      '/apis/resource.k8s.io/v1/deviceclasses/gpu.example.com',
    );
    expect(resourcePath(RESOURCES.resourceclaims, { namespace: 'ns' })).toBe(
      '/apis/resource.k8s.io/v1/namespaces/ns/resourceclaims',
    );
  });
});
