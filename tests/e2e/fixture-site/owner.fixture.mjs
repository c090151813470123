// The blog owner's settings on the fixture site's build (its site.toml): the author's
// profile at the foot of every page (picture, name, a line, links), the same on the static
// page, in the app and after moving between views, and never twice; and comments under
// posts, loaded only when the reader nears them.

import assert from 'node:assert/strict';

import {
  PHONE, appTest, appUrl, eventually, expectProblems, gotoApp, norm, scrollWidth, useBrowser,
  waitForView, watcherOf,
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

// giscus.app is not reachable from the tests: its client answers with a script that
// records what geul asked for, and makes the frame giscus would.
const GISCUS_CLIENT = `
  const asked = document.currentScript;
  window.__giscus = { ...asked.dataset };
  const frame = document.createElement('iframe');
  frame.className = 'giscus-frame';
  asked.after(frame);
`;

async function answerForGiscus(page) {
  const requested = [];
  await page.route('https://giscus.app/**', (route) => {
    requested.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/javascript', body: GISCUS_CLIENT });
  });
  watcherOf(page).allowedOutside.add('https://giscus.app/client.js');
  return requested;
}

appTest(browser, 'comments load only near the end of a post, in the reader\'s scheme', async (page) => {
  const requested = await answerForGiscus(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await gotoApp(page, 'posts/moving-from-chirpy/', { view: 'post' });
  const comments = page.locator('#geul section.comments');
  assert.equal(await comments.getAttribute('aria-label'), '댓글');
  await page.waitForTimeout(300);
  assert.deepEqual(requested, [], 'nothing from giscus at the top of the post');
  await comments.scrollIntoViewIfNeeded();
  await eventually(async () => assert.deepEqual(requested, ['https://giscus.app/client.js']));
  const asked = await page.waitForFunction(() => window.__giscus).then((handle) => handle.jsonValue());
  assert.equal(asked.repo, 'geul-fixture/comments');
  assert.equal(asked.repoId, 'R_fixture');
  assert.equal(asked.category, '댓글');
  assert.equal(asked.mapping, 'pathname');
  assert.equal(asked.lang, 'ko');
  assert.equal(asked.theme, 'dark');
  // A scheme change reaches the frame.
  await page.evaluate(() => {
    window.__messages = [];
    const frame = document.querySelector('iframe.giscus-frame');
    frame.contentWindow.postMessage = (message, origin) => window.__messages.push({ message, origin });
  });
  await page.emulateMedia({ colorScheme: 'light' });
  await eventually(async () => assert.deepEqual(
    await page.evaluate(() => window.__messages),
    [{ message: { giscus: { setConfig: { theme: 'light' } } }, origin: 'https://giscus.app' }],
  ));
});

appTest(browser, 'a post with comments: false has none', async (page) => {
  const requested = await answerForGiscus(page);
  await gotoApp(page, 'posts/interview-notes/', { view: 'post' });
  await page.locator('#geul article.post').scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForTimeout(300);
  assert.equal(await page.locator('section.comments').count(), 0);
  assert.deepEqual(requested, []);
});

// GoatCounter is not reachable from the tests either: its script answers with one that
// records each count.
const GOATCOUNTER_CLIENT = `
  window.__counted = [location.pathname];
  window.__endpoint = document.currentScript.dataset.goatcounter;
  window.goatcounter = { count: (vars) => window.__counted.push(vars.path) };
`;

appTest(browser, 'visits are counted on the first page and on the pages the app shows after it', async (page) => {
  const requested = [];
  await page.route('https://gc.zgo.at/**', (route) => {
    requested.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/javascript', body: GOATCOUNTER_CLIENT });
  });
  watcherOf(page).allowedOutside.add('https://gc.zgo.at/count.js');
  await gotoApp(page, '');
  await eventually(async () => assert.deepEqual(requested, ['https://gc.zgo.at/count.js']));
  assert.equal(await page.evaluate(() => window.__endpoint), 'https://geul-fixture.goatcounter.com/count');
  await page.locator('article.post-card[data-slug="first-deploy"] h2 a').click();
  await waitForView(page, 'post');
  await eventually(async () => assert.deepEqual(
    await page.evaluate(() => window.__counted),
    ['/geul/', '/geul/posts/first-deploy/'],
  ));
  assert.equal(requested.length, 1, 'the script loads once');
});
