import { afterEach, describe, expect, it } from 'vitest';
import { HttpError } from '../errors/http-error';
import { beginLoginAttempt, clientAddress, resetLoginLimits } from './login-limiter';
import { authSettings, type AuthSettings } from './settings';

const g = globalThis as typeof globalThis & { __imagepodAuthSettings?: AuthSettings };
const withProxy = (trustProxy: boolean) => {
  g.__imagepodAuthSettings = { ...authSettings(), trustProxy };
};
const h = (o: Record<string, string>) => new Headers(o);

afterEach(() => {
  g.__imagepodAuthSettings = undefined;
  delete process.env.IMAGEPOD_LOGIN_ATTEMPTS_PER_MINUTE;
  delete process.env.IMAGEPOD_LOGIN_CHECKS_IN_FLIGHT;
  resetLoginLimits();
});

describe('clientAddress', () => {
  it('behind a trusted proxy: the last X-Forwarded-For entry (the one the proxy wrote), else X-Real-IP', () => {
    withProxy(true);
    expect(clientAddress(h({ 'x-forwarded-for': '198.51.100.20, 203.0.113.7' }))).toBe('proxy:203.0.113.7');
    expect(clientAddress(h({ 'x-real-ip': '203.0.113.8' }))).toBe('proxy:203.0.113.8');
  });

  it("without one: the socket address Next's server fills in, or one shared key", () => {
    withProxy(false);
    expect(clientAddress(h({ 'x-forwarded-for': '10.0.0.66' }))).toBe('peer:10.0.0.66');
    expect(clientAddress(h({ 'x-real-ip': '10.0.0.1' }))).toBe('direct');
    expect(clientAddress(h({}))).toBe('direct');
  });
});

describe('beginLoginAttempt', () => {
  const refused = async (headers: Headers) => {
    try {
      (await beginLoginAttempt(headers)).end();
      return null;
    } catch (e) {
      return e instanceof HttpError ? e.status : e;
    }
  };

  it('spends a point only for attempts that are not refunded', async () => {
    process.env.IMAGEPOD_LOGIN_ATTEMPTS_PER_MINUTE = '2';
    const a = h({ 'x-forwarded-for': '10.0.0.1' });
    for (let i = 0; i < 5; i++) {
      const t = await beginLoginAttempt(a);
      await t.refund();
      t.end();
    }
    expect(await refused(a)).toBeNull();
    expect(await refused(a)).toBeNull();
    expect(await refused(a)).toBe(429);
    // Another client is not affected.
    expect(await refused(h({ 'x-forwarded-for': '10.0.0.2' }))).toBeNull();
  });

  it('caps the checks in flight for the whole process, and frees the slot when one ends', async () => {
    process.env.IMAGEPOD_LOGIN_CHECKS_IN_FLIGHT = '2';
    const running = [await beginLoginAttempt(h({})), await beginLoginAttempt(h({ 'x-forwarded-for': '10.0.0.9' }))];
    expect(await refused(h({ 'x-forwarded-for': '10.0.0.3' }))).toBe(429);
    running[0]!.end();
    running[0]!.end(); // ending twice frees one slot only
    expect(await refused(h({ 'x-forwarded-for': '10.0.0.3' }))).toBeNull();
    running[1]!.end();
  });
});
