// The site as GitHub Pages publishes it: a static page per post, tag and category
// (readable without JavaScript, taken over by the app without a second fetch),
// the 404 page, the assets they name, the Atom feed, the sitemap and robots.txt.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { ALL_FACETS, HOME_ORDER, POSTS, shownFor, splitFacet } from './data.mjs';
import {
  BASE_URL, appTest, appUrl, expectList, facetButton, gotoApp, norm, useBrowser, viewState,
  waitForView,
} from './helpers.mjs';

const browser = useBrowser();

// The published address and name the build writes into pages (the demo site's site.toml).
const SITE_TOML = readFileSync(new URL('../demo-site/site.toml', import.meta.url), 'utf8');
const tomlString = (key) => new RegExp(`^${key}\\s*=\\s*"([^"]*)"`, 'm').exec(SITE_TOML)?.[1];
const SITE_URL = tomlString('base_url').replace(/\/?$/, '/');
const SITE_NAME = tomlString('title');

// Static list pages: the home page and one per tag / category (slug: lowercased, Hangul
// kept), each loaded by its percent-encoded URL (tags/%EC%9D%B4%EC%A7%81/).
const dirOf = (kind) => (kind === 'tag' ? 'tags' : 'categories');
const FACET_PAGES = ALL_FACETS.map((facet) => {
  const [kind, value] = splitFacet(facet);
  const slug = value.toLowerCase();
  return { facet, kind, value, slug, path: `${dirOf(kind)}/${encodeURIComponent(slug)}/`, slugs: shownFor([facet], 'or') };
});
const LIST_PAGES = [{ facet: null, path: '', slugs: HOME_ORDER }, ...FACET_PAGES];
const MISSING = ['nope/', 'posts/nope/', 'tags/nope/', 'categories/nope/'];

/** GET from node (no browser, no JavaScript). */
async function raw(path) {
  const res = await fetch(new URL(path, BASE_URL));
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

/** What a crawler reads in a page's HTML (parsed in the browser, scripts not run). */
const readHtml = (page, html) => page.evaluate((src) => {
  const doc = new DOMParser().parseFromString(src, 'text/html');
  const all = (sel) => [...doc.querySelectorAll(sel)];
  const attrs = (sel, name) => all(sel).map((e) => e.getAttribute(name));
  const prop = (p) => attrs(`meta[property="${p}"]`, 'content');
  const text = (e) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const mount = doc.getElementById('geul');
  const modules = all('script[type="module"]:not([src])').flatMap((s) => [
    ...s.textContent.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|module_or_path\s*:\s*)['"]([^'"]+)['"]/g),
  ].map((m) => m[1]));
  return {
    title: doc.title,
    descriptions: attrs('meta[name="description"]', 'content'),
    canonical: attrs('link[rel="canonical"]', 'href').map((u) => new URL(u).href),
    feeds: attrs('link[rel="alternate"][type="application/atom+xml"]', 'href'),
    og: Object.fromEntries(['title', 'description', 'url', 'type'].map((k) => [k, prop(`og:${k}`)])),
    ogUrl: prop('og:url').map((u) => new URL(u).href),
    published: prop('article:published_time'),
    tags: prop('article:tag'),
    mountThenPrerendered: !!mount && mount.childNodes.length === 0 && mount.nextElementSibling?.id === 'prerendered',
    posts: all('#prerendered article.post').map((a) => ({
      slug: a.dataset.slug, bodyPath: a.getAttribute('data-body-path'), title: text(a.querySelector('h1.post__title')),
    })),
    body: text(doc.querySelector('#prerendered article.post .post__body')),
    cards: all('#prerendered article.post-card').map((a) => a.dataset.slug),
    notFound: text(doc.querySelector('#prerendered section.not-found h1')),
    homeLink: doc.querySelector('#prerendered section.not-found a.home-link')?.getAttribute('href') ?? null,
    base: doc.querySelector('base[href]')?.getAttribute('href') ?? null,
    assets: [...attrs('script[src]', 'src'), ...attrs('link[href]', 'href'), ...attrs('img[src]', 'src'), ...modules],
    anchors: attrs('a[href]', 'href'),
  };
}, html);

// ---------------------------------------------------------------------------
// Post pages

