// Shared helpers for geul's real-browser tests: Debian's Chromium driven by
// playwright-core, run by node:test (`node --test --test-concurrency=1 tests/e2e/`).
//
// Every test runs in a fresh browser context through `appTest`, which also
// watches the page and fails the test on any uncaught page error, failed
// request, HTTP error response (other than a page the test deliberately asks
// for although the server has no file for it) or request leaving the base path.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { ALL_FACETS, bySlug } from './data.mjs';
import { BASE_URL, DESKTOP, appUrl } from './served-site.mjs';

// ---------------------------------------------------------------------------
// The site under test (served-site.mjs) and its URL state (url-query.mjs)

export { BASE_URL, DESKTOP, PHONE, appUrl } from './served-site.mjs';
export { assertUrlState, parseQuery } from './url-query.mjs';

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

// ---------------------------------------------------------------------------
// Browser, contexts, watching the page

const LAUNCH_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** One browser per test file: registers before/after hooks, returns a getter. */
export function useBrowser() {
  let browser = null;
  before(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      headless: true,
      args: LAUNCH_ARGS,
    });
  });
  after(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('browser was not launched (did the before hook fail?)');
    return browser;
  };
}

const watchers = new WeakMap();

/**
 * The hosts the served site's settings load scripts from, for comments and analytics
 * (`cargo xtask test` passes them): their scripts are answered with an empty one, the tests
 * never reaching the internet, and a request to any other host outside the base path is a
 * problem.
 */
const SCRIPT_HOSTS = (process.env.GEUL_SCRIPT_HOSTS || '').split(' ').filter(Boolean);

/** Records everything that went wrong on a page. */
class Watcher {
  constructor(page) {
    this.page = page;
    this.problems = [];
    this.allowedMissing = new Set(); // document URLs allowed to answer 404
    this.allowedOutside = new Set(); // URLs allowed outside the base path
    page.on('pageerror', (err) => this.problems.push(`page error: ${err.message}`));
    page.on('crash', () => this.problems.push('page crashed'));
    page.on('request', (req) => {
      const url = req.url();
      if (url.startsWith('data:') || url.startsWith('blob:')) return;
      const named = SCRIPT_HOSTS.some((host) => url.startsWith(`${host}/`));
      if (!url.startsWith(BASE_URL) && !this.allowedOutside.has(url) && !named) {
        this.problems.push(`request outside the base path ${BASE_URL}: ${req.method()} ${url}`);
      }
    });
    page.on('requestfailed', (req) => {
      const failure = req.failure()?.errorText ?? 'unknown error';
      // A request cancelled because the page navigated away is not a failure a reader sees.
      if (failure === 'net::ERR_ABORTED') return;
      this.problems.push(`request failed (${failure}): ${req.method()} ${req.url()}`);
    });
    page.on('response', (res) => {
      const status = res.status();
      if (status < 400) return;
      const req = res.request();
      const deliberate = status === 404
        && req.isNavigationRequest()
        && req.frame() === page.mainFrame()
        && this.allowedMissing.has(res.url());
      if (!deliberate) this.problems.push(`HTTP ${status} for ${req.method()} ${res.url()}`);
    });
  }
}

/** The watcher of a page opened by appTest (to allow a deliberate 404 or URL). */
export const watcherOf = (page) => {
  const w = watchers.get(page);
  if (!w) throw new Error('page was not opened by appTest');
  return w;
};

/**
 * Takes the problems matching `pattern` off the page's record, for a test that causes them
 * on purpose (a blocked file, a panic); fails unless at least one was seen.
 */
export function expectProblems(page, pattern) {
  const watcher = watcherOf(page);
  const seen = watcher.problems.filter((problem) => pattern.test(problem));
  assert.ok(seen.length > 0, `expected a problem matching ${pattern}, saw: ${JSON.stringify(watcher.problems)}`);
  watcher.problems = watcher.problems.filter((problem) => !pattern.test(problem));
}

/** The next navigation of the main frame to `url` may answer 404 (the server's 404.html shell). */
export const allowMissing = (page, url) => watcherOf(page).allowedMissing.add(url);

/**
 * Declares a test that gets a fresh context and page. After the body the test
 * fails if the page reported errors or requests went wrong; on failure a
 * screenshot goes to tests/e2e/artifacts/.
 */
