'use client';

import { memo, type CSSProperties } from 'react';
import { parseAnsi, type AnsiStyle } from '@/lib/logs/ansi';
import { highlightSpans } from '@/lib/logs/highlight';
import type { ShownLine } from '@/lib/logs/log-store';
import { findMatches, podColour } from '@/lib/logs/search';
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

/** `2026-01-02 03:04:05.678` of an RFC 3339 stamp (UTC, as the runtime wrote it). */
function shortTs(ts: string): string {
  return ts ? `${ts.slice(0, 10)} ${ts.slice(11, 23).padEnd(12, '0')}` : '';
}

/**
 * One log line: optional timestamp, the pod (coloured per pod in selector mode), then the text
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
        <span data-testid="log-ts" className="shrink-0 text-zinc-500">
          {shortTs(e.ts)}
        </span>
      )}
      {showPod && (
        <span className="w-44 shrink-0 truncate" style={{ color: podColour(e.pod) }} title={`${e.pod}/${e.container}`}>
          {e.pod}
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
