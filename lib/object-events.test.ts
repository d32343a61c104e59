import { describe, expect, it } from 'vitest';
import { eventRow } from '../test/builders/rows';
import { foldEvents, foldingKeyOf, isAbout, isReplicaSetOf, workloadRelated } from './object-events';
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

describe('a workload page: its own events and its ReplicaSets', () => {
  const ev = (name: string, kind: string, obj: string, e: Partial<EventRow> = {}) =>
    eventRow({ name, namespace: 'team-a', involved: { kind, name: obj, namespace: 'team-a' }, ...e });

  it('takes `<name>-<hash>` as a Deployment’s ReplicaSet and nothing with another hyphen', () => {
    expect(isReplicaSetOf('web-5d8f9c7b6', 'web')).toBe(true);
    expect(isReplicaSetOf('web-api-5d8f9c7b6', 'web')).toBe(false);
    expect(isReplicaSetOf('web-', 'web')).toBe(false);
    expect(isReplicaSetOf('web', 'web')).toBe(false);
    expect(isReplicaSetOf('webb-5d8f', 'web')).toBe(false);
    expect(isReplicaSetOf('web-5D8F', 'web')).toBe(false);
  });

  it('folds a ReplicaSet’s FailedCreate under the Deployment, marked with the object it is about', () => {
    const rows = [
      ev('a', 'Deployment', 'web', { reason: 'ScalingReplicaSet', message: 'Scaled up replica set web-5d8f to 3' }),
      ev('b', 'ReplicaSet', 'web-5d8f', {
        type: 'Warning',
        reason: 'FailedCreate',
        message: 'exceeded quota',
        count: 4,
      }),
      ev('c', 'ReplicaSet', 'web-5d8f', {
        type: 'Warning',
        reason: 'FailedCreate',
        message: 'exceeded quota',
        count: 2,
      }),
      ev('d', 'ReplicaSet', 'web-api-77aa', { type: 'Warning', reason: 'FailedCreate', message: 'other' }),
      ev('e', 'Pod', 'web-5d8f-abcde', { type: 'Warning', reason: 'BackOff' }),
      eventRow({
        name: 'f',
        namespace: 'team-b',
        type: 'Warning',
        involved: { kind: 'ReplicaSet', name: 'web-5d8f', namespace: 'team-b' },
      }),
    ];
    const out = foldEvents(
      rows,
      { kind: 'Deployment', name: 'web', namespace: 'team-a' },
      workloadRelated('Deployment', 'team-a', 'web'),
    );
    expect(out.map((e) => [e.reason, e.count, e.about ?? null])).toEqual([
      ['FailedCreate', 6, 'ReplicaSet web-5d8f'],
      ['ScalingReplicaSet', 1, null],
    ]);
  });

  it('adds no related objects for other kinds', () => {
    const rows = [ev('b', 'ReplicaSet', 'db-5d8f', { type: 'Warning' }), ev('a', 'StatefulSet', 'db')];
    const out = foldEvents(
      rows,
      { kind: 'StatefulSet', name: 'db', namespace: 'team-a' },
      workloadRelated('StatefulSet', 'team-a', 'db'),
    );
    expect(out).toHaveLength(1);
    expect(out[0]!.about).toBeUndefined();
  });
});

describe('folding a controller’s repeated failures', () => {
  it('blanks generated name suffixes only (the five-letter alphabet without vowels)', () => {
    expect(foldingKeyOf('Error creating: pods "web-5d8f9-x7k2q" is forbidden: exceeded quota')).toBe(
      'Error creating: pods "web-5d8f9-*" is forbidden: exceeded quota',
    );
    expect(foldingKeyOf('Created pod: web-5d8f9-x7k2q')).toBe('Created pod: web-5d8f9-*');
    // Words and other names are left: vowels, digits 0/1/3, other lengths.
    expect(foldingKeyOf('Scaled up replica set my-nginx to 3')).toBe('Scaled up replica set my-nginx to 3');
    expect(foldingKeyOf('node kwok-node-12345 ready')).toBe('node kwok-node-12345 ready');
    expect(foldingKeyOf('pod web-5d8f9-x7k2qq')).toBe('pod web-5d8f9-x7k2qq');
  });

  it('folds FailedCreate for pod after pod into one entry, showing the newest wording', () => {
    const rows = ['x7k2q', 'bbbbb', 'zz29v'].map((suffix, i) =>
      eventRow({
        name: `e${i}`,
        namespace: 'team-a',
        type: 'Warning',
        reason: 'FailedCreate',
        // client-go's aggregator marks its own folding; it folds with ours all the same.
        message: `${i === 1 ? '(combined from similar events): ' : ''}Error creating: pods "web-5d8f-${suffix}" is forbidden: exceeded quota`,
        lastSeen: `2026-01-01T00:0${i}:00Z`,
        firstSeen: `2026-01-01T00:0${i}:00Z`,
        involved: { kind: 'ReplicaSet', name: 'web-5d8f', namespace: 'team-a' },
      }),
    );
    const out = foldEvents([rows[1]!, rows[2]!, rows[0]!], {
      kind: 'ReplicaSet',
      name: 'web-5d8f',
      namespace: 'team-a',
    });
    expect(out).toHaveLength(1);
    expect(out[0]!.count).toBe(3);
    expect(out[0]!.message).toBe('Error creating: pods "web-5d8f-zz29v" is forbidden: exceeded quota');
    expect(out[0]!.firstSeen).toBe('2026-01-01T00:00:00Z');
  });
});
