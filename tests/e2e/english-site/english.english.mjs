// A site whose `language` is "en" (tests/english-site/): once the app has taken over, every
// word of the interface, every date and every count is English, and no Hangul is left in
// it; the static pages say the same.

import assert from 'node:assert/strict';

import { allowMissing, appTest, appUrl, gotoApp, norm, useBrowser, waitForView } from '../helpers.mjs';

const browser = useBrowser();
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;

/** The text of everything on the page the interface writes (the posts are the author's). */
const interfaceText = (page) => page.evaluate(() => {
  const parts = [...document.querySelectorAll(
    '.skip-link, .site-header, .facets, .search, .result-count, .post-card__meta, .post-info, '
    + '.post__footer, .toc summary, .share, .reading-on > h2, .reading-on span, .site-footer, '
    + '#shortcuts, .overview__title, .archives h2, .archives h3, .archives time',
  )];
  const labels = [...document.querySelectorAll('[aria-label], [title], [placeholder]')]
    .map((el) => ['aria-label', 'title', 'placeholder'].map((name) => el.getAttribute(name) ?? '').join(' '));
  return [...parts.map((el) => el.textContent), ...labels].join(' ').replace(/\s+/g, ' ');
});

appTest(browser, 'the list, its filters and its search speak English', async (page) => {
  await gotoApp(page, '');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(norm(await page.locator('#geul .result-count').innerText()), '3 posts');
  assert.deepEqual(
    (await page.locator('#geul .site-nav a').allInnerTexts()).map(norm),
    ['Archives', 'Tags', 'Categories'],
  );
  const text = await interfaceText(page);
  assert.ok(!HANGUL.test(text), `no Hangul in the interface: ${text.match(HANGUL)?.index} in ${text}`);
  assert.match(norm(await page.locator('#geul article.post-card').first().innerText()), /Mar 15, 2024/);
});

appTest(browser, 'a post gives its date, reading time, contents and sharing in English', async (page) => {
  await gotoApp(page, 'posts/first-tool/', { view: 'post' });
  const info = page.locator('#geul .post-info');
  assert.deepEqual([norm(await info.locator('time').innerText()), norm(await info.locator('.reading-time').innerText())], ['Feb 1, 2024', '1 min read']);
  assert.equal(norm(await page.locator('#geul .toc summary').innerText()), 'Contents');
  assert.equal(norm(await page.locator('#geul .share__copy').innerText()), 'Copy link');
  assert.equal(await page.locator('#geul .heading-anchor').first().getAttribute('aria-label'), 'Copy the link to this section');
  assert.match(norm(await page.locator('#geul .reading-on').innerText()), /Newer post Why our tests were slow/);
  const text = await interfaceText(page);
  assert.ok(!HANGUL.test(text), `no Hangul in the interface: ${text}`);
  // The static copy of the same page, before any script: the same words.
  const context = await browser().newContext({ javaScriptEnabled: false });
  const still = await context.newPage();
  await still.goto(appUrl('posts/first-tool/'));
  assert.equal(norm(await still.locator('.post-info time').innerText()), 'Feb 1, 2024');
  assert.ok(!HANGUL.test(await interfaceText(still)));
  await context.close();
});

appTest(browser, 'the archive, the shortcuts and the not-found view are in English', async (page) => {
  await gotoApp(page, 'archives/', { view: 'overview' });
  assert.deepEqual(
    (await page.locator('#geul .archives__year > h2').allInnerTexts()).map(norm),
    ['2024 2 posts', '2023 1 post'],
  );
  assert.deepEqual(
    (await page.locator('#geul .archives h3').allInnerTexts()).map(norm),
    ['March 1 post', 'February 1 post', 'November 1 post'],
  );
  await page.locator('body').press('?');
  assert.equal(norm(await page.locator('#shortcuts h2').innerText()), 'Keyboard shortcuts');
  const text = await interfaceText(page);
  assert.ok(!HANGUL.test(text), `no Hangul in the interface: ${text}`);
  await page.keyboard.press('Escape');
  allowMissing(page, appUrl('no-such-page/'));
  await page.goto(appUrl('no-such-page/'));
  await waitForView(page, 'notFound');
  assert.ok(!HANGUL.test(norm(await page.locator('#geul main').innerText())));
});
