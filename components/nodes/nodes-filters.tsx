'use client';

import { SearchField, SelectorField } from '../ui/filter-fields';

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
      <SelectorField
        prefix="nodes"
        value={value.selector}
        onChange={(selector) => onChange({ ...value, selector })}
        error={selectorError}
        placeholder="nvidia.com/gpu.present=true,!node-role.kubernetes.io/control-plane"
      />
      <SearchField
        prefix="nodes"
        value={value.search}
        onChange={(search) => onChange({ ...value, search })}
        placeholder="name, status, role, GPU…"
      />
    </div>
  );
}
