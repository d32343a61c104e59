'use client';

import { useState } from 'react';
import { DEFAULT_BUFFER_LINES } from '@/lib/logs/log-store';
import type { LogSource } from '@/lib/logs/presets';
import { usePodsQuery } from '@/lib/queries/pods/pods-query';
import { LogPane } from './log-pane';
import { LogSourceBar } from './log-source-bar';
import { DEFAULT_DISPLAY, type DisplayOptions } from './display-options';

/** The logs page: what to follow (source bar) and the live view of it (pane, one stream). */
export function LogsScreen({ initial }: { initial: LogSource }) {
  const [source, setSource] = useState(initial);
  const [capacity, setCapacity] = useState(DEFAULT_BUFFER_LINES);
  const [display, setDisplayState] = useState<DisplayOptions>(DEFAULT_DISPLAY);
  const [generation, setGeneration] = useState(0);
  const pods = usePodsQuery();
  const setDisplay = (p: Partial<DisplayOptions>) => setDisplayState((v) => ({ ...v, ...p }));
  const apply = (s: LogSource) => {
    setSource(s);
    setGeneration((g) => g + 1);
    const q = new URLSearchParams({ namespace: s.namespace });
    if (s.pod) q.set('pod', s.pod);
    else q.set('selector', s.selector);
    if (!s.pod && s.node) q.set('node', s.node);
    if (s.container) q.set('container', s.container);
    window.history.replaceState(null, '', `/logs?${q.toString()}`);
  };

  return (
    <div className="flex h-[calc(100vh-6rem)] flex-col gap-3">
      <div className="flex items-baseline justify-between">
        <h1 className="text-xl font-semibold text-zinc-900">Logs</h1>
        <p className="text-xs text-zinc-500">
          {source.pod ? (
            <>
              pod{' '}
              <span className="font-mono">
                {source.namespace}/{source.pod}
              </span>
            </>
          ) : (
            <>
              pods <span className="font-mono">{source.selector}</span> in{' '}
              <span className="font-mono">{source.namespace}</span>
              {source.node ? (
                <>
                  {' '}
                  on <span className="font-mono">{source.node}</span>
                </>
              ) : null}
            </>
          )}
        </p>
      </div>
      <LogSourceBar
        source={source}
        onApply={apply}
        pods={pods.data?.items ?? []}
        capacity={capacity}
        onCapacity={(n) => {
          setCapacity(n);
          setGeneration((g) => g + 1);
        }}
      />
      <LogPane key={`${generation}`} source={source} capacity={capacity} display={display} setDisplay={setDisplay} />
    </div>
  );
}
