/**
 * Why a sign-in did not complete, as the sign-in page shows it. The page reads only a code from
 * its `?error=` parameter and shows the fixed text for it, so a link cannot make the panel's own
 * page display words of someone else's choosing (nor the issuer's `error_description`). Pure.
 */
export const LOGIN_ERRORS = {
  'sso-unavailable': 'Single sign-on is not configured on this panel.',
  'sso-expired': 'The sign-in took too long or was started in another browser; try again.',
  'sso-denied': 'The identity provider did not complete the sign-in (cancelled or refused); try again.',
  'sso-failed': "Single sign-on failed; try again, or ask an administrator to check the panel's audit trail.",
  'sso-rejected': 'The Kubernetes API server did not accept the identity from single sign-on.',
  'link-invalid': 'This sign-in link is not valid or was already used; use the newest link the panel printed.',
} as const;

export type LoginErrorCode = keyof typeof LOGIN_ERRORS;

const isLoginErrorCode = (code: unknown): code is LoginErrorCode =>
  typeof code === 'string' && Object.hasOwn(LOGIN_ERRORS, code);

/** The text for a known code; null for anything else (an unknown code shows nothing). */
export function loginErrorMessage(code: unknown): string | null {
  return isLoginErrorCode(code) ? LOGIN_ERRORS[code] : null;
}

/** The sign-in page with an error code. */
export function loginErrorUrl(code: LoginErrorCode): string {
  return `/login?error=${code}`;
}
