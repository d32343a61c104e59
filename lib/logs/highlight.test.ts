import { describe, expect, it } from 'vitest';
import { parseAnsi } from './ansi';
import { highlightSpans } from './highlight';

describe('highlightSpans', () => {
  it('cuts coloured spans at match boundaries and keeps their colours', () => {
    const segs = highlightSpans(parseAnsi('\x1b[32mINFO\x1b[0m: job done'), [
      [2, 4],
      [6, 9],
    ]);
    expect(segs.map((s) => [s.text, s.hit, s.style.fg ?? null])).toEqual([
      ['IN', false, '#4ade80'],
      ['FO', true, '#4ade80'],
      [': ', false, null],
      ['job', true, null],
      [' done', false, null],
    ]);
  });

  it('a match across spans is highlighted in each part', () => {
    const segs = highlightSpans(parseAnsi('ab\x1b[31mcd'), [[1, 3]]);
    expect(segs.filter((s) => s.hit).map((s) => s.text)).toEqual(['b', 'c']);
  });

  it('no ranges: the spans as they are', () => {
    expect(highlightSpans(parseAnsi('x'), [])).toEqual([{ text: 'x', style: {}, hit: false }]);
  });
});
