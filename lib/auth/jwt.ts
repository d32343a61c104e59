/**
 * Reads the expiry of a bearer token without verifying it. Only the API server verifies tokens;
 * the panel reads `exp` so a session never outlives the token it carries. Pure.
 */
export function tokenExpiry(token: string): number | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null; // not a JWT (e.g. a static token): no known expiry
  try {
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof payload.exp === 'number' && Number.isFinite(payload.exp) ? payload.exp * 1000 : null;
  } catch {
    return null;
  }
}