for (const post of POSTS) {
  const path = `posts/${post.slug}/`;

  appTest(browser, `post page ${path}: HTTP 200 on load and reload, one post, body not fetched again`, async (page) => {
    const fetched = []; // requests for post bodies (content/*.html)
    page.on('request', (req) => { if (/\/content\/[^/]+\.html(?:$|\?)/.test(req.url())) fetched.push(req.url()); });
    const check = async (what) => {
      assert.equal(await page.locator('article.post').count(), 1, `${what}: exactly one article.post`);
      const h1s = (await page.locator('h1').allTextContents()).map(norm);
      assert.deepEqual(h1s, [post.title], `${what}: one h1, the post title`);
      assert.ok((await page.title()).includes(post.title), `${what}: document.title "${await page.title()}"`);
      assert.ok(norm(await page.locator('#geul article.post .post__body').textContent()).includes(norm(post.firstText)), `${what}: body shown`);
    };
    const res = await gotoApp(page, path, { view: 'post' });
    assert.equal(res.status(), 200, 'direct load');
    await check('after load');
    const again = await page.reload({ waitUntil: 'domcontentloaded' });
    assert.equal(again.status(), 200, 'reload');
    await waitForView(page, 'post');
    assert.equal(page.url(), appUrl(path));
    await check('after reload');
    await page.waitForLoadState('load');
    assert.deepEqual(fetched, [], 'the app takes the body from the static page instead of fetching content/*.html');
  });
}

appTest(browser, 'post pages carry title, description, canonical, Open Graph and the body in their HTML', async (page) => {
  for (const post of POSTS) {
    const path = `posts/${post.slug}/`;
    const res = await raw(path);
    assert.equal(res.status, 200, path);
    const h = await readHtml(page, res.text);
    const url = `${SITE_URL}${path}`;
    assert.equal(h.title, `${post.title} · ${SITE_NAME}`, `${path}: <title>`);
    // (That it is the only meta description is checked below, for every page.)
    const own = h.descriptions.find((d) => norm(d).includes(norm(post.firstText).slice(0, 12)));
    assert.ok(own, `${path}: a meta description with the post's excerpt: ${JSON.stringify(h.descriptions)}`);
    assert.deepEqual(h.canonical, [url], `${path}: canonical`);
    assert.deepEqual({ ...h.og, url: h.ogUrl }, { title: [post.title], description: [own], url: [url], type: ['article'] }, `${path}: Open Graph`);
    assert.deepEqual(h.published.map((d) => d.slice(0, 10)), post.date ? [post.date] : [], `${path}: article:published_time (none if undated)`);
    assert.deepEqual([...h.tags].sort(), [...post.tags].sort(), `${path}: article:tag`);
    assert.deepEqual(h.feeds, [`${SITE_URL}feed.xml`], `${path}: feed link`);
    assert.ok(h.mountThenPrerendered, `${path}: empty <div id="geul"> followed by #prerendered`);
    assert.equal(h.posts.length, 1, `${path}: one article.post`);
    assert.match(h.posts[0].bodyPath ?? '', /^content\/[0-9a-f]+\.html$/, `${path}: data-body-path`);
    assert.deepEqual({ ...h.posts[0], bodyPath: null }, { slug: post.slug, title: post.title, bodyPath: null }, `${path}: data-slug, h1.post__title`);
    assert.ok(h.body.includes(norm(post.firstText)), `${path}: first paragraph in .post__body`);
  }
});

appTest(browser, 'every page has exactly one meta description (crawlers read the first one)', async (page) => {
  const extra = [];
  for (const path of [...LIST_PAGES.map((l) => l.path), ...POSTS.map((p) => `posts/${p.slug}/`)]) {
    const h = await readHtml(page, (await raw(path)).text);
    const short = h.descriptions.map((d) => (d.length > 24 ? `${d.slice(0, 24)}…` : d));
    if (short.length !== 1) extra.push(`${decodeURIComponent(path) || 'home'}: ${JSON.stringify(short)}`);
  }
  assert.deepEqual(extra, [], 'pages with more or fewer than one <meta name="description">');
});

