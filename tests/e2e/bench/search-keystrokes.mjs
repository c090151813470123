// Types real queries into the search box of a built geul site, one keystroke at a time,
// and measures each keystroke: from the input event to the updated list laid out.
//
//   node tests/e2e/bench/search-keystrokes.mjs <site url> [rounds]
//
// With KEYSTROKES_OUT=<file> set, every keystroke (box value, painted and ready ms, result
// count, placeholders) is written there as JSON too.
//
// Prints one JSON object: per-keystroke milliseconds (p50, p95, max), the longest main-thread
// task while the site opens, while the search index arrives and while typing, how long the
// search data took to arrive, and how many keystrokes showed a card still on its way. `cargo xtask bench` runs
// it for each synthetic corpus and writes the table.
//
// How a keystroke is measured: a capturing `input` listener, which runs before the app's,
// posts a message to itself; the message is handled after the event's task and its
// microtasks (where the app searches and patches the DOM), and there the handler forces
// style and layout ("ready": event timestamp to then). It then asks for the next frame and,
// from that frame's requestAnimationFrame callback, posts another message, which runs once
// the frame's main-thread work (paint, commit) is done; that work is added ("painted").
// Left out: the wait between "ready" and the display's next frame, which depends on where
// the keystroke fell in the 16.7 ms refresh cycle rather than on geul, and raster and
// compositing, which run off the main thread.
//
// Last, the same measure is taken of the browser alone swapping the texts of the ten result
// cards, with no app code running ("card swap"): what a page of ten cards showing other posts
// costs on this machine. While the reader types, a keystroke changes at most the first four.
//
// Hangul is typed the way an IME types it: every jamo is a composition update (ㄹ, 라, 란)
// sent through the DevTools protocol, then the syllable is committed.

import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

import { chromium } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
];

/**
 * What readers of these posts search for: words, particles, initials, Latin, the wrong layout
 * (`queries.json`, which the native benchmark of the search alone types too).
 */
export const QUERIES = JSON.parse(readFileSync(new URL('./queries.json', import.meta.url), 'utf8'));

const INITIALS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';

/** The composition states an IME shows while a syllable is typed: 란 → ㄹ, 라, 란. */
export function keystrokesOf(char) {
  const code = char.codePointAt(0) - 0xac00;
  if (code < 0 || code >= 11172) return [char];
  const initial = Math.floor(code / 588);
  const open = String.fromCodePoint(0xac00 + code - (code % 28));
  return code % 28 === 0 ? [INITIALS[initial], open] : [INITIALS[initial], open, char];
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/**
 * What the browser alone spends when the ten result cards show other posts: with a search's
 * results on screen, the cards' texts are rotated among them with no app code involved, and
 * each swap is measured like a keystroke (to layout, plus the next frame's main-thread
 * work). A render that changes all ten cards cannot cost less than this; while the reader
 * types, a keystroke changes at most the first four (src/pages/home.rs).
 */
async function cardSwapFloor(page, box, clear) {
  await clear();
  await box.focus();
  await page.keyboard.insertText('데이터');
  await page.waitForSelector('.post-card__snippet');
  await page.waitForTimeout(500);
  const swaps = await page.evaluate(async () => {
    const afterTask = (callback) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = callback;
      channel.port2.postMessage(null);
    };
    const leavesOf = (card) => [...card.querySelectorAll('*')].filter((e) => e.children.length === 0);
    const cards = [...document.querySelectorAll('.post-card')];
    const texts = cards.map((card) => leavesOf(card).map((e) => e.textContent));
    const times = [];
    for (let swap = 1; swap <= 100; swap += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      await new Promise((resolve) => {
        const start = performance.now();
        cards.forEach((card, i) => {
          const from = texts[(i + swap) % texts.length];
          leavesOf(card).forEach((leaf, j) => { if (from[j] !== undefined) leaf.textContent = from[j]; });
        });
        void document.body.offsetHeight;
        const ready = performance.now() - start;
        requestAnimationFrame(() => {
          const frame = performance.now();
          afterTask(() => { times.push(ready + (performance.now() - frame)); resolve(); });
        });
      });
    }
    return times;
  });
  return swaps.sort((a, b) => a - b);
}

