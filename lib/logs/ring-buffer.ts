/**
 * A fixed-capacity ring of the most recent items: memory stays flat however long a stream runs.
 * Items are addressed by position 0 … length-1 (oldest first); `dropped` counts what fell off
 * the front. Pure.
 */
export class RingBuffer<T> {
  private items: (T | undefined)[];
  private start = 0;
  private size = 0;
  /** Items pushed out by newer ones since the last clear. */
  dropped = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    this.items = new Array<T | undefined>(capacity);
  }

  get length(): number {
    return this.size;
  }

  push(...values: T[]): void {
    this.pushAll(values);
  }

  pushAll(values: readonly T[]): void {
    for (const v of values) {
      const end = (this.start + this.size) % this.capacity;
      this.items[end] = v;
      if (this.size < this.capacity) this.size++;
      else {
        this.start = (this.start + 1) % this.capacity;
        this.dropped++;
      }
    }
  }

  /** The item at position i (0 = oldest), or undefined outside 0 … length-1. */
  at(i: number): T | undefined {
    if (i < 0 || i >= this.size) return undefined;
    return this.items[(this.start + i) % this.capacity];
  }

  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.size; i++) out.push(this.items[(this.start + i) % this.capacity] as T);
    return out;
  }

  clear(): void {
    this.items = new Array<T | undefined>(this.capacity);
    this.start = 0;
    this.size = 0;
    this.dropped = 0;
  }
}
