#!/usr/bin/env node
// The devcluster's log generator: appends CRI-format lines (`<RFC3339Nano> stdout F <text>`, what
// kwok's ClusterLogs serve to `kubectl logs`) to one file per ImagePod component at a chosen rate.
// Bounded disk: a file over --max-bytes is renamed to <file>.1 (replacing the last one) and a new
// one started; `kubectl logs -f` (kwok follows with fsnotify) picks the new file up.
//
//   node gen.mjs --dir DIR [--rate LINES_PER_S_PER_COMPONENT] [--max-bytes N] [--components a,b] [--once]
// Writes <component>.previous.log once (the "previous container" of `kubectl logs -p`).
import { appendFileSync, existsSync, renameSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { COMPONENTS, previousLog } from './lines.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => {
    if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : 'true']);
    return acc;
  }, []),
);
const dir = args.dir;
if (!dir) {
  console.error('usage: gen.mjs --dir DIR [--rate N] [--max-bytes N] [--components a,b]');
  process.exit(2);
}
const rate = Math.max(0.1, Number(args.rate ?? 2));
const maxBytes = Number(args['max-bytes'] ?? 8 * 1024 * 1024);
const names = (args.components ?? Object.keys(COMPONENTS).join(',')).split(',').filter((n) => COMPONENTS[n]);
mkdirSync(dir, { recursive: true });

// Nanosecond stamps that never go backwards: the millisecond clock plus a counter within it.
let lastMs = 0;
let seq = 0;
function stamp(d) {
  const ms = d.getTime();
  if (ms <= lastMs) seq++;
  else {
    lastMs = ms;
    seq = 0;
  }
  return `${new Date(Math.max(ms, lastMs)).toISOString().slice(0, -1)}${String(seq).padStart(6, '0')}Z`;
}
const cri = (d, text, stream = 'stdout') => `${stamp(d)} ${stream} F ${text}\n`;
const file = (n) => path.join(dir, `${n}.log`);

for (const n of names) {
  const prev = path.join(dir, `${n}.previous.log`);
  if (!existsSync(prev)) {
    const t0 = Date.now() - 3600_000;
    writeFileSync(
      prev,
      previousLog(n)
        .map((l, i) => cri(new Date(t0 + i * 150), l, /ERROR|FATAL|fatal|error/.test(l) ? 'stderr' : 'stdout'))
        .join(''),
    );
  }
  if (!existsSync(file(n))) writeFileSync(file(n), '');
}

// Lines are written in small bursts every 100 ms (or one per tick at low rates), timestamped when written.
const tickMs = 100;
let carry = 0;
let written = 0;
function tick() {
  carry += (rate * tickMs) / 1000;
  const count = Math.floor(carry);
  carry -= count;
  if (count === 0) return;
  for (const n of names) {
    let out = '';
    for (let i = 0; i < count; i++) {
      const text = COMPONENTS[n]();
      out += cri(new Date(), text, /ERROR|level=error|FATAL/.test(text) ? 'stderr' : 'stdout');
    }
    const f = file(n);
    appendFileSync(f, out);
    written += count;
    if (statSync(f).size > maxBytes) {
      renameSync(f, `${f}.1`);
      writeFileSync(f, '');
    }
  }
}
const timer = setInterval(tick, tickMs);
if (args.once) {
  tick();
  clearInterval(timer);
}
process.on('SIGTERM', () => {
  clearInterval(timer);
  process.exit(0);
});
process.on('SIGINT', () => {
  clearInterval(timer);
  process.exit(0);
});
console.log(`[logs-gen] ${names.join(', ')} → ${dir} at ${rate} lines/s each (rotate at ${maxBytes} bytes)`);
setInterval(() => console.log(`[logs-gen] ${written} lines written`), 60_000).unref();
