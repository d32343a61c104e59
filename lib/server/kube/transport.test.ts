import { describe, expect, it } from 'vitest';
import { apiPath, lines } from './transport';

async function* chunks(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const p of parts) yield new TextEncoder().encode(p);
}

async function collect(it: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const l of it) out.push(l);
  return out;
}

describe('apiPath', () => {
  it('encodes every variable segment, once', () => {
    expect(apiPath('/api/v1/namespaces', 'a b', 'pods', 'x/y')).toBe('/api/v1/namespaces/a%20b/pods/x%2Fy');
    expect(apiPath('/api/v1/nodes/')).toBe('/api/v1/nodes');
  });
});

describe('lines', () => {
  it('splits across chunks and keeps a last line without a newline', async () => {
    expect(await collect(lines(chunks('a\nb', 'c\n', 'd')))).toEqual(['a', 'bc', 'd']);
  });

  it('drops a cut-off last line when asked, and reports every chunk', async () => {
    let n = 0;
    expect(await collect(lines(chunks('{"a":1}\n{"b"'), { onChunk: () => n++, partialLast: false }))).toEqual(['{"a":1}']);
    expect(n).toBe(1);
  });
});
