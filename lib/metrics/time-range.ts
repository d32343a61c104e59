/**
 * Time windows for metric queries: the picker's presets, the step that keeps a series under
 * ~300 points, and the limits every range query is held to. Pure; shared by routes and pages.
 */

export const RANGE_PRESETS = { '15m': 900, '1h': 3600, '6h': 21_600, '24h': 86_400, '7d': 604_800 } as const;
export type RangePreset = keyof typeof RANGE_PRESETS;
export const RANGE_PRESET_NAMES = Object.keys(RANGE_PRESETS) as RangePreset[];

/** At most this many points per series in a preset panel (a chart cannot show more pixels' worth). */
export const TARGET_POINTS = 300;
/** The longest window anyone may ask for (Prometheus' retention is usually shorter anyway). */
export const MAX_RANGE_SECONDS = 31 * 86_400;
/** The finest step: below the scrape interval there is nothing more to see. */
export const MIN_STEP_SECONDS = 1;
/** Prometheus refuses more than 11,000 points per series; the free query box stays well below. */
export const MAX_POINTS = 1_100;

/** Steps a person reads easily, smallest first; a chosen step is always one of them. */
const NICE_STEPS = [5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400];

/** The smallest nice step that keeps `rangeSeconds` within `points` points (≥ 5 s). */
export function chooseStep(rangeSeconds: number, points = TARGET_POINTS): number {
  const wanted = rangeSeconds / points;
  return NICE_STEPS.find((s) => s >= wanted) ?? Math.ceil(wanted / 86_400) * 86_400;
}

export interface QueryWindow {
  /** Unix seconds. */
  start: number;
  end: number;
  step: number;
}

/**
 * The window a panel queries: `end` rounded down to a multiple of the step, so refreshes and
 * other panels ask Prometheus for the same timestamps; `start` the same number of steps earlier.
 */
export function alignedWindow(start: number, end: number, step = chooseStep(end - start)): QueryWindow {
  const e = Math.floor(end / step) * step;
  const n = Math.max(1, Math.round((end - start) / step));
  return { start: e - n * step, end: e, step };
}

/** Why a window is refused, or null: start before end, ≤ 31 days, step ≥ 1 s, ≤ 1,100 points. */
export function windowProblem(start: number, end: number, step?: number): { field: string; message: string } | null {
  if (!(end > start)) return { field: 'end', message: 'end must be after start' };
  if (end - start > MAX_RANGE_SECONDS)
    return { field: 'start', message: `the range may not exceed ${MAX_RANGE_SECONDS / 86_400} days` };
  if (step === undefined) return null;
  if (step < MIN_STEP_SECONDS) return { field: 'step', message: `step must be at least ${MIN_STEP_SECONDS} s` };
  if ((end - start) / step > MAX_POINTS)
    return {
      field: 'step',
      message: `step too small: at most ${MAX_POINTS} points per series (use ≥ ${Math.ceil((end - start) / MAX_POINTS)} s)`,
    };
  return null;
}

/**
 * The window of a `rate()`: at least a minute (four scrapes at 15 s) and two steps, so every step
 * is covered and no sample falls between windows.
 */
export function rateWindow(step: number): string {
  return `${Math.max(60, 2 * step)}s`;
}

/** What the picker holds: a preset ending now, or a fixed window (unix seconds). */
export type TimeWindow = { range: RangePreset } | { start: number; end: number };

/** The window as route query parameters. */
export function windowParams(w: TimeWindow): Record<string, string> {
  return 'range' in w ? { range: w.range } : { start: String(Math.floor(w.start)), end: String(Math.floor(w.end)) };
}
