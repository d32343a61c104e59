/**
 * What a pod's GPU column shows: every GPU unit it requests (whole GPUs, MIG slices, shares, as
 * the model counts them) and the DRA claims it uses, with the devices allocated to them when the
 * model knows. Pure; shared by the Pods page and node detail.
 */
import type { PodRow } from '../views';
import type { PodGpuHolding } from './model-types';

export interface PodGpuCell {
  /** Units requested, summed over resources. */
  units: number;
  claims: number;
  /** `2`, `1 + 1 claim`, `1 claim`, or '' when the pod asks for no GPU. */
  text: string;
  /** One line per resource and claim (with its devices). */
  title: string;
}

/** The GPU cell of a pod row; `holding` (from the model) adds the claims' devices. */
export function podGpuCell(
  p: Pick<PodRow, 'gpuUnits' | 'resourceClaims' | 'resourceClaimStatuses'>,
  holding?: PodGpuHolding,
): PodGpuCell {
  const entries = Object.entries(p.gpuUnits);
  const units = entries.reduce((a, [, n]) => a + n, 0);
  const claims = p.resourceClaims.length;
  const lines = entries.map(([k, n]) => `${k}: ${n}`);
  for (const rc of p.resourceClaims) {
    const name = rc.resourceClaimName ?? p.resourceClaimStatuses.find((s) => s.name === rc.name)?.resourceClaimName;
    const devices = name ? (holding?.claims.find((c) => c.claim.name === name)?.devices ?? []) : [];
    const where = devices.length
      ? ` → ${devices.map((d) => `${d.pool}/${d.device}`).join(', ')}`
      : name
        ? ''
        : ' (claim not created yet)';
    lines.push(`claim ${name ?? rc.name}${where}`);
  }
  const claimText = claims ? `${claims} claim${claims > 1 ? 's' : ''}` : '';
  const text = units && claims ? `${units} + ${claimText}` : units ? String(units) : claimText;
  return { units, claims, text, title: lines.join('\n') || 'No GPU request' };
}
