import { describe, expect, it } from 'vitest';
import { idleHoursQueries, idleHoursResolution, ownerQueries } from './idle-hours';
import { PANELS } from './panels';
import { MAX_SUBQUERY_POINTS, checkPromqlBounds } from './promql-bounds';
import { durationSeconds } from './promql-tree';

describe('durationSeconds', () => {
  it('reads PromQL durations and plain seconds', () => {
    expect(durationSeconds('1h30m')).toBe(5400);
    expect(durationSeconds('500ms')).toBe(0.5);
    expect(durationSeconds('2w')).toBe(1_209_600);
    expect(durationSeconds('90')).toBe(90);
    expect(durationSeconds('5m*2')).toBeNull();
  });
});

describe('checkPromqlBounds', () => {
  it('refuses a subquery with a huge range or a tiny step, saying which step would do', () => {
    expect(() => checkPromqlBounds('max_over_time(up[30d:1s])', 0)).toThrow(/2,592,000 evaluations.*at least 236 s/);
    expect(() => checkPromqlBounds('max_over_time(up[400d:1h])', 0)).toThrow(/longer than 31 d/);
    expect(() => checkPromqlBounds('max_over_time(up[1h:0s])', 0)).toThrow(/must be positive/);
    expect(() => checkPromqlBounds('max_over_time(rate(x[5m])[1h:5m*1])', 0)).toThrow(/not supported/);
  });
  it('counts the window and the enclosing subqueries, and the default step', () => {
    expect(() => checkPromqlBounds('max_over_time(up[1h:1s])', 0)).not.toThrow();
    expect(() => checkPromqlBounds('max_over_time(up[1h:1s])', 86_400)).toThrow(/evaluations/);
    expect(() => checkPromqlBounds('max_over_time((max_over_time(up[1h:1s]))[3h:1m])', 0)).toThrow(/\[1h:1s\]/);
    expect(() => checkPromqlBounds('max_over_time(up[7d:])', 0)).not.toThrow(); // 10,080 at 1 m
    expect(() => checkPromqlBounds('max_over_time(up[8d:])', 0)).toThrow(
      `at most ${MAX_SUBQUERY_POINTS.toLocaleString('en')}`,
    );
  });
  it('refuses a range selector longer than the longest window', () => {
    expect(() => checkPromqlBounds('rate(up[32d])', 0)).toThrow(/\[32d\] is longer than 31 d/);
    expect(() => checkPromqlBounds('rate(up[31d])', 0)).not.toThrow();
  });
  it('every preset and the idle-hours queries pass at every window the routes allow', () => {
    for (const range of [900, 86_400, 31 * 86_400]) {
      const step = Math.ceil(range / 300);
      for (const p of PANELS) for (const q of p.queries({ step })) checkPromqlBounds(q.expr, range);
      const resolution = idleHoursResolution(range, step);
      for (const e of Object.values({
        ...idleHoursQueries({ range, step: resolution, threshold: 10 }),
        ...ownerQueries(range),
      }))
        checkPromqlBounds(e, 0);
    }
  });
});
