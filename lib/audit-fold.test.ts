import { describe, expect, it } from 'vitest';
import type { AuditRow } from './audit';
import { foldAudit } from './audit-fold';

let n = 0;
function row(o: Partial<AuditRow> = {}): AuditRow {
  n++;
  return {
    key: `audit/imagepod-audit-${n}`,
    time: `2026-12-02T06:00:${String(60 - n).padStart(2, '0')}Z`,
    action: 'scale',
    user: 'alice',
    target: { kind: 'Deployment', namespace: 'imagepod', name: 'api' },
    result: 'failure',
    message: 'scale to 5 — deployments.apps "api" is forbidden',
    details: { from: 2, to: 5 },
    sessionId: `s${n}`,
    client: 'proxy:203.0.113.7',
    verified: true,
    ...o,
  };
}

describe('foldAudit', () => {
  it('folds a run of identical neighbours into its newest record with a count and the span', () => {
    const rows = [row(), row(), row(), row({ result: 'success', message: 'scale to 5' })];
    const out = foldAudit(rows);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ key: rows[0]!.key, time: rows[0]!.time, firstTime: rows[2]!.time, count: 3 });
    expect(out[1]).toMatchObject({ key: rows[3]!.key, count: 1, firstTime: rows[3]!.time });
  });

  it('keeps records apart that differ in anything shown, and never folds across another record', () => {
    const base = row();
    const differing: Partial<AuditRow>[] = [
      { user: 'bob' },
      { action: 'restart' },
      { target: { kind: 'Deployment', namespace: 'imagepod', name: 'worker' } },
      { result: 'denied' },
      { message: 'scale to 6' },
      { details: { from: 2, to: 6 } },
      { client: 'proxy:198.51.100.1' },
      { verified: false },
    ];
    for (const d of differing) expect(foldAudit([base, row(d)]), JSON.stringify(d)).toHaveLength(2);
    // Session and key and time do not make records different.
    expect(foldAudit([base, row({ sessionId: 'other' })])).toHaveLength(1);
    // A, B, A stays three rows: folding never reorders the trail.
    expect(foldAudit([row(), row({ user: 'bob' }), row()]).map((r) => r.count)).toEqual([1, 1, 1]);
  });

  it('leaves the input alone and folds nothing out of nothing', () => {
    const rows = [row(), row()];
    const copy = structuredClone(rows);
    foldAudit(rows);
    expect(rows).toEqual(copy);
    expect(foldAudit([])).toEqual([]);
    expect(foldAudit(Array.from({ length: 1000 }, () => row()))[0]!.count).toBe(1000);
  });
});
