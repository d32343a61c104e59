import { describe, expect, it } from 'vitest';
import { legendName, toChartData } from './shape';

describe('legendName', () => {
  it('fills a template from labels; falls back to Prometheus notation', () => {
    expect(legendName('{{node}} GPU {{ gpu }}', { node: 'n1', gpu: '3' })).toBe('n1 GPU 3');
    expect(legendName('{{missing}}x', {})).toBe('x');
    expect(legendName('', { __name__: 'up', job: 'a' })).toBe('up{job="a"}');
    expect(legendName(undefined, {})).toBe('{}');
  });
});

describe('toChartData', () => {
  const s = (gpu: string, values: [number, string][]) => ({ metric: { node: 'n', gpu }, values });

  it('merges series into time rows, sorted naturally, gaps as null', () => {
    const d = toChartData([
      {
        legend: 'GPU {{gpu}}',
        series: [
          s('10', [
            [1, '5'],
            [2, '6'],
          ]),
          s('2', [
            [2, 'NaN'],
            [3, '+Inf'],
          ]),
        ],
      },
    ]);
    expect(d.series.map((x) => [x.key, x.name])).toEqual([
      ['s0', 'GPU 2'],
      ['s1', 'GPU 10'],
    ]);
    expect(d.rows).toEqual([
      { t: 1000, s0: null, s1: 5 },
      { t: 2000, s0: null, s1: 6 },
      { t: 3000, s0: null, s1: null },
    ]);
    expect(d.truncated).toBe(false);
  });

  it('keeps query order across queries and caps the series', () => {
    const d = toChartData(
      [
        { legend: 'a{{gpu}}', series: [s('1', [[1, '1']])] },
        { legend: 'b{{gpu}}', series: [s('0', [[1, '2']]), s('1', [[1, '3']])] },
      ],
      2,
    );
    expect(d.series.map((x) => [x.name, x.query])).toEqual([
      ['a1', 0],
      ['b0', 1],
    ]);
    expect(d.truncated).toBe(true);
    expect(d.rows).toEqual([{ t: 1000, s0: 1, s1: 2 }]);
  });
});
