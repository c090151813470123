// A generated site of 150 posts (`cargo xtask corpus --posts 150`), which the five real
// posts are too few for: the list shows ten posts at a time and "더 보기" adds ten more.
// Run by `cargo xtask test` against its own build; the name keeps it out of the main suite.

import assert from 'node:assert/strict';

import { afterOneKeystroke, appTest, eventually, gotoApp, useBrowser, waitForView } from '../helpers.mjs';

const browser = useBrowser();
const cards = (page) => page.locator('section.post-list article.post-card');
const more = (page) => page.locator('button.list-more');
const loading = (page) => page.locator('section.post-list article.post-card--loading');

appTest(browser, 'ten posts at a time; 더 보기 adds ten; back from a post keeps them and the place', async (page) => {
  await gotoApp(page, '');
  await eventually(async () => assert.equal(await cards(page).count(), 10));
  assert.match(await page.locator('p.result-count').innerText(), /150/);
  assert.match(await more(page).innerText(), /140개 남음/);
  await more(page).click();
  await eventually(async () => assert.equal(await cards(page).count(), 20));
  assert.match(await more(page).innerText(), /130개 남음/);
  for (let shown = 20; shown < 150; shown += 10) {
    await more(page).click();
    await eventually(async () => assert.equal(await cards(page).count(), shown + 10));
  }
  assert.equal(await more(page).count(), 0, 'no button once every post is shown');
  await eventually(async () => assert.equal(await loading(page).count(), 0, 'every card arrived'));

  const last = cards(page).last();
  const slug = await last.getAttribute('data-slug');
  await last.scrollIntoViewIfNeeded();
  const before = await page.evaluate(() => window.scrollY);
  await last.locator('h2 a').click();
  await waitForView(page, 'post');
  assert.equal(await page.locator('article.post').getAttribute('data-slug'), slug);
  await page.goBack();
  await waitForView(page, 'home');
  await eventually(async () => {
    assert.equal(await cards(page).count(), 150, 'the posts 더 보기 showed are still there');
    const after = await page.evaluate(() => window.scrollY);
    assert.ok(Math.abs(after - before) < 5, `back at ${before}, got ${after}`);
  });
});

appTest(browser, 'a new search starts again from ten results', async (page) => {
  await gotoApp(page, '');
  await more(page).click();
  await eventually(async () => assert.equal(await cards(page).count(), 20));
  await page.getByRole('searchbox', { name: '검색' }).pressSequentially('다');
  await eventually(async () => {
    assert.equal(await page.locator('.search__notice[aria-busy="true"]').count(), 0);
    const shown = await cards(page).count();
    assert.ok(shown > 0 && shown <= 10, `${shown} results shown`);
  });
});

appTest(browser, 'while typing, the first four results follow every key; the whole page follows the pause', async (page) => {
  // The cards of 다's first results come first, so that what the keystroke shows is cards.
  await gotoApp(page, '?q=' + encodeURIComponent('다'));
  await eventually(async () => {
    assert.equal(await cards(page).count(), 10);
    assert.equal(await loading(page).count(), 0);
  });
  await page.getByRole('searchbox', { name: '검색' }).fill('ㄷ');
  await eventually(async () => {
    assert.equal(await cards(page).count(), 10);
    assert.equal(await loading(page).count(), 0);
    assert.equal(await more(page).count(), 1);
  });
  const rightAfter = await afterOneKeystroke(page, '다');
  assert.equal(rightAfter.slugs.length, 4, rightAfter.slugs.join(' '));
  assert.equal(rightAfter.more, 0, 'no 더 보기 until the page is whole');
  await eventually(async () => {
    assert.equal(await cards(page).count(), 10);
    assert.equal(await more(page).count(), 1);
  });
  const settled = await cards(page).evaluateAll((all) => all.map((card) => card.dataset.slug));
  assert.deepEqual(settled.slice(0, 4), rightAfter.slugs, 'the four shown while typing are the top results');
  assert.equal(await page.locator('p.result-count').textContent(), rightAfter.count, 'the count was right at once');
});
