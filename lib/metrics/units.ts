/** Units of metric panels and how their values read on axes and in tooltips. Pure. */

export type MetricUnit =
  'percent' | 'mebibytes' | 'bytes' | 'celsius' | 'watts' | 'reqps' | 'seconds' | 'cores' | 'count';

const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

function trim(v: number, digits: number): string {
  return Number(v.toFixed(digits)).toString();
}

function scaled(v: number, steps: string[], base: number, first = 0): string {
  let i = first;
  let x = Math.abs(v);
  while (x >= base && i < steps.length - 1) {
    x /= base;
    i++;
  }
  return `${v < 0 ? '-' : ''}${trim(x, x < 10 ? 2 : x < 100 ? 1 : 0)} ${steps[i]}`;
}

/** A value with its unit, short enough for an axis tick: "42 %", "1.5 GiB", "230 ms". */
export function formatMetric(v: number | null | undefined, unit: MetricUnit): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  switch (unit) {
    case 'percent':
      return `${trim(v, 1)} %`;
    case 'mebibytes':
      return scaled(v, BINARY, 1024, 2);
    case 'bytes':
      return scaled(v, BINARY, 1024);
    case 'celsius':
      return `${trim(v, 1)} °C`;
    case 'watts':
      return `${trim(v, 1)} W`;
    case 'reqps':
      return `${trim(v, v < 10 ? 2 : 1)} req/s`;
    case 'cores':
      return v < 1 ? `${trim(v * 1000, 0)}m` : `${trim(v, 2)} cores`;
    case 'seconds':
      if (v === 0) return '0 s';
      if (Math.abs(v) < 1e-3) return `${trim(v * 1e6, 0)} µs`;
      if (Math.abs(v) < 1) return `${trim(v * 1000, 1)} ms`;
      return `${trim(v, 2)} s`;
    case 'count':
      return trim(v, 2);
  }
}

const TICK_STEPS = [60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400].map((s) => s * 1000);

/**
 * Evenly spaced round times (ms) across a window, at most `max` of them, for the time axis. Round
 * on the wall clock of a zone `offsetMs` ahead of UTC (its offset at the window's start), so a
 * +05:30 viewer gets ticks at 14:00, not 14:30.
 */
export function timeTicks(startMs: number, endMs: number, max = 6, offsetMs = 0): number[] {
  const every =
    TICK_STEPS.find((s) => (endMs - startMs) / s <= max) ??
    Math.ceil((endMs - startMs) / max / 86_400_000) * 86_400_000;
  const out: number[] = [];
  for (let t = Math.ceil((startMs + offsetMs) / every) * every - offsetMs; t <= endMs; t += every) out.push(t);
  return out;
}
