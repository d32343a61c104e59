import { describe, expect, it } from 'vitest';
import { FULL_NAMESPACES, NO_NAMESPACES, emptyViewScope, type ViewScope } from './view-scope';
import { WORKLOAD_LISTS, namespaceAccess, namespacesListing } from './namespace-access';

const only = (...ns: string[]) => ({ all: false as const, namespaces: new Set(ns) });

describe('namespaceAccess', () => {
  it('a user bound to view in one empty namespace is offered that namespace, with what view lists', () => {
    const s: ViewScope = {
      ...emptyViewScope(),
      pods: only('team-a'),
      events: only('team-a'),
      workloads: { Deployment: only('team-a'), StatefulSet: only('team-a'), DaemonSet: only('team-a') },
    };
    expect(namespaceAccess(['team-b', 'team-a', 'kube-system'], s)).toEqual([
      { name: 'team-a', list: ['pods', 'events', 'deployments', 'statefulsets', 'daemonsets'] },
    ]);
  });

  it('cluster-wide rights offer every namespace, sorted and without duplicates; no rights offer none', () => {
    const all: ViewScope = {
      ...emptyViewScope(),
      pods: FULL_NAMESPACES,
      workloads: { Deployment: NO_NAMESPACES, StatefulSet: NO_NAMESPACES, DaemonSet: FULL_NAMESPACES },
    };
    expect(namespaceAccess(['b', 'a', 'b'], all)).toEqual([
      { name: 'a', list: ['pods', 'daemonsets'] },
      { name: 'b', list: ['pods', 'daemonsets'] },
    ]);
    expect(namespaceAccess(['a', 'b'], emptyViewScope())).toEqual([]);
  });

  it('pickers keep the namespaces where the page has something to list', () => {
    const items = [
      { name: 'a', list: ['pods' as const] },
      { name: 'b', list: ['events' as const, 'deployments' as const] },
    ];
    expect(namespacesListing(items, ['pods'])).toEqual(['a']);
    expect(namespacesListing(items, WORKLOAD_LISTS)).toEqual(['b']);
    expect(namespacesListing(items)).toEqual(['a', 'b']);
  });
});
