// Routes under the base path on a GitHub-Pages-like server: unknown paths,
// deep links and reloads, the base without its slash, where requests go.

import assert from 'node:assert/strict';

import { HOME_ORDER } from './data.mjs';
import {
  BASE_URL, appTest, appUrl, expectList, facetButton, gotoApp, gotoPost, norm, reloadApp,
  useBrowser, waitForView, watcherOf,
} from './helpers.mjs';

const browser = useBrowser();

async function checkNotFound(page, path) {
  const res = await gotoApp(page, path, { view: 'notFound', missing: true });
  assert.equal(res.status(), 404, `${path}: the server answers 404`);
  assert.equal(page.url(), appUrl(path), `${path}: stays on the address typed`);
  const heading = norm(await page.locator('main#main section.not-found h1').textContent());
  assert.ok(/[가-힣]/.test(heading), `${path}: not-found heading speaks Korean: "${heading}"`);
  assert.equal(await page.locator('main#main section.post-list').count(), 0, `${path}: no list on the not-found view`);
  assert.equal(await page.locator('main#main article.post').count(), 0, `${path}: no post on the not-found view`);
  const home = page.locator('main#main section.not-found a.home-link');
  assert.ok(await home.isVisible(), `${path}: home link visible`);
  assert.equal(new URL(await home.evaluate((a) => a.href)).pathname, new URL(BASE_URL).pathname, `${path}: home link leads to the list`);
  return home;
}

appTest(browser, 'unknown paths show the not-found view (HTTP 404) with a working home link', async (page) => {
  for (const path of ['nope', 'posts/nope/']) {
    await checkNotFound(page, path);
  }
  const home = await checkNotFound(page, 'nope/deeper');
  await home.click();
  await waitForView(page, 'home');
  assert.equal(page.url(), BASE_URL);
  await expectList(page, HOME_ORDER);
});

appTest(browser, 'the not-found view survives a reload', async (page) => {
  await checkNotFound(page, 'posts/nope/');
  await reloadApp(page, 'notFound');
  await page.locator('main#main section.not-found a.home-link').waitFor();
});

appTest(browser, 'a post deep link survives a reload', async (page) => {
  await gotoPost(page, 'kraft-technologies-first-year');
  await reloadApp(page, 'post');
  assert.equal(page.url(), appUrl('posts/kraft-technologies-first-year/'));
  assert.equal(norm(await page.locator('main#main h1.post__title').textContent()), '무척이나 힘들었던 취준을 뚫고 시작한 개발자로서의 커리어 시작의 해를 보내며');
  assert.ok(await page.locator('main#main .post__body p').count() >= 10, 'body rendered again');
});

appTest(browser, 'the base path without its slash redirects to the list', async (page) => {
  const bare = BASE_URL.slice(0, -1);
  watcherOf(page).allowedOutside.add(bare);
  const res = await page.goto(bare, { waitUntil: 'domcontentloaded' });
  assert.equal(res.request().redirectedFrom()?.url(), bare, 'redirected');
  assert.equal(page.url(), BASE_URL);
  await waitForView(page, 'home');
  await expectList(page, HOME_ORDER);
});

