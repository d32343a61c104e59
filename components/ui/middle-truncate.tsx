import { splitForMiddle } from '@/lib/text/middle-ellipsis';
import { cn } from './cn';

/**
 * One line of text that, when it does not fit, loses its middle rather than its end: the head
 * truncates with "…", the last `tail` characters (or an image's whole tag) always show, and the
 * whole text is on hover. For Kubernetes names (the replica suffix) and image references.
 */
export function MiddleTruncate({
  text,
  tail = 12,
  tagged = false,
  className,
}: {
  text: string;
  tail?: number;
  /** An image reference: keep its tag or digest. */
  tagged?: boolean;
  className?: string;
}) {
  const parts = splitForMiddle(text, tail, tagged);
  return (
    <span title={text} className={cn('flex min-w-0 whitespace-nowrap', className)}>
      {parts.head && <span className="truncate">{parts.head}</span>}
      <span className="shrink-0">{parts.tail}</span>
    </span>
  );
}
