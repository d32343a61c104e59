import { describe, expect, it } from 'vitest';
import { formatBytes, formatCpu, formatMemory, parseQuantity } from './quantity';

describe('parseQuantity', () => {
  it.each([
    ['64Gi', 64 * 2 ** 30],
    ['65843204Ki', 65843204 * 1024],
    ['512Mi', 512 * 2 ** 20],
    ['1k', 1000],
    ['2M', 2e6],
    ['16', 16],
    ['15500m', 15.5],
    ['250m', 0.25],
    ['1e3', 1000],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['.5', 0.5],
    [' 4 ', 4],
  ])('%s is %d', (q, v) => {
    expect(parseQuantity(q)).toBeCloseTo(v, 9);
  });

  it.each(['', 'Gi', '64GB', 'abc', '1.2.3', '5 Gi'])('rejects %j', (q) => {
    expect(parseQuantity(q)).toBeNull();
  });

  it('treats null and undefined as no quantity', () => {
    expect(parseQuantity(null)).toBeNull();
    expect(parseQuantity(undefined)).toBeNull();
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1 KiB'],
    [1536, '1.5 KiB'],
    [64 * 2 ** 30, '64 GiB'],
    [65843204 * 1024, '62.8 GiB'],
    [300 * 2 ** 30, '300 GiB'],
    [2 * 2 ** 40, '2 TiB'],
  ])('%d is %s', (b, text) => {
    expect(formatBytes(b)).toBe(text);
  });
});

describe('formatMemory and formatCpu', () => {
  it('formats memory quantities, keeping what it cannot read', () => {
    expect(formatMemory('64Gi')).toBe('64 GiB');
    expect(formatMemory('weird')).toBe('weird');
    expect(formatMemory(null)).toBe('—');
  });
  it('formats CPU as cores', () => {
    expect(formatCpu('16')).toBe('16');
    expect(formatCpu('15500m')).toBe('15.5');
    expect(formatCpu('250m')).toBe('0.25');
    expect(formatCpu(undefined)).toBe('—');
  });
});