appTest(browser, 'every request of a visit stays under the base path and none fails', async (page) => {
  const requests = [];
  // Navigating cancels what the page still had in flight (the browser drops a
  // favicon download on a new document, a body's script still loading, and may on a
  // history change); such a cancel is not a failure a reader sees. Any other failure,
  // or a cancel that no navigation explains, is. A navigation counts from its own
  // request: the old document's loads may be reported cancelled before the new one
  // is reported committed.
  let navigations = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations += 1;
  });
  const navigationsAtStart = new Map();
  page.on('request', (r) => {
    if (r.isNavigationRequest() && r.frame() === page.mainFrame()) navigations += 1;
    navigationsAtStart.set(r, navigations);
    requests.push(r.url());
  });
  const failures = [];
  page.on('requestfailed', (r) => {
    const error = r.failure()?.errorText;
    const cancelledByNavigation = error === 'net::ERR_ABORTED' && navigations > (navigationsAtStart.get(r) ?? 0);
    if (!cancelledByNavigation) failures.push(`${r.url()} ${error}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !(r.request().isNavigationRequest() && r.status() === 404)) failures.push(`HTTP ${r.status()} ${r.url()}`);
  });

  await gotoApp(page, '');
  await facetButton(page, 'tag:MLOps').click();
  await expectList(page, ['kraft-technologies-first-year', 'kakao-mlops-interview']);
  await page.locator('main#main article.post-card[data-slug="kakao-mlops-interview"] h2.post-card__title a').click();
  await waitForView(page, 'post');
  await gotoPost(page, 'line-developer');
  await gotoApp(page, 'nope/deeper', { view: 'notFound', missing: true });
  await page.waitForLoadState('load');

  const fetched = requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.ok(fetched.some((u) => u.endsWith('.wasm')), 'the app\'s wasm was fetched (sanity check of the request log)');
  assert.deepEqual(fetched.filter((u) => !u.startsWith(BASE_URL)), [], `requests outside ${BASE_URL}`);
  assert.deepEqual(failures, [], 'failed requests');
});

appTest(browser, 'resources the document links (icon, styles, scripts, images) are under the base path', async (page) => {
  // The browser fetches some of these (the favicon) outside the page's sight,
  // so check the links themselves on the list, a post and the not-found shell.
  const outside = async () => page.evaluate((base) => {
    const urls = [];
    for (const el of document.querySelectorAll('link[href]')) {
      if (/\b(icon|stylesheet|preload|modulepreload|manifest|apple-touch-icon)\b/i.test(el.rel)) urls.push(el.href);
    }
    for (const el of document.querySelectorAll('script[src], img[src], source[src], iframe[src]')) urls.push(el.src);
    const icons = [...document.querySelectorAll('link[href]')].filter((l) => /\bicon\b/i.test(l.rel));
    return {
      outside: urls.filter((u) => !u.startsWith(base) && !u.startsWith('data:')),
      hasIcon: icons.length > 0,
    };
  }, BASE_URL);

  for (const [path, opts] of [['', {}], ['posts/line-developer/', { view: 'post', missing: true }], ['nope/deeper', { view: 'notFound', missing: true }]]) {
    await gotoApp(page, path, opts);
    const r = await outside();
    assert.deepEqual(r.outside, [], `${path || 'home'}: linked resources outside ${BASE_URL}`);
    assert.ok(r.hasIcon, `${path || 'home'}: the document names its icon (<link rel="icon">), else browsers ask for /favicon.ico outside the base path`);
  }
});

appTest(browser, 'a plain click on a link of the app stays in the app; other clicks and links go to the browser', async (page) => {
  await gotoApp(page, '');
  // Whether the app took a click on `link`, read after it had its say; the browser is
  // then kept from following the link, so the page stays to be asked again.
  const taken = (selector, init = {}, attributes = null) => page.evaluate(({ selector, init, attributes }) => {
    let link = document.querySelector(selector);
    if (attributes) {
      link = Object.assign(document.createElement('a'), { textContent: 'test link' });
      for (const [name, value] of Object.entries(attributes)) link.setAttribute(name, value);
      document.querySelector('main#main').append(link);
    }
    let prevented = null;
    const after = (event) => { prevented = event.defaultPrevented; event.preventDefault(); };
    window.addEventListener('click', after, { once: true });
    link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ...init }));
    if (attributes) link.remove();
    return prevented;
  }, { selector, init, attributes });
  const base = new URL(BASE_URL).pathname;
  const title = 'main#main article.post-card h2 a';
  for (const modifier of ['ctrlKey', 'metaKey', 'shiftKey', 'altKey']) {
    assert.equal(await taken(title, { [modifier]: true }), false, `${modifier}-click is the browser's`);
  }
  for (const href of [`${base}feed.xml`, 'https://example.com/', `${base}posts/x/#part`, '#main']) {
    assert.equal(await taken(null, {}, { href }), false, `${href} is not a view of the app`);
  }
  assert.equal(await taken(null, {}, { href: `${base}posts/x/`, target: '_blank' }), false, 'a link with a target is the browser\'s');
  assert.equal(await taken(null, {}, { href: `${base}posts/x/`, download: '' }), false, 'a download is the browser\'s');
  assert.equal(await taken(title), true, 'a plain click on a post title is the app\'s');
  await waitForView(page, 'post');
});
