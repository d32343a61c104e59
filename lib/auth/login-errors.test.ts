import { describe, expect, it } from 'vitest';
import { LOGIN_ERRORS, loginErrorMessage, loginErrorUrl } from './login-errors';

describe('loginErrorMessage', () => {
  it('shows the fixed text of a known code', () => {
    expect(loginErrorMessage('link-invalid')).toBe(LOGIN_ERRORS['link-invalid']);
    expect(loginErrorUrl('sso-expired')).toBe('/login?error=sso-expired');
  });

  it.each([
    'Your account is locked: call +1 555 0100',
    '<script>alert(1)</script>',
    'toString',
    '__proto__',
    'constructor',
    '',
    ['sso-failed'],
    undefined,
  ])('shows nothing for %j', (code) => {
    expect(loginErrorMessage(code)).toBeNull();
  });
});
