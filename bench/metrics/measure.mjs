#!/usr/bin/env node
/**
 * Time for the metrics page to draw every panel, in Debian's chromium (Playwright's library).
 * Signs in with a token, opens /metrics (default 1 h), then per round clicks "24h" and waits
 * until every panel has finished fetching and drawn (no panel busy or loading, then two animation
 * frames). Prints the figures; JSON on fd 3 if open; a full-page picture to $BENCH_SCREENSHOT.
 *
 *   node bench/metrics/measure.mjs <base url> <token file> [rounds=5]
 */
import { readFileSync, writeSync } from 'node:fs';
import { chromium } from '@playwright/test';

const [base, tokenFile, roundsArg = '5'] = process.argv.slice(2);
const ROUNDS = Number(roundsArg);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const STATES = () =>
  [...document.querySelectorAll('[data-testid^="panel-"][data-state], [data-testid="idle-gpus"]')].map(
    (p) =>
      `${p.getAttribute('data-testid')}=${p.getAttribute('data-state')}${p.getAttribute('aria-busy') === 'true' ? '(busy)' : ''}`,
  );

/** Resolves once no panel is loading or fetching, and the browser has painted since. */
async function drawn(page) {
  try {
    await page.waitForFunction(
      () => {
        const panels = [...document.querySelectorAll('[data-testid^="panel-"][data-state], [data-testid="idle-gpus"]')];
        return (
          panels.length > 0 &&
          panels.every((p) => p.getAttribute('data-state') !== 'loading' && p.getAttribute('aria-busy') !== 'true')
        );
      },
      null,
      { timeout: 60_000, polling: 'raf' },
    );
  } catch (e) {
    throw new Error(`panels not drawn: ${(await page.evaluate(STATES)).join(' ')}`, { cause: e });
  }
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

try {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1440, height: 900 } });
  const login = await context.request.post('/api/auth/login', {
    data: { token: readFileSync(tokenFile, 'utf8').trim() },
    headers: { Origin: base },
  });
  if (login.status() !== 200) throw new Error(`sign-in failed: ${login.status()} ${await login.text()}`);
  const page = await context.newPage();
  const apiMs = [];
  page.on('requestfinished', (req) => {
    if (req.url().includes('range=24h')) apiMs.push(req.timing().responseEnd);
  });
  let t = Date.now();
  await page.goto('/metrics');
  await drawn(page);
  const firstLoad = Date.now() - t;
  const rounds = [];
  for (let i = 0; i < ROUNDS; i++) {
    await page.getByTestId('range-1h').click();
    await drawn(page);
    t = Date.now();
    await page.getByTestId('range-24h').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="range-24h"]')?.getAttribute('aria-pressed') === 'true',
    );
    await drawn(page);
    rounds.push(Date.now() - t);
  }
  const stats = await page.evaluate(() => {
    const curves = document.querySelectorAll('[data-testid="chart-gpu-util"] path.recharts-line-curve');
    const points = [...document.querySelectorAll('path.recharts-line-curve')].reduce(
      (a, p) => a + ((p.getAttribute('d') ?? '').match(/[MLC]/g)?.length ?? 0),
      0,
    );
    return { gpuLines: curves.length, points };
  });
  stats.panels = await page.evaluate(STATES);
  // A picture of the 24 h page to look at (bench/results is git-ignored).
  if (process.env.BENCH_SCREENSHOT) await page.screenshot({ path: process.env.BENCH_SCREENSHOT, fullPage: true });
  const result = {
    firstLoad1hMs: firstLoad,
    draw24hMs: rounds,
    draw24hMedianMs: median(rounds),
    panelApiMedianMs: Math.round(median(apiMs)),
    panelApiMaxMs: Math.round(Math.max(...apiMs)),
    ...stats,
  };
  console.log(`metrics page, first load (1 h, all panels drawn): ${firstLoad} ms`);
  console.log(
    `metrics page, 1 h → 24 h, all ${stats.panels.length} panels drawn: median ${result.draw24hMedianMs} ms over ${ROUNDS} rounds (${rounds.join(', ')} ms)`,
  );
  console.log(`panel API answers for 24 h: median ${result.panelApiMedianMs} ms, slowest ${result.panelApiMaxMs} ms`);
  console.log(
    `drawn: ${stats.gpuLines} GPU lines in "GPU utilisation per GPU", ${stats.points} points over all charts`,
  );
  console.log(`panel states: ${stats.panels.join(' ')}`);
  try {
    writeSync(3, JSON.stringify(result));
  } catch {
    /* fd 3 not open */
  }
} finally {
  await browser.close();
}
