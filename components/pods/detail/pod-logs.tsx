'use client';

import { useState } from 'react';
import { DEFAULT_BUFFER_LINES } from '@/lib/logs/log-store';
import { DEFAULT_TAIL, logsHref, type LogSource } from '@/lib/logs/presets';
import type { ContainerDetail } from '@/lib/pod-detail';
import { LogPane } from '../../logs/log-pane';
import { DEFAULT_DISPLAY, type DisplayOptions } from '../../logs/display-options';
import { Card, CardHeader } from '../../ui/card';
import { cn } from '../../ui/cn';
import Link from 'next/link';

/** The pod's logs inline (the logs page's pane, one container at a time), with a link to the logs page. */
export function PodLogs({
  namespace,
  pod,
  containers,
}: {
  namespace: string;
  pod: string;
  containers: ContainerDetail[];
}) {
  const names = containers.map((c) => c.name);
  const [container, setContainer] = useState(() => containers.find((c) => c.role === 'container')?.name ?? '');
  const [previous, setPrevious] = useState(false);
  const [display, setDisplayState] = useState<DisplayOptions>(DEFAULT_DISPLAY);
  const setDisplay = (p: Partial<DisplayOptions>) => setDisplayState((v) => ({ ...v, ...p }));
  const source: LogSource = {
    namespace,
    pod,
    selector: '',
    container,
    node: '',
    tail: DEFAULT_TAIL,
    since: '',
    until: '',
    previous,
  };
  const restarted = containers.find((c) => c.name === container)?.lastTermination !== null;
  return (
    <Card data-testid="pod-logs">
      <CardHeader
        title="Logs"
        aside={
          <Link href={logsHref({ namespace, pod, container })} className="text-indigo-700 hover:underline">
            Open in Logs
          </Link>
        }
      />
      <div className="flex flex-wrap items-center gap-2 px-4 pt-3 text-sm">
        {names.map((n) => (
          <button
            key={n}
            type="button"
            data-testid={`pod-logs-container-${n}`}
            aria-pressed={n === container}
            onClick={() => setContainer(n)}
            className={cn(
              'rounded border px-2 py-0.5 font-mono text-[12.5px]',
              n === container ? 'border-indigo-600 bg-indigo-50 text-indigo-800' : 'border-zinc-300 text-zinc-700',
            )}
          >
            {n}
          </button>
        ))}
        {restarted && (
          <label className="ml-2 flex items-center gap-1 text-zinc-700">
            <input type="checkbox" checked={previous} onChange={(e) => setPrevious(e.target.checked)} />
            previous run
          </label>
        )}
      </div>
      <div className="flex h-[36rem] flex-col px-4 py-3">
        <LogPane
          key={`${container}/${previous}`}
          source={source}
          capacity={DEFAULT_BUFFER_LINES}
          display={display}
          setDisplay={setDisplay}
        />
      </div>
    </Card>
  );
}
