import 'server-only';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { AUDIT_MAC_ANNOTATION, auditMacInput, type AuditEventLike } from '../../audit';
import { authSettings } from '../auth/settings';

const g = globalThis as typeof globalThis & { __imagepodAuditKey?: { secret: string; key: Buffer } };

/**
 * The audit key: HKDF-SHA-256 of the session secret (IMAGEPOD_SESSION_SECRET, shared by every
 * replica) with its own label, so the key that signs records is not the key that seals cookies.
 * When the secret is unset the panel makes one per process (lib/server/auth/settings.ts): records
 * of an earlier process or another replica then show as unverified.
 */
export function auditKey(secret = authSettings().sessionSecret): Buffer {
  const cached = g.__imagepodAuditKey;
  if (cached?.secret === secret) return cached.key;
  const key = Buffer.from(hkdfSync('sha256', secret, 'imagepod-audit', 'audit record MAC v1', 32));
  g.__imagepodAuditKey = { secret, key };
  return key;
}

/** The MAC of a record's canonical text (HMAC-SHA-256, base64url). */
export function signAudit(input: string, key = auditKey()): string {
  return createHmac('sha256', key).update(input).digest('base64url');
}

/** True when the Event carries the MAC the panel would have made for exactly these fields. */
export function verifyAuditEvent(e: AuditEventLike, key = auditKey()): boolean {
  const mac = e.metadata?.annotations?.[AUDIT_MAC_ANNOTATION];
  if (typeof mac !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(mac)) return false;
  const want = createHmac('sha256', key).update(auditMacInput(e)).digest();
  return timingSafeEqual(Buffer.from(mac, 'base64url'), want);
}
