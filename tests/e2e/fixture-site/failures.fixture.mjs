// What a reader sees when something fails, on the fixture site's build: the app's files do
// not arrive, JavaScript is off, or a post's body arrives damaged. The page is never blank
// and never shows garbage.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  DESKTOP, appTest, appUrl, eventually, expectProblems, norm, useBrowser, waitForView,
} from '../helpers.mjs';

const browser = useBrowser();
const NEEDS_JS = '검색은 JavaScript가 켜져 있어야 동작합니다.';

appTest(browser, 'without the wasm, the page says so with a reload link, the list stays, and search says it needs JavaScript', async (page) => {
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(appUrl(''), { waitUntil: 'domcontentloaded' });
  const notice = page.locator('#geul [role="alert"]');
  await eventually(async () => assert.match(norm(await notice.innerText()), /문제가 생겼습니다/));
  assert.equal(await notice.locator('a').getAttribute('href'), appUrl(''), 'the link reloads this page');
  assert.ok(await page.locator('#prerendered section.post-list article.post-card').count() >= 5, 'the static list stays');
  const note = page.locator('#prerendered .search__needs-js');
  assert.ok(await note.isVisible(), 'the search box says it needs JavaScript');
  assert.equal(norm(await note.innerText()), NEEDS_JS);

  // Submitting the static form reloads the list with `?q=`; it still says so, and shows the
  // notice again, rather than an unfiltered list without a word.
  await page.locator('#prerendered #search-input').fill('배포');
  await page.locator('#prerendered #search-input').press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === '배포');
  await eventually(async () => assert.ok(await page.locator('#prerendered .search__needs-js').isVisible()));
  await eventually(async () => assert.equal(await notice.count(), 1));
  expectProblems(page, /Failed to fetch|_bg\.wasm/);
});

test('without JavaScript, the static search box says it needs JavaScript and the inert mode switch is hidden', async () => {
  const context = await browser().newContext({ viewport: DESKTOP, javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(appUrl(''));
    const note = page.locator('.search__needs-js');
    assert.ok(await note.isVisible());
    assert.equal(norm(await note.innerText()), NEEDS_JS);
    assert.equal(await page.locator('.mode-switch').isVisible(), false);
    assert.ok(await page.locator('section.post-list article.post-card').count() >= 5);
  } finally {
    await context.close();
  }
});

/** Serves every body file through `damage` (bytes → bytes) until unrouted. */
const damageBodies = (page, damage) => page.route(/\/content\/[0-9a-f]{16}\.html$/, async (route) => {
  const response = await route.fetch();
  const body = await response.body();
  await route.fulfill({ response, body: damage(body) });
});

for (const [what, damage] of [
  ['cut short', (body) => body.subarray(0, body.length - 40)],
  // Same length, not UTF-8: what a proxy re-encoding the file as EUC-KR could leave.
  ['garbled', (body) => Buffer.from(body.map((byte, at) => (at % 7 === 3 ? 0xb1 : byte)))],
]) {
  appTest(browser, `a body that arrives ${what} shows the retry state, never the damaged text`, async (page) => {
    await page.goto(appUrl(''), { waitUntil: 'domcontentloaded' });
    await waitForView(page, 'home');
    await damageBodies(page, damage);
    const card = page.locator('section.post-list article.post-card').first();
    const slug = await card.getAttribute('data-slug');
    await card.locator('h2 a').click();
    const alert = page.locator('#geul article.post [role="alert"]');
    await eventually(async () => assert.match(norm(await alert.innerText()), /본문을 불러오지 못했습니다/));
    assert.match(norm(await alert.innerText()), /손상/);
    assert.equal(await page.locator('#geul .post__body').count(), 0, 'no part of the damaged body is shown');

    await page.unroute(/\/content\/[0-9a-f]{16}\.html$/);
    await alert.getByRole('button', { name: '다시 시도' }).click();
    await waitForView(page, 'post');
    assert.equal(await page.locator('#geul article.post').getAttribute('data-slug'), slug);
  });
}
