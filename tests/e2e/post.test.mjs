// Reading a post: by deep link and from the list, its text, images, links back.

import assert from 'node:assert/strict';

import { HOME_ORDER, POSTS, bySlug, expectedFacets } from './data.mjs';
import {
  PHONE, appTest, appUrl, assertMarker, assertUrlState, eventually, expectFacets, expectList,
  gotoApp, gotoPost, norm, scrollWidth, setMarker, useBrowser, waitForView,
} from './helpers.mjs';

const browser = useBrowser();

const KRAFT = 'kraft-technologies-first-year';
const KAKAO = 'kakao-mlops-interview';

/** What a reader sees of the post view, read at one instant. */
async function readPost(page) {
  // Images either load or fail; wait until every one has settled before judging.
  await page.waitForFunction(() => [...document.images].every((img) => img.complete));
  return page.evaluate(() => {
    // A section's `#` link (seen on hover and focus) is a control, not its heading's text.
    const text = (el) => {
      if (!el) return '';
      const copy = el.cloneNode(true);
      for (const anchor of copy.querySelectorAll('.heading-anchor')) anchor.remove();
      return copy.textContent.replace(/\s+/g, ' ').trim();
    };
    const article = document.querySelector('main#main article.post');
    const body = article.querySelector('.post__body');
    const outsideBody = (el) => !body.contains(el);
    const title = text(article.querySelector('h1.post__title'));
    const blocks = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, p')];
    return {
      slug: article.dataset.slug,
      title,
      documentTitle: document.title,
      mainH1s: [...document.querySelectorAll('main#main h1')].map(text),
      titleOutsideBody: blocks.filter((el) => outsideBody(el) && text(el) === title).length,
      titleInBody: blocks.filter((el) => body.contains(el) && text(el) === title).map((el) => el.tagName.toLowerCase()),
      // The first block of the post's own text, after what the build puts before it (the
      // body's stylesheet, the lead, the contents).
      firstBlock: text([...body.children].find((el) => !el.matches('link, script, nav.toc, [class^="post-lead"], figure.post-cover'))),
      times: [...article.querySelectorAll('time')].filter(outsideBody)
        .map((t) => ({ datetime: t.getAttribute('datetime'), text: t.textContent.trim() })),
      readingTime: text([...article.querySelectorAll('.reading-time')].find(outsideBody)),
      tags: [...article.querySelectorAll('a.tag-link')].filter(outsideBody).map((a) => a.dataset.tag),
      categories: [...article.querySelectorAll('a.category-link')].filter(outsideBody).map((a) => a.dataset.category),
      bodyText: text(body),
      paragraphs: [...body.querySelectorAll('p')].map(text),
      headings: [...body.querySelectorAll('h2, h3, h4, h5, h6')].map(text),
      // Any but the body script geul names in every body file (static/enhance.js).
      scripts: [...body.querySelectorAll('script')]
        .filter((script) => !/^content\/enhance-[0-9a-f]{16}\.js$/.test(script.getAttribute('src'))).length,
      brokenImages: [...document.images].filter((img) => img.naturalWidth === 0).map((img) => img.currentSrc || img.src || img.outerHTML),
      backLink: document.querySelector('main#main a.back-link')?.href ?? null,
    };
  });
}

