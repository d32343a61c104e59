import { describe, expect, it } from 'vitest';
import { RANGE_PRESETS, alignedWindow, chooseStep, rateWindow, windowProblem } from './time-range';

describe('chooseStep', () => {
  it('keeps every preset at ≤ 300 points with a nice step', () => {
    expect(Object.values(RANGE_PRESETS).map((r) => chooseStep(r))).toEqual([5, 15, 120, 300, 3600]);
    for (const r of [60, 900, 3600, 86_400, 31 * 86_400]) expect(r / chooseStep(r)).toBeLessThanOrEqual(300);
  });
  it('never goes under 5 s', () => {
    expect(chooseStep(10)).toBe(5);
  });
});

describe('alignedWindow', () => {
  it('ends on a multiple of the step and keeps the number of steps', () => {
    expect(alignedWindow(1000, 1907, 15)).toEqual({ start: 1005, end: 1905, step: 15 });
    const w = alignedWindow(0, 86_400 + 7);
    expect(w.end % w.step).toBe(0);
    expect((w.end - w.start) / w.step).toBe(288);
  });
});

describe('windowProblem', () => {
  it('refuses 10 years, a 1 ms step, too many points and a reversed range', () => {
    expect(windowProblem(0, 10 * 365 * 86_400)?.field).toBe('start');
    expect(windowProblem(0, 3600, 0.001)?.field).toBe('step');
    expect(windowProblem(0, 86_400, 10)?.message).toMatch(/≥ 79 s/);
    expect(windowProblem(10, 5)?.field).toBe('end');
    expect(windowProblem(0, 3600, 15)).toBeNull();
  });
});

it('rateWindow covers a minute and two steps', () => {
  expect(rateWindow(5)).toBe('60s');
  expect(rateWindow(300)).toBe('600s');
});
