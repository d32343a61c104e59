import type { Metadata } from 'next';
import { LogsScreen } from '@/components/logs/logs-screen';
import { sourceFromParams } from '@/lib/logs/presets';
import { LOG_DISPLAY_FIELDS } from '@/lib/url-state/page-fields';
import { readUrlState } from '@/lib/url-state/url-state';

export const metadata: Metadata = { title: 'Logs' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * `/logs?namespace=&pod=|selector=|preset=&container=&tail=&since=&until=&previous=&find=&grep=&ts=&wrap=`: live logs of
 * one pod or of every pod behind a selector (the metrics page links here with since/until).
 */
export default async function LogsPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  return <LogsScreen initial={sourceFromParams(sp)} initialDisplay={readUrlState(LOG_DISPLAY_FIELDS, sp)} />;
}
