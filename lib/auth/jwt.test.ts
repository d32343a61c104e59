import { describe, expect, it } from 'vitest';
import { tokenExpiry } from './jwt';

const jwt = (payload: unknown) =>
  ['{"alg":"RS256"}', JSON.stringify(payload), 'sig']
    .map((p, i) => (i < 2 ? Buffer.from(p).toString('base64url') : p))
    .join('.');

describe('tokenExpiry', () => {
  it('reads exp in milliseconds', () => {
    expect(tokenExpiry(jwt({ exp: 1_800_000_000 }))).toBe(1_800_000_000_000);
  });
  it('is null for tokens without a usable exp', () => {
    expect(tokenExpiry(jwt({ sub: 'x' }))).toBeNull();
    expect(tokenExpiry(jwt({ exp: '123' }))).toBeNull();
    expect(tokenExpiry('abc.def')).toBeNull();
    expect(tokenExpiry('a.%%%.c')).toBeNull();
    expect(tokenExpiry('static-token')).toBeNull();
  });
});
