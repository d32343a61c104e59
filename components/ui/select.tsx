import type { InputHTMLAttributes, SelectHTMLAttributes } from 'react';
import { cn } from './cn';

/** A compact native select matching the inputs. */
export function Select({ className, ...rest }: SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select
      className={cn(
        'h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-800 focus:border-indigo-500 focus:ring-1 focus:ring-indigo-500 focus:outline-none',
        className,
      )}
      {...rest}
    />
  );
}

/** A compact text input; `invalid` paints it red and sets aria-invalid. */
export function Input({ className, invalid, ...rest }: InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean }) {
  return (
    <input
      aria-invalid={invalid || undefined}
      className={cn(
        'h-8 rounded-md border bg-white px-2.5 text-sm text-zinc-800 placeholder:text-zinc-400 focus:ring-1 focus:outline-none',
        invalid
          ? 'border-red-400 focus:border-red-500 focus:ring-red-500'
          : 'border-zinc-300 focus:border-indigo-500 focus:ring-indigo-500',
        className,
      )}
      {...rest}
    />
  );
}
