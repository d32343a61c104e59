import type { Metadata } from 'next';
import { LogsScreen } from '@/components/logs/logs-screen';
import { sourceFromParams } from '@/lib/logs/presets';

export const metadata: Metadata = { title: 'Logs' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * `/logs?namespace=&pod=|selector=|preset=&container=&tail=&since=&until=&previous=`: live logs of
 * one pod or of every pod behind a selector (the metrics page links here with since/until).
 */
export default async function LogsPage({ searchParams }: { searchParams: SearchParams }) {
  return <LogsScreen initial={sourceFromParams(await searchParams)} />;
}
