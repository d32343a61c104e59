import { describe, expect, it } from 'vitest';
import { workloadPath } from './history-query';

describe('workloadPath', () => {
  it('encodes the namespace and the name, so neither can add or climb a path segment', () => {
    expect(workloadPath({ kind: 'deployments', namespace: 'team-a', name: 'web' })).toBe(
      '/api/workloads/deployments/team-a/web',
    );
    expect(workloadPath({ kind: 'statefulsets', namespace: '../..', name: 'a/b?c#d' })).toBe(
      '/api/workloads/statefulsets/..%2F../a%2Fb%3Fc%23d',
    );
  });
});