export function appTest(getBrowser, name, body, { viewport = DESKTOP, timeout = 60_000, bypassCSP = false } = {}) {
  test(name, { timeout }, async (t) => {
    // `bypassCSP`: for a test that injects a checker of its own (axe-core).
    const context = await getBrowser().newContext({ viewport, bypassCSP });
    for (const host of SCRIPT_HOSTS) {
      await context.route(`${host}/**`, (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
    }
    context.setDefaultTimeout(10_000);
    context.setDefaultNavigationTimeout(15_000);
    try {
      const page = await context.newPage();
      const watcher = new Watcher(page);
      watchers.set(page, watcher);
      try {
        await body(page, t);
      } catch (err) {
        await saveScreenshot(page, name);
        if (watcher.problems.length > 0 && err instanceof Error) {
          err.message += `\n\nAlso seen on the page:\n  ${watcher.problems.join('\n  ')}`;
        }
        throw err;
      }
      // Let late requests (images, lazily fetched bodies) finish before judging.
      await page.waitForLoadState('load').catch(() => {});
      await page.waitForTimeout(150);
      assert.deepEqual(watcher.problems, [], 'page errors, failed requests or requests outside the base path');
    } finally {
      await context.close();
    }
  });
}

async function saveScreenshot(page, name) {
  try {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = `${ARTIFACTS}${name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80)}.png`;
    await page.screenshot({ path: file, fullPage: true, timeout: 5_000 });
  } catch {
    // best effort only
  }
}

// ---------------------------------------------------------------------------
// Waiting

/**
 * Retries `check` (which throws, e.g. with assert) until it passes or
 * `timeout` ms have gone by; then throws its last error. Returns its result.
 */
export async function eventually(check, { timeout = 5_000, interval = 50 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() >= deadline) throw err;
      await new Promise((r) => setTimeout(r, interval));
    }
  }
}

// Every view waits for the app: static pages carry a prerendered copy of the view in
// #prerendered, which the app removes once it has rendered the same view in #geul.
const VIEW_READY = {
  // The list (or its empty state) and the live region are rendered.
  home: () => {
    const main = !document.getElementById('prerendered') && document.querySelector('#geul main#main');
    return !!main
      && !!main.querySelector('.result-count')
      && !!main.querySelector('section.post-list article.post-card, .empty-state');
  },
  // The post and its separately fetched body are rendered.
  post: () => !document.getElementById('prerendered')
    && !!document.querySelector('#geul main#main article.post .post__title')
    && !!document.querySelector('#geul main#main article.post .post__body p'),
  notFound: () => !document.getElementById('prerendered')
    && !!document.querySelector('#geul main#main section.not-found h1'),
  // The archive, the tags or the categories, with what the build wrote for it.
  overview: () => !document.getElementById('prerendered')
    && !!document.querySelector('#geul main#main section.overview .overview__body'),
};

/** Waits until `view` ("home" | "post" | "notFound" | "overview") is rendered in main#main. */
export async function waitForView(page, view, { timeout = 10_000 } = {}) {
  const ready = VIEW_READY[view];
  if (!ready) throw new Error(`unknown view ${view}`);
  try {
    await page.waitForFunction(ready, undefined, { timeout });
  } catch (err) {
    const main = await page.evaluate(() => document.querySelector('main')?.outerHTML.slice(0, 600) ?? '(no <main>)').catch(() => '?');
    throw new Error(`the ${view} view did not render at ${page.url()} within ${timeout} ms; main: ${main}\n${err.message}`);
  }
}

/**
 * Opens `path` (relative to the base) in `page` and waits for `view`.
 * `missing: true` allows the server to answer 404 for this document (it serves
 * its 404.html app shell for paths without a file). Returns the response.
 */
export async function gotoApp(page, path = '', { view = 'home', missing = false } = {}) {
  const url = appUrl(path);
  if (missing) allowMissing(page, url);
  const response = await page.goto(url, { waitUntil: 'domcontentloaded' });
  await waitForView(page, view);
  return response;
}

/** Opens a post by deep link (its page may be the 404.html shell until per-post pages exist). */
export const gotoPost = (page, slug) => gotoApp(page, `posts/${slug}/`, { view: 'post', missing: true });

/** Reloads and waits for `view`; the document may come from 404.html. */
export async function reloadApp(page, view) {
  allowMissing(page, page.url());
  await page.reload({ waitUntil: 'domcontentloaded' });
  await waitForView(page, view);
}

// ---------------------------------------------------------------------------
// "No page reload" marker

export const setMarker = (page) => page.evaluate(() => { window.__geulMarker = 1; });

export async function assertMarker(page, what) {
  const alive = await page.evaluate(() => window.__geulMarker === 1);
  assert.ok(alive, `${what} must not reload the page (it should use history.pushState)`);
}

// ---------------------------------------------------------------------------
// Reading the home view

export const facetButton = (page, facet) => {
  const i = facet.indexOf(':');
  const kind = facet.slice(0, i);
  const value = facet.slice(i + 1);
  return page.locator(`nav.facets button.facet[data-kind="${kind}"][data-value="${cssString(value)}"]`);
};

export const modeButton = (page, mode) => page.locator(`button.mode[data-mode="${mode}"]`);

