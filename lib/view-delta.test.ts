import { describe, expect, it } from 'vitest';
import { applyViewDelta } from './view-delta';

const list = (revision: number, keys: string[], epoch = 'e1') => ({
  items: keys.map((key) => ({ key, v: 0 })),
  revision,
  epoch,
});

describe('applyViewDelta', () => {
  it('applies upserts and deletes and moves the revision', () => {
    const r = applyViewDelta(list(3, ['a', 'b']), {
      view: 'pods',
      epoch: 'e1',
      from: 3,
      to: 5,
      upserts: [
        { key: 'c', v: 1 },
        { key: 'a', v: 2 },
      ],
      deletes: ['b'],
    });
    expect(r.kind).toBe('applied');
    if (r.kind !== 'applied') return;
    expect(r.list.revision).toBe(5);
    expect(r.list.items.sort((x, y) => x.key.localeCompare(y.key))).toEqual([
      { key: 'a', v: 2 },
      { key: 'c', v: 1 },
    ]);
  });

  it('applies a delta to a list fetched between its from and to (idempotent final states)', () => {
    const r = applyViewDelta(list(4, ['a']), {
      view: 'pods',
      epoch: 'e1',
      from: 3,
      to: 5,
      upserts: [{ key: 'a', v: 9 }],
      deletes: [],
    });
    expect(r.kind).toBe('applied');
  });

  it('ignores a delta the list already contains', () => {
    expect(
      applyViewDelta(list(5, ['a']), { view: 'pods', epoch: 'e1', from: 3, to: 5, upserts: [], deletes: ['a'] }).kind,
    ).toBe('stale');
  });

  it('reports a gap when changes were missed', () => {
    expect(
      applyViewDelta(list(2, ['a']), { view: 'pods', epoch: 'e1', from: 3, to: 5, upserts: [], deletes: [] }).kind,
    ).toBe('gap');
  });

  it('reports a gap when the server restarted (new epoch), whatever the numbers say', () => {
    expect(
      applyViewDelta(list(500, ['a']), { view: 'pods', epoch: 'e2', from: 0, to: 3, upserts: [], deletes: [] }).kind,
    ).toBe('gap');
  });
});
