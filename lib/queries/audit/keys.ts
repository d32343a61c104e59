import type { AuditFilter } from '../../audit';

export { isAuditEventKey } from '../../audit';

/** Query keys of the audit trail. */
export const auditKeys = {
  all: ['audit'] as const,
  list: (f: AuditFilter) => [...auditKeys.all, 'list', f] as const,
};