/** Everything every post page must get right. */
async function checkPost(page, slug) {
  const post = bySlug(slug);
  assert.equal(page.url(), appUrl(`posts/${slug}/`), 'post URL');
  const v = await readPost(page);
  assert.equal(v.slug, slug, 'article data-slug');
  assert.equal(v.title, post.title, 'h1.post__title');
  assert.deepEqual(v.mainH1s, [post.title], 'exactly one h1 in main: the title');
  assert.equal(v.titleOutsideBody, 1, 'the title appears once outside the body');
  assert.notEqual(v.firstBlock, post.title, 'the body does not start by repeating the title');
  if (slug === 'line-developer') {
    // Its closing section is genuinely called like the post.
    assert.deepEqual(v.titleInBody, ['h2'], 'only the closing section heading repeats the title');
  } else {
    assert.deepEqual(v.titleInBody, [], 'the body does not repeat the title');
  }

  await eventually(async () => {
    const t = await page.title();
    assert.ok(t.includes(post.title), `document.title "${t}" names the post`);
  });

  if (post.date) {
    assert.deepEqual(v.times, [{ datetime: post.date, text: post.dateKo }], 'date in Korean');
  } else {
    assert.deepEqual(v.times, [], 'undated post shows no date');
  }
  assert.match(v.readingTime, /[1-9]\d*\s*분/, `reading time "${v.readingTime}"`);
  assert.deepEqual([...v.tags].sort(), [...post.tags].sort(), 'tag links');
  assert.deepEqual([...v.categories].sort(), [...post.categories].sort(), 'category links');

  assert.ok(v.bodyText.includes(norm(post.firstText)), `body shows its opening text "${post.firstText}"`);
  assert.ok(v.bodyText.includes(norm(post.laterText)), `body shows later text "${post.laterText}"`);
  if (post.heading) assert.ok(v.headings.includes(post.heading), `section heading "${post.heading}" is a heading (got ${JSON.stringify(v.headings.slice(0, 5))})`);
  assert.ok(!/(^|\s)#{2,6}\s/.test(v.bodyText), 'no raw markdown heading markers in the body');
  assert.ok(!v.bodyText.includes('!['), 'no raw markdown image syntax in the body');
  assert.ok(!v.bodyText.includes('**'), 'no raw markdown emphasis in the body');
  assert.ok(!v.bodyText.includes('<br'), 'no raw HTML in the body');
  assert.equal(v.scripts, 0, 'no <script> inside .post__body');
  assert.deepEqual(v.brokenImages, [], 'no broken image on the page');
  assert.ok(v.backLink && v.backLink.startsWith(appUrl('')), `back-link leads to the list: ${v.backLink}`);
  return v;
}

for (const post of POSTS) {
  appTest(browser, `deep link: posts/${post.slug}/ shows the post`, async (page) => {
    const res = await gotoPost(page, post.slug);
    assert.ok([200, 404].includes(res.status()), `served (the 404.html shell is fine): ${res.status()}`);
    await checkPost(page, post.slug);
  });
}

appTest(browser, 'each post opens from its title in the list, in-app, and back-link returns', async (page) => {
  await gotoApp(page, '');
  await setMarker(page);
  for (const slug of HOME_ORDER) {
    await page.locator(`main#main article.post-card[data-slug="${slug}"] h2.post-card__title a`).click();
    await waitForView(page, 'post');
    await eventually(async () => assert.equal(await page.locator('main#main h1.post__title').textContent().then(norm), bySlug(slug).title));
    await checkPost(page, slug);

    await page.locator('main#main a.back-link').click();
    await waitForView(page, 'home');
    await expectList(page, HOME_ORDER);
  }
  await assertMarker(page, 'opening posts from the list and going back');
});

appTest(browser, 'plain-text posts render one paragraph per source line, not a wall of text', async (page) => {
  for (const slug of ['kraft-technologies-first-year', 'lablup-eight-months']) {
    await gotoPost(page, slug);
    const v = await readPost(page);
    assert.ok(v.paragraphs.length >= 10, `${slug}: ${v.paragraphs.length} paragraphs, want at least 10`);
    for (const line of bySlug(slug).ownParagraphs) {
      assert.ok(v.paragraphs.includes(norm(line)), `${slug}: "${line.slice(0, 30)}…" is a paragraph of its own`);
    }
  }
});

appTest(browser, 'missing images show a visible placeholder with their alt text', async (page) => {
  await gotoPost(page, 'line-developer');
  const placeholders = page.locator('main#main .img-missing[role="img"]');
  await eventually(async () => assert.equal(await placeholders.count(), 2, 'two placeholders'));
  const labels = await placeholders.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
  assert.deepEqual(labels, ['팀사진', '라인']);
  for (let i = 0; i < 2; i += 1) {
    const ph = placeholders.nth(i);
    assert.ok(await ph.isVisible(), `placeholder ${labels[i]} is visible`);
    const box = await ph.boundingBox();
    assert.ok(box && box.width > 0 && box.height > 0, `placeholder ${labels[i]} takes space`);
    assert.ok(norm(await ph.textContent()).includes(labels[i]), `placeholder shows its alt text ${labels[i]}`);
  }
  const v = await readPost(page);
  assert.deepEqual(v.brokenImages, [], 'no <img> with naturalWidth 0');
});

appTest(browser, 'inline HTML: <br> works and nothing is shown as markup', async (page) => {
  await gotoPost(page, 'data-scientist-job-change');
  const v = await readPost(page);
  assert.ok(await page.locator('main#main .post__body br').count() >= 1, 'the post\'s <br> is a line break');
  assert.ok(!v.bodyText.includes('<br>'), 'no literal <br> text');
  assert.equal(v.scripts, 0);
  // Its "- " bullet lists are lists.
  assert.ok(await page.locator('main#main .post__body li').count() >= 10, 'markdown lists render as list items');
});

appTest(browser, 'back-link keeps the filter the list had', async (page) => {
  await gotoApp(page, '?tags=MLOps&mode=and');
  await expectList(page, [KRAFT, KAKAO]);
  await setMarker(page);

  await page.locator(`main#main article.post-card[data-slug="${KRAFT}"] h2.post-card__title a`).click();
  await waitForView(page, 'post');
  assert.equal(page.url(), appUrl(`posts/${KRAFT}/`));
  await page.locator('main#main a.back-link').click();
  await waitForView(page, 'home');
  await expectList(page, [KRAFT, KAKAO]);
  await expectFacets(page, expectedFacets(['tag:MLOps'], 'and'));
  await eventually(() => assertUrlState(page.url(), ['tag:MLOps'], 'and'));

  // Browser back from a post returns to the filtered list too.
  await page.locator(`main#main article.post-card[data-slug="${KAKAO}"] h2.post-card__title a`).click();
  await waitForView(page, 'post');
  await page.goBack();
  await waitForView(page, 'home');
  await expectList(page, [KRAFT, KAKAO]);
  await eventually(() => assertUrlState(page.url(), ['tag:MLOps'], 'and'));
  await assertMarker(page, 'list → post → list');
});

appTest(browser, 'back-link from a deep-linked post leads to the full list', async (page) => {
  await gotoPost(page, KAKAO);
  await page.locator('main#main a.back-link').click();
  await waitForView(page, 'home');
  await expectList(page, HOME_ORDER);
});

appTest(browser, 'a tag link on a post opens the list filtered by that tag', async (page) => {
  await gotoPost(page, KAKAO);
  const link = page.locator('main#main article.post a.tag-link[data-tag="면접"]').first();
  await link.click();
  await waitForView(page, 'home');
  await expectList(page, [KAKAO]);
  await eventually(() => assertUrlState(page.url(), ['tag:면접'], 'and'));

  await gotoPost(page, KRAFT);
  await page.locator('main#main article.post a.category-link[data-category="career"]').first().click();
  await waitForView(page, 'home');
  await expectList(page, ['line-developer', 'lablup-eight-months', KRAFT, KAKAO]);
});

appTest(browser, 'phone (360px): posts fit the screen and open at their top', async (page) => {
  for (const slug of HOME_ORDER) {
    await gotoPost(page, slug);
    const width = await scrollWidth(page);
    assert.ok(width <= PHONE.width, `${slug}: document is ${width}px wide on a ${PHONE.width}px screen`);
  }

  // Opening the last post from the bottom of the list shows its title, not the middle of it.
  await gotoApp(page, '');
  const last = page.locator(`main#main article.post-card[data-slug="${KAKAO}"] h2.post-card__title a`);
  await last.scrollIntoViewIfNeeded();
  assert.ok(await page.evaluate(() => window.scrollY) > 0, 'the list is long enough to scroll on a phone');
  await last.click();
  await waitForView(page, 'post');
  await eventually(async () => {
    const top = await page.locator('main#main h1.post__title').evaluate((h) => h.getBoundingClientRect().top);
    assert.ok(top >= 0 && top < PHONE.height, `post title is on screen after opening (top ${top})`);
  });
}, { viewport: PHONE });

appTest(browser, 'back from a post returns to the same place in the list', async (page) => {
  await gotoApp(page, '');
  const last = page.locator('article.post-card').last();
  await last.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const before = await page.evaluate(() => window.scrollY);
  assert.ok(before > 200, `the list is scrolled (${before})`);
  await last.locator('h2 a').click();
  await waitForView(page, 'post');
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'a post opens at its top');
  await page.goBack();
  await waitForView(page, 'home');
  await eventually(async () => {
    const after = await page.evaluate(() => window.scrollY);
    assert.ok(Math.abs(after - before) < 5, `back at ${before}, got ${after}`);
  });
}, { viewport: PHONE });
