import Link from 'next/link';
import type { WhereAnswer } from '@/lib/gpu/where';
import { Badge } from '../ui/badge';

/** The answer: the nodes where the request fits now, then every other node with its reasons. */
export function WhereResults({ answer }: { answer: WhereAnswer }) {
  if (!answer.ok)
    return (
      <p role="alert" data-testid="where-answer-error" className="text-sm text-red-700">
        {answer.error}
      </p>
    );
  const fits = answer.nodes.filter((n) => n.fits);
  const not = answer.nodes.filter((n) => !n.fits);
  return (
    <div
      data-testid="where-answer"
      data-fits={fits.map((n) => n.node).join(' ')}
      className="flex flex-col gap-3 text-[13px]"
    >
      <div>
        <h3 className="mb-1 text-xs font-semibold text-zinc-700">
          {fits.length === 0
            ? 'Fits nowhere now: a pod with this request would stay Pending.'
            : `Fits now on ${fits.length} node${fits.length === 1 ? '' : 's'}`}
        </h3>
        <ul className="flex flex-wrap gap-1.5">
          {fits.map((n) => (
            <li key={n.node} data-testid={`where-fits-${n.node}`}>
              <Link href={`/nodes/${encodeURIComponent(n.node)}`} className="hover:underline">
                <Badge tone="ok">
                  {n.node} · {n.free} free{n.via ? ` via ${n.via}` : ''}
                </Badge>
              </Link>
            </li>
          ))}
        </ul>
      </div>
      {not.length > 0 && (
        <details data-testid="where-not" open={not.length <= 12}>
          <summary className="cursor-pointer text-xs font-semibold text-zinc-700">
            Does not fit on {not.length} node{not.length === 1 ? '' : 's'}
          </summary>
          <ul className="mt-1 max-h-72 overflow-auto">
            {not.map((n) => (
              <li
                key={n.node}
                data-testid={`where-not-${n.node}`}
                data-reasons={n.reasons.map((r) => r.code).join(' ')}
                className="flex gap-2 border-b border-zinc-100 py-1"
              >
                <Link
                  href={`/nodes/${encodeURIComponent(n.node)}`}
                  className="w-44 shrink-0 truncate font-medium text-indigo-700 hover:underline"
                >
                  {n.node}
                </Link>
                <span className="text-zinc-600">{n.reasons.map((r) => r.message).join('; ')}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
