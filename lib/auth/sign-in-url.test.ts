import { describe, expect, it } from 'vitest';
import { safeNext, signInUrl } from './sign-in-url';

describe('safeNext', () => {
  it.each([
    ['/pods?namespace=a', '/pods?namespace=a'],
    ['/', '/'],
    ['', '/'],
    [null, '/'],
    ['https://evil.example', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/login?next=/x', '/'],
    ['/pods\n', '/'],
  ])('%s → %s', (input, want) => {
    expect(safeNext(input)).toBe(want);
  });
  it('builds the sign-in link', () => {
    expect(signInUrl('/nodes/gpu-node-1')).toBe('/login?next=%2Fnodes%2Fgpu-node-1');
  });
});
