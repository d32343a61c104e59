/**
 * The browser's side of a log view, without React: a ring buffer of the last N lines (memory stays
 * flat), a pause that counts and keeps what arrives meanwhile, and resume-after-reconnect that
 * drops lines already shown (per pod/container, with lib/logs/resume.ts). Pure.
 */
import { stripAnsi } from './ansi';
import { advanceCursor, resumeSinceTime, ResumeFilter, type ResumeCursor } from './resume';
import { lineLevel, type LogLevel } from './search';
import { tsKey } from './timestamps';
import type { LogEntry } from './types';
import { RingBuffer } from './ring-buffer';

export const DEFAULT_BUFFER_LINES = 50_000;

export interface ShownLine {
  seq: number;
  e: LogEntry;
  /** The text without ANSI codes: what search and filter look at. */
  plain: string;
  level: LogLevel;
}

export class LogStore {
  ring: RingBuffer<ShownLine>;
  /** Lines that arrived while paused (shown on resume), bounded like the ring. */
  private pending: ShownLine[] = [];
  paused = false;
  /** Log lines that arrived while paused (markers not counted), including any beyond the buffer size. */
  pausedCount = 0;
  private pendingOverflow = 0;
  private seq = 0;
  private readonly cursors = new Map<string, ResumeCursor>();
  private filters: Map<string, ResumeFilter> | null = null;

  constructor(capacity = DEFAULT_BUFFER_LINES) {
    this.ring = new RingBuffer(capacity);
  }

  get length(): number {
    return this.ring.length;
  }

  at(i: number): ShownLine | undefined {
    return this.ring.at(i);
  }

  /** Older lines pushed out of the buffer (the notice in the page). */
  get dropped(): number {
    return this.ring.dropped;
  }

  /** Adds a batch; returns true when what is shown changed. */
  add(entries: readonly LogEntry[]): boolean {
    const fresh: ShownLine[] = [];
    for (const e of entries) {
      if (e.k === 'l') {
        const target = `${e.pod}/${e.container}`;
        const filter = this.filters?.get(target);
        if (filter && !filter.accept(e.ts)) continue;
        const c = advanceCursor(this.cursors.get(target) ?? null, e.ts);
        if (c) this.cursors.set(target, c);
      }
      const plain = stripAnsi(e.text);
      fresh.push({ seq: this.seq++, e, plain, level: e.k === 'l' ? lineLevel(plain) : null });
    }
    if (fresh.length === 0) return false;
    if (this.paused) {
      this.pausedCount += fresh.filter((l) => l.e.k === 'l').length;
      this.pending.push(...fresh);
      if (this.pending.length > this.ring.capacity) {
        this.pendingOverflow += this.pending.length - this.ring.capacity;
        this.pending.splice(0, this.pending.length - this.ring.capacity);
      }
      return false;
    }
    this.ring.pushAll(fresh);
    return true;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    // Lines beyond the buffer's size were kept out while paused and now count as dropped.
    this.ring.pushAll(this.pending);
    this.ring.dropped += this.pendingOverflow;
    this.pendingOverflow = 0;
    this.pending = [];
    this.pausedCount = 0;
  }

  clear(): void {
    this.ring.clear();
    this.pending = [];
    this.pausedCount = 0;
    this.pendingOverflow = 0;
  }

  /** Forgets everything, including where each target was (a new stream with other options). */
  reset(capacity = this.ring.capacity): void {
    this.ring = new RingBuffer(capacity);
    this.pending = [];
    this.pausedCount = 0;
    this.pendingOverflow = 0;
    this.cursors.clear();
    this.filters = null;
  }

  /**
   * Prepares a reconnect: returns the `since` to ask for (the second of the oldest last-seen line
   * over all targets), or null when nothing was seen yet; lines already shown will be dropped.
   */
  beginResume(): string | null {
    let oldest: ResumeCursor | null = null;
    for (const c of this.cursors.values()) if (!oldest || c.key < oldest.key) oldest = c;
    this.filters = new Map([...this.cursors].map(([k, c]) => [k, new ResumeFilter(c)]));
    // A target not seen before the break has no filter: all of its lines are new.
    return oldest ? resumeSinceTime(oldest) : null;
  }

  /** Time of the newest line shown (for "last line at …"). */
  newestTs(): string | null {
    let best: string | null = null;
    for (const c of this.cursors.values()) if (!best || c.key > best) best = c.key;
    return best && tsKey(best) ? best : null;
  }
}
