'use client';

import { useEffect, useRef, useState } from 'react';
import { DEFAULT_BUFFER_LINES } from '@/lib/logs/log-store';
import { sourceFromParams, type LogSource } from '@/lib/logs/presets';
import { usePodsQuery } from '@/lib/queries/pods/pods-query';
import { LOG_DISPLAY_FIELDS, type PageState } from '@/lib/url-state/page-fields';
import { onUrlPop, useUrlState } from '../hooks/use-url-state';
import { LogPane } from './log-pane';
import { LogSourceBar } from './log-source-bar';
import type { DisplayOptions } from './display-options';

/** The source's keys in the URL (lib/logs/presets.ts reads them). */
const SOURCE_KEYS = [
  'namespace',
  'pod',
  'selector',
  'preset',
  'node',
  'container',
  'tail',
  'since',
  'until',
  'previous',
];

/** The URL for a source applied in the page, keeping the display keys (search, filter…). */
function sourceUrl(s: LogSource): string {
  const q = new URLSearchParams(window.location.search);
  for (const k of SOURCE_KEYS) q.delete(k);
  q.set('namespace', s.namespace);
  if (s.pod) q.set('pod', s.pod);
  else q.set('selector', s.selector);
  if (!s.pod && s.node) q.set('node', s.node);
  if (s.container) q.set('container', s.container);
  return `/logs?${q.toString()}`;
}

/**
 * The logs page: what to follow (source bar) and the live view of it (pane, one stream). The
 * source and the display (search, filter, timestamps, wrap) are in the URL; applying a source is
 * a Back step, and Back to another source follows that one (one stream, replaced).
 */
export function LogsScreen({
  initial,
  initialDisplay,
}: {
  initial: LogSource;
  initialDisplay: PageState<typeof LOG_DISPLAY_FIELDS>;
}) {
  const [source, setSource] = useState(initial);
  const sourceRef = useRef(source);
  useEffect(() => {
    sourceRef.current = source;
  }, [source]);
  const [capacity, setCapacity] = useState(DEFAULT_BUFFER_LINES);
  const [shown, setShown] = useUrlState(LOG_DISPLAY_FIELDS, initialDisplay);
  const [follow, setFollow] = useState(true);
  const display: DisplayOptions = { ...shown, follow };
  const [generation, setGeneration] = useState(0);
  const pods = usePodsQuery();
  const setDisplay = ({ follow: f, ...p }: Partial<DisplayOptions>) => {
    if (f !== undefined) setFollow(f);
    if (Object.keys(p).length > 0) setShown(p, p.search !== undefined || p.filter !== undefined ? 'typing' : 'push');
  };
  const apply = (s: LogSource) => {
    setSource(s);
    setGeneration((g) => g + 1);
    window.history.pushState(null, '', sourceUrl(s));
  };
  // Back/Forward to another source: follow that one instead.
  useEffect(() => {
    return onUrlPop(() => {
      const next = sourceFromParams(Object.fromEntries(new URLSearchParams(window.location.search)));
      if (JSON.stringify(sourceRef.current) === JSON.stringify(next)) return;
      setSource(next);
      setGeneration((g) => g + 1);
    });
  }, []);

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
