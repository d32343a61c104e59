/**
 * The GPU map benchmark's page: builds the model of a generated cluster (1,000 nodes × 8 GPUs by
 * default) and renders the real map components on it, timing from render to the first painted
 * frame, then a scroll through the whole map. Bundled by run.mjs; never part of the panel.
 */
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { GpuPageView } from '@/components/gpus/gpu-page-view';
import { sampleCluster } from '@/lib/gpu-page/sample-cluster';

declare global {
  interface Window {
    benchResult?: Record<string, number>;
    benchNodes?: number;
  }
}

const frame = () =>
  new Promise<number>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))));

async function main() {
  const nodes = window.benchNodes ?? 1000;
  const t0 = performance.now();
  const model = sampleCluster(nodes);
  const built = performance.now() - t0;
  const gpus = model.nodes.reduce((n, m) => n + m.gpus.length, 0);
  const root = createRoot(document.getElementById('root')!);
  const start = performance.now();
  flushSync(() =>
    root.render(
      <GpuPageView
        model={model}
        deviceClasses={[]}
        draServed
        idlePods={new Set(['team-0/p-0-0'])}
        idleNote={null}
        podInfo={() => undefined}
        initial={{ filter: { model: '', selector: '', state: '' }, where: null }}
      />,
    ),
  );
  const rendered = performance.now() - start;
  const painted = (await frame()) - start;
  // Scroll the map end to end in 20 steps; the slowest step is what a person would feel.
  const map = document.querySelector<HTMLElement>('[data-testid="gpu-map"]')!;
  let worstScroll = 0;
  const steps: number[] = [];
  for (let i = 1; i <= 20; i++) {
    const s = performance.now();
    map.scrollTop = (map.scrollHeight * i) / 20;
    const d = (await frame()) - s;
    steps.push(Math.round(d));
    worstScroll = Math.max(worstScroll, d);
  }
  const cells = document.querySelectorAll('[data-testid^="gpu-cell-"]').length;
  console.log('scroll', steps.join(' '));
  window.benchResult = {
    nodes,
    gpus,
    modelBuildMs: built,
    renderMs: rendered,
    firstPaintMs: painted,
    worstScrollFrameMs: worstScroll,
    cellsInDom: cells,
  };
}

void main();
