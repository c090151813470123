// Opens pages of a built geul site on an emulated slow phone (Lighthouse's mobile profile)
// and measures when the app takes over from the static copy, against the same pages with
// their scripts removed.
//
//   node tests/e2e/bench/takeover.mjs <site url> <scriptless site url> [runs] [out.md]
//
// Both URLs are the site's base (…/geul/). The scriptless site is a copy of the same build
// whose HTML has no <script> and no script or wasm preloads; `cargo xtask bench-takeover`
// writes it and serves both, and docs/BENCHMARKS.md explains the figures.
//
// Prints a markdown table (also written to out.md) and, last, one JSON line of every run.
//
// How a page is measured: a fresh browser context per opening, the cache disabled, the
// network and CPU throttled through the DevTools protocol before the navigation. A script
// added to every new document (before the page's own) observes paint, LCP and long tasks,
// and the static copy, `#prerendered`: the takeover is the moment the app removes it
// (src/takeover.rs), taken in the mutation observer's callback, which runs in the task that
// removed it. The driver waits on one promise of that script, so nothing of the driver's
// runs on the page's main thread until the opening has settled.

import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

import { chromium } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
];

/**
 * Lighthouse's mobile profile, as its DevTools throttling applies it (GoogleChrome/lighthouse
 * core/config/constants.js `mobileSlow4G`, core/lib/emulation.js): the simulated 150 ms and
 * 1.6 Mbps become a per-request latency of 150 × 3.75 ms and 1.6 Mbps × 0.9, upload
 * 750 Kbps × 0.9, in bytes per second; the CPU 4× slower; a Moto G Power's screen.
 */
export const NETWORK = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: Math.floor((1.6 * 1024 * 0.9 * 1024) / 8),
  uploadThroughput: Math.floor((750 * 0.9 * 1024) / 8),
};
export const CPU_SLOWDOWN = 4;
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

/** The pages opened, relative to the base: the list, a post, a tag (the demo site's). */
const PAGES = [
  { name: 'list', path: '' },
  { name: 'post', path: 'posts/line-developer/' },
  { name: 'tag', path: `tags/${encodeURIComponent('이직')}/` },
];

/** How long the main thread must stay free of long tasks before an opening counts as settled. */
const QUIET_MS = 1000;

/**
 * Runs in the page before its own scripts. `expectTakeover`: whether to wait for the app
 * (the scriptless copy never takes over); settled once loaded, taken over and `quietMs`
 * without a long task.
 */
function observe(expectTakeover, quietMs) {
  const t = { takeover: null, painted: null, lcp: null, longTasks: [], loaded: false };
  window.__bench = t;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) t.longTasks.push([e.startTime, e.duration]);
    rearm();
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) t.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });

  // The copy's parent is watched alone once it is parsed, not the whole document.
  const removal = new MutationObserver((records) => {
    if (!records.some((r) => [...r.removedNodes].some((n) => n.id === 'prerendered'))) return;
    t.takeover = performance.now();
    t.rootHidden = document.getElementById('geul')?.hidden ?? null;
    removal.disconnect();
    // The frame that shows the app: its rAF, then a message handled after its paint.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { t.painted = performance.now(); rearm(); };
      channel.port2.postMessage(null);
    });
  });
  const parsing = new MutationObserver(() => {
    const copy = document.getElementById('prerendered');
    if (!copy) return;
    parsing.disconnect();
    removal.observe(copy.parentNode, { childList: true });
  });
  parsing.observe(document, { childList: true, subtree: true });

  let settle;
  t.settled = new Promise((resolve) => { settle = resolve; });
  let timer = null;
  function rearm() {
    clearTimeout(timer);
    if (!t.loaded || (expectTakeover && t.painted === null)) return;
    timer = setTimeout(() => settle(true), quietMs);
  }
  addEventListener('load', () => { t.loaded = true; rearm(); });
}

