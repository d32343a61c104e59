import { describe, expect, it } from 'vitest';
import { parseAnsi, stripAnsi } from './ansi';

describe('parseAnsi', () => {
  it('keeps plain text as one unstyled span', () => {
    expect(parseAnsi('hello <b>world</b>')).toEqual([{ text: 'hello <b>world</b>', style: {} }]);
  });

  it('turns SGR colours into styles and reset ends them', () => {
    const spans = parseAnsi('\x1b[32mINFO\x1b[0m:  ok');
    expect(spans).toEqual([
      { text: 'INFO', style: { fg: '#4ade80' } },
      { text: ':  ok', style: {} },
    ]);
  });

  it('combines bold, 256 and truecolour, and background', () => {
    const [a, b, c] = parseAnsi('\x1b[1;38;5;196mA\x1b[48;2;1;2;3mB\x1b[22;39mC');
    expect(a).toEqual({ text: 'A', style: { bold: true, fg: 'rgb(255,0,0)' } });
    expect(b!.style).toMatchObject({ bold: true, bg: 'rgb(1,2,3)' });
    expect(c).toEqual({ text: 'C', style: { bg: 'rgb(1,2,3)' } });
  });

  it('removes other escape sequences (cursor moves, OSC titles) and ignores junk parameters', () => {
    expect(parseAnsi('\x1b[2K\x1b]0;title\x07a\x1b[38;5;999mb')).toEqual([{ text: 'ab', style: {} }]);
  });

  it('never produces markup: HTML in a line stays text', () => {
    const spans = parseAnsi('\x1b[31m<script>alert(1)</script>');
    expect(spans[0]!.text).toBe('<script>alert(1)</script>');
  });

  it('stripAnsi gives the text search looks at', () => {
    expect(stripAnsi('\x1b[33mWARNING\x1b[0m slow')).toBe('WARNING slow');
    expect(stripAnsi('plain')).toBe('plain');
  });
});
