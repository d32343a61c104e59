'use client';

import { memo, type CSSProperties } from 'react';
import { parseAnsi, type AnsiStyle } from '@/lib/logs/ansi';
import { highlightSpans } from '@/lib/logs/highlight';
import type { ShownLine } from '@/lib/logs/log-store';
import { findMatches, podColour } from '@/lib/logs/search';
import { middleEllipsis } from '@/lib/text/middle-ellipsis';
import { useFormatTime } from '../time/time-zone';
import { cn } from '../ui/cn';

function css(s: AnsiStyle): CSSProperties | undefined {
  if (!s.fg && !s.bg && !s.bold && !s.dim && !s.italic && !s.underline) return undefined;
  return {
    color: s.fg,
    backgroundColor: s.bg,
    fontWeight: s.bold ? 700 : undefined,
    opacity: s.dim ? 0.7 : undefined,
    fontStyle: s.italic ? 'italic' : undefined,
    textDecoration: s.underline ? 'underline' : undefined,
  };
}

/** Characters of a pod name that fit the pod column (w-44 at 12.5 px monospace). */
const POD_CHARS = 23;

/**
 * One log line: optional timestamp (in the operator's zone, named on hover), the pod (coloured
 * per pod in selector mode; its middle cut, never the replica suffix), then the text
 * as React text spans (ANSI colours as styles, search matches highlighted; never HTML).
 */
export const LogRow = memo(function LogRow({
  line,
  search,
  current,
  showPod,
  timestamps,
  wrap,
}: {
  line: ShownLine;
  search: RegExp | null;
  current: boolean;
  showPod: boolean;
  timestamps: boolean;
  wrap: boolean;
}) {
  const e = line.e;
  const format = useFormatTime();
  if (e.k === 'm') {
    return (
      <div data-testid="log-marker" className="px-3 py-px font-sans text-[11.5px] italic text-sky-300/90">
        — {e.text} —
      </div>
    );
  }
  const segments = highlightSpans(parseAnsi(e.text), findMatches(line.plain, search));
  return (
    <div
      data-testid="log-line"
      data-level={line.level ?? undefined}
      className={cn(
        'flex gap-2 px-3 leading-[18px]',
        line.level === 'error' && 'bg-red-950/60 text-red-200',
        line.level === 'warn' && 'bg-amber-950/40 text-amber-100',
        current && 'outline outline-1 -outline-offset-1 outline-yellow-400',
      )}
    >
      {timestamps && (
        <span
          data-testid="log-ts"
          className="shrink-0 text-zinc-500"
          title={e.ts ? format(e.ts, { millis: true }) : undefined}
        >
          {e.ts ? format(e.ts, { millis: true, noZone: true }) : ''}
        </span>
      )}
      {showPod && (
        <span
          data-testid="log-pod"
          className="w-44 shrink-0 overflow-hidden whitespace-nowrap"
          style={{ color: podColour(e.pod) }}
          title={`${e.pod}/${e.container}`}
        >
          {middleEllipsis(e.pod, POD_CHARS)}
        </span>
      )}
      <span className={cn('min-w-0', wrap ? 'break-all whitespace-pre-wrap' : 'whitespace-pre')}>
        {segments.map((s, i) => (
          <span
            key={i}
            style={css(s.style)}
            className={
              s.hit
                ? current
                  ? 'rounded-sm bg-yellow-300 text-black'
                  : 'rounded-sm bg-yellow-600/70 text-white'
                : undefined
            }
            data-hit={s.hit || undefined}
          >
            {s.text}
          </span>
        ))}
      </span>
    </div>
  );
});