async function main() {
  const [url, roundsArg] = process.argv.slice(2);
  if (!url) throw new Error('usage: search-keystrokes.mjs <site url> [rounds]');
  const rounds = Number(roundsArg ?? 3);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // Long tasks from the very start, so opening the site counts too.
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const cdp = await page.context().newCDPSession(page);
  await page.goto(url);
  // The opening is watched through the DevTools protocol alone. Playwright's own selector
  // and evaluation scripts, injected into the page on their first use, take the page's main
  // thread for 30–100 ms on this machine: a long task that is the driver's, not geul's.
  const evaluate = async (expression) =>
    (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })).result.value;
  // The app has taken over when the search box is its own (the static page has a <form>).
  const openedBy = Date.now() + 60_000;
  while (!(await evaluate("!!document.querySelector('div.search input#search-input')"))) {
    if (Date.now() > openedBy) throw new Error('the app did not take over within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  const openTasks = await evaluate('window.__longTasks.splice(0)');
  // Now Playwright may inject its scripts; their task is left out of the next phase too.
  const box = page.locator('#search-input');
  await box.count();
  await page.evaluate(() => document.title);
  await page.waitForTimeout(200);
  await page.evaluate(() => window.__longTasks.splice(0));

  await page.evaluate(() => {
    window.__keystrokes = [];
    document.addEventListener('input', (event) => {
      const start = event.timeStamp;
      const afterTask = (callback) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = callback;
        channel.port2.postMessage(null);
      };
      afterTask(() => {
        void document.body.offsetHeight; // style and layout, now
        const ready = performance.now() - start;
        const count = document.querySelector('.result-count')?.textContent ?? '';
        // Cards whose chunk had not arrived yet show a placeholder (src/cards.rs).
        const placeholders = document.querySelectorAll('.post-card--loading').length;
        requestAnimationFrame(() => {
          const frame = performance.now();
          afterTask(() => {
            const painted = ready + (performance.now() - frame);
            window.__keystrokes.push({ ms: painted, ready, value: event.target.value, count, placeholders });
          });
        });
      });
    }, true);
  });

  // The search data arrive with the first search; time that once, outside the figures.
  const loadStart = Date.now();
  await box.focus();
  await cdp.send('Input.insertText', { text: '라' });
  await page.waitForSelector('.post-card__snippet', { timeout: 120_000 });
  const searchDataMs = Date.now() - loadStart;
  await page.waitForTimeout(500);
  const arrivalTasks = await page.evaluate(() => window.__longTasks.splice(0));

  const clear = async () => {
    await box.fill('');
    await page.waitForFunction(() => !new URL(location.href).searchParams.get('q'));
    await page.waitForTimeout(50);
  };
  const mismatches = [];
  await page.evaluate(() => { window.__keystrokes = []; });
  for (let round = 0; round < rounds; round += 1) {
    for (const query of QUERIES) {
      await clear();
      await page.evaluate(() => { window.__keystrokes = []; });
      for (const char of query) {
        const steps = keystrokesOf(char);
        for (const step of steps.slice(0, -1)) {
          await cdp.send('Input.imeSetComposition', { text: step, selectionStart: 1, selectionEnd: 1 });
          await page.waitForTimeout(20);
        }
        if (steps.length > 1) {
          await cdp.send('Input.imeSetComposition', { text: steps.at(-1), selectionStart: 1, selectionEnd: 1 });
          await page.waitForTimeout(20);
        }
        await cdp.send('Input.insertText', { text: char });
        await page.waitForTimeout(20);
      }
      // The last measurement must have seen the final list: the app had rendered by then.
      await page.waitForTimeout(300);
      const settled = await page.evaluate(() => document.querySelector('.result-count')?.textContent ?? '');
      const typed = await page.evaluate(() => window.__keystrokes);
      const last = typed.at(-1);
      if (!last || last.count !== settled) mismatches.push({ query, measured: last?.count, settled });
      await page.evaluate((typed) => { (window.__all ??= []).push(...typed); }, typed);
    }
  }
  const all = await page.evaluate(() => window.__all.map((k) => k.ms));
  const ready = (await page.evaluate(() => window.__all.map((k) => k.ready))).sort((a, b) => a - b);
  const slowest = await page.evaluate(() => [...window.__all].sort((a, b) => b.ms - a.ms).slice(0, 5)
    .map((k) => `${k.value}: ${k.ms.toFixed(1)} ms`));
  const longTasks = await page.evaluate(() => window.__longTasks);
  const withPlaceholders = await page.evaluate(() => window.__all.filter((k) => k.placeholders > 0).length);
  // Every keystroke, for a closer look at where the slow ones are.
  if (process.env.KEYSTROKES_OUT) {
    writeFileSync(process.env.KEYSTROKES_OUT, JSON.stringify(await page.evaluate(() => window.__all)));
  }
  const floor = await cardSwapFloor(page, box, clear);
  await browser.close();
  const sorted = [...all].sort((a, b) => a - b);
  const result = {
    url,
    keystrokes: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1),
    readyP50: percentile(ready, 50),
    readyP95: percentile(ready, 95),
    slowest,
    longestTask: longTasks.length ? Math.max(...longTasks) : 0,
    longTasks: longTasks.length,
    longestOpenTask: openTasks.length ? Math.max(...openTasks) : 0,
    longestArrivalTask: arrivalTasks.length ? Math.max(...arrivalTasks) : 0,
    withPlaceholders,
    searchDataMs,
    floorP50: percentile(floor, 50),
    floorP95: percentile(floor, 95),
    mismatches,
  };
  console.log(JSON.stringify(result));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
