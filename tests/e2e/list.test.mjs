// The home page: which posts are listed, in which order, and what each card shows.

import assert from 'node:assert/strict';

import { HOME_ORDER, bySlug } from './data.mjs';
import {
  DESKTOP, PHONE, appTest, appUrl, expectList, gotoApp, gotoPost, norm, resultCount, scrollWidth, useBrowser,
  waitForView,
} from './helpers.mjs';

const browser = useBrowser();

/** What a reader can see of each card, in page order. */
const readCards = (page) => page.$$eval('main#main section.post-list article.post-card', (cards) => cards.map((card) => {
  const link = card.querySelector('h2.post-card__title a');
  const times = [...card.querySelectorAll('time')];
  return {
    slug: card.dataset.slug,
    title: link?.textContent.trim() ?? null,
    href: link ? link.href : null,
    rawHref: link?.getAttribute('href') ?? null,
    titleHeadings: card.querySelectorAll('h2.post-card__title').length,
    times: times.map((t) => ({ datetime: t.getAttribute('datetime'), text: t.textContent.trim() })),
    readingTime: card.querySelector('.reading-time')?.textContent.trim() ?? null,
    excerpt: card.querySelector('p.post-card__excerpt')?.textContent.replace(/\s+/g, ' ').trim() ?? null,
    tags: [...card.querySelectorAll('a.tag-link')].map((a) => ({ value: a.dataset.tag, text: a.textContent.trim() })),
    categories: [...card.querySelectorAll('a.category-link')].map((a) => ({ value: a.dataset.category, text: a.textContent.trim() })),
  };
}));

appTest(browser, 'home lists the five posts newest first, then undated by title', async (page) => {
  const response = await gotoApp(page, '');
  assert.equal(response.status(), 200, 'the home page is served');
  assert.equal(await page.getAttribute('html', 'lang'), 'ko', '<html lang="ko">');

  await expectList(page, HOME_ORDER);
  assert.equal(await resultCount(page), 5, 'live region announces five posts');

  const cards = await readCards(page);
  assert.deepEqual(cards.map((c) => c.title), HOME_ORDER.map((s) => bySlug(s).title), 'card titles in order');
  for (const card of cards) {
    const title = page.locator(`main#main article.post-card[data-slug="${card.slug}"] h2.post-card__title a`);
    assert.ok(await title.isVisible(), `${card.slug}: title is visible`);
    assert.equal(card.titleHeadings, 1, `${card.slug}: one title heading`);
    assert.equal(card.href, appUrl(`posts/${card.slug}/`), `${card.slug}: title links to its post under the base path`);
  }
});

appTest(browser, 'cards show Korean dates only for dated posts, a reading time and an excerpt', async (page) => {
  await gotoApp(page, '');
  const cards = await readCards(page);
  assert.equal(cards.length, 5);
  for (const card of cards) {
    const post = bySlug(card.slug);
    if (post.date) {
      assert.deepEqual(card.times, [{ datetime: post.date, text: post.dateKo }], `${card.slug}: date shown as ${post.dateKo}`);
    } else {
      assert.deepEqual(card.times, [], `${card.slug} is undated: no date is shown`);
    }

    assert.ok(card.readingTime, `${card.slug}: reading time present`);
    assert.match(card.readingTime, /[1-9]\d*\s*분/, `${card.slug}: reading time "${card.readingTime}" reads like "N분"`);

    assert.ok(card.excerpt && card.excerpt.length >= 10, `${card.slug}: excerpt present (got ${JSON.stringify(card.excerpt)})`);
    assert.ok(/[가-힣]/.test(card.excerpt), `${card.slug}: excerpt is the post's Korean text`);
    // A reader must not see markup in the excerpt.
    for (const raw of ['<br', '##', '](', '![', '**', '---']) {
      assert.ok(!card.excerpt.includes(raw), `${card.slug}: excerpt shows raw markup "${raw}": ${card.excerpt}`);
    }
  }
  // The first words of a post are the excerpt's start (after any repeated title).
  const kakao = cards.find((c) => c.slug === 'kakao-mlops-interview');
  assert.ok(norm(kakao.excerpt).includes('카카오 분석 & MLOps 플랫폼'), `kakao excerpt: ${kakao.excerpt}`);
});

appTest(browser, 'cards carry tag and category links matching each post', async (page) => {
  await gotoApp(page, '');
  const cards = await readCards(page);
  for (const card of cards) {
    const post = bySlug(card.slug);
    assert.deepEqual(card.tags.map((t) => t.value).sort(), [...post.tags].sort(), `${card.slug}: tag links`);
    assert.deepEqual(card.categories.map((c) => c.value).sort(), [...post.categories].sort(), `${card.slug}: category links`);
    for (const link of [...card.tags, ...card.categories]) {
      assert.ok(link.text.includes(link.value), `${card.slug}: link text "${link.text}" names ${link.value}`);
    }
  }
});

appTest(browser, 'phone (360px): list fits the screen without horizontal scrolling', async (page) => {
  await gotoApp(page, '');
  await expectList(page, HOME_ORDER);
  assert.ok(await scrollWidth(page) <= PHONE.width, `document is ${await scrollWidth(page)}px wide on a ${PHONE.width}px screen`);

  // Every card title is on screen horizontally (the long kraft title wraps).
  const boxes = await page.$$eval('main#main article.post-card h2.post-card__title', (hs) => hs.map((h) => {
    const r = h.getBoundingClientRect();
    return { left: r.left, right: r.right, width: r.width };
  }));
  assert.equal(boxes.length, 5);
  for (const b of boxes) {
    assert.ok(b.left >= 0 && b.right <= PHONE.width + 0.5 && b.width > 0, `title box ${JSON.stringify(b)} inside 360px`);
  }

  // The filter bar and a filtered list fit too.
  await page.locator('nav.facets button.facet[data-kind="tag"][data-value="MLOps"]').click();
  await expectList(page, ['kraft-technologies-first-year', 'kakao-mlops-interview']);
  assert.ok(await scrollWidth(page) <= PHONE.width, `filtered list is ${await scrollWidth(page)}px wide on a ${PHONE.width}px screen`);
}, { viewport: PHONE });

