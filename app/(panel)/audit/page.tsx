import type { Metadata } from 'next';
import { AuditScreen } from '@/components/audit/audit-screen';
import { AUDIT_PAGE_FIELDS } from '@/lib/url-state/page-fields';
import { readUrlState } from '@/lib/url-state/url-state';

export const metadata: Metadata = { title: 'Audit' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** `/audit?user=&action=&result=&range=`: who did what through the panel, from the audit Events. */
export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  return <AuditScreen initial={readUrlState(AUDIT_PAGE_FIELDS, await searchParams)} />;
}
