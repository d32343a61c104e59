import { describe, expect, it } from 'vitest';
import { keepKnown, legendClick } from './legend';

const keys = ['s0', 's1', 's2', 's3'];
const click = (hidden: string[], key: string, toggle = false) =>
  [...legendClick(new Set(hidden), keys, { key, toggle })].sort();

describe('legendClick (Grafana’s way)', () => {
  it('a click isolates the series', () => {
    expect(click([], 's1')).toEqual(['s0', 's2', 's3']);
  });

  it('a click on the only series shown shows them all again', () => {
    expect(click(['s0', 's2', 's3'], 's1')).toEqual([]);
  });

  it('a click on another series while one is isolated isolates that one', () => {
    expect(click(['s0', 's2', 's3'], 's2')).toEqual(['s0', 's1', 's3']);
  });

  it('a click on a hidden series while several show isolates it', () => {
    expect(click(['s3'], 's3')).toEqual(['s0', 's1', 's2']);
  });

  it('shift-click hides one series and shows it again, leaving the others', () => {
    expect(click([], 's2', true)).toEqual(['s2']);
    expect(click(['s2'], 's2', true)).toEqual([]);
    expect(click(['s0', 's2', 's3'], 's0', true)).toEqual(['s2', 's3']);
  });

  it('a single series: a click neither hides it nor sticks', () => {
    expect([...legendClick(new Set(), ['s0'], { key: 's0', toggle: false })]).toEqual([]);
  });
});

describe('keepKnown', () => {
  it('forgets hidden keys of series that left', () => {
    expect([...keepKnown(new Set(['s1', 's9']), keys)]).toEqual(['s1']);
  });
});
