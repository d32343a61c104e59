'use client';

import { NamespacePicker } from '../layout/namespace-picker';
import { SearchField, SelectorField } from '../ui/filter-fields';

const PODS = ['pods'] as const;

export interface PodFilterText {
  namespace: string;
  selector: string;
  search: string;
}

/**
 * The pods toolbar: namespace picker (the namespaces the user may list pods in), label selector (with its parse error shown inline, and
 * not applied while invalid), free-text search.
 */
export function PodsFilters({
  value,
  onChange,
  namespaces,
  selectorError,
}: {
  value: PodFilterText;
  onChange: (next: PodFilterText) => void;
  /** Namespaces of the pods shown. */
  namespaces: string[];
  selectorError: string | null;
}) {
  return (
    <div className="flex flex-wrap items-start gap-2">
      <label className="flex flex-col gap-1 text-xs font-medium text-zinc-600">
        Namespace
        <NamespacePicker
          testId="pods-namespace-filter"
          value={value.namespace}
          onChange={(namespace) => onChange({ ...value, namespace })}
          wanted={PODS}
          seen={namespaces}
          className="w-48"
        />
      </label>
      <SelectorField
        prefix="pods"
        value={value.selector}
        onChange={(selector) => onChange({ ...value, selector })}
        error={selectorError}
        placeholder="app=imagepod-gpu-worker,tier in (gpu)"
      />
      <SearchField
        prefix="pods"
        value={value.search}
        onChange={(search) => onChange({ ...value, search })}
        placeholder="name, node, status…"
      />
    </div>
  );
}
