#!/usr/bin/env node
/**
 * Drives the logs page in chromium while writing the pod's log file (see run.sh). Each line
 * carries its generation time (`gen=<epoch ms>`); a MutationObserver in the page records, for
 * every line the virtualised view renders, now − gen. Per rate: p50/p95 of that latency, lines
 * received vs written (dropped = written − received), the panel's RSS (VmRSS of its process) and
 * the tab's JS heap after a forced GC, before and after. Then, with the buffer full (50,000
 * lines), the time from typing a search to its match count being drawn.
 *
 *   node bench/logs/measure.mjs <base url> <token file> <namespace> <log file> <panel pid>
 */
import { appendFileSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import { chromium } from '@playwright/test';

const [base, tokenFile, ns, file, pid] = process.argv.slice(2);
const RATES = (process.env.BENCH_RATES ?? '1000 5000').split(/\s+/).filter(Boolean).map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : null;
};
const rssMiB = () =>
  Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
const pad = ' lorem ipsum '.repeat(4);

/** Writes `rate` lines/s for `seconds` in 20 ms ticks; returns the number written. */
async function generate(rate, seconds, label) {
  let n = 0;
  const t0 = Date.now();
  while (Date.now() - t0 < seconds * 1000) {
    const due = Math.floor(((Date.now() - t0) / 1000) * rate);
    let out = '';
    for (; n < due; n++) {
      const now = new Date();
      out += `${now.toISOString()} stdout F INFO ${label} seq=${n} gen=${now.getTime()}${pad}\n`;
    }
    if (out) appendFileSync(file, out);
    await new Promise((r) => setTimeout(r, 20));
  }
  return n;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'],
});
const results = { seconds: SECONDS, rates: [] };
try {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1440, height: 900 } });
  const login = await context.request.post('/api/auth/login', {
    data: { token: readFileSync(tokenFile, 'utf8').trim() },
    headers: { Origin: base },
  });
  if (login.status() !== 200) throw new Error(`sign-in failed: ${login.status()} ${await login.text()}`);
  for (const rate of RATES) {
    truncateSync(file, 0);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return Math.round((await cdp.send('Runtime.getHeapUsage')).usedSize / 1048576);
    };
    const label = `r${rate}`;
    const tOpen = Date.now();
    await page.goto(`/logs?namespace=${ns}&pod=bench&tail=0`);
    await page.getByTestId('logs-state').and(page.locator('[data-state="live"]')).waitFor({ timeout: 30_000 });
    await page.evaluate((label) => {
      const w = window;
      w.__lat = [];
      const seen = (text) => {
        const m = / gen=(\d+)/.exec(text);
        if (m && text.includes(label)) w.__lat.push(Date.now() - Number(m[1]));
      };
      new MutationObserver((muts) => {
        for (const m of muts) for (const n of m.addedNodes) if (n instanceof HTMLElement) seen(n.textContent ?? '');
      }).observe(document.querySelector('[data-testid="logs-scroll"]'), { childList: true, subtree: true });
    }, label);
    // First line: written now, time until it is drawn.
    appendFileSync(file, `${new Date().toISOString()} stdout F INFO ${label} first gen=${Date.now()}\n`);
    await page.waitForFunction(() => window.__lat.length > 0, null, { timeout: 30_000 });
    const firstLineMs = await page.evaluate(() => window.__lat[0]);
    const heap0 = await heap();
    const rss0 = rssMiB();
    let rssPeak = rss0;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, rssMiB());
    }, 1000);
    const written = await generate(rate, SECONDS, label);
    await new Promise((r) => setTimeout(r, 2000));
    clearInterval(sampler);
    const lat = await page.evaluate(() => window.__lat.slice(1));
    const shown = await page.evaluate(() => {
      const count = Number(
        (document.querySelector('[data-testid="logs-count"]')?.textContent ?? '0').replace(/[^0-9]/g, ''),
      );
      const dropped = Number(
        (document.querySelector('[data-testid="logs-dropped"]')?.textContent ?? '0')
          .split(' ')[0]
          .replace(/[^0-9]/g, ''),
      );
      return { count, dropped };
    });
    const received = shown.count + shown.dropped - 1; // minus the "first" line
    const heap1 = await heap();
    const r = {
      rate,
      written,
      received,
      droppedLines: written - received,
      firstLineMs,
      openToLiveMs: null,
      latencyP50Ms: pct(lat, 50),
      latencyP95Ms: pct(lat, 95),
      latencySamples: lat.length,
      serverRssStartMiB: rss0,
      serverRssPeakMiB: rssPeak,
      heapStartMiB: heap0,
      heapEndMiB: heap1,
      heapGrowthMiB: heap1 - heap0,
    };
    r.openToLiveMs = Date.now() - tOpen; // informational: page open → end of run
    results.rates.push(r);
    console.log(
      `${rate} lines/s for ${SECONDS} s: first line ${firstLineMs} ms; latency p50 ${r.latencyP50Ms} ms, p95 ${r.latencyP95Ms} ms (${lat.length} rendered lines sampled); written ${written}, received ${received}, dropped ${r.droppedLines}; server RSS ${rss0} → peak ${rssPeak} MiB; tab heap ${heap0} → ${heap1} MiB`,
    );
    // Search over a full buffer: pause (nothing moves), type a line that is in it (one of the
    // last 1,000 written), wait for the match count to be drawn.
    await page.getByTestId('logs-pause').click();
    const t = Date.now();
    await page.getByTestId('logs-search').fill(`seq=${written - 1000} gen`);
    await page.waitForFunction(
      () => /\/ [1-9]/.test(document.querySelector('[data-testid="logs-search-count"]')?.textContent ?? ''),
      null,
      { timeout: 30_000, polling: 'raf' },
    );
    r.searchMs = Date.now() - t;
    r.searchOverLines = shown.count;
    console.log(`  search over ${shown.count} lines: ${r.searchMs} ms`);
    if (process.env.BENCH_SCREENSHOT_DIR)
      await page.screenshot({ path: `${process.env.BENCH_SCREENSHOT_DIR}/logs-${rate}.png` });
    await page.close();
  }
  try {
    writeSync(3, JSON.stringify(results));
  } catch {
    /* fd 3 not open */
  }
} finally {
  await browser.close();
}
