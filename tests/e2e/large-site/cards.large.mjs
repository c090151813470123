// The generated 150-post site has more posts than the app embeds cards for (the first 64):
// the others come in card chunks. These tests check that a reader never notices: static
// pages are taken over with the same cards, posts open by deep link and from inside the app,
// and a card on its way shows a placeholder that its card replaces.

import assert from 'node:assert/strict';

import {
  BASE_URL, DESKTOP, PHONE, afterOneKeystroke, appTest, appUrl, eventually, gotoApp, useBrowser,
  waitForView, watcherOf,
} from '../helpers.mjs';

const browser = useBrowser();
const EMBEDDED = 64;
const cards = (page) => page.locator('section.post-list article.post-card');
const loading = (page) => page.locator('section.post-list article.post-card--loading');
const cardSlugs = (page) => cards(page).evaluateAll((all) => all.map((card) => card.dataset.slug));

/** The page's HTML as the server sends it (no JavaScript). */
const raw = async (path) => (await fetch(new URL(path, BASE_URL))).text();

/** The posts a static page says it shows (`data-posts`), and the slugs of its cards. */
async function staticView(path) {
  const html = await raw(path);
  const posts = (/id="prerendered" data-posts="([^"]*)"/.exec(html)?.[1] ?? '')
    .split(',').filter(Boolean).map(Number);
  // A card's `<article>`, its attributes in any order.
  const slugs = [...html.matchAll(/<article ([^>]*)>/g)]
    .map((m) => m[1])
    .filter((attributes) => /\bclass="post-card( [^"]*)?"/.test(attributes))
    .map((attributes) => /\bdata-slug="([^"]+)"/.exec(attributes)[1]);
  return { posts, slugs };
}

/** A tag page (from the sitemap) that lists posts whose cards are not embedded. */
async function tagPageBeyondTheEmbeddedCards() {
  const sitemap = await raw('sitemap.xml');
  const tagPages = [...sitemap.matchAll(/<loc>[^<]*?\/(tags\/[^<]+\/)<\/loc>/g)].map((m) => m[1]);
  for (const path of tagPages) {
    const view = await staticView(path);
    if (view.posts.some((post) => post >= EMBEDDED)) return { path, ...view };
  }
  throw new Error('no tag page lists a post beyond the embedded cards');
}

/** Counts the card chunks the page fetches, and records whether a placeholder ever showed. */
async function watchCards(page) {
  const fetched = [];
  page.on('request', (request) => {
    if (/\/content\/cards-[0-9a-f]{16}\.bin$/.test(request.url())) fetched.push(request.url());
  });
  await page.addInitScript(() => {
    window.__placeholderSeen = false;
    new MutationObserver(() => {
      if (document.querySelector('.post-card--loading')) window.__placeholderSeen = true;
    }).observe(document, { childList: true, subtree: true });
  });
  return fetched;
}

/**
 * Waits until a search typed into the box has paused: the address has it and the whole first
 * page of results is shown with every card (while typing only the first few cards are, and
 * the page grows below them at the pause).
 */
async function untilTypingPaused(page, { timeout } = {}) {
  await eventually(async () => {
    const count = /글 (\d+)개 \(전체 150개 중\)/.exec(await page.locator('p.result-count').innerText());
    assert.ok(count, 'the search applies');
    assert.match(page.url(), /[?&]q=/, 'the address has the search');
    assert.equal(await cards(page).count(), Math.min(Number(count[1]), 10), 'the first page of results is shown');
    assert.equal(await loading(page).count(), 0, 'every result card arrived');
  }, { timeout });
}

appTest(browser, 'a tag page listing posts beyond the embedded cards is taken over with the same cards, no placeholder', async (page) => {
  const tag = await tagPageBeyondTheEmbeddedCards();
  const fetched = await watchCards(page);
  await gotoApp(page, tag.path);
  assert.deepEqual(await cardSlugs(page), tag.slugs, 'the app shows the cards the static page showed');
  assert.equal(await page.evaluate(() => window.__placeholderSeen), false, 'the cards came before the takeover');
  assert.ok(fetched.length > 0, 'some cards came from a chunk');
  assert.equal(new Set(fetched).size, fetched.length, 'each chunk fetched once');
});

