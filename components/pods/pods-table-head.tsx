import type { PodSort, PodSortKey } from '@/lib/pod-list';
import { SortableTH, TH } from '../ui/table';

/**
 * The pods table's column widths and its sticky, sortable header. Below `lg` (an 800 px window)
 * Restarts and Age give their room to the name (the pod page has both).
 */
export function PodsTableHead({ sort, onSort }: { sort: PodSort; onSort: (key: PodSortKey) => void }) {
  const sortable = (key: PodSortKey, label: string, className?: string) => (
    <SortableTH
      label={label}
      active={sort.key === key}
      dir={sort.dir}
      onSort={() => onSort(key)}
      className={className}
    />
  );
  return (
    <>
      <colgroup>
        <col />
        <col className="w-32 lg:w-44" />
        <col className="w-32 lg:w-48" />
        <col className="w-16" />
        <col className="w-20 max-lg:hidden" />
        <col className="w-36 lg:w-44" />
        <col className="w-16" />
        <col className="w-20 max-lg:hidden" />
      </colgroup>
      <thead className="sticky top-0 z-10 bg-zinc-50 text-xs text-zinc-500 shadow-[0_1px_0_var(--color-zinc-200)]">
        <tr>
          {sortable('name', 'Name')}
          {sortable('namespace', 'Namespace')}
          {sortable('status', 'Status')}
          <TH>Ready</TH>
          {sortable('restarts', 'Restarts', 'text-right max-lg:hidden')}
          {sortable('node', 'Node')}
          {sortable('gpu', 'GPU', 'text-right')}
          {sortable('age', 'Age', 'text-right max-lg:hidden')}
        </tr>
      </thead>
    </>
  );
}