test('without JavaScript, post pages and the 404 page are readable', { timeout: 60_000 }, async () => {
  const context = await browser().newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    for (const post of POSTS) {
      const res = await page.goto(appUrl(`posts/${post.slug}/`));
      assert.equal(res.status(), 200);
      assert.equal(await page.locator('#prerendered').count(), 1, 'the static copy is what a reader sees');
      assert.ok(await page.locator('h1.post__title', { hasText: post.title }).isVisible(), `${post.slug}: title visible`);
      assert.ok(await page.locator('.post__body').getByText(post.firstText).first().isVisible(), `${post.slug}: first paragraph visible`);
    }
    const res = await page.goto(appUrl('nope/'));
    assert.equal(res.status(), 404);
    assert.ok(await page.locator('section.not-found h1').isVisible(), 'not-found heading visible');
    assert.ok(await page.locator('section.not-found a.home-link').isVisible(), 'home link visible');
  } finally {
    await context.close();
  }
});

// ---------------------------------------------------------------------------
// List pages: home, tags, categories

for (const list of LIST_PAGES) {
  const name = list.path ? decodeURIComponent(list.path) : 'home';

  appTest(browser, `list page ${name}: HTTP 200 on load and reload, HTML and app list the same posts once`, async (page) => {
    const res = await raw(list.path);
    assert.equal(res.status, 200, 'raw GET');
    const h = await readHtml(page, res.text);
    assert.deepEqual(h.cards, list.slugs, 'article.post-card[data-slug] in the HTML');
    assert.ok(h.mountThenPrerendered, 'empty <div id="geul"> followed by #prerendered');
    assert.deepEqual(h.canonical, [`${SITE_URL}${list.path}`], 'canonical');
    assert.deepEqual(h.ogUrl, h.canonical, 'og:url');
    assert.equal(h.og.description.length, 1, 'og:description');
    assert.ok(h.descriptions.includes(h.og.description[0]), 'og:description is the meta description');
    assert.deepEqual(h.og.type, ['website'], 'og:type');
    assert.equal(h.og.title.length, 1, 'og:title');
    assert.ok(h.title.includes(SITE_NAME), `<title> "${h.title}"`);
    if (list.facet) assert.ok(h.title.includes(list.value), `<title> "${h.title}" names ${list.value}`);
    assert.deepEqual(h.feeds, [`${SITE_URL}feed.xml`], 'feed link (rel=alternate, Atom)');

    for (const step of ['load', 'reload']) {
      const r = step === 'load' ? await gotoApp(page, list.path) : await page.reload({ waitUntil: 'domcontentloaded' });
      assert.equal(r.status(), 200, `${step}: status`);
      await waitForView(page, 'home');
      assert.equal(page.url(), appUrl(list.path), `${step}: stays on the page`);
      await expectList(page, list.slugs);
      assert.equal(await page.locator('article.post-card').count(), list.slugs.length, `${step}: no duplicate cards in the document`);
      assert.equal(await page.locator('section.post-list').count(), 1, `${step}: one list`);
      if (list.facet) {
        assert.equal(await facetButton(page, list.facet).getAttribute('aria-pressed'), 'true', `${step}: ${list.facet} pressed`);
        assert.deepEqual((await viewState(page)).pressed, [list.facet], `${step}: only ${list.facet} pressed`);
      }
    }
  });
}

appTest(browser, 'a filter in the query string survives a reload', async (page) => {
  const want = shownFor(['tag:MLOps'], 'and');
  assert.equal(want.length, 2);
  const res = await gotoApp(page, '?tags=MLOps&mode=and');
  assert.equal(res.status(), 200);
  await expectList(page, want);
  const again = await page.reload({ waitUntil: 'domcontentloaded' });
  assert.equal(again.status(), 200);
  await waitForView(page, 'home');
  await expectList(page, want);
  assert.equal(await facetButton(page, 'tag:MLOps').getAttribute('aria-pressed'), 'true');
});

// ---------------------------------------------------------------------------
// Missing paths, redirects

appTest(browser, 'missing paths answer 404 with the not-found view, also in the raw HTML', async (page) => {
  for (const path of MISSING) {
    const res = await gotoApp(page, path, { view: 'notFound', missing: true });
    assert.equal(res.status(), 404, `${path}: status`);
    const heading = norm(await page.locator('main#main section.not-found h1').textContent());
    const home = page.locator('main#main section.not-found a.home-link');
    assert.ok(await home.isVisible(), `${path}: home link`);
    assert.equal(await home.evaluate((a) => a.href), BASE_URL, `${path}: home link target`);

    const r = await raw(path);
    assert.equal(r.status, 404, `${path}: raw status`);
    const h = await readHtml(page, r.text);
    assert.equal(h.notFound, heading, `${path}: the raw 404 HTML says the same as the app`);
    assert.ok(h.homeLink, `${path}: the raw 404 HTML links home`);
    assert.equal(new URL(h.homeLink, new URL(h.base ?? '', appUrl(path))).href, BASE_URL, `${path}: raw home link target`);
  }
});

