// The fixture site's build (`tests/fixture-site/`, built by `cargo xtask test`): every page
// carries a Content-Security-Policy, the app runs under it without a single violation, and
// a script injected into a page is refused.

import assert from 'node:assert/strict';

import { allowMissing, appTest, appUrl, eventually, useBrowser } from '../helpers.mjs';
import { sitePages } from './pages.mjs';

const browser = useBrowser();

/** Records every violation of the page's policy from the first byte on. */
const recordViolations = (page) => page.addInitScript(() => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
  });
});

/** The app has taken over: the static copy is gone and the app's main is there. */
const tookOver = (page) => page.waitForFunction(
  () => !document.getElementById('prerendered') && !!document.querySelector('#geul main#main'),
);

const REQUIRED = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' 'sha256-",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "img-src 'self' data: https:",
  // Embedded players, from their own hosts alone.
  "frame-src https://www.youtube-nocookie.com https://player.twitch.tv https://player.bilibili.com",
];

appTest(browser, 'every page carries the policy, and the app runs under it without a violation', async (page) => {
  await recordViolations(page);
  const pages = await sitePages(page);
  for (const path of pages) {
    const missing = path === 'no-such-page/';
    if (missing) allowMissing(page, appUrl(path));
    const response = await page.goto(appUrl(path), { waitUntil: 'domcontentloaded' });
    assert.equal(response.status(), missing ? 404 : 200, path);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    for (const directive of REQUIRED) assert.ok(policy.includes(directive), `${path}: ${directive} in ${policy}`);
    await tookOver(page);
    if (path.startsWith('posts/')) {
      await page.waitForSelector('#geul article.post .post__body p');
    }
    if (path === '') {
      // Search fetches its index and the texts of its results under the same policy.
      await page.locator('#search-input').fill('배포');
      await eventually(async () => {
        assert.ok(await page.locator('section.post-list article.post-card mark').count() > 0);
      });
    }
    assert.deepEqual(await page.evaluate(() => window.__violations), [], `violations on ${path}`);
  }
  // The fixture's image is served from the site and shown.
  await page.goto(appUrl('posts/first-deploy/'), { waitUntil: 'load' });
  const shown = await page.locator('#prerendered img, #geul img').first().evaluate((img) => img.complete && img.naturalWidth > 0);
  assert.ok(shown, 'the post image loads under the policy');
});

appTest(browser, 'a script injected into a page is refused and reported', async (page) => {
  await recordViolations(page);
  await page.goto(appUrl(''), { waitUntil: 'domcontentloaded' });
  await tookOver(page);
  const outcome = await page.evaluate(async () => {
    const reported = new Promise((resolve) => {
      document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective), { once: true });
      setTimeout(() => resolve(null), 3000);
    });
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.body.append(script);
    const image = document.createElement('img');
    image.setAttribute('src', 'data:,');
    image.setAttribute('onerror', 'window.__handler = true');
    document.body.append(image);
    const directive = await reported;
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { directive, injected: window.__injected === true, handler: window.__handler === true };
  });
  assert.equal(outcome.injected, false, 'the injected script did not run');
  assert.equal(outcome.handler, false, 'the injected event handler did not run');
  assert.match(outcome.directive ?? '', /^script-src/, 'the browser reported the refusal');
});
