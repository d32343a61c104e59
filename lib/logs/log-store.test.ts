import { describe, expect, it } from 'vitest';
import { LogStore } from './log-store';
import type { LogEntry } from './types';

const line = (ts: string, text: string, pod = 'p', container = 'c'): LogEntry => ({ k: 'l', pod, container, ts, text });

describe('LogStore', () => {
  it('keeps the last N lines and reports the dropped older ones', () => {
    const s = new LogStore(2);
    s.add([
      line('2026-01-01T00:00:01Z', 'a'),
      line('2026-01-01T00:00:02Z', 'b'),
      line('2026-01-01T00:00:03Z', '\x1b[31mERROR\x1b[0m c'),
    ]);
    expect(s.length).toBe(2);
    expect(s.dropped).toBe(1);
    expect(s.at(1)).toMatchObject({ plain: 'ERROR c', level: 'error' });
  });

  it('while paused, lines are counted, not shown, and not lost on resume', () => {
    const s = new LogStore(10);
    s.add([line('2026-01-01T00:00:01Z', 'a')]);
    s.pause();
    expect(s.add([line('2026-01-01T00:00:02Z', 'b'), line('2026-01-01T00:00:03Z', 'c')])).toBe(false);
    expect(s.length).toBe(1);
    expect(s.pausedCount).toBe(2);
    s.resume();
    expect(s.length).toBe(3);
    expect(s.at(2)!.e.text).toBe('c');
    expect(s.pausedCount).toBe(0);
  });

  it('a pause longer than the buffer counts the overflow as dropped', () => {
    const s = new LogStore(2);
    s.pause();
    s.add([1, 2, 3, 4, 5].map((i) => line(`2026-01-01T00:00:0${i}Z`, String(i))));
    s.add([{ k: 'm', pod: 'p', container: '', ts: '', text: 'q joined' }]);
    expect(s.pausedCount).toBe(5);
    s.resume();
    expect(s.length).toBe(2);
    expect(s.at(0)!.e.text).toBe('5');
    expect(s.at(1)!.e.text).toBe('q joined');
    expect(s.dropped).toBe(4);
  });

  it('after a reconnect, lines already shown are dropped per pod/container', () => {
    const s = new LogStore(100);
    s.add([line('2026-01-01T00:00:01.5Z', 'a1', 'a'), line('2026-01-01T00:00:03.5Z', 'b1', 'b')]);
    expect(s.beginResume()).toBe('2026-01-01T00:00:01Z');
    s.add([
      line('2026-01-01T00:00:01.5Z', 'a1', 'a'),
      line('2026-01-01T00:00:02Z', 'a2', 'a'),
      line('2026-01-01T00:00:03.5Z', 'b1', 'b'),
      line('2026-01-01T00:00:04Z', 'b2', 'b'),
      { k: 'm', pod: 'a', container: 'a', ts: '', text: 'reconnected' },
    ]);
    expect(s.ring.toArray().map((l) => l.e.text)).toEqual(['a1', 'b1', 'a2', 'b2', 'reconnected']);
  });

  it('clear empties the view; beginResume without lines asks for no since', () => {
    const s = new LogStore(5);
    expect(s.beginResume()).toBeNull();
    s.add([line('2026-01-01T00:00:01Z', 'a')]);
    s.clear();
    expect(s.length).toBe(0);
  });
});