appTest(browser, 'a post path without its slash redirects (301) to the post page; index.html shows the list', async (page) => {
  const bare = appUrl('posts/line-developer');
  const res = await page.goto(bare, { waitUntil: 'domcontentloaded' });
  const first = res.request().redirectedFrom();
  assert.equal(first?.url(), bare, 'redirected from the bare path');
  assert.equal((await first.response()).status(), 301, 'permanent redirect');
  assert.equal(res.status(), 200);
  assert.equal(page.url(), appUrl('posts/line-developer/'));
  await waitForView(page, 'post');
  assert.equal(norm(await page.locator('h1.post__title').textContent()), POSTS.find((p) => p.slug === 'line-developer').title);

  const idx = await gotoApp(page, 'index.html');
  assert.equal(idx.status(), 200);
  await expectList(page, HOME_ORDER);
});

// ---------------------------------------------------------------------------
// Assets and links named by every generated page

appTest(browser, 'every script, stylesheet, icon, image and internal link of every page resolves under the base path', async (page) => {
  const pages = [...LIST_PAGES.map((l) => l.path), ...POSTS.map((p) => `posts/${p.slug}/`), '404.html', 'nope/deeper/'];
  const origin = new URL(BASE_URL).origin;
  const assets = new Map();
  const anchors = new Map();
  for (const path of pages) {
    const r = await raw(path);
    assert.equal(r.status, path.startsWith('nope') ? 404 : 200, path);
    const h = await readHtml(page, r.text);
    const docBase = new URL(h.base ?? '', appUrl(path));
    for (const [refs, into] of [[h.assets, assets], [h.anchors, anchors]]) {
      for (const ref of refs) {
        const url = new URL(ref, docBase);
        url.hash = '';
        if (url.origin === origin && !into.has(url.href)) into.set(url.href, path || 'home');
      }
    }
  }
  assert.ok([...assets.keys()].some((u) => u.endsWith('.wasm')), 'the wasm is among the assets found (sanity check)');
  const bad = [];
  for (const [url, from] of [...assets, ...anchors]) {
    if (!url.startsWith(BASE_URL)) { bad.push(`${url} (from ${from}) is outside ${BASE_URL}`); continue; }
    const r = await fetch(url, { redirect: assets.has(url) ? 'manual' : 'follow' });
    if (r.status !== 200) bad.push(`${url} (from ${from}) answers ${r.status}`);
    await r.arrayBuffer();
  }
  assert.deepEqual(bad, [], 'unresolved or outside references');
});

// ---------------------------------------------------------------------------
// Feed, sitemap, robots.txt

/** Strict RFC 3339 date-time (a real calendar date and time). */
function isRfc3339(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.exec(s ?? '');
  if (!m) return false;
  const [y, mo, d, h, mi, se] = m.slice(1, 7).map(Number);
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, se));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
    && t.getUTCHours() === h && t.getUTCMinutes() === mi && t.getUTCSeconds() === se && !Number.isNaN(Date.parse(s));
}

