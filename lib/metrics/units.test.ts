import { expect, it } from 'vitest';
import { formatMetric, timeTicks } from './units';

it('formats each unit for axes and tooltips', () => {
  expect(formatMetric(42.345, 'percent')).toBe('42.3 %');
  expect(formatMetric(40_960, 'mebibytes')).toBe('40 GiB');
  expect(formatMetric(512, 'mebibytes')).toBe('512 MiB');
  expect(formatMetric(800_000, 'mebibytes')).toBe('781 GiB');
  expect(formatMetric(1536 * 1024 * 1024, 'bytes')).toBe('1.5 GiB');
  expect(formatMetric(71.5, 'celsius')).toBe('71.5 °C');
  expect(formatMetric(250, 'watts')).toBe('250 W');
  expect(formatMetric(12.349, 'reqps')).toBe('12.3 req/s');
  expect(formatMetric(0.25, 'cores')).toBe('250m');
  expect(formatMetric(2, 'cores')).toBe('2 cores');
  expect(formatMetric(0.0304, 'seconds')).toBe('30.4 ms');
  expect(formatMetric(0.0000123, 'seconds')).toBe('12 µs');
  expect(formatMetric(3, 'seconds')).toBe('3 s');
  expect(formatMetric(null, 'count')).toBe('—');
  expect(formatMetric(Number.NaN, 'count')).toBe('—');
});

it('puts time ticks on round times across the window', () => {
  const h = 3_600_000;
  expect(timeTicks(10 * h + 60_000, 11 * h + 60_000)).toEqual([1, 2, 3, 4, 5, 6].map((i) => 10 * h + i * 600_000));
  expect(timeTicks(0, 7 * 24 * h).length).toBeLessThanOrEqual(6);
  expect(timeTicks(0, 900_000)).toEqual([0, 300_000, 600_000, 900_000]);
});

it("rounds ticks on the viewer's wall clock: hourly ticks of a +05:30 zone fall at :30 UTC", () => {
  const h = 3_600_000;
  const kolkata = 330 * 60_000;
  const ticks = timeTicks(10 * h, 16 * h, 6, kolkata);
  expect(ticks).toEqual([10.5, 11.5, 12.5, 13.5, 14.5, 15.5].map((x) => x * h));
  // Each is a whole hour there.
  for (const t of ticks) expect((t + kolkata) % h).toBe(0);
  // A whole-hour zone is the UTC case shifted.
  expect(timeTicks(10 * h, 16 * h, 6, -5 * h)).toEqual(timeTicks(10 * h, 16 * h, 6));
});
