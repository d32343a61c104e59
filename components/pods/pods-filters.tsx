'use client';

import { NamespacePicker } from '../layout/namespace-picker';
import { Input } from '../ui/select';

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
      <label className="flex min-w-72 flex-1 flex-col gap-1 text-xs font-medium text-zinc-600">
        Label selector
        <Input
          data-testid="pods-selector-filter"
          value={value.selector}
          onChange={(e) => onChange({ ...value, selector: e.target.value })}
          placeholder="app=imagepod-gpu-worker,tier in (gpu)"
          spellCheck={false}
          invalid={selectorError !== null}
          aria-describedby={selectorError ? 'pods-selector-error' : undefined}
          className="font-mono text-[13px]"
        />
        {selectorError && (
          <span
            id="pods-selector-error"
            data-testid="pods-selector-error"
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
          data-testid="pods-search"
          type="search"
          value={value.search}
          onChange={(e) => onChange({ ...value, search: e.target.value })}
          placeholder="name, node, status…"
          spellCheck={false}
        />
      </label>
    </div>
  );
}
