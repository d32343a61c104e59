import type { AuditFilter } from '../../audit';

/** Query keys of the audit trail. */
export const auditKeys = {
  all: ['audit'] as const,
  list: (f: AuditFilter) => [...auditKeys.all, 'list', f] as const,
};

/** True for an events-view key (`namespace/name`) that names one of the panel's audit Events. */
export function isAuditEventKey(key: string): boolean {
  return key.slice(key.indexOf('/') + 1).startsWith('imagepod-audit-');
}
