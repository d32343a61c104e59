/**
 * Resuming a broken log stream without duplicating or losing lines. The API's `sinceTime` has
 * one-second precision and is inclusive, so a reconnect asks from the start of the second of
 * the last line seen and drops what was already delivered: every line older than it, and as many
 * lines stamped exactly like it as were already seen (several lines can share a timestamp).
 * Pure.
 */
import { tsKey } from './timestamps';

export interface ResumeCursor {
  /** `tsKey` of the last delivered line. */
  key: string;
  /** How many delivered lines carry exactly that timestamp. */
  seenAtKey: number;
}

/** The cursor after delivering a line stamped `ts` (lines without a usable stamp leave it as it is). */
export function advanceCursor(c: ResumeCursor | null, ts: string): ResumeCursor | null {
  const key = tsKey(ts);
  if (key === null) return c;
  if (c && c.key === key) return { key, seenAtKey: c.seenAtKey + 1 };
  if (c && key < c.key) return c;
  return { key, seenAtKey: 1 };
}

/** The `sinceTime` to reconnect with: the cursor's second, in RFC 3339 (no fraction). */
export function resumeSinceTime(c: ResumeCursor): string {
  return `${c.key.slice(0, 19)}Z`;
}

/** Decides, line by line after a reconnect, which lines are new. */
export class ResumeFilter {
  private skipAtKey: number;
  private open = false;
  constructor(private readonly cursor: ResumeCursor | null) {
    this.skipAtKey = cursor?.seenAtKey ?? 0;
  }

  accept(ts: string): boolean {
    if (this.open || !this.cursor) return true;
    const key = tsKey(ts);
    // A line without a stamp cannot be placed; it is delivered rather than lost.
    if (key === null) return true;
    if (key < this.cursor.key) return false;
    if (key === this.cursor.key && this.skipAtKey > 0) {
      this.skipAtKey--;
      return false;
    }
    this.open = true;
    return true;
  }
}
