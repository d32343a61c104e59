import { describe, expect, it } from 'vitest';
import { isActive } from './nav-items';

describe('isActive', () => {
  it('matches the overview only on /', () => {
    expect(isActive('/', '/')).toBe(true);
    expect(isActive('/', '/nodes')).toBe(false);
  });
  it('matches a section and its sub-pages, not a prefix of another word', () => {
    expect(isActive('/nodes', '/nodes')).toBe(true);
    expect(isActive('/nodes', '/nodes/gpu-node-1')).toBe(true);
    expect(isActive('/nodes', '/nodesx')).toBe(false);
  });
});