appTest(browser, 'the oldest post, far beyond the embedded cards, opens by deep link and reload', async (page) => {
  const home = await staticView('');
  assert.equal(home.posts.length, 10);
  const sitemap = await raw('sitemap.xml');
  const postPaths = [...sitemap.matchAll(/<loc>[^<]*?\/(posts\/[^<]+\/)<\/loc>/g)].map((m) => m[1]);
  // The sitemap lists posts in the display order; the last is the oldest.
  const oldest = postPaths.at(-1);
  assert.deepEqual((await staticView(oldest)).posts, [149]);
  const fetched = await watchCards(page);
  await gotoApp(page, oldest, { view: 'post' });
  assert.equal(await page.locator('main#main article.post').count(), 1);
  const title = await page.locator('h1.post__title').innerText();
  assert.ok(title.length > 0);
  assert.equal(fetched.length, 1, 'its card chunk, once');
  await page.reload();
  await waitForView(page, 'post');
  assert.equal(await page.locator('h1.post__title').innerText(), title);
});

appTest(browser, 'a post reached inside the app before its card is here is loaded from the server', async (page) => {
  await gotoApp(page, '');
  const sitemap = await raw('sitemap.xml');
  const oldest = [...sitemap.matchAll(/<loc>[^<]*?\/(posts\/[^<]+\/)<\/loc>/g)].map((m) => m[1]).at(-1);
  // As a link inside a post's body would: an address of the app's own, no card for it yet.
  const reloaded = page.waitForEvent('load');
  await page.evaluate((url) => {
    history.pushState(null, '', url);
    dispatchEvent(new PopStateEvent('popstate'));
  }, appUrl(oldest));
  await reloaded;
  await waitForView(page, 'post');
  assert.equal(page.url(), appUrl(oldest));
  assert.equal(await page.locator('main#main article.post').count(), 1);
  assert.notEqual(await page.locator('h1.post__title').innerText(), '');
});

appTest(browser, 'a link to a post whose card is not here is followed by the browser, to the post', async (page) => {
  await gotoApp(page, '');
  const sitemap = await raw('sitemap.xml');
  const oldest = [...sitemap.matchAll(/<loc>[^<]*?\/(posts\/[^<]+\/)<\/loc>/g)].map((m) => m[1]).at(-1);
  // A link as a post's body has it: plain, to an address of the app's own.
  await page.evaluate((href) => {
    const link = document.createElement('a');
    link.href = href;
    link.id = 'to-oldest';
    link.textContent = '가장 오래된 글';
    document.querySelector('main#main').prepend(link);
  }, new URL(appUrl(oldest)).pathname);
  const loaded = page.waitForEvent('load');
  await page.click('#to-oldest');
  await loaded;
  await waitForView(page, 'post');
  assert.equal(page.url(), appUrl(oldest));
  assert.notEqual(await page.locator('h1.post__title').innerText(), '');
});

appTest(browser, 'search results beyond the embedded cards show a placeholder until their card arrives', async (page) => {
  const fetched = await watchCards(page);
  const sitemap = await raw('sitemap.xml');
  // The sitemap lists the posts in the display order: the first 64 have embedded cards.
  const embedded = [...sitemap.matchAll(/<loc>[^<]*?\/posts\/([^<]+)\/<\/loc>/g)]
    .map((m) => decodeURIComponent(m[1])).slice(0, EMBEDDED);
  await gotoApp(page, '');
  await page.getByRole('searchbox', { name: '검색' }).pressSequentially('카카오');
  await untilTypingPaused(page);
  assert.equal(await page.evaluate(() => window.__placeholderSeen), true, 'placeholders stood in meanwhile');
  const slugs = await cardSlugs(page);
  assert.ok(slugs.every(Boolean), slugs.join(' '));
  assert.ok(slugs.some((slug) => !embedded.includes(slug)), 'some results are beyond the embedded cards');
  assert.ok(fetched.length > 0, 'their cards came from chunks');
  assert.equal(new Set(fetched).size, fetched.length, 'each chunk fetched once');
  // A card from a chunk links to its post, which opens with the card's title.
  const fromChunk = page.locator(`section.post-list article.post-card[data-slug="${slugs.find((slug) => !embedded.includes(slug))}"]`);
  const title = await fromChunk.locator('h2 a').innerText();
  await fromChunk.locator('h2 a').click();
  await waitForView(page, 'post');
  assert.equal(await page.locator('h1.post__title').innerText(), title);
});

