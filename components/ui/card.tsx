import type { HTMLAttributes, ReactNode } from 'react';
import { cn } from './cn';

/** A white panel with a hairline border: the unit the overview is built from. */
export function Card({ className, ...rest }: HTMLAttributes<HTMLElement>) {
  return <section className={cn('rounded-lg border border-zinc-200 bg-white shadow-xs', className)} {...rest} />;
}

/** A card's title row, with optional text on the right (a count, a link). */
export function CardHeader({ title, aside, className }: { title: ReactNode; aside?: ReactNode; className?: string }) {
  return (
    <header className={cn('flex items-center justify-between gap-3 border-b border-zinc-200 px-4 py-2.5', className)}>
      <h2 className="text-sm font-semibold text-zinc-900">{title}</h2>
      {aside !== undefined && <div className="text-xs text-zinc-500">{aside}</div>}
    </header>
  );
}

/** A card's padded content. */
export function CardBody({ className, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn('p-4', className)} {...rest} />;
}
