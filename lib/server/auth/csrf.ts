import 'server-only';
import { HttpError } from '../errors/http-error';
import { authSettings } from './settings';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery defence for every mutating request, on top of the SameSite=Strict
 * cookie and JSON-only bodies (a non-simple request a foreign page cannot send without a CORS
 * preflight, which the panel never grants): the browser's Origin must be the panel's own —
 * the Host the request came to, or a configured public origin — and Fetch Metadata must not
 * say cross-site. A request without Origin is refused: every browser sends it on POST/PATCH/DELETE.
 */
export function assertSameOrigin(req: { method: string; headers: Headers }): void {
  if (SAFE.has(req.method)) return;
  const site = req.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') {
    throw new HttpError(403, 'FORBIDDEN', 'Cross-site request refused');
  }
  const origin = req.headers.get('origin');
  if (!origin || origin === 'null')
    throw new HttpError(403, 'FORBIDDEN', 'Request refused: no Origin header (cross-site request protection)');
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new HttpError(403, 'FORBIDDEN', 'Request refused: malformed Origin header');
  }
  const host = req.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || req.headers.get('host');
  if (host && originHost === host) return;
  if (authSettings().publicOrigins.includes(origin)) return;
  throw new HttpError(
    403,
    'FORBIDDEN',
    `Request refused: origin ${origin} is not this panel's (cross-site request protection)`,
  );
}
