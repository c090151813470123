// axe-core (npm, injected into the page) finds no violation on the fixture site's list, a
// post with everything a Chirpy post may hold, a tag page, the archive, the tags and
// categories and the not-found view, in the light and the dark scheme, on a phone and a desktop, once the app has taken over.

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

import { allowMissing, appTest, appUrl, useBrowser } from '../helpers.mjs';

const browser = useBrowser();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const PAGES = ['', 'posts/moving-from-chirpy/', 'tags/rust/', 'archives/', 'tags/', 'categories/', 'no-such-page/'];

for (const scheme of ['light', 'dark']) {
  for (const width of [390, 1280]) {
    appTest(browser, `no axe violation in the ${scheme} scheme at ${width} px`, async (page) => {
      await page.emulateMedia({ colorScheme: scheme });
      for (const path of PAGES) {
        if (path === 'no-such-page/') allowMissing(page, appUrl(path));
        await page.goto(appUrl(path));
        await page.waitForFunction(() => !document.getElementById('prerendered') && !!document.querySelector('#geul main#main'));
        if (path.startsWith('posts/')) {
          // The body, its diagram drawn.
          await page.waitForSelector('#geul .diagram[data-drawn] svg', { timeout: 15_000 });
        }
        await page.addScriptTag({ path: AXE });
        const violations = await page.evaluate(async () => (await window.axe.run(document)).violations
          .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`));
        assert.deepEqual(violations, [], `/${path}`);
      }
    }, { viewport: { width, height: 800 }, bypassCSP: true, timeout: 120_000 });
  }
}
