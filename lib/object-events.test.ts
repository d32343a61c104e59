import { describe, expect, it } from 'vitest';
import { eventRow } from '../test/builders/rows';
import { foldEvents, isAbout } from './object-events';
import type { EventRow } from './views';

const pod = { kind: 'Pod', name: 'web-1', namespace: 'team-a' };
const about = (name: string, e: Partial<EventRow>) =>
  eventRow({ name, namespace: 'team-a', involved: { kind: 'Pod', name: 'web-1', namespace: 'team-a' }, ...e });

describe('foldEvents', () => {
  it('folds repeats by type+reason+message: counts summed, first and last seen widened, sources once', () => {
    const out = foldEvents(
      [
        about('a', {
          type: 'Warning',
          reason: 'FailedScheduling',
          message: '0/3 nodes',
          count: 3,
          firstSeen: '2026-01-01T00:00:05Z',
          lastSeen: '2026-01-01T00:01:00Z',
          source: 'default-scheduler',
        }),
        about('b', {
          type: 'Warning',
          reason: 'FailedScheduling',
          message: '0/3 nodes',
          count: 2,
          firstSeen: '2026-01-01T00:00:01Z',
          lastSeen: '2026-01-01T00:00:30Z',
          source: 'default-scheduler',
        }),
        about('c', {
          type: 'Warning',
          reason: 'FailedScheduling',
          message: '0/4 nodes',
          count: 1,
          firstSeen: '2026-01-01T00:02:00Z',
          lastSeen: '2026-01-01T00:02:00Z',
        }),
      ],
      pod,
    );
    expect(out).toEqual([
      {
        type: 'Warning',
        reason: 'FailedScheduling',
        message: '0/4 nodes',
        count: 1,
        firstSeen: '2026-01-01T00:02:00Z',
        lastSeen: '2026-01-01T00:02:00Z',
        sources: ['scheduler'],
      },
      {
        type: 'Warning',
        reason: 'FailedScheduling',
        message: '0/3 nodes',
        count: 5,
        firstSeen: '2026-01-01T00:00:01Z',
        lastSeen: '2026-01-01T00:01:00Z',
        sources: ['default-scheduler'],
      },
    ]);
  });

  it('puts warnings first, then newest first; an event never seen last', () => {
    const out = foldEvents(
      [
        about('n1', { type: 'Normal', reason: 'Pulled', lastSeen: '2026-01-01T00:09:00Z' }),
        about('w1', { type: 'Warning', reason: 'BackOff', lastSeen: '2026-01-01T00:01:00Z' }),
        about('n2', { type: 'Normal', reason: 'Started', lastSeen: null, firstSeen: null }),
        about('n3', { type: 'Normal', reason: 'Created', lastSeen: '2026-01-01T00:10:00Z' }),
        about('w2', { type: 'Warning', reason: 'Unhealthy', lastSeen: '2026-01-01T00:05:00Z' }),
      ],
      pod,
    );
    expect(out.map((e) => e.reason)).toEqual(['Unhealthy', 'BackOff', 'Created', 'Pulled', 'Started']);
  });

  it('keeps only the events about the object: kind, name and namespace all match', () => {
    const rows = [
      about('mine', { reason: 'Mine' }),
      eventRow({
        name: 'other-ns',
        namespace: 'team-b',
        involved: { kind: 'Pod', name: 'web-1', namespace: 'team-b' },
      }),
      eventRow({
        name: 'other-kind',
        namespace: 'team-a',
        involved: { kind: 'Service', name: 'web-1', namespace: '' },
      }),
      eventRow({ name: 'other-name', namespace: 'team-a', involved: { kind: 'Pod', name: 'web-2', namespace: '' } }),
      // No namespace in the reference: the event's own namespace counts.
      eventRow({
        name: 'implicit',
        namespace: 'team-a',
        reason: 'Implicit',
        involved: { kind: 'Pod', name: 'web-1', namespace: '' },
      }),
    ];
    expect(
      foldEvents(rows, pod)
        .map((e) => e.reason)
        .sort(),
    ).toEqual(['Implicit', 'Mine']);
  });

  it('matches a cluster-scoped object (a node) by kind and name alone; a count of 0 counts as 1', () => {
    const e = eventRow({
      name: 'n',
      namespace: 'default',
      count: 0,
      involved: { kind: 'Node', name: 'kwok-0', namespace: '' },
    });
    expect(isAbout(e, { kind: 'Node', name: 'kwok-0' })).toBe(true);
    expect(isAbout(e, { kind: 'Node', name: 'kwok-1' })).toBe(false);
    expect(foldEvents([e], { kind: 'Node', name: 'kwok-0' })[0]!.count).toBe(1);
  });

  it('falls back to last seen for first seen when the event has none', () => {
    const out = foldEvents([about('a', { firstSeen: null, lastSeen: '2026-01-01T00:03:00Z' })], pod);
    expect(out[0]!.firstSeen).toBe('2026-01-01T00:03:00Z');
  });
});
