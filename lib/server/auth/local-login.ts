import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { authSettings } from './settings';

/**
 * Local mode (the panel on an operator's machine, with their kubeconfig): the server prints a
 * one-time sign-in link at start. Whoever can read the terminal is the kubeconfig's owner; the
 * link works once, within 24 h, and the next one is printed when it has been used.
 */
const VALID_MS = 24 * 3_600_000;
const g = globalThis as typeof globalThis & { __imagepodLocalCodes?: Map<string, number> };
const codes = (g.__imagepodLocalCodes ??= new Map());

const digest = (code: string) => createHash('sha256').update(code).digest('base64url');

export function issueLocalLoginCode(now = Date.now()): string {
  const code = randomBytes(32).toString('base64url');
  for (const [h, exp] of codes) if (exp <= now) codes.delete(h);
  codes.set(digest(code), now + VALID_MS);
  return code;
}

/** True once per issued, unexpired code. */
export function consumeLocalLoginCode(code: string, now = Date.now()): boolean {
  if (!/^[A-Za-z0-9_-]{43}$/.test(code)) return false;
  const h = digest(code);
  const exp = codes.get(h);
  if (exp === undefined) return false;
  codes.delete(h);
  return exp > now;
}

/** The panel's own address as the operator opens it (HOSTNAME/PORT of `next start`, or IMAGEPOD_LOCAL_URL). */
export function localBaseUrl(env: Record<string, string | undefined> = process.env): string {
  if (env.IMAGEPOD_LOCAL_URL) return env.IMAGEPOD_LOCAL_URL.replace(/\/$/, '');
  const host = env.HOSTNAME && env.HOSTNAME !== '0.0.0.0' && env.HOSTNAME !== '::' ? env.HOSTNAME : 'localhost';
  return `http://${host}:${env.PORT ?? '3000'}`;
}

/** Prints a fresh sign-in link (and writes it to IMAGEPOD_LOGIN_LINK_FILE, mode 0600, when set). */
export function announceLocalLogin(): void {
  if (!authSettings().localMode) return;
  const link = `${localBaseUrl()}/api/auth/local?code=${issueLocalLoginCode()}`;
  console.log(
    `[auth] Local mode: sign in with your kubeconfig's identity at\n[auth]   ${link}\n[auth] (one use; a new link is printed after each sign-in)`,
  );
  const file = process.env.IMAGEPOD_LOGIN_LINK_FILE;
  if (file) writeFileSync(file, `${link}\n`, { mode: 0o600 });
}