appTest(browser, 'feed.xml is an Atom feed of the five posts', async (page) => {
  const res = await raw('feed.xml');
  assert.equal(res.status, 200);
  assert.match(res.type, /xml/, `content type ${res.type}`);
  const feed = await page.evaluate((src) => {
    const doc = new DOMParser().parseFromString(src, 'application/xml');
    const ns = 'http://www.w3.org/2005/Atom';
    const root = doc.documentElement;
    const kids = (el, name) => [...el.children].filter((c) => c.namespaceURI === ns && c.localName === name);
    const one = (el, name) => kids(el, name)[0]?.textContent.trim() ?? null;
    return {
      error: doc.getElementsByTagName('parsererror').length > 0 ? root.textContent.slice(0, 300) : null,
      root: [root.namespaceURI, root.localName],
      title: one(root, 'title'), id: one(root, 'id'), updated: one(root, 'updated'),
      entries: kids(root, 'entry').map((e) => ({
        title: one(e, 'title'), id: one(e, 'id'), updated: one(e, 'updated'), published: one(e, 'published'), summary: one(e, 'summary'),
        links: kids(e, 'link').filter((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate').map((l) => l.getAttribute('href')),
        contentText: new DOMParser().parseFromString(one(e, 'content') ?? '', 'text/html').body.textContent.replace(/\s+/g, ' ').trim(),
        terms: kids(e, 'category').map((c) => c.getAttribute('term')),
      })),
    };
  }, res.text);
  assert.equal(feed.error, null, 'feed.xml parses as XML');
  assert.deepEqual(feed.root, ['http://www.w3.org/2005/Atom', 'feed']);
  assert.ok(feed.title && feed.id, 'feed title and id');
  assert.ok(isRfc3339(feed.updated), `feed updated "${feed.updated}" is RFC 3339`);
  assert.deepEqual(feed.entries.map((e) => e.title).sort(), POSTS.map((p) => p.title).sort(), 'entry titles');
  for (const post of POSTS) {
    const e = feed.entries.find((x) => x.title === post.title);
    assert.deepEqual(e.links, [`${SITE_URL}posts/${post.slug}/`], `${post.slug}: link`);
    assert.ok(e.id, `${post.slug}: id`);
    assert.ok(isRfc3339(e.updated), `${post.slug}: updated "${e.updated}" is RFC 3339`);
    assert.ok(Date.parse(e.updated) <= Date.parse(feed.updated), `${post.slug}: entry updated after the feed's`);
    if (e.published !== null) assert.ok(isRfc3339(e.published), `${post.slug}: published "${e.published}"`);
    if (post.date) {
      // The day a reader sees on the page, in UTC or in Korea (UTC+9).
      const days = [0, 9].map((h) => new Date(Date.parse(e.published ?? e.updated) + h * 3_600_000).toISOString().slice(0, 10));
      assert.ok(days.includes(post.date), `${post.slug}: feed date ${e.published ?? e.updated} vs ${post.date}`);
    }
    assert.ok(e.summary, `${post.slug}: summary`);
    assert.ok(e.contentText.includes(norm(post.firstText)), `${post.slug}: content (with the first paragraph)`);
    assert.deepEqual([...e.terms].sort(), [...post.tags, ...post.categories].sort(), `${post.slug}: category terms`);
  }
});

appTest(browser, 'sitemap.xml lists every page, robots.txt names it', async (page) => {
  const res = await raw('sitemap.xml');
  assert.equal(res.status, 200);
  const map = await page.evaluate((src) => {
    const doc = new DOMParser().parseFromString(src, 'application/xml');
    const ns = 'http://www.sitemaps.org/schemas/sitemap/0.9';
    return {
      error: doc.getElementsByTagName('parsererror').length > 0,
      root: [doc.documentElement.namespaceURI, doc.documentElement.localName],
      locs: [...doc.getElementsByTagNameNS(ns, 'loc')].map((l) => l.textContent.trim()),
    };
  }, res.text);
  assert.equal(map.error, false, 'sitemap.xml parses as XML');
  assert.deepEqual(map.root, ['http://www.sitemaps.org/schemas/sitemap/0.9', 'urlset']);
  for (const loc of map.locs) assert.ok(loc.startsWith(SITE_URL), `${loc} is under ${SITE_URL}`);
  const paths = map.locs.map((l) => decodeURIComponent(l.slice(SITE_URL.length)));
  const want = ['', ...POSTS.map((p) => `posts/${p.slug}/`), ...FACET_PAGES.map((f) => `${dirOf(f.kind)}/${f.slug}/`),
    'archives/', 'tags/', 'categories/'];
  assert.deepEqual([...paths].sort(), [...want].sort(), 'sitemap pages');
  for (const loc of map.locs) assert.equal((await raw(loc.slice(SITE_URL.length))).status, 200, `${loc} exists in the build`);

  const robots = await raw('robots.txt');
  assert.equal(robots.status, 200);
  assert.match(robots.text, new RegExp(`^Sitemap:\\s*${SITE_URL.replace(/[.?*+^$()[\]{}|\\/]/g, '\\$&')}sitemap\\.xml\\s*$`, 'mi'), 'robots.txt names the sitemap');
  const home = await readHtml(page, (await raw('')).text);
  assert.deepEqual(home.feeds, [`${SITE_URL}feed.xml`], 'the home page links the feed');
});