for (const [device, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  appTest(browser, `results do not move as their cards, snippets and counts arrive (${device})`, async (page) => {
    await gotoApp(page, '');
    // A search that finds nothing first: the index is then here, and no post's text is.
    await page.getByRole('searchbox', { name: '검색' }).fill('뷁뷁');
    await page.waitForSelector('.empty-state');
    const chunks = { asked: 0, pending: new Set() };
    const isChunk = (request) => /\/content\/(text|cards)-[0-9a-f]{16}\.bin$/.test(request.url());
    page.on('request', (request) => isChunk(request) && (chunks.asked += 1, chunks.pending.add(request)));
    const done = (request) => chunks.pending.delete(request);
    page.on('requestfinished', done);
    page.on('requestfailed', done);

    const typed = await afterOneKeystroke(page, '카카오');
    await eventually(async () => {
      assert.match(page.url(), /[?&]q=%EC%B9%B4%EC%B9%B4%EC%98%A4/, 'typing has paused');
      assert.ok(chunks.asked > 0, 'cards or texts for snippets were fetched');
      assert.equal(chunks.pending.size, 0);
      assert.equal(await loading(page).count(), 0, 'every card arrived');
      assert.ok(await page.locator('.post-card__snippet mark').count() > 0, 'snippets replaced excerpts');
    });
    // A moment for the last chunk's render, had it just arrived.
    await page.waitForTimeout(300);
    const settled = await page.evaluate(() => [...document.querySelectorAll('main#main article.post-card')]
      .map((card) => ({ slug: card.dataset.slug, top: Math.round(card.getBoundingClientRect().top + scrollY) })));
    // Placeholders (no slug yet) are compared by place.
    const keystroke = typed.tops.map((top, at) => ({ slug: typed.slugs[at] ?? settled[at].slug, top }));
    assert.deepEqual(settled.slice(0, keystroke.length), keystroke);
  }, { viewport });
}

/** Lets the test's own aborted card requests pass the page watcher. */
function forgiveAbortedCards(page) {
  const watcher = watcherOf(page);
  watcher.problems = watcher.problems.filter((problem) => !/request failed .*\/content\/cards-/.test(problem));
}

appTest(browser, 'if the cards a static page shows cannot be fetched, the static page stays, readable', async (page) => {
  const tag = await tagPageBeyondTheEmbeddedCards();
  await page.route(/\/content\/cards-[0-9a-f]{16}\.bin$/, (route) => route.abort());
  await page.goto(appUrl(tag.path), { waitUntil: 'load' });
  await page.waitForTimeout(1_000);
  const state = await page.evaluate(() => ({
    prerendered: !!document.getElementById('prerendered'),
    app: document.getElementById('geul').childElementCount,
    cards: [...document.querySelectorAll('#prerendered article.post-card')].map((card) => card.dataset.slug),
  }));
  assert.deepEqual(state, { prerendered: true, app: 0, cards: tag.slugs });
  forgiveAbortedCards(page);
});

appTest(browser, 'a card chunk that failed is asked for again and its cards replace the placeholders', async (page) => {
  const failedOnce = new Set();
  await page.route(/\/content\/cards-[0-9a-f]{16}\.bin$/, (route) => {
    const url = route.request().url();
    if (failedOnce.has(url)) return route.continue();
    failedOnce.add(url);
    return route.abort();
  });
  await gotoApp(page, '');
  await page.getByRole('searchbox', { name: '검색' }).pressSequentially('카카오');
  await eventually(async () => assert.ok((await loading(page).count()) > 0, 'placeholders while the chunks fail'));
  await untilTypingPaused(page, { timeout: 10_000 });
  assert.ok(failedOnce.size > 0);
  forgiveAbortedCards(page);
});
