import { describe, expect, it } from 'vitest';
import { SERIES_PALETTE, seriesColor } from './palette';

const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
/** WCAG relative luminance. */
const luminance = (hex: string) => {
  const [r, g, b] = channels(hex).map(linear) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
};
/** OKLab (Björn Ottosson), where distance follows what eyes see. */
const oklab = (hex: string) => {
  const [r, g, b] = channels(hex).map(linear) as [number, number, number];
  const l = Math.cbrt(0.4122214708 * r + 0.5363020883 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
};

describe('series palette', () => {
  it('has 20 different colours', () => {
    expect(SERIES_PALETTE).toHaveLength(20);
    expect(new Set(SERIES_PALETTE).size).toBe(20);
  });

  it('every colour holds 3:1 against the light and the dark background', () => {
    for (const c of SERIES_PALETTE) {
      expect(contrast(c, '#ffffff'), c).toBeGreaterThanOrEqual(3);
      expect(contrast(c, '#18181b'), c).toBeGreaterThanOrEqual(3);
    }
  });

  it('any two colours are apart in OKLab (about four times a just-noticeable difference or more)', () => {
    let min = Infinity;
    for (const [i, a] of SERIES_PALETTE.entries())
      for (const b of SERIES_PALETTE.slice(i + 1)) {
        const [p, q] = [oklab(a), oklab(b)];
        min = Math.min(min, Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!));
      }
    expect(min).toBeGreaterThan(0.07);
  });

  it('the first five, the ones most charts use, are far apart', () => {
    const first = SERIES_PALETTE.slice(0, 5).map(oklab);
    for (const [i, p] of first.entries())
      for (const q of first.slice(i + 1))
        expect(Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!)).toBeGreaterThan(0.15);
  });

  it('colours by position and repeats past 20', () => {
    expect(seriesColor(0)).toBe(SERIES_PALETTE[0]);
    expect(seriesColor(20)).toBe(SERIES_PALETTE[0]);
    expect(seriesColor(21)).toBe(SERIES_PALETTE[1]);
  });
});
