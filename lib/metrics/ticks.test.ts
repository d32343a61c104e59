import { describe, expect, it } from 'vitest';
import { niceStep, valueAxis, valueRange } from './ticks';

const GiB = 1024 ** 3;
const labels = (a: ReturnType<typeof valueAxis>) => a.ticks.map(a.label);

describe('niceStep', () => {
  it.each([
    [10, 4, 2.5],
    [7.3, 4, 2],
    [100, 4, 25],
    [0.9, 4, 0.25],
    [3, 4, 1],
    [1, 4, 0.25],
  ])('span %d in %d parts → %d', (span, count, step) => {
    expect(niceStep(span, count)).toBe(step);
  });

  it('is whole for counts', () => {
    expect(niceStep(3, 4, true)).toBe(1);
    expect(niceStep(1, 4, true)).toBe(1);
    expect(niceStep(10, 4, true)).toBe(3);
  });
});

describe('valueAxis', () => {
  it('memory in one binary unit, round, from zero', () => {
    const a = valueAxis(1.1 * GiB, 6.7 * GiB, 'bytes');
    expect(labels(a)).toEqual(['0 GiB', '2 GiB', '4 GiB', '6 GiB', '8 GiB']);
    expect(a.domain).toEqual([0, 8 * GiB]);
  });

  it('MiB panels climb to GiB with the same steps', () => {
    expect(labels(valueAxis(0, 3000, 'mebibytes'))).toEqual(['0 GiB', '1 GiB', '2 GiB', '3 GiB']);
    expect(labels(valueAxis(0, 1400, 'mebibytes'))).toEqual(['0.0 GiB', '0.5 GiB', '1.0 GiB', '1.5 GiB']);
    expect(labels(valueAxis(0, 700, 'mebibytes'))).toEqual(['0 MiB', '200 MiB', '400 MiB', '600 MiB', '800 MiB']);
  });

  it('cores below one read in millicores, above in cores', () => {
    expect(labels(valueAxis(0.01, 0.37, 'cores'))).toEqual(['0m', '100m', '200m', '300m', '400m']);
    expect(labels(valueAxis(0, 3.2, 'cores'))).toEqual(['0 cores', '1 cores', '2 cores', '3 cores', '4 cores']);
  });

  it('percent', () => {
    expect(labels(valueAxis(3, 97, 'percent'))).toEqual(['0 %', '25 %', '50 %', '75 %', '100 %']);
  });

  it('replicas are whole numbers, even for a flat line at 1', () => {
    const flat = valueAxis(1, 1, 'count', { integer: true });
    expect(flat.ticks.every(Number.isInteger)).toBe(true);
    expect(flat.ticks).toEqual([0, 1]);
    const three = valueAxis(0, 3, 'count', { integer: true });
    expect(labels(three)).toEqual(['0', '1', '2', '3']);
    for (const max of [1, 2, 5, 7, 13, 50, 99])
      expect(valueAxis(0, max, 'count', { integer: true }).ticks.every(Number.isInteger)).toBe(true);
  });

  it('covers the values: the domain holds min and max, ticks are evenly spaced', () => {
    for (const [min, max] of [
      [0, 0.003],
      [-5, 12],
      [1e-5, 4e-4],
      [42, 42],
      [0, 1e12],
    ] as const) {
      const a = valueAxis(min, max, 'seconds');
      expect(a.domain[0]).toBeLessThanOrEqual(Math.min(min, 0));
      expect(a.domain[1]).toBeGreaterThanOrEqual(max);
      const gaps = a.ticks.slice(1).map((t, i) => t - a.ticks[i]!);
      for (const g of gaps) expect(g).toBeCloseTo(gaps[0]!, 6);
      expect(a.ticks.length).toBeLessThanOrEqual(8);
    }
  });

  it('latency in ms', () => {
    expect(labels(valueAxis(0.002, 0.18, 'seconds'))).toEqual(['0 ms', '50 ms', '100 ms', '150 ms', '200 ms']);
  });

  it('no data: a plain 0–1 axis, not NaN', () => {
    const a = valueAxis(NaN, NaN, 'percent');
    expect(a.domain).toEqual([0, 1]);
    expect(labels(a).every((l) => !l.includes('NaN'))).toBe(true);
  });
});

describe('valueRange', () => {
  it('reads only the given columns and finite values', () => {
    const rows = [
      { t: 1, s0: 3, s1: null, s2: 100 },
      { t: 2, s0: -1, s1: 7, s2: 100 },
    ];
    expect(valueRange(rows, ['s0', 's1'])).toEqual([-1, 7]);
    expect(valueRange(rows, [])).toEqual([NaN, NaN]);
  });
});
