import type { ReactNode } from 'react';
import { cn } from './cn';

/** Shown when a loaded list has no rows: says so plainly, so "empty" never looks like "broken". */
export function EmptyState({
  title,
  children,
  testId,
  className,
}: {
  title: string;
  children?: ReactNode;
  testId?: string;
  className?: string;
}) {
  return (
    <div
      data-testid={testId}
      className={cn('rounded-lg border border-dashed border-zinc-300 bg-white px-6 py-10 text-center', className)}
    >
      <p className="text-sm font-medium text-zinc-800">{title}</p>
      {children && <div className="mt-1 text-sm text-zinc-500">{children}</div>}
    </div>
  );
}

/** A failure in place of content: a red-edged box with a title, the message and an action. */
export function ErrorState({
  title,
  message,
  action,
  testId,
  className,
}: {
  title: string;
  message?: ReactNode;
  action?: ReactNode;
  testId?: string;
  className?: string;
}) {
  return (
    <div
      role="alert"
      data-testid={testId}
      className={cn('rounded-lg border border-red-200 bg-red-50 px-5 py-4', className)}
    >
      <p className="text-sm font-semibold text-red-900">{title}</p>
      {message && <div className="mt-1 text-sm break-words text-red-800">{message}</div>}
      {action && <div className="mt-3">{action}</div>}
    </div>
  );
}
