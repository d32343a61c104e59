import { describe, expect, it } from 'vitest';
import { missingRight, plainError, retryCanHelp } from './plain-error';

const forbidden = (message: string) => ({ status: 403, code: 'FORBIDDEN', message });

describe('plainError', () => {
  it('says a namespaced refusal as the missing right and where', () => {
    const msg =
      'deployments.apps "web" is forbidden: User "system:serviceaccount:imagepod-e2e:viewer" cannot patch resource "deployments/scale" in API group "apps" in the namespace "team-a"';
    expect(missingRight(msg)).toEqual({
      verb: 'patch',
      resource: 'deployments/scale',
      group: 'apps',
      namespace: 'team-a',
    });
    expect(plainError(forbidden(msg))).toBe(
      'Kubernetes refused: your rights lack `patch deployments/scale` in `team-a`.',
    );
  });

  it('says a cluster-scoped refusal as cluster-wide (core group, no namespace)', () => {
    const msg =
      'nodes "gpu-1" is forbidden: User "alice" cannot patch resource "nodes" in API group "" at the cluster scope';
    expect(missingRight(msg)).toEqual({ verb: 'patch', resource: 'nodes', group: '', namespace: null });
    expect(plainError(forbidden(msg))).toBe('Kubernetes refused: your rights lack `patch nodes` cluster-wide.');
  });

  it('keeps a refusal that names no right (an admission webhook), without the object prefix', () => {
    expect(plainError(forbidden('pods "x" is forbidden: exceeded quota: q, requested: pods=1'))).toBe(
      'Kubernetes refused: exceeded quota: q, requested: pods=1',
    );
  });

  it('says an optimistic-lock conflict as a concurrent change, other conflicts as they are', () => {
    const lock =
      'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again';
    expect(plainError({ status: 409, code: 'CONFLICT', message: lock })).toMatch(/^Someone changed the object/);
    expect(plainError({ status: 409, code: 'CONFLICT', message: 'a deploy is already running' })).toBe(
      'a deploy is already running',
    );
  });

  it('says unreachable, timed-out, gone, busy and no-session plainly', () => {
    expect(plainError({ status: 503, code: 'UNAVAILABLE', message: 'connect ECONNREFUSED' })).toMatch(
      /cannot be reached/,
    );
    expect(plainError({ status: 0, code: 'NETWORK', message: 'x' })).toMatch(/panel server does not answer/);
    expect(plainError({ status: 504, code: 'TIMED_OUT', message: 'after 10 s' })).toMatch(/did not answer in time/);
    expect(plainError({ status: 404, code: 'NOT_FOUND', message: 'deployments.apps "web" not found' })).toBe(
      'deployments.apps "web" not found: it may have been deleted.',
    );
    expect(plainError({ status: 429, code: 'TOO_MANY_REQUESTS', message: 'slow down' })).toMatch(/wait a moment/);
    expect(plainError({ status: 401, code: 'UNAUTHENTICATED', message: 'x' })).toMatch(/sign in again/);
  });

  it('strips the object prefix of an invalid object and keeps the field’s reason', () => {
    expect(
      plainError({
        status: 422,
        code: 'INVALID',
        message:
          'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      }),
    ).toBe('spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  });
});

describe('retryCanHelp', () => {
  it('offers Retry for unreachable, busy and server failures, never for refusals', () => {
    expect(retryCanHelp({ status: 503, code: 'UNAVAILABLE', message: '' })).toBe(true);
    expect(retryCanHelp({ status: 0, code: 'NETWORK', message: '' })).toBe(true);
    expect(retryCanHelp({ status: 429, code: 'TOO_MANY_REQUESTS', message: '' })).toBe(true);
    expect(retryCanHelp({ status: 500, code: 'INTERNAL', message: '' })).toBe(true);
    for (const status of [400, 401, 403, 404, 409, 422])
      expect(retryCanHelp({ status, code: 'X', message: '' })).toBe(false);
  });
});
