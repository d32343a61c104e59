import type { ObjectYaml } from '../../object-yaml/types';
import type { YamlKind } from '../../object-yaml/kinds';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { useQuery } from '../use-query';

/** Which object's YAML: a namespace for a namespaced kind only. */
export interface YamlRef {
  kind: YamlKind;
  namespace?: string;
  name: string;
}

/** The URL of an object's YAML, e.g. `/api/objects/yaml?kind=Node&name=n1`. */
export function objectYamlUrl(r: YamlRef): string {
  const q = new URLSearchParams({ kind: r.kind });
  if (r.namespace !== undefined) q.set('namespace', r.namespace);
  q.set('name', r.name);
  return `/api/objects/yaml?${q}`;
}

/** Query keys of object YAML: one per object. */
export const objectYamlKeys = {
  one: (r: YamlRef) => ['object-yaml', r.kind, r.namespace ?? '', r.name] as const,
};

/**
 * One object's YAML, read when `enabled` (the dialog is open). A snapshot of the moment it was
 * read: not followed by the stream, read again each time the dialog opens.
 */
export function useObjectYamlQuery(r: YamlRef, enabled: boolean) {
  return useQuery<ObjectYaml, ApiError>({
    queryKey: objectYamlKeys.one(r),
    queryFn: ({ signal }) => fetchJson<ObjectYaml>(objectYamlUrl(r), { signal }),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}
