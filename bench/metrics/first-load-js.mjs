#!/usr/bin/env node
/**
 * First-load JS of every page of the last `next build`, from its manifests (Next 16 no longer
 * prints sizes): the root main files every page loads, plus the chunks of each page's entries
 * (root layout, the (panel) layout, the page, its loading/error boundaries) listed in the page's
 * client reference manifest. Sizes gzip-compressed (level 9, as served compressed), and raw.
 *
 *   node bench/metrics/first-load-js.mjs [.next dir]   → a table on stdout, JSON on fd 3 if open
 */
import { existsSync, readFileSync, readdirSync, writeSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = path.resolve(process.argv[2] ?? '.next');
const build = JSON.parse(readFileSync(path.join(dir, 'build-manifest.json'), 'utf8'));
const sizes = new Map();
function size(file) {
  if (!sizes.has(file)) {
    const buf = readFileSync(path.join(dir, file));
    sizes.set(file, { raw: buf.length, gz: gzipSync(buf, { level: 9 }).length });
  }
  return sizes.get(file);
}

function manifests(d, out = []) {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) manifests(p, out);
    else if (e.name === 'page_client-reference-manifest.js') out.push(p);
  }
  return out;
}

const pages = manifests(path.join(dir, 'server', 'app'))
  .map((file) => {
    const g = {};
    new Function('globalThis', readFileSync(file, 'utf8'))(g);
    const [route, m] = Object.entries(g.__RSC_MANIFEST)[0];
    const files = new Set(build.rootMainFiles);
    // global-error's chunks load only when the root layout itself fails.
    for (const [entry, chunks] of Object.entries(m.entryJSFiles))
      if (!entry.endsWith('/global-error')) for (const c of chunks) files.add(c);
    const url = route.replace(/\/page$/, '').replace(/\/\([^)]+\)/g, '') || '/';
    return { url, files: [...files].filter((f) => existsSync(path.join(dir, f))) };
  })
  .filter((p) => !p.url.startsWith('/_'))
  .sort((a, b) => a.url.localeCompare(b.url));

// Shared: the chunks every page loads (framework, root and panel layouts).
const shared = pages.map((p) => new Set(p.files)).reduce((a, b) => new Set([...a].filter((f) => b.has(f))));
const sum = (files) => files.reduce((a, f) => ({ raw: a.raw + size(f).raw, gz: a.gz + size(f).gz }), { raw: 0, gz: 0 });
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const sharedSize = sum([...shared]);
const rows = pages.map((p) => ({ url: p.url, total: sum(p.files), own: sum(p.files.filter((f) => !shared.has(f))) }));

console.log(
  `First-load JS per page (gzip; raw in brackets), build ${readFileSync(path.join(dir, 'BUILD_ID'), 'utf8').trim()}`,
);
console.log(`${'page'.padEnd(16)}${'first load'.padStart(22)}${'page-specific'.padStart(22)}`);
for (const r of rows)
  console.log(
    `${r.url.padEnd(16)}${`${kb(r.total.gz)} (${kb(r.total.raw)})`.padStart(22)}${`${kb(r.own.gz)} (${kb(r.own.raw)})`.padStart(22)}`,
  );
console.log(`${'shared by all'.padEnd(16)}${`${kb(sharedSize.gz)} (${kb(sharedSize.raw)})`.padStart(22)}`);
try {
  writeSync(3, JSON.stringify({ shared: sharedSize, pages: rows }));
} catch {
  // fd 3 not open: the table is the output.
}
