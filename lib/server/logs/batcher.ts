import 'server-only';
import type { LogEntry } from '../../logs/types';
import { logWork } from './registry';

export interface BatcherOptions {
  /** How often a batch goes out. */
  flushMs: number;
  /** Bytes of line text accepted per second; beyond it lines are dropped and counted. */
  bytesPerSecond: number;
}

/**
 * Collects lines from every followed container and sends them in small batches. Memory is
 * bounded by the byte budget of one flush window: a burst beyond it is dropped, and the browser
 * gets an explicit "N lines dropped" marker in its place instead of the server growing.
 */
export class LogBatcher {
  private pending: LogEntry[] = [];
  private pendingBytes = 0;
  private dropped = 0;
  private windowStart = Date.now();
  private windowBytes = 0;
  private timer: NodeJS.Timeout | null = null;
  /** Lines dropped over the stream's life (for tests and the bench). */
  droppedTotal = 0;

  constructor(
    private readonly opts: BatcherOptions,
    private readonly send: (entries: LogEntry[]) => void,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.flush(), this.opts.flushMs);
    this.timer.unref();
    logWork.batchers++;
  }

  stop(): void {
    if (this.timer) {
      clearInterval(this.timer);
      logWork.batchers--;
    }
    this.timer = null;
    this.flush();
  }

  add(e: LogEntry): void {
    if (e.k === 'l') {
      const now = Date.now();
      if (now - this.windowStart >= 1000) {
        this.windowStart = now;
        this.windowBytes = 0;
      }
      const size = e.text.length + 64;
      if (this.windowBytes + size > this.opts.bytesPerSecond) {
        this.dropped++;
        this.droppedTotal++;
        return;
      }
      this.windowBytes += size;
      this.pendingBytes += size;
    }
    this.pending.push(e);
  }

  flush(): void {
    if (this.dropped > 0) {
      this.pending.push({
        k: 'm',
        pod: '',
        container: '',
        ts: new Date().toISOString(),
        text: `${this.dropped} lines dropped (over ${Math.round(this.opts.bytesPerSecond / 1024)} KiB/s)`,
      });
      this.dropped = 0;
    }
    if (this.pending.length === 0) return;
    const out = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    this.send(out);
  }
}
