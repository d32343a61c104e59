#!/usr/bin/env node
/**
 * GPU map paint benchmark: bundles harness.tsx (the real GpuPageView, tailwind CSS compiled from
 * app/globals.css), opens it in Chromium and prints how long the page takes from render to its
 * first painted frame with 1,000 nodes × 8 GPUs (BENCH_GPU_NODES to change), the worst frame of
 * a scroll through the whole map, and how many GPU cells are in the DOM. Target: paint < 1 s.
 * Usage: node bench/gpu-map/run.mjs   (exit 1 when the target is missed)
 */
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import postcss from 'postcss';
import tailwind from '@tailwindcss/postcss';
import { chromium } from '@playwright/test';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const out = mkdtempSync(path.join(tmpdir(), 'gpu-map-bench-'));
const nodes = Number(process.env.BENCH_GPU_NODES ?? 1000);
const runs = Number(process.env.BENCH_RUNS ?? 3);

await build({
  entryPoints: [path.join(here, 'harness.tsx')],
  bundle: true,
  minify: true,
  format: 'iife',
  jsx: 'automatic',
  target: 'es2022',
  outfile: path.join(out, 'harness.js'),
  alias: { '@': root, 'next/link': path.join(here, 'link-stub.tsx') },
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
const cssIn = readFileSync(path.join(root, 'app/globals.css'), 'utf8');
const css = await postcss([tailwind({ base: root })]).process(cssIn, { from: path.join(root, 'app/globals.css') });
writeFileSync(
  path.join(out, 'index.html'),
  `<!doctype html><html><head><meta charset="utf-8"><style>${css.css}</style></head>
<body><main style="padding:24px;max-width:1400px"><div id="root"></div></main><script>window.benchNodes=${nodes}</script><script src="harness.js"></script></body></html>`,
);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const results = [];
try {
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('console', (m) => {
      if (process.env.BENCH_VERBOSE) console.log('  page:', m.text());
    });
    await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
    await page.waitForFunction(() => window.benchResult !== undefined, null, { timeout: 60_000 });
    results.push(await page.evaluate(() => window.benchResult));
    if (i === 0 && process.env.BENCH_SCREENSHOT) {
      mkdirSync(path.dirname(process.env.BENCH_SCREENSHOT), { recursive: true });
      await page.evaluate(() => {
        document.querySelector('[data-testid="gpu-map"]').scrollTop = 0;
      });
      await page.screenshot({ path: process.env.BENCH_SCREENSHOT, fullPage: true });
    }
    await page.close();
  }
} finally {
  await browser.close();
}
const fmt = (k) => results.map((r) => r[k].toFixed(1)).join(' / ');
console.log(
  `GPU map: ${results[0].nodes} nodes, ${results[0].gpus} GPU cells (${results[0].cellsInDom} in the DOM, virtualised), ${runs} runs`,
);
console.log(`  model build (in page) ms: ${fmt('modelBuildMs')}`);
console.log(`  render ms:                ${fmt('renderMs')}`);
console.log(`  render → first paint ms:  ${fmt('firstPaintMs')}   (target < 1000)`);
console.log(`  worst scroll frame ms:    ${fmt('worstScrollFrameMs')}`);
const worst = Math.max(...results.map((r) => r.firstPaintMs));
process.exit(worst < 1000 ? 0 : 1);
