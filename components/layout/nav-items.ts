/**
 * The sidebar's sections. Later areas (Logs, Metrics) are added here with their
 * page; `match` decides which item is active for nested routes such as /nodes/<name>.
 */
export interface NavItem {
  href: string;
  label: string;
  /** Icon name (see nav-icon.tsx). */
  icon: string;
  testId: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/', label: 'Overview', icon: 'overview', testId: 'nav-overview' },
  { href: '/deploy', label: 'Deploy', icon: 'deploy', testId: 'nav-deploy' },
  { href: '/nodes', label: 'Nodes', icon: 'nodes', testId: 'nav-nodes' },
  { href: '/gpus', label: 'GPUs', icon: 'gpus', testId: 'nav-gpus' },
  { href: '/pods', label: 'Pods', icon: 'pods', testId: 'nav-pods' },
  { href: '/workloads', label: 'Workloads', icon: 'workloads', testId: 'nav-workloads' },
  { href: '/logs', label: 'Logs', icon: 'logs', testId: 'nav-logs' },
  { href: '/metrics', label: 'Metrics', icon: 'metrics', testId: 'nav-metrics' },
  { href: '/audit', label: 'Audit', icon: 'audit', testId: 'nav-audit' },
];

/** True when `pathname` is the item's page or below it ("/" only matches itself). */
export function isActive(href: string, pathname: string): boolean {
  if (href === '/') return pathname === '/';
  return pathname === href || pathname.startsWith(`${href}/`);
}
