import type { Metadata } from 'next';
import { AuditView } from '@/components/audit/audit-view';

export const metadata: Metadata = { title: 'Audit' };

/** `/audit`: who did what through the panel, from the audit Events. */
export default function AuditPage() {
  return <AuditView />;
}
