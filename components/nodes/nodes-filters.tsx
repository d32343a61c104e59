'use client';

import { Input } from '../ui/select';

/** The nodes toolbar's text, as typed (the selector is parsed by the screen). */
export interface NodeFilterText {
  selector: string;
  search: string;
}

/**
 * The nodes toolbar, the pods page's filters less the namespace: a label selector (its parse
 * error shown inline and not applied while invalid) and a free-text search.
 */
export function NodesFilters({
  value,
  onChange,
  selectorError,
}: {
  value: NodeFilterText;
  onChange: (next: NodeFilterText) => void;
  selectorError: string | null;
}) {
  return (
    <div className="flex flex-wrap items-start gap-2">
      <label className="flex min-w-72 flex-1 flex-col gap-1 text-xs font-medium text-zinc-600">
        Label selector
        <Input
          data-testid="nodes-selector-filter"
          value={value.selector}
          onChange={(e) => onChange({ ...value, selector: e.target.value })}
          placeholder="nvidia.com/gpu.present=true,!node-role.kubernetes.io/control-plane"
          spellCheck={false}
          invalid={selectorError !== null}
          aria-describedby={selectorError ? 'nodes-selector-error' : undefined}
          className="font-mono text-[13px]"
        />
        {selectorError && (
          <span
            id="nodes-selector-error"
            data-testid="nodes-selector-error"
            role="alert"
            className="font-normal text-red-700"
          >
            Invalid label selector: {selectorError}. The selector is not applied.
          </span>
        )}
      </label>
      <label className="flex w-64 flex-col gap-1 text-xs font-medium text-zinc-600">
        Search
        <Input
          data-testid="nodes-search"
          type="search"
          value={value.search}
          onChange={(e) => onChange({ ...value, search: e.target.value })}
          placeholder="name, status, role, GPU…"
          spellCheck={false}
        />
      </label>
    </div>
  );
}
