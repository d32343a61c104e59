import { describe, expect, it } from 'vitest';
import { AUDIT_MAC_ANNOTATION, auditEvent, auditRowFromEvent, type AuditEventLike } from '../../audit';
import { auditKey, signAudit, verifyAuditEvent } from './mac';

const SECRET = 'a'.repeat(32);
const OTHER = 'b'.repeat(32);
const key = auditKey(SECRET);
type Signed = AuditEventLike & { metadata: { annotations: Record<string, string>; name?: string } };
const signed = (): Signed =>
  auditEvent(
    {
      action: 'scale',
      user: 'system:serviceaccount:ops:alice',
      groups: ['system:authenticated'],
      target: { kind: 'Deployment', apiVersion: 'apps/v1', namespace: 'imagepod', name: 'api' },
      result: 'success',
      message: 'scaled from 2 to 5 replicas',
      details: { from: 2, to: 5 },
      sessionId: 's1',
    },
    {
      namespace: 'imagepod',
      instance: 'pod-1',
      now: new Date('2026-11-25T10:00:00.123Z'),
      sign: (i) => signAudit(i, key),
    },
  );

describe('audit record MAC', () => {
  it('verifies a record the panel signed, also after the API server named it', () => {
    const ev = signed();
    expect(ev.metadata.annotations[AUDIT_MAC_ANNOTATION]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    ev.metadata.name = 'imagepod-audit-xyz';
    expect(verifyAuditEvent(ev, key)).toBe(true);
    expect(auditRowFromEvent(ev, (e) => verifyAuditEvent(e, key))?.verified).toBe(true);
  });

  it('verifies the same Event read back through the core v1 API, as the watch cache lists it', () => {
    const ev = signed();
    const { note, regarding, reportingController, ...rest } = ev;
    const core = { ...rest, message: note, involvedObject: regarding, reportingComponent: reportingController };
    expect(verifyAuditEvent(core, key)).toBe(true);
    expect(verifyAuditEvent({ ...core, message: 'mallory: x' }, key)).toBe(false);
  });

  it('derives a key of its own from the session secret, stable for one secret', () => {
    expect(auditKey(SECRET).equals(key)).toBe(true);
    expect(auditKey(OTHER).equals(key)).toBe(false);
    expect(key.toString('utf8')).not.toContain(SECRET);
    expect(verifyAuditEvent(signed(), auditKey(OTHER))).toBe(false);
  });

  it.each([
    ['user', (e: Signed) => void (e.metadata.annotations['audit.imagepod.io/user'] = 'mallory')],
    ['result', (e: Signed) => void (e.metadata.annotations['audit.imagepod.io/result'] = 'denied')],
    ['target', (e: Signed) => void (e.metadata.annotations['audit.imagepod.io/target'] = '{}')],
    ['message', (e: Signed) => void (e.note = 'mallory: did nothing')],
    ['time', (e: Signed) => void (e.eventTime = '2026-11-25T11:00:00.123000Z')],
    ['an added annotation', (e: Signed) => void (e.metadata.annotations['audit.imagepod.io/x'] = '1')],
    ['the MAC', (e: Signed) => void (e.metadata.annotations[AUDIT_MAC_ANNOTATION] = 'A'.repeat(43))],
  ])('fails when the %s is changed', (_, change) => {
    const ev = signed();
    change(ev);
    expect(verifyAuditEvent(ev, key)).toBe(false);
  });

  it('fails for a record without a MAC or with a malformed one', () => {
    const ev = signed();
    for (const mac of [undefined, '', 'short', 'x'.repeat(44), '!'.repeat(43)]) {
      if (mac === undefined) delete ev.metadata.annotations[AUDIT_MAC_ANNOTATION];
      else ev.metadata.annotations[AUDIT_MAC_ANNOTATION] = mac;
      expect(verifyAuditEvent(ev, key)).toBe(false);
    }
    expect(auditRowFromEvent(ev)?.verified).toBe(false);
  });
});
