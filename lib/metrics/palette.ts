/**
 * The series colours of every chart: 20 that tell apart side by side, each at least 3:1 against a
 * white and a near-black (zinc-900) background, so a line reads in the light theme and the dark.
 * Chosen farthest-first in OKLab (perceptual distance), so the first colours differ the most and
 * a chart of three series never gets three blues. Past 20, colours repeat. Pure.
 */
export const SERIES_PALETTE = [
  '#236ade',
  '#df500c',
  '#38a017',
  '#c252bb',
  '#3595a4',
  '#866f2c',
  '#7a659e',
  '#b56f7a',
  '#886bee',
  '#3b825f',
  '#db4781',
  '#398ad6',
  '#3a78a1',
  '#7f8e4e',
  '#ae794c',
  '#558113',
  '#019f68',
  '#a06cc4',
  '#7b80bc',
  '#9e5f48',
] as const;

/** The colour of the series at position `i`: stable by position, so a series keeps it across refreshes. */
export function seriesColor(i: number): string {
  return SERIES_PALETTE[((i % SERIES_PALETTE.length) + SERIES_PALETTE.length) % SERIES_PALETTE.length]!;
}
