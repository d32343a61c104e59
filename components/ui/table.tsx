import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { cn } from './cn';

/** A dense data table; wrap it in TableScroll for horizontal overflow. */
export function Table({ className, ...rest }: HTMLAttributes<HTMLTableElement>) {
  return <table className={cn('w-full border-collapse text-left text-[13px]', className)} {...rest} />;
}

/** A bordered container that scrolls wide tables sideways. */
export function TableScroll({ className, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn('overflow-x-auto rounded-lg border border-zinc-200 bg-white', className)} {...rest} />;
}

export function THead({ className, ...rest }: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead className={cn('bg-zinc-50 text-xs text-zinc-500', className)} {...rest} />;
}

export function TBody({ className, ...rest }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody className={cn('divide-y divide-zinc-100', className)} {...rest} />;
}

export function TR({ className, ...rest }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cn('hover:bg-zinc-50/80', className)} {...rest} />;
}

export function TH({ className, ...rest }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={cn('border-b border-zinc-200 px-3 py-2 font-medium whitespace-nowrap', className)}
      {...rest}
    />
  );
}

export function TD({ className, ...rest }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn('px-3 py-2 align-middle text-zinc-800', className)} {...rest} />;
}

/** A header cell that sorts its column; shows the direction and sets aria-sort. */
export function SortableTH({
  label,
  active,
  dir,
  onSort,
  className,
  ...rest
}: ThHTMLAttributes<HTMLTableCellElement> & {
  label: string;
  active: boolean;
  dir: 'asc' | 'desc';
  onSort: () => void;
}) {
  return (
    <TH aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'} className={className} {...rest}>
      <button
        type="button"
        onClick={onSort}
        className={cn('inline-flex items-center gap-1 hover:text-zinc-900', active && 'text-zinc-900')}
      >
        {label}
        <span aria-hidden className="w-2 text-[10px]">
          {active ? (dir === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
    </TH>
  );
}
