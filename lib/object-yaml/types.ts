import type { FieldManager } from './managed-fields';
import type { YamlKind } from './kinds';

/** The answer of GET /api/objects/yaml. */
export interface ObjectYaml {
  kind: YamlKind;
  apiVersion: string;
  namespace: string | null;
  name: string;
  resourceVersion: string | null;
  /** The object as sorted YAML, managedFields folded away, a Secret's values hidden. */
  yaml: string;
  /** Who last changed which field, newest first (from metadata.managedFields). */
  managers: FieldManager[];
  /** True when values were hidden (a Secret: keys and sizes only). */
  redacted: boolean;
}