/** The font instances (size and weight) the text on the page is drawn with. */
const fontInstances = (page) => page.evaluate(() => {
  const seen = new Set();
  const note = (element) => {
    const style = getComputedStyle(element);
    if (style.display !== 'none' && style.visibility !== 'hidden' && !style.fontFamily.includes('monospace')) {
      seen.add(`${style.fontSize} ${style.fontWeight}`);
    }
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const parent = walker.currentNode.parentElement;
    if (walker.currentNode.textContent.trim() && parent.closest('#geul') && parent.getClientRects().length) note(parent);
  }
  document.querySelectorAll('#geul input, #geul button').forEach(note);
  return [...seen].sort();
});

// Each family, size and weight a page asks for is a font lookup the first time it is laid
// out (on Linux a round trip to the browser process each): eleven of them made the list's
// first layout a task over 50 ms in most openings of a 10,000-post site (docs/BENCHMARKS.md).
appTest(browser, 'the list and a post keep to a few font sizes and two weights', async (page) => {
  await gotoApp(page, '');
  await page.locator('#search-input').fill('면접');
  await page.waitForSelector('.post-card__snippet mark');
  const list = await fontInstances(page);
  assert.ok(list.length <= 5, `the list draws text in ${list.length} size/weight pairs: ${list.join(', ')}`);

  // The post with the most kinds of headings (## and ####), bold text and code.
  await gotoPost(page, 'line-developer');
  await page.waitForSelector('.post__body h4');
  const post = await fontInstances(page);
  assert.ok(post.length <= 7, `a post draws text in ${post.length} size/weight pairs: ${post.join(', ')}`);
  for (const pair of [...list, ...post]) {
    assert.match(pair, / (400|700)$/, `weights are regular or bold: ${pair}`);
  }
});

// The app takes over from the static copy of the list in more than one task (src/takeover.rs);
// in every frame the reader sees one whole list: never both copies, never a list without cards.
appTest(browser, 'the list is taken over with every frame showing one whole list', async (page) => {
  await page.addInitScript(() => {
    window.__frames = [];
    const sample = () => {
      const root = document.getElementById('geul');
      const app = !!root && !root.hidden && root.childElementCount > 0;
      window.__frames.push({
        copy: !!document.getElementById('prerendered'),
        app,
        appCards: app ? root.querySelectorAll('article.post-card').length : 0,
        copyCards: document.querySelectorAll('#prerendered article.post-card').length,
      });
      if (!(app && !document.getElementById('prerendered'))) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  await gotoApp(page, '');
  await expectList(page, HOME_ORDER);
  const frames = await page.evaluate(() => window.__frames);
  const last = frames.at(-1);
  assert.deepEqual({ copy: last.copy, app: last.app, appCards: last.appCards }, { copy: false, app: true, appCards: HOME_ORDER.length });
  // Before the body is parsed neither is there; from the first frame with a list, one is.
  const first = frames.findIndex((frame) => frame.copy || frame.app);
  assert.ok(first >= 0, JSON.stringify(frames));
  for (const [at, frame] of frames.entries()) {
    if (at < first) continue;
    assert.ok(frame.copy !== frame.app, `frame ${at} shows one list: ${JSON.stringify(frame)}`);
    assert.equal(frame.copy ? frame.copyCards : frame.appCards, HOME_ORDER.length, `frame ${at}: ${JSON.stringify(frame)}`);
  }
});

// The static copy has the app's filter controls too: when the app takes over, the search box
// and the cards stay where the reader already sees them (no layout shift).
for (const [name, viewport] of [['desktop', DESKTOP], ['phone (360px)', PHONE]]) {
  for (const path of ['', 'tags/mlops/']) {
    appTest(browser, `${name}: taking over ${path || 'the home page'} moves nothing on screen`, async (page) => {
      await page.addInitScript(() => {
        window.__tops = [];
        const sample = () => {
          const top = (selector) => {
            const element = [...document.querySelectorAll(selector)].find((e) => !e.closest('[hidden]'));
            return element ? Math.round(element.getBoundingClientRect().top * 2) / 2 : null;
          };
          const root = document.getElementById('geul');
          window.__tops.push({
            app: !!root && !root.hidden && root.childElementCount > 0,
            box: top('input[type="search"]'),
            card: top('article.post-card'),
          });
          if (!window.__tops.at(-1).app) requestAnimationFrame(sample);
        };
        requestAnimationFrame(sample);
      });
      await page.goto(appUrl(path));
      await waitForView(page, 'home');
      // The sampler records the first frame that shows the app on the next animation frame,
      // which may come after the check above.
      await page.waitForFunction(() => window.__tops.at(-1)?.app);
      const frames = (await page.evaluate(() => window.__tops)).filter((frame) => frame.box !== null);
      assert.ok(frames.some((frame) => !frame.app) && frames.at(-1).app, JSON.stringify(frames));
      const { box, card } = frames.at(-1);
      for (const frame of frames) {
        assert.deepEqual({ box: frame.box, card: frame.card }, { box, card }, `a frame before the takeover: ${JSON.stringify(frames)}`);
      }
    }, { viewport });
  }
}
