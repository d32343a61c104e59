import { describe, expect, it } from 'vitest';
import { FailureWindow } from './audit-window';

describe('FailureWindow', () => {
  it('records the first few failures of a window and counts the rest', () => {
    const w = new FailureWindow(60_000, 3);
    const answers = Array.from({ length: 1000 }, (_, i) => w.admit(1_000 + i, `failure ${i}`));
    expect(answers.filter((a) => a === 'record')).toHaveLength(3);
    expect(answers.slice(0, 3)).toEqual(['record', 'record', 'record']);
    const s = w.close(61_000);
    expect(s).toEqual({
      suppressed: 997,
      since: new Date(1_000).toISOString(),
      until: new Date(61_000).toISOString(),
      latest: 'failure 999',
    });
  });

  it('starts a new window once the old one has passed, and summarises nothing when nothing was suppressed', () => {
    const w = new FailureWindow(60_000, 2);
    expect(w.admit(0, 'a')).toBe('record');
    expect(w.admit(1, 'b')).toBe('record');
    expect(w.admit(2, 'c')).toBe('count');
    expect(w.endsAt()).toBe(60_000);
    expect(w.admit(60_000, 'd')).toBe('record');
    expect(w.close(60_001)).toBeNull();
    expect(w.admit(70_000, 'e')).toBe('record');
  });
});
