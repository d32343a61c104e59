import { describe, expect, it } from 'vitest';
import { ViewStore } from './view-store';
import { Backoff } from '../../backoff';

const row = (key: string, v: number) => ({
  key,
  type: 'Normal',
  reason: String(v),
  message: '',
  namespace: '',
  involved: { kind: '', name: '', namespace: '' },
  count: 1,
  firstSeen: null,
  lastSeen: null,
  source: '',
});

describe('ViewStore', () => {
  it('moves the revision only for real changes and collapses a batch to final states', () => {
    const s = new ViewStore('events', 'e');
    s.upsert(row('a', 1));
    s.upsert(row('a', 1)); // identical projection: no change
    expect(s.getRevision()).toBe(1);
    s.upsert(row('b', 1));
    s.upsert(row('b', 2));
    s.delete('a');
    s.delete('missing');
    const d = s.takeDelta()!;
    expect(d).toMatchObject({ from: 0, to: 4, deletes: ['a'] });
    expect(d.upserts).toEqual([row('b', 2)]);
    expect(s.takeDelta()).toBeNull();
    s.upsert(row('a', 3));
    expect(s.takeDelta()).toMatchObject({ from: 4, to: 5 });
    expect(
      s
        .list()
        .items.map((r) => r.key)
        .sort(),
    ).toEqual(['a', 'b']);
  });
});

describe('ViewStore.itemsJson', () => {
  it('is the JSON of the current rows, rebuilt only when the revision moves', () => {
    const s = new ViewStore('events', 'e');
    s.upsert(row('a', 1));
    s.upsert(row('b', 1));
    const first = s.itemsJson();
    expect(JSON.parse(first)).toEqual(s.list().items);
    expect(s.itemsJson()).toBe(first);
    s.delete('a');
    expect(JSON.parse(s.itemsJson())).toEqual([row('b', 1)]);
    expect(new ViewStore('events', 'e').itemsJson()).toBe('[]');
  });
});

describe('Backoff', () => {
  it('grows, stays under the cap, and resets', () => {
    const b = new Backoff(100, 1000, () => 1);
    expect([b.next(), b.next(), b.next(), b.next(), b.next(), b.next()]).toEqual([100, 200, 400, 800, 1000, 1000]);
    b.reset();
    expect(b.next()).toBe(100);
    const low = new Backoff(100, 1000, () => 0);
    expect(low.next()).toBe(50);
  });
});
