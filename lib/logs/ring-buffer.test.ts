import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer';

describe('RingBuffer', () => {
  it('keeps the newest `capacity` items in order and counts what fell off', () => {
    const r = new RingBuffer<number>(3);
    r.pushAll([1, 2]);
    expect(r.toArray()).toEqual([1, 2]);
    r.pushAll([3, 4, 5]);
    expect(r.toArray()).toEqual([3, 4, 5]);
    expect(r.dropped).toBe(2);
    expect(r.at(0)).toBe(3);
    expect(r.at(3)).toBeUndefined();
    r.clear();
    expect(r.length).toBe(0);
    expect(r.dropped).toBe(0);
  });

  it('equals the last N of everything pushed, for any pushes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.array(fc.integer(), { maxLength: 30 }), { maxLength: 20 }),
        (cap, batches) => {
          const r = new RingBuffer<number>(cap);
          for (const b of batches) r.pushAll(b);
          const all = batches.flat();
          expect(r.toArray()).toEqual(all.slice(Math.max(0, all.length - cap)));
          expect(r.dropped).toBe(Math.max(0, all.length - cap));
        },
      ),
    );
  });

  it('refuses a capacity below 1', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
  });
});
