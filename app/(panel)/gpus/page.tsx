import type { Metadata } from 'next';
import { GpusScreen } from '@/components/gpus/gpus-screen';
import { readPageState } from '@/lib/gpu-page/url-state';

export const metadata: Metadata = { title: 'GPUs' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** `/gpus?model=&selector=&state=&ask=…`: GPU inventory, the GPU map and "Where can this run?". */
export default async function GpusPage({ searchParams }: { searchParams: SearchParams }) {
  return <GpusScreen initial={readPageState(await searchParams)} />;
}
