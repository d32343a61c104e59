import { stringify } from 'yaml';

/** YAML with map keys sorted and no line folding: stable text for diffs and comparisons. Pure. */
export function sortedYaml(o: unknown): string {
  return stringify(o, { sortMapEntries: true, lineWidth: 0 });
}
