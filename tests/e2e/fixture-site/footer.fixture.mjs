// The foot of every page on the fixture site's build: the author's profile from its
// site.toml (picture, name, a line, links), the same on the static page, in the app, and
// after moving between views, and never twice.

import assert from 'node:assert/strict';

import {
  PHONE, appTest, appUrl, expectProblems, gotoApp, norm, scrollWidth, useBrowser, waitForView,
} from '../helpers.mjs';

const browser = useBrowser();

const footers = (page) => page.locator('footer.site-footer');

async function expectProfile(page) {
  assert.equal(await footers(page).count(), 1, 'one foot');
  const footer = footers(page);
  assert.equal(norm(await footer.locator('.profile__name').innerText()), '기록장');
  assert.equal(norm(await footer.locator('.profile__bio').innerText()), '배운 것을 잊기 전에 적어 둡니다.');
  const avatar = footer.locator('img.profile__avatar');
  assert.deepEqual([await avatar.getAttribute('width'), await avatar.getAttribute('height')], ['48', '48']);
  await avatar.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('img.profile__avatar').complete);
  assert.ok(await avatar.evaluate((img) => img.naturalWidth === 48), 'the avatar loads');
  const links = footer.getByRole('list', { name: '글쓴이 연락처' }).getByRole('link');
  assert.deepEqual(await links.allInnerTexts(), ['GitHub', '이메일', 'RSS']);
  assert.equal(await links.nth(0).getAttribute('href'), 'https://github.com/geul-fixture');
  assert.equal(await links.nth(1).getAttribute('href'), 'mailto:writer@example.com');
  assert.equal(await links.nth(2).evaluate((a) => a.href), appUrl('feed.xml'));
}

appTest(browser, 'the profile is at the foot of the list, before and after the app takes over', async (page) => {
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(appUrl(''), { waitUntil: 'load' });
  await expectProfile(page);
  expectProblems(page, /Failed to fetch|_bg\.wasm/);
  await page.unroute('**/*.wasm');
  await gotoApp(page, '');
  await expectProfile(page);
  // The foot follows the view the app shows.
  const main = await page.locator('#geul main').boundingBox();
  const foot = await footers(page).boundingBox();
  assert.ok(foot.y >= main.y + main.height, `${JSON.stringify({ main, foot })}`);
});

appTest(browser, 'the profile stays at the foot of a post reached in the app', async (page) => {
  await gotoApp(page, '');
  await page.locator('article.post-card h2 a').first().click();
  await waitForView(page, 'post');
  await expectProfile(page);
});

appTest(browser, 'on a phone the foot fits the screen', async (page) => {
  await gotoApp(page, '');
  await expectProfile(page);
  assert.ok(await scrollWidth(page) <= PHONE.width, 'no sideways scrolling');
}, { viewport: PHONE });
