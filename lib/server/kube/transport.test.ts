import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../../kube-resources';
import { cutMarker, lines, resourcePath } from './transport';

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

  it('cuts a line at maxChars with a visible marker and skips its rest up to the newline', async () => {
    const marker = cutMarker(8);
    expect(marker).toMatch(/line cut/);
    // Whole lines in one chunk: the long one is cut, the short ones pass as they are.
    expect(await collect(lines(chunks('short\n0123456789abc\nnext\n'), { maxChars: 8 }))).toEqual([
      'short',
      `01234567${marker}`,
      'next',
    ]);
    // A line that grows over many chunks is delivered as soon as it passes the bound, once.
    expect(await collect(lines(chunks('0123', '4567', '89ab', 'cdef', 'gh\nafter\n'), { maxChars: 8 }))).toEqual([
      `01234567${marker}`,
      'after',
    ]);
    expect(cutMarker(64 * 1024)).toBe(' … [line cut: longer than 64 KiB]');
  });

  it('holds a bounded buffer for a stream that never prints a newline', async () => {
    async function* endless(): AsyncGenerator<Uint8Array> {
      const block = new TextEncoder().encode('x'.repeat(16 * 1024));
      for (let i = 0; i < 4096; i++) yield block; // 64 MiB, no newline
    }
    const heap0 = process.memoryUsage().heapUsed;
    const out = await collect(lines(endless(), { maxChars: 64 * 1024 }));
    expect(out).toHaveLength(1);
    expect(out[0]!.length).toBe(64 * 1024 + cutMarker(64 * 1024).length);
    expect(process.memoryUsage().heapUsed - heap0).toBeLessThan(32 * 1024 * 1024);
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
