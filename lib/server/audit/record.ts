import 'server-only';
import { panelFieldManager } from '../../field-manager/field-manager';
import { hostname } from 'node:os';
import { headers } from 'next/headers';
import { auditEvent, targetText, type AuditRecord } from '../../audit';
import { clientAddress } from '../auth/login-limiter';
import { authSettings } from '../auth/settings';
import { getKubeConfig } from '../kube/config';
import { RESOURCES } from '../../kube-resources';
import { kubeRequest, resourcePath } from '../kube/transport';
import { signAudit } from './mac';

/**
 * The current request's client as the login limiter tells clients apart (the trusted proxy's
 * X-Forwarded-For, else the socket); undefined away from a request (a deploy run's later steps).
 */
async function requestClient(): Promise<string | undefined> {
  try {
    return clientAddress(await headers());
  } catch {
    return undefined;
  }
}

/**
 * Records one action (with the requesting client's address unless the record names one): a JSON line on stdout (for the cluster's log collection; IMAGEPOD_AUDIT_STDOUT=0
 * turns it off) and an Event in
 * the audit namespace, written with the panel's own identity (its only write right) and signed
 * (lib/server/audit/mac.ts) so the Audit page can tell it from an Event someone else wrote. The
 * action has happened either way, so a failed write is logged, not thrown.
 */
export async function recordAudit(record: AuditRecord): Promise<void> {
  const ns = authSettings().auditNamespace;
  const r = record.client ? record : { ...record, client: await requestClient() };
  if (process.env.IMAGEPOD_AUDIT_STDOUT !== '0')
    console.log(
      `[audit] ${JSON.stringify({ time: new Date().toISOString(), action: r.action, user: r.user, target: targetText(r.target), result: r.result, client: r.client, message: r.message })}`,
    );
  try {
    await kubeRequest(getKubeConfig(), resourcePath(RESOURCES['events.events.k8s.io'], { namespace: ns }), {
      method: 'POST',
      fieldManager: panelFieldManager('audit'),
      body: auditEvent(r, {
        namespace: ns,
        instance: process.env.POD_NAME ?? hostname(),
        now: new Date(),
        sign: (input) => signAudit(input),
      }),
      timeoutMs: 5_000,
    });
  } catch (e) {
    console.error(
      `[audit] could not write the audit Event to namespace ${ns}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

/** `denied` when Kubernetes (or the panel) answered 403, by the status, never the message's words. */
export function failureResult(e: unknown): 'denied' | 'failure' {
  const status = (e as { httpStatus?: number; status?: number }).httpStatus ?? (e as { status?: number }).status;
  return status === 403 ? 'denied' : 'failure';
}

/**
 * Runs an action for a signed-in user and records it whatever comes of it: `success`, `denied`
 * (Kubernetes said 403) or `failure` with the API server's message. Rethrows failures.
 */
export async function audited<T>(
  who: { user: { username: string; groups: string[] }; session: { sid: string } },
  what: Pick<AuditRecord, 'action' | 'target' | 'details'> & { message: string },
  act: () => Promise<T>,
): Promise<T> {
  const base = {
    action: what.action,
    user: who.user.username,
    groups: who.user.groups,
    target: what.target,
    details: what.details,
    sessionId: who.session.sid,
  };
  try {
    const out = await act();
    await recordAudit({ ...base, result: 'success', message: what.message });
    return out;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    await recordAudit({ ...base, result: failureResult(e), message: `${what.message} — ${reason}` });
    throw e;
  }
}
