/**
 * Cuts styled ANSI spans at search-match boundaries, so a match is highlighted inside coloured
 * text without losing the colours. Ranges are offsets in the text without escape codes. Pure.
 */
import type { AnsiSpan, AnsiStyle } from './ansi';

export interface Segment {
  text: string;
  style: AnsiStyle;
  hit: boolean;
}

export function highlightSpans(spans: readonly AnsiSpan[], ranges: readonly [number, number][]): Segment[] {
  if (ranges.length === 0) return spans.map((s) => ({ text: s.text, style: s.style, hit: false }));
  const out: Segment[] = [];
  let offset = 0;
  let r = 0;
  for (const span of spans) {
    let i = 0;
    while (i < span.text.length) {
      const abs = offset + i;
      while (r < ranges.length && ranges[r]![1] <= abs) r++;
      const range = ranges[r];
      let end: number;
      let hit = false;
      if (range && range[0] <= abs) {
        hit = true;
        end = Math.min(span.text.length, range[1] - offset);
      } else {
        end = range ? Math.min(span.text.length, range[0] - offset) : span.text.length;
      }
      out.push({ text: span.text.slice(i, end), style: span.style, hit });
      i = end;
    }
    offset += span.text.length;
  }
  return out;
}
