// After a post's text (the fixture site's build): related posts and the previous and next
// post by date, which the app follows without loading a page.

import assert from 'node:assert/strict';

import { appTest, gotoApp, norm, setMarker, assertMarker, useBrowser, waitForView } from '../helpers.mjs';

const browser = useBrowser();

appTest(browser, 'a post leads to related posts and to the one before and after it', async (page) => {
  await gotoApp(page, 'posts/first-deploy/', { view: 'post' });
  const readingOn = page.locator('#geul nav.reading-on');
  assert.equal(await readingOn.getAttribute('aria-label'), '이어 읽기');
  const related = readingOn.locator('.reading-on__related a');
  const count = await related.count();
  assert.ok(count >= 1 && count <= 3, `${count} related posts`);
  const older = readingOn.locator('.reading-on__older');
  const newer = readingOn.locator('.reading-on__newer');
  assert.match(norm(await older.innerText()), /^이전 글 /);
  assert.equal(norm(await newer.innerText()), '다음 글 Chirpy에서 옮겨 온 글');
  await setMarker(page);
  await newer.locator('a').click();
  await waitForView(page, 'post');
  assert.equal(new URL(page.url()).pathname, '/geul/posts/moving-from-chirpy/');
  await assertMarker(page, 'the app followed the link');
  assert.equal(norm(await page.locator('#geul h1.post__title').innerText()), 'Chirpy에서 옮겨 온 글');
  assert.equal(await page.locator('#geul .reading-on__newer').count(), 0, 'the newest post has no next');
});
