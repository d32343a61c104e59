import { signInUrl } from '../auth/sign-in-url';

/** Sends the browser to the sign-in page, which comes back to where it was afterwards. */
export function redirectToSignIn(): void {
  if (typeof window === 'undefined' || window.location.pathname === '/login') return;
  window.location.assign(signInUrl(window.location.pathname + window.location.search));
}
