import type { Metadata } from 'next';
import { AuditScreen } from '@/components/audit/audit-screen';

export const metadata: Metadata = { title: 'Audit' };

/** `/audit`: who did what through the panel, from the audit Events. */
export default function AuditPage() {
  return <AuditScreen />;
}
