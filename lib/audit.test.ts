import { describe, expect, it } from 'vitest';
import {
  auditEvent,
  auditRowFromEvent,
  clientText,
  filterAudit,
  targetText,
  type AuditRecord,
  type AuditRow,
} from './audit';

const now = new Date('2026-11-25T10:00:00.123Z');
const rec: AuditRecord = {
  action: 'scale',
  user: 'system:serviceaccount:ops:alice',
  groups: ['system:authenticated'],
  target: { kind: 'Deployment', apiVersion: 'apps/v1', namespace: 'imagepod', name: 'imagepod-api' },
  result: 'success',
  message: 'scaled from 2 to 5 replicas',
  details: { from: 2, to: 5 },
  sessionId: 'abc',
  client: 'proxy:203.0.113.7',
};

describe('auditEvent', () => {
  it('builds a valid events.k8s.io/v1 Event that reads back to the same record', () => {
    const ev = auditEvent(rec, { namespace: 'imagepod', instance: 'pod-1', now }) as {
      metadata: { name?: string };
    } & Record<string, unknown>;
    expect(ev).toMatchObject({
      apiVersion: 'events.k8s.io/v1',
      reason: 'Scale',
      action: 'Scale',
      type: 'Normal',
      eventTime: '2026-11-25T10:00:00.123000Z',
      regarding: { kind: 'Deployment', namespace: 'imagepod', name: 'imagepod-api' },
    });
    ev.metadata.name = 'imagepod-audit-x';
    const row = auditRowFromEvent(ev);
    expect(row).toMatchObject({ ...rec, key: 'imagepod/imagepod-audit-x', time: '2026-11-25T10:00:00.123000Z' });
  });
  it('points cluster-scoped and target-less actions at the audit namespace', () => {
    const login = auditEvent(
      { ...rec, action: 'login-failed', target: null, result: 'failure', message: 'bad token' },
      { namespace: 'audit', instance: 'i', now },
    );
    expect(login).toMatchObject({
      reason: 'LoginFailed',
      type: 'Warning',
      regarding: { kind: 'Namespace', namespace: 'audit', name: 'audit' },
    });
    const node = auditEvent(
      { ...rec, action: 'label', target: { kind: 'Node', name: 'gpu-node-1' } },
      { namespace: 'audit', instance: 'i', now },
    );
    expect(node).toMatchObject({ regarding: { namespace: 'audit' } });
    expect(auditRowFromEvent(node)?.target).toEqual({
      kind: 'Node',
      name: 'gpu-node-1',
      namespace: undefined,
      apiVersion: undefined,
    });
  });
  it('clips the note to the API server limit', () => {
    const ev = auditEvent({ ...rec, message: 'x'.repeat(5000) }, { namespace: 'a', instance: 'i', now });
    expect((ev.note as string).length).toBeLessThanOrEqual(1000);
  });
});

describe('auditRowFromEvent', () => {
  it('ignores events that are not audit records', () => {
    expect(auditRowFromEvent({ metadata: { name: 'x' }, message: 'Scheduled' })).toBeNull();
    expect(
      auditRowFromEvent({
        metadata: {
          labels: { 'imagepod.io/audit': 'true' },
          annotations: { 'audit.imagepod.io/action': 'rm -rf', 'audit.imagepod.io/user': 'x' },
        },
      }),
    ).toBeNull();
  });
  it('survives a garbled target or details annotation', () => {
    const row = auditRowFromEvent({
      metadata: {
        labels: { 'imagepod.io/audit': 'true' },
        annotations: {
          'audit.imagepod.io/action': 'logout',
          'audit.imagepod.io/user': 'bob',
          'audit.imagepod.io/target': '{',
          'audit.imagepod.io/details': 'nope',
        },
      },
    });
    expect(row).toMatchObject({ action: 'logout', user: 'bob', target: null, details: undefined, result: 'failure' });
  });
});

describe('filterAudit', () => {
  const row = (user: string, action: AuditRow['action'], time: string): AuditRow => ({
    ...rec,
    key: `${user}${time}`,
    user,
    action,
    time,
    verified: true,
  });
  const rows = [
    row('alice', 'scale', '2026-11-25T10:00:00Z'),
    row('bob', 'login', '2026-11-25T11:00:00Z'),
    row('Alice2', 'login', '2026-11-25T12:00:00Z'),
  ];
  it('filters by user, action and time, newest first', () => {
    expect(filterAudit(rows, {}).map((r) => r.user)).toEqual(['Alice2', 'bob', 'alice']);
    expect(filterAudit(rows, { user: 'ALICE' }).map((r) => r.user)).toEqual(['Alice2', 'alice']);
    expect(filterAudit(rows, { action: 'login', since: '2026-11-25T11:30:00Z' }).map((r) => r.user)).toEqual([
      'Alice2',
    ]);
    expect(filterAudit(rows, { until: '2026-11-25T10:00:00Z' }).map((r) => r.user)).toEqual(['alice']);
  });
  it('names targets readably', () => {
    expect(targetText(rec.target)).toBe('Deployment/imagepod/imagepod-api');
    expect(targetText({ kind: 'Node', name: 'n1' })).toBe('Node/n1');
    expect(targetText(null)).toBe('');
  });
});

describe('clientText', () => {
  it('shows the address however it was learnt, and nothing for an old record', () => {
    expect(clientText('proxy:203.0.113.7')).toBe('203.0.113.7');
    expect(clientText('peer:::1')).toBe('::1');
    expect(clientText('direct')).toBe('direct');
    expect(clientText(undefined)).toBe('');
  });
});
