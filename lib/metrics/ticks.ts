/**
 * Round value-axis ticks with units: 0, 2, 4, 6 GiB rather than 1.37, 2.74 …; every tick of an
 * axis in the same unit (no "900 MiB" beside "1.2 GiB"); whole numbers only where the values are
 * counts of things (replicas, GPUs). Pure.
 */
import type { MetricUnit } from './units';

/** A value axis: its range, its ticks and how a tick reads. */
export interface ValueAxis {
  domain: [number, number];
  ticks: number[];
  /** The label of a tick, unit included: "4 GiB", "250m", "50 %". */
  label: (v: number) => string;
}

/** A scale a unit reads in: values are divided by `factor` and followed by `suffix`. */
interface Scale {
  factor: number;
  suffix: string;
}

const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** The scale of an axis whose largest absolute value is `max`. */
function scaleOf(unit: MetricUnit, max: number): Scale {
  switch (unit) {
    case 'bytes':
    case 'mebibytes': {
      const first = unit === 'mebibytes' ? 2 : 0;
      let i = first;
      while (max / 1024 ** (i - first) >= 1024 && i < BINARY.length - 1) i++;
      return { factor: 1024 ** (i - first), suffix: ` ${BINARY[i]}` };
    }
    case 'cores':
      return max < 1 ? { factor: 0.001, suffix: 'm' } : { factor: 1, suffix: ' cores' };
    case 'seconds':
      if (max > 0 && max < 1e-3) return { factor: 1e-6, suffix: ' µs' };
      if (max > 0 && max < 1) return { factor: 1e-3, suffix: ' ms' };
      return { factor: 1, suffix: ' s' };
    case 'percent':
      return { factor: 1, suffix: ' %' };
    case 'celsius':
      return { factor: 1, suffix: ' °C' };
    case 'watts':
      return { factor: 1, suffix: ' W' };
    case 'reqps':
      return { factor: 1, suffix: ' req/s' };
    case 'count':
      return { factor: 1, suffix: '' };
  }
}

/** The round step (1, 2, 2.5 or 5 × 10ⁿ) that cuts `span` into about `count` parts; whole numbers only if `integer`. */
export function niceStep(span: number, count: number, integer = false): number {
  const raw = span > 0 ? span / Math.max(1, count) : 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw * 0.999) ?? 10 * power;
  return integer ? Math.max(1, Math.ceil(step)) : step;
}

/** Digits after the point a step needs (0.25 → 2, 5 → 0). */
function decimalsOf(step: number): number {
  for (let d = 0; d < 10; d++) if (Math.abs(step * 10 ** d - Math.round(step * 10 ** d)) < 1e-9) return d;
  return 10;
}

/**
 * The value axis for values between `min` and `max` in `unit`, about `count` intervals. Axes of
 * non-negative values start at 0 (a bar of memory or CPU read from zero). `integer`: counts of
 * things, so ticks are whole numbers and never 0.5 replicas.
 */
export function valueAxis(
  min: number,
  max: number,
  unit: MetricUnit,
  { count = 4, integer = false }: { count?: number; integer?: boolean } = {},
): ValueAxis {
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    min = 0;
    max = integer ? 1 : 1;
  }
  const lo0 = Math.min(min, 0 <= min ? 0 : min);
  const hi0 = max <= lo0 ? lo0 + (integer ? 1 : Math.abs(lo0) || 1) : max;
  const scale = scaleOf(unit, Math.max(Math.abs(lo0), Math.abs(hi0)));
  const lo = lo0 / scale.factor;
  const hi = hi0 / scale.factor;
  const step = niceStep(hi - lo, count, integer && scale.factor === 1);
  const first = Math.floor(lo / step + 1e-9) * step;
  const last = Math.ceil(hi / step - 1e-9) * step;
  const digits = decimalsOf(step);
  const ticks: number[] = [];
  for (let v = first; v <= last + step / 2; v += step) ticks.push(Number((v * scale.factor).toPrecision(12)));
  return {
    domain: [ticks[0]!, ticks[ticks.length - 1]!],
    ticks,
    label: (v) => `${(v / scale.factor).toFixed(digits)}${scale.suffix}`,
  };
}

/** The smallest and largest finite values of the given columns over the rows (NaN, NaN when none). */
export function valueRange(rows: readonly Record<string, number | null>[], keys: readonly string[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const row of rows)
    for (const k of keys) {
      const v = row[k];
      if (typeof v === 'number' && Number.isFinite(v)) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
  return min === Infinity ? [NaN, NaN] : [min, max];
}
