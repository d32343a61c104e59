import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import type { KubeObj } from '../../deploy/transform';

/**
 * The bundled manifests (manifests/imagepod), in the kustomization's order. Shipped with the
 * server (next.config outputFileTracingIncludes copies them into the standalone build).
 */
export function bundleDir(cwd = process.cwd()): string {
  return path.join(/* turbopackIgnore: true */ cwd, 'manifests', 'imagepod');
}

const g = globalThis as typeof globalThis & { __imagepodBundle?: KubeObj[] };

export function loadBundle(dir = bundleDir()): KubeObj[] {
  if (g.__imagepodBundle && dir === bundleDir()) return g.__imagepodBundle;
  const kustomization = parse(readFileSync(path.join(dir, 'kustomization.yaml'), 'utf8')) as { resources?: string[] };
  const objects: KubeObj[] = [];
  for (const file of kustomization.resources ?? []) {
    for (const doc of parseAllDocuments(readFileSync(path.join(dir, file), 'utf8'))) {
      if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0]!.message}`);
      const o = doc.toJS() as KubeObj | null;
      if (o) objects.push(o);
    }
  }
  if (dir === bundleDir()) g.__imagepodBundle = objects;
  return objects;
}
