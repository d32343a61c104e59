import { describe, expect, it } from 'vitest';
import { compileQuery, findMatches, lineLevel, matches, nextHit, podColour } from './search';

describe('search and filter', () => {
  it('plain text is escaped and case-insensitive', () => {
    const c = compileQuery('a.b');
    expect(c.ok).toBe(true);
    const re = c.ok ? c.re : null;
    expect(matches('xA.Bx', re)).toBe(true);
    expect(matches('axb', re)).toBe(false);
  });

  it('an invalid regex gives a clear message instead of throwing', () => {
    const c = compileQuery('(unclosed', { regex: true });
    expect(c.ok).toBe(false);
    expect(!c.ok && c.error).toMatch(/^Invalid regular expression: .*(Unterminated group|unclosed)/i);
  });

  it('empty query matches everything and highlights nothing', () => {
    const c = compileQuery('');
    expect(c).toEqual({ ok: true, re: null });
    expect(findMatches('abc', null)).toEqual([]);
  });

  it('finds every match range, skipping empty matches, and is reusable', () => {
    const c = compileQuery('o', {});
    const re = c.ok ? c.re : null;
    expect(findMatches('foo boo', re)).toEqual([
      [1, 2],
      [2, 3],
      [5, 6],
      [6, 7],
    ]);
    expect(findMatches('foo', re)).toEqual([
      [1, 2],
      [2, 3],
    ]);
    const star = compileQuery('x*', { regex: true });
    expect(findMatches('axxb', star.ok ? star.re : null)).toEqual([[1, 3]]);
  });

  it('ERROR / WARN levels across plain, logfmt and JSON lines', () => {
    expect(lineLevel('ERROR: boom')).toBe('error');
    expect(lineLevel('level=error msg=x')).toBe('error');
    expect(lineLevel('{"level":"warn","msg":"x"}')).toBe('warn');
    expect(lineLevel('WARNING:  slow')).toBe('warn');
    expect(lineLevel('INFO: errors=0 handled')).toBeNull();
  });

  it('next / previous hit wrap around', () => {
    expect(nextHit([2, 5, 9], -1, 1)).toBe(2);
    expect(nextHit([2, 5, 9], 5, 1)).toBe(9);
    expect(nextHit([2, 5, 9], 9, 1)).toBe(2);
    expect(nextHit([2, 5, 9], 2, -1)).toBe(9);
    expect(nextHit([], 0, 1)).toBe(-1);
  });

  it('a pod keeps its colour', () => {
    expect(podColour('api-1')).toBe(podColour('api-1'));
  });
});
