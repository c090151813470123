// Printing a post (the print stylesheet in style/main.css): the text alone, without the
// site's header, foot, filters, buttons or comments; links followed by where they lead;
// code wrapped, not cut off.

import assert from 'node:assert/strict';

import { appTest, gotoApp, useBrowser } from '../helpers.mjs';

const browser = useBrowser();

appTest(browser, 'a printed post is its text, its links spelled out and its code whole', async (page) => {
  await gotoApp(page, 'posts/moving-from-chirpy/', { view: 'post' });
  await page.emulateMedia({ media: 'print' });
  const shown = (selector) => page.locator(selector).first().evaluate((element) => getComputedStyle(element).display !== 'none');
  for (const chrome of ['.site-header', 'footer.site-footer', '.post__footer', '.code__copy', 'section.comments', 'nav.toc']) {
    assert.equal(await shown(chrome), false, `${chrome} is not printed`);
  }
  assert.equal(await shown('.post__body'), true);
  assert.equal(await shown('h1.post__title'), true);
  const external = page.locator('.post__body p a[href^="https://"]').first();
  const after = await external.evaluate((a) => getComputedStyle(a, '::after').content);
  assert.ok(after.includes(await external.getAttribute('href')), `the link's address follows it: ${after}`);
  const code = page.locator('.post__body pre').first();
  assert.deepEqual(
    await code.evaluate((pre) => [getComputedStyle(pre).whiteSpace, getComputedStyle(pre).overflowX]),
    ['pre-wrap', 'visible'],
  );
});
