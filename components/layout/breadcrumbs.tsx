import Link from 'next/link';
import { Fragment } from 'react';

/** One step of a breadcrumb trail; the last one (the page itself) has no link. */
export interface Crumb {
  label: string;
  href?: string;
}

/** `Pods › team-a › web-1`: where a detail page sits, each step but the last a link. */
export function Breadcrumbs({ items, testId = 'breadcrumbs' }: { items: Crumb[]; testId?: string }) {
  return (
    <nav aria-label="Breadcrumb" data-testid={testId} className="mb-1 text-sm text-zinc-500">
      <ol className="flex flex-wrap items-center gap-1.5">
        {items.map((c, i) => (
          <Fragment key={`${i}-${c.label}`}>
            {i > 0 && (
              <li aria-hidden className="text-zinc-400">
                ›
              </li>
            )}
            <li className={i > 0 ? 'font-mono text-[12.5px]' : undefined}>
              {c.href && i < items.length - 1 ? (
                <Link href={c.href} className="text-indigo-700 hover:underline">
                  {c.label}
                </Link>
              ) : (
                <span aria-current={i === items.length - 1 ? 'page' : undefined} className="text-zinc-800">
                  {c.label}
                </span>
              )}
            </li>
          </Fragment>
        ))}
      </ol>
    </nav>
  );
}
