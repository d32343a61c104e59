'use client';

import { Input } from './select';

/**
 * A label-selector field of a list's toolbar: monospace, its parse error shown under it and the
 * selector not applied while invalid. Test ids `<prefix>-selector-filter` / `-selector-error`.
 */
export function SelectorField({
  prefix,
  value,
  onChange,
  error,
  placeholder,
}: {
  prefix: string;
  value: string;
  onChange: (selector: string) => void;
  error: string | null;
  placeholder: string;
}) {
  const errorId = `${prefix}-selector-error`;
  return (
    <label className="flex min-w-72 flex-1 flex-col gap-1 text-xs font-medium text-zinc-600">
      Label selector
      <Input
        data-testid={`${prefix}-selector-filter`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        spellCheck={false}
        invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        className="font-mono text-[13px]"
      />
      {error && (
        <span id={errorId} data-testid={errorId} role="alert" className="font-normal text-red-700">
          Invalid label selector: {error}. The selector is not applied.
        </span>
      )}
    </label>
  );
}

/** A free-text search field of a list's toolbar; test id `<prefix>-search`. */
export function SearchField({
  prefix,
  value,
  onChange,
  placeholder,
}: {
  prefix: string;
  value: string;
  onChange: (search: string) => void;
  placeholder: string;
}) {
  return (
    <label className="flex w-64 flex-col gap-1 text-xs font-medium text-zinc-600">
      Search
      <Input
        data-testid={`${prefix}-search`}
        type="search"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        spellCheck={false}
      />
    </label>
  );
}
