/**
 * Kubernetes resource quantities ("64Gi", "15500m", "1e3") as numbers, and their display.
 * Pure; used for the CPU and memory columns, which the API sends as the raw quantity strings.
 */

const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/;

/** The value of a quantity in base units (bytes, cores), or null when it is not a quantity. */
export function parseQuantity(q: string | null | undefined): number | null {
  if (q === null || q === undefined) return null;
  const m = QUANTITY.exec(q.trim());
  if (!m) return null;
  const base = Number(m[1]);
  if (m[2]) return Number(`${m[1]}${m[2]}`);
  const suffix = m[3] ?? '';
  const mult = BINARY[suffix] ?? DECIMAL[suffix];
  return mult === undefined ? null : base * mult;
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];

/** Bytes in binary units with at most one decimal: 68719476736 → "64 GiB", 1.5 GiB → "1.5 GiB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '—';
  let v = Math.abs(bytes);
  let i = 0;
  while (v >= 1024 && i < BYTE_UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  const rounded = v >= 100 || Number.isInteger(v) ? Math.round(v) : Math.round(v * 10) / 10;
  return `${bytes < 0 ? '-' : ''}${rounded} ${BYTE_UNITS[i]}`;
}

/** A memory quantity for display ("65843204Ki" → "62.8 GiB"); the raw text when unparsable. */
export function formatMemory(q: string | null | undefined): string {
  if (!q) return '—';
  const v = parseQuantity(q);
  return v === null ? q : formatBytes(v);
}

/** A CPU quantity in cores ("15500m" → "15.5", "16" → "16", "250m" → "0.25"). */
export function formatCpu(q: string | null | undefined): string {
  if (!q) return '—';
  const v = parseQuantity(q);
  if (v === null) return q;
  return String(Math.round(v * 1000) / 1000);
}
