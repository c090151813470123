// A build of the fixture site that panics on purpose whenever a post is shown (the app's
// `panic-on-purpose` feature). A panic traps the wasm; the reader must get a notice with a
// way to reload, never a blank page.

import assert from 'node:assert/strict';

import { appTest, appUrl, eventually, expectProblems, norm, useBrowser, waitForView } from '../helpers.mjs';

const browser = useBrowser();
const notice = (page) => page.locator('#geul [role="alert"]');

/** What the reader can read on the page. */
const visibleText = (page) => page.evaluate(() => document.body.innerText.trim());

appTest(browser, 'a panic after the app took over replaces the view with a notice and a reload link', async (page) => {
  await page.goto(appUrl(''), { waitUntil: 'domcontentloaded' });
  await waitForView(page, 'home');
  const card = page.locator('section.post-list article.post-card').first();
  const slug = await card.getAttribute('data-slug');
  await card.locator('h2 a').click();
  await eventually(async () => assert.match(norm(await notice(page).innerText()), /문제가 생겼습니다/));
  assert.ok(await notice(page).isVisible());
  const link = notice(page).getByRole('link', { name: '새로 고침' });
  assert.equal(await link.getAttribute('href'), page.url(), 'the link reloads the address shown');
  assert.ok(page.url().endsWith(`posts/${encodeURIComponent(slug)}/`), page.url());
  assert.ok((await visibleText(page)).length > 0, 'the page is not blank');
  expectProblems(page, /unreachable/i);
});

appTest(browser, 'a panic while the app takes over a post page keeps the static post and adds the notice', async (page) => {
  await page.goto(appUrl('posts/first-deploy/'), { waitUntil: 'domcontentloaded' });
  await eventually(async () => assert.ok(await notice(page).isVisible()));
  assert.equal(
    norm(await page.locator('#prerendered h1.post__title').innerText()),
    '첫 배포를 마치고 남기는 회고',
    'the static copy of the post is still there to read',
  );
  assert.ok(await page.locator('#prerendered .post__body p').first().isVisible());
  expectProblems(page, /unreachable/i);
});
