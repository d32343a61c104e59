import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { signInUrl } from '../../auth/sign-in-url';
import { isSecureRequest, openSession, sessionCookieValue, type Session } from './session';

/** The session of the page being rendered, or a redirect to the sign-in page. */
export async function requirePageSession(): Promise<Session> {
  const h = await headers();
  const opened = await openSession(sessionCookieValue(await cookies(), isSecureRequest({ headers: h })));
  if (typeof opened === 'string') redirect(signInUrl(h.get('x-imagepod-path') ?? '/'));
  return opened;
}

/** The session if there is a valid one (the sign-in page sends signed-in users on). */
export async function currentPageSession(): Promise<Session | null> {
  const opened = await openSession(sessionCookieValue(await cookies(), isSecureRequest({ headers: await headers() })));
  return typeof opened === 'string' ? null : opened;
}
