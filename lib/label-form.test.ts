import { describe, expect, it } from 'vitest';
import { checkLabelRows, type LabelRow } from './label-form';

const row = (key: string, value = '', remove = false, id = 0): LabelRow => ({ id, key, value, remove });

describe('checkLabelRows', () => {
  it('turns filled rows into set and remove edits, ignoring blank rows', () => {
    const c = checkLabelRows([row('accelerator', 'nvidia-tesla-gpu'), row(''), row('old', 'ignored', true)]);
    expect(c.valid).toBe(true);
    expect(c.edits).toEqual([
      { op: 'set', key: 'accelerator', value: 'nvidia-tesla-gpu' },
      { op: 'remove', key: 'old' },
    ]);
    expect(c.touchesSystem).toBe(false);
  });

  it('reports the API server rules per row: ../x, a/b/c, a 300-character value', () => {
    const c = checkLabelRows([row('../x', 'v'), row('a/b/c', 'v'), row('ok', 'v'.repeat(300))]);
    expect(c.valid).toBe(false);
    expect(c.edits).toEqual([]);
    expect(c.rows[0]!.keyErrors.join(' ')).toMatch(/prefix part must be a lowercase DNS subdomain/);
    expect(c.rows[1]!.keyErrors.join(' ')).toMatch(/more than one '\/'/);
    expect(c.rows[2]!.valueErrors.join(' ')).toMatch(/no more than 63 characters \(it has 300\)/);
  });

  it('refuses a key used twice and a form with nothing to do', () => {
    const c = checkLabelRows([row('a', '1'), row('a', '', true)]);
    expect(c.rows[1]!.keyErrors).toEqual(['is edited by another row already']);
    expect(checkLabelRows([row('')]).valid).toBe(false);
    expect(checkLabelRows([]).valid).toBe(false);
  });

  it('flags system-managed labels and does not validate the value of a removal', () => {
    const c = checkLabelRows([row('kubernetes.io/hostname', 'x'), row('nvidia.com/gpu.product', '%%', true)]);
    expect(c.valid).toBe(true);
    expect(c.touchesSystem).toBe(true);
    expect(c.rows[0]!.warning).toMatch(/set by the kubelet/);
    expect(c.rows[1]!.warning).toMatch(/GPU Feature Discovery/);
  });
});
