import { describe, expect, it } from 'vitest';
import { formatLabelSelector, matchesSelector, parseSelector } from './label-selector';

const sel = (t: string) => {
  const r = parseSelector(t);
  if (!r.ok) throw new Error(r.error);
  return r.selector;
};

describe('parseSelector', () => {
  it.each([
    ['', 0],
    ['app=api', 1],
    ['app==api', 1],
    ['app!=api', 1],
    ['tier in (a, b),env notin (x)', 2],
    ['!canary', 1],
    ['gpu', 1],
    ['nvidia.com/gpu.count>2', 1],
    ['app.kubernetes.io/name=imagepod,tier=web', 2],
  ])('accepts %j', (t, n) => expect(sel(t)).toHaveLength(n));

  it.each([
    ['app=', true],
    ['a b', false],
    ['app in ()', false],
    ['app in (a', false],
    ['x=a b', false],
    ['../x=1', false],
    ['a/b/c=1', false],
    [`k=${'v'.repeat(64)}`, false],
    ['app,,tier', false],
    ['n>abc', false],
  ])('rejects or accepts %j', (t, ok) => expect(parseSelector(t).ok).toBe(ok));
});

describe('matchesSelector', () => {
  const labels = { app: 'api', tier: 'web', 'nvidia.com/gpu.count': '8' };
  it.each([
    ['app=api', true],
    ['app=db', false],
    ['app!=db', true],
    ['missing!=x', true],
    ['tier in (web,db)', true],
    ['tier notin (web)', false],
    ['app', true],
    ['!app', false],
    ['!missing', true],
    ['nvidia.com/gpu.count>4', true],
    ['nvidia.com/gpu.count<4', false],
    ['app=api,tier=db', false],
    ['', true],
  ])('%j → %s', (t, want) => expect(matchesSelector(sel(t), labels)).toBe(want));
});

describe('formatLabelSelector', () => {
  it('writes matchLabels and every matchExpressions operator, and parses back', () => {
    const text = formatLabelSelector({
      matchLabels: { app: 'api', tier: 'web' },
      matchExpressions: [
        { key: 'env', operator: 'In', values: ['a', 'b'] },
        { key: 'zone', operator: 'NotIn', values: ['x'] },
        { key: 'gpu', operator: 'Exists' },
        { key: 'legacy', operator: 'DoesNotExist' },
      ],
    });
    expect(text).toBe('app=api,tier=web,env in (a,b),zone notin (x),gpu,!legacy');
    expect(parseSelector(text).ok).toBe(true);
    expect(formatLabelSelector({})).toBe('');
  });
});
