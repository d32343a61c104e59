import { describe, expect, it } from 'vitest';
import { ELLIPSIS, middleEllipsis, splitForMiddle } from './middle-ellipsis';

describe('middleEllipsis', () => {
  it('leaves text that fits alone', () => {
    expect(middleEllipsis('worker-0', 8)).toBe('worker-0');
    expect(middleEllipsis('', 5)).toBe('');
  });

  it('cuts the middle and keeps the replica suffix', () => {
    const a = middleEllipsis('imagepod-worker-7d9f8b6c5d-x2x4k', 20);
    const b = middleEllipsis('imagepod-worker-7d9f8b6c5d-qq9zt', 20);
    expect(a).toBe('imagepod-…6c5d-x2x4k');
    expect(Array.from(a)).toHaveLength(20);
    expect(a.endsWith('x2x4k')).toBe(true);
    expect(a).not.toBe(b);
  });

  it('gives the end the larger half', () => {
    expect(middleEllipsis('abcdefghij', 6)).toBe(`ab${ELLIPSIS}hij`);
    expect(middleEllipsis('abcdefghij', 7)).toBe(`abc${ELLIPSIS}hij`);
  });

  it('handles tiny limits', () => {
    expect(middleEllipsis('abcdef', 1)).toBe(ELLIPSIS);
    expect(middleEllipsis('abcdef', 0)).toBe('');
    expect(middleEllipsis('abcdef', 2)).toBe(`${ELLIPSIS}f`);
  });

  it('never splits a code point', () => {
    const s = '😀😀😀😀😀😀😀😀';
    const out = middleEllipsis(s, 5);
    expect(out).toBe(`😀😀${ELLIPSIS}😀😀`);
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('splitForMiddle', () => {
  it('keeps the last characters as the tail', () => {
    expect(splitForMiddle('imagepod-worker-7d9f8b6c5d-x2x4k', 11)).toEqual({
      head: 'imagepod-worker-7d9f8',
      tail: 'b6c5d-x2x4k',
    });
    expect(splitForMiddle('short', 11)).toEqual({ head: '', tail: 'short' });
  });

  it('keeps an image tag whole, not a registry port', () => {
    expect(splitForMiddle('registry.example.com/imagepod/inference:2026.12.01-cuda12.4', 8, true)).toEqual({
      head: 'registry.example.com/imagepod/inference',
      tail: ':2026.12.01-cuda12.4',
    });
    expect(splitForMiddle('registry:5000/imagepod/inference-server', 8, true)).toEqual({
      head: 'registry:5000/imagepod/inferenc',
      tail: 'e-server',
    });
  });
});
