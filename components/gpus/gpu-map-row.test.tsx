import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { sampleCluster } from '@/lib/gpu-page/sample-cluster';
import { whereCanThisRun } from '@/lib/gpu/where';
import { GpuMapRow } from './gpu-map-row';
import { WhereResults } from './where-results';

const model = sampleCluster(4);
const noop = () => {};

describe('GpuMapRow', () => {
  it('draws whole GPUs, MIG slices and shares as segments, dashed when drawn from counts', () => {
    const html = (i: number) =>
      renderToStaticMarkup(
        <GpuMapRow
          node={model.nodes[i]!}
          gpus={model.nodes[i]!.gpus}
          idlePods={new Set()}
          selection={null}
          onSelect={noop}
        />,
      );
    const whole = html(0);
    expect(whole.match(/data-testid="gpu-segment"/g)).toHaveLength(8);
    expect(whole).toContain('data-exact="false"');
    expect(whole.match(/data-state="allocated"/g)).toHaveLength(4);
    expect(html(1)).toContain('data-kind="mig"');
    expect(html(2).match(/data-kind="share"/g)).toHaveLength(32);
    const dra = html(3);
    expect(dra).toContain('data-exact="true"');
    expect(dra).toContain('claim ml/claim-3-0');
  });
  it('marks allocated segments of idle pods as idle', () => {
    const html = renderToStaticMarkup(
      <GpuMapRow
        node={model.nodes[0]!}
        gpus={model.nodes[0]!.gpus}
        idlePods={new Set(['team-0/p-0-0'])}
        selection={null}
        onSelect={noop}
      />,
    );
    expect(html.match(/data-state="idle"/g)).toHaveLength(1);
  });
});

describe('WhereResults', () => {
  it('lists where the request fits and why elsewhere not', () => {
    const answer = whereCanThisRun(model.nodes, { ask: { kind: 'mig', profile: '3g.40gb', count: 1 } });
    const html = renderToStaticMarkup(<WhereResults answer={answer} />);
    expect(html).toContain('data-fits="node-0001"');
    expect(html).toContain('data-testid="where-not-node-0000" data-reasons="no-units"');
  });
});
