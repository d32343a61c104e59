import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../logs/types';
import { LogBatcher } from './batcher';

const line = (text: string): LogEntry => ({ k: 'l', pod: 'p', container: 'c', ts: '2026-01-01T00:00:00Z', text });

describe('LogBatcher', () => {
  it('sends what arrived since the last flush, in order, and nothing when idle', () => {
    const sent: LogEntry[][] = [];
    const b = new LogBatcher({ flushMs: 50, bytesPerSecond: 1 << 20 }, (e) => sent.push(e));
    b.add(line('a'));
    b.add({ k: 'm', pod: 'p', container: '', ts: '', text: 'p joined' });
    b.add(line('b'));
    b.flush();
    b.flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.map((e) => e.text)).toEqual(['a', 'p joined', 'b']);
  });

  it('beyond the byte budget, lines are dropped and an explicit marker says how many', () => {
    const sent: LogEntry[][] = [];
    const b = new LogBatcher({ flushMs: 50, bytesPerSecond: 1000 }, (e) => sent.push(e));
    for (let i = 0; i < 100; i++) b.add(line('x'.repeat(36))); // 100 bytes each with overhead
    b.flush();
    const texts = sent[0]!.map((e) => e.text);
    expect(texts.filter((t) => t.startsWith('x'))).toHaveLength(10);
    expect(texts.at(-1)).toBe('90 lines dropped (over 1 KiB/s)');
    expect(b.droppedTotal).toBe(90);
  });
});