/** One opening of `url`: the figures in ms since navigation start. */
async function openOnce(browser, url, expectTakeover) {
  const context = await browser.newContext(PHONE);
  try {
    const page = await context.newPage();
    await page.addInitScript(`(${observe})(${expectTakeover}, ${QUIET_MS})`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const evaluate = async (expression, awaitPromise = false) =>
      (await cdp.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise })).result.value;
    await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
    // One call that returns when the page has settled (or gives up): no polling on the page.
    let settled = null;
    for (let tries = 0; settled === null && tries < 100; tries += 1) {
      settled = await evaluate(`window.__bench
        ? Promise.race([window.__bench.settled, new Promise((r) => setTimeout(() => r(false), 60000))])
        : null`, true);
      if (settled === null) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    if (!settled) throw new Error(`${url} did not settle${expectTakeover ? ' (no takeover?)' : ''} within 60 s`);
    const figures = await evaluate(`(() => {
      const t = window.__bench;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
      const nav = performance.getEntriesByType('navigation')[0];
      const ends = t.longTasks.map(([start, duration]) => start + duration);
      const blocking = t.longTasks.filter(([start]) => start >= fcp)
        .reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
      return {
        fcp, lcp: t.lcp, takeover: t.takeover, painted: t.painted, rootHidden: t.rootHidden ?? null,
        // TTI's rule, with a 1 s window: the end of the last long task, not before FCP
        // and (with scripts) not before the app is on screen.
        interactive: Math.max(fcp, t.painted ?? 0, ...ends),
        blocking, longTasks: t.longTasks.length,
        documentEnd: nav.responseEnd, load: nav.loadEventStart,
      };
    })()`);
    if (expectTakeover && figures.rootHidden) throw new Error(`${url}: the app's root was still hidden at the takeover`);
    return figures;
  } finally {
    await context.close();
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** "1234 (1200–1300)": the median, and the range, in whole ms. */
function cell(runs, key) {
  const values = runs.map((r) => r[key]).filter((v) => typeof v === 'number');
  if (values.length === 0) return '–';
  const ms = (v) => Math.round(v).toString();
  return `${ms(median(values))} (${ms(Math.min(...values))}–${ms(Math.max(...values))})`;
}

export function table(results, runs) {
  const lines = [
    `Lighthouse mobile profile (latency ${NETWORK.latency} ms, ${((NETWORK.downloadThroughput * 8) / 1e6).toFixed(2)} Mbit/s down, CPU ×${CPU_SLOWDOWN}, 412×823 @1.75); ${runs} runs each; ms after navigation start, median (min–max).`,
    '',
    '| page | scripts | FCP | LCP | takeover | takeover painted | interactive | blocking after FCP |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const { page, variant, runs: measured } of results) {
    const withApp = variant === 'with';
    lines.push(`| ${page} | ${withApp ? 'yes' : 'removed'} | ${cell(measured, 'fcp')} | ${cell(measured, 'lcp')} | ${withApp ? cell(measured, 'takeover') : '–'} | ${withApp ? cell(measured, 'painted') : '–'} | ${cell(measured, 'interactive')} | ${cell(measured, 'blocking')} |`);
  }
  return `${lines.join('\n')}\n`;
}

async function main() {
  const [siteUrl, scriptlessUrl, runsArg, out] = process.argv.slice(2);
  if (!siteUrl || !scriptlessUrl) throw new Error('usage: takeover.mjs <site url> <scriptless site url> [runs] [out.md]');
  const runs = Number(runsArg ?? 5);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const variants = [
    { variant: 'with', base: siteUrl, expectTakeover: true },
    { variant: 'without', base: scriptlessUrl, expectTakeover: false },
  ];
  const results = PAGES.flatMap((page) => variants.map((v) => ({ page: page.name, ...v, url: v.base + page.path, runs: [] })));
  try {
    // A first opening of each, not counted: the files into the OS's cache, the browser warm.
    for (const r of results) await openOnce(browser, r.url, r.expectTakeover);
    // Interleaved, so a slow spell of the machine falls on every page and variant alike.
    for (let run = 0; run < runs; run += 1) {
      for (const r of results) {
        const figures = await openOnce(browser, r.url, r.expectTakeover);
        r.runs.push(figures);
        console.error(`${r.page} ${r.variant} scripts: ${JSON.stringify(figures)}`);
      }
    }
  } finally {
    await browser.close();
  }
  const markdown = table(results, runs);
  console.log(markdown);
  if (out) writeFileSync(out, markdown);
  console.log(JSON.stringify(results.map(({ page, variant, url, runs: measured }) => ({ page, variant, url, runs: measured }))));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
