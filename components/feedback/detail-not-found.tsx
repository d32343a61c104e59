import Link from 'next/link';

/**
 * A detail page's object that does not exist (any more), inside the panel's shell: what was asked
 * for, and a way back to its list, instead of a bare 404 page.
 */
export function DetailNotFound({
  what,
  listHref,
  listLabel,
  testId = 'detail-not-found',
}: {
  /** E.g. `Pod team-a/web-1`. */
  what: string;
  listHref: string;
  /** E.g. `All pods`. */
  listLabel: string;
  testId?: string;
}) {
  return (
    <div
      data-testid={testId}
      role="status"
      className="rounded-lg border border-dashed border-zinc-300 bg-white px-6 py-10 text-center"
    >
      <p className="text-sm font-medium text-zinc-800">{what} does not exist (any more)</p>
      <p className="mt-1 text-sm text-zinc-500">It may have been deleted or replaced, or the address is misspelled.</p>
      <Link
        href={listHref}
        data-testid={`${testId}-back`}
        className="mt-3 inline-block text-sm font-medium text-indigo-700 hover:underline"
      >
        ← {listLabel}
      </Link>
    </div>
  );
}
