import { describe, expect, it } from 'vitest';
import { formatCriLine, parseCriLine, splitTimestamped, tsKey } from './timestamps';

describe('timestamps and CRI lines', () => {
  it('tsKey pads the fraction so keys sort like instants', () => {
    expect(tsKey('2026-01-02T03:04:05.1Z')).toBe('2026-01-02T03:04:05.100000000Z');
    expect(tsKey('2026-01-02T03:04:05Z')).toBe('2026-01-02T03:04:05.000000000Z');
    expect(tsKey('2026-01-02T05:04:05.5+02:00')).toBe('2026-01-02T03:04:05.500000000Z');
    expect(tsKey('2026-01-02T03:04:05.1Z')! < tsKey('2026-01-02T03:04:05.09Z')!).toBe(false);
    expect(tsKey('nope')).toBeNull();
  });

  it('splits the API `timestamps=true` output', () => {
    expect(splitTimestamped('2026-01-02T03:04:05.123456789Z hello world')).toEqual({
      ts: '2026-01-02T03:04:05.123456789Z',
      text: 'hello world',
    });
    expect(splitTimestamped('2026-01-02T03:04:05Z')).toEqual({ ts: '2026-01-02T03:04:05Z', text: '' });
    expect(splitTimestamped('no stamp here')).toEqual({ ts: '', text: 'no stamp here' });
  });

  it('parses and formats CRI lines', () => {
    expect(parseCriLine('2026-01-02T03:04:05.5Z stderr P part')).toEqual({
      ts: '2026-01-02T03:04:05.5Z',
      stream: 'stderr',
      partial: true,
      text: 'part',
    });
    expect(parseCriLine('2026-01-02T03:04:05.5Z stdout F')).toMatchObject({ text: '' });
    expect(parseCriLine('garbage')).toBeNull();
    expect(parseCriLine('2026-01-02T03:04:05Z stdin F x')).toBeNull();
    const line = formatCriLine(new Date(Date.UTC(2026, 0, 2)), 'hi');
    expect(parseCriLine(line.trimEnd())).toEqual({
      ts: '2026-01-02T00:00:00.000Z',
      stream: 'stdout',
      partial: false,
      text: 'hi',
    });
  });
});