const cssString = (s) => s.replace(/["\\]/g, '\\$&');

/** Number in the live region, e.g. "글 3개" → 3. */
export async function resultCount(page) {
  const region = page.locator('main#main p.result-count[role="status"][aria-live="polite"]');
  const text = await region.textContent();
  const m = /\d+/.exec(text ?? '');
  assert.ok(m, `live region has no number: ${JSON.stringify(text)}`);
  return Number(m[0]);
}

/** Everything a reader can tell about the list view, read at one instant. */
export function readHome(page) {
  return page.evaluate(() => {
    const main = document.querySelector('main#main');
    const cards = [...main.querySelectorAll('section.post-list article.post-card')];
    const facets = {};
    for (const b of document.querySelectorAll('nav.facets button.facet')) {
      const key = `${b.dataset.kind}:${b.dataset.value}`;
      const countText = b.querySelector('.facet__count')?.textContent ?? '';
      const m = /\d+/.exec(countText);
      facets[key] = {
        pressed: b.getAttribute('aria-pressed') === 'true',
        count: m ? Number(m[0]) : null,
        label: b.textContent.replace(/\s+/g, ' ').trim(),
      };
    }
    const mode = {};
    for (const b of document.querySelectorAll('button.mode')) mode[b.dataset.mode] = b.getAttribute('aria-pressed');
    const region = main.querySelector('p.result-count[role="status"][aria-live="polite"]');
    return {
      slugs: cards.map((c) => c.dataset.slug),
      liveText: region ? region.textContent.trim() : null,
      empty: !!main.querySelector('.empty-state'),
      facets,
      mode,
      url: location.href,
    };
  });
}

/** The view state that reload / back / a pasted link must reproduce. */
export async function viewState(page) {
  const s = await readHome(page);
  const pressed = Object.entries(s.facets).filter(([, f]) => f.pressed).map(([k]) => k).sort();
  return { slugs: s.slugs, liveText: s.liveText, empty: s.empty, pressed, mode: s.mode };
}

const liveNumber = (text) => {
  const m = /\d+/.exec(text ?? '');
  return m ? Number(m[0]) : null;
};

/**
 * Waits until the list shows exactly `slugs` (in this order), the live region
 * announces that number, and the empty state appears iff nothing is shown.
 */
export async function expectList(page, slugs, { timeout = 5_000 } = {}) {
  return eventually(async () => {
    const s = await readHome(page);
    assert.deepEqual(s.slugs, slugs, 'posts shown in the list');
    assert.equal(liveNumber(s.liveText), slugs.length, `live region "${s.liveText}" must state the number of shown posts`);
    assert.equal(s.empty, slugs.length === 0, slugs.length === 0 ? 'empty state must be shown' : 'empty state must not be shown');
    return s;
  }, { timeout });
}

/**
 * Waits until every facet button matches `expected` ({ "kind:value": {pressed,count} },
 * see data.expectedFacets); counts given as null are not checked.
 */
export async function expectFacets(page, expected, { timeout = 5_000 } = {}) {
  return eventually(async () => {
    const s = await readHome(page);
    assert.deepEqual(Object.keys(s.facets).sort(), [...ALL_FACETS].sort(), 'the filter bar offers every tag and category');
    for (const [key, want] of Object.entries(expected)) {
      const got = s.facets[key];
      assert.equal(got.pressed, want.pressed, `facet ${key} aria-pressed`);
      if (want.count !== null) assert.equal(got.count, want.count, `facet ${key} count (label "${got.label}")`);
    }
    return s;
  }, { timeout });
}

/** Waits until exactly the `mode` button ("and" | "or") is pressed. */
export async function expectMode(page, mode, { timeout = 5_000 } = {}) {
  return eventually(async () => {
    const s = await readHome(page);
    assert.deepEqual(s.mode, { and: String(mode === 'and'), or: String(mode === 'or') }, 'mode buttons aria-pressed');
  }, { timeout });
}

// ---------------------------------------------------------------------------
// Small DOM helpers

/**
 * Types `value` into the search box as one keystroke and reads the list in the very next
 * task, before any timer the app set can run: what the reader sees while still typing.
 */
export const afterOneKeystroke = (page, value) => page.evaluate(async (value) => {
  const input = document.querySelector('#search-input');
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  await new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = resolve;
    channel.port2.postMessage(null);
  });
  const facetCounts = {};
  for (const button of document.querySelectorAll('button.facet[data-value]')) {
    facetCounts[`${button.dataset.kind}:${button.dataset.value}`] = button.querySelector('.facet__count')?.textContent;
  }
  const shown = [...document.querySelectorAll('main#main article.post-card')];
  return {
    slugs: shown.map((card) => card.dataset.slug),
    // Where each card (or placeholder) is on the page, in CSS pixels from the top.
    tops: shown.map((card) => Math.round(card.getBoundingClientRect().top + scrollY)),
    more: document.querySelectorAll('button.list-more').length,
    count: document.querySelector('p.result-count')?.textContent,
    facetCounts,
    url: location.href,
  };
}, value);

/** Text with whitespace collapsed. */
export const norm = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The post's title as it must appear (from the test data). */
export const titleOf = (slug) => bySlug(slug).title;

/** Horizontal overflow of the document: scrollWidth vs the viewport. */
export const scrollWidth = (page) => page.evaluate(() => document.documentElement.scrollWidth);
