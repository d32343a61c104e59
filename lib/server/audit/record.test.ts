import { describe, expect, it } from 'vitest';
import { HttpError } from '../errors/http-error';
import { KubeError } from '../kube/errors';
import { failureResult } from './record';

describe('failureResult', () => {
  it('is denied for a 403 by its status, whatever the message says', () => {
    expect(failureResult(new KubeError('FORBIDDEN', 'pods is forbidden', 403))).toBe('denied');
    expect(failureResult(new HttpError(403, 'FORBIDDEN', 'no'))).toBe('denied');
    expect(failureResult(new KubeError('UNAVAILABLE', 'proxy said forbidden', 503))).toBe('failure');
    expect(failureResult(new Error('forbidden'))).toBe('failure');
  });
});
