// The blog, whatever `posts/` holds (none, one or hundreds of posts): every page the sitemap
// lists answers 200 with its title and shows it once the app has taken over; the feed and
// the sitemaps are well-formed XML; no request fails and nothing is logged as an error
// (`appTest` fails a test on either). The engine's own behaviour is tested on the demo site.

import assert from 'node:assert/strict';

import { allowMissing, appTest, appUrl, useBrowser } from '../helpers.mjs';

const browser = useBrowser();

/** Parses `url` as XML in the page; fails on anything but a well-formed document. */
async function xmlAt(page, path) {
  const response = await page.request.get(appUrl(path));
  assert.equal(response.status(), 200, `${path} answers`);
  const text = await response.text();
  const parsed = await page.evaluate((text) => {
    const xml = new DOMParser().parseFromString(text, 'application/xml');
    const error = xml.querySelector('parsererror');
    return {
      error: error?.textContent ?? null,
      root: xml.documentElement.localName,
      locs: [...xml.getElementsByTagName('loc')].map((loc) => loc.textContent),
      entries: xml.getElementsByTagName('entry').length,
    };
  }, text);
  assert.equal(parsed.error, null, `${path} is well-formed XML`);
  return parsed;
}

/** Every page the sitemaps list, as paths below the served base. */
async function listedPages(page) {
  const sitemap = await xmlAt(page, 'sitemap.xml');
  const urls = [];
  if (sitemap.root === 'sitemapindex') {
    for (const part of sitemap.locs) urls.push(...(await xmlAt(page, new URL(part).pathname.split('/').pop())).locs);
  } else {
    urls.push(...sitemap.locs);
  }
  return urls.map((url) => {
    const path = new URL(url).pathname;
    return path.slice(path.indexOf('/', 1) + 1);
  });
}

appTest(browser, 'every page the sitemap lists answers 200 with its title, and the app shows it', async (page) => {
  const pages = await listedPages(page);
  assert.ok(pages.includes(''), 'the list is in the sitemap');
  for (const path of pages) {
    const response = await page.goto(appUrl(path), { waitUntil: 'domcontentloaded' });
    assert.equal(response.status(), 200, path);
    const title = await page.title();
    assert.ok(title.trim().length > 0, `${path} has a title`);
    await page.waitForFunction(
      () => !document.getElementById('prerendered') && !!document.querySelector('#geul main#main'),
    );
    if (path.startsWith('posts/')) {
      // The post's own title heads its page and its document title.
      const heading = (await page.locator('#geul h1.post__title').textContent()).trim();
      assert.ok(heading.length > 0 && title.startsWith(heading), `${path}: "${heading}" in "${title}"`);
      await page.waitForSelector('#geul .post__body');
    } else if (['archives/', 'tags/', 'categories/'].includes(path)) {
      // A site-wide page: its heading heads its document title, and it lists what the
      // build wrote for it.
      const heading = (await page.locator('#geul h1.overview__title').textContent()).trim();
      assert.ok(heading.length > 0 && title.startsWith(heading), `${path}: "${heading}" in "${title}"`);
      await page.waitForSelector('#geul .overview__body');
    } else {
      // The list, a tag's or a category's: it says how many posts it shows.
      assert.match(await page.locator('#geul .result-count').textContent(), /\d/, path);
    }
  }
}, { timeout: 600_000 });

appTest(browser, 'the feed is a well-formed Atom feed, and an unknown address answers 404', async (page) => {
  const feed = await xmlAt(page, 'feed.xml');
  assert.equal(feed.root, 'feed');
  const posts = (await listedPages(page)).filter((path) => path.startsWith('posts/')).length;
  assert.ok(feed.entries <= posts, `${feed.entries} entries for ${posts} posts`);
  if (posts > 0) assert.ok(feed.entries > 0, 'a blog with posts has entries');
  const robots = await page.request.get(appUrl('robots.txt'));
  assert.equal(robots.status(), 200);
  allowMissing(page, appUrl('no-such-page/'));
  const missing = await page.goto(appUrl('no-such-page/'), { waitUntil: 'domcontentloaded' });
  assert.equal(missing.status(), 404);
  await page.waitForSelector('#geul section.not-found h1');
});
