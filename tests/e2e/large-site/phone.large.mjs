// The generated 150-post site has thirty tags: on a phone the filter bar must still leave the
// search box and the first post on the first screen, and every tag must stay reachable.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PHONE, appTest, appUrl, eventually, facetButton, gotoApp, scrollWidth, useBrowser } from '../helpers.mjs';

const browser = useBrowser();

/** Where an element is on the screen (bounding box relative to the viewport). */
const boxOf = (locator) => locator.evaluate((element) => {
  const r = element.getBoundingClientRect();
  return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
});

appTest(browser, 'phone (360px): with thirty tags, the search box and the first post are on the first screen', async (page) => {
  await gotoApp(page, '');
  const buttons = page.locator('nav.facets button.facet');
  assert.ok(await buttons.count() >= 30, `${await buttons.count()} filter buttons`);

  const box = await boxOf(page.getByRole('searchbox', { name: '검색' }));
  assert.ok(box.bottom <= PHONE.height / 2, `search box ends at ${box.bottom}px of ${PHONE.height}`);
  const title = await boxOf(page.locator('section.post-list article.post-card h2').first());
  assert.ok(title.bottom <= PHONE.height, `first post's title ends at ${title.bottom}px of ${PHONE.height}`);
  assert.ok(await scrollWidth(page) <= PHONE.width, `document is ${await scrollWidth(page)}px wide`);

  // Each group is one row that scrolls sideways: the last tag starts off screen, and
  // choosing it brings it into view and filters the list by it.
  const lastTag = page.locator('nav.facets button.facet[data-kind="tag"]').last();
  const value = await lastTag.getAttribute('data-value');
  assert.ok((await boxOf(lastTag)).left >= PHONE.width, 'the last tag waits off screen, to the right');
  await facetButton(page, `tag:${value}`).click();
  await eventually(async () => {
    assert.equal(await facetButton(page, `tag:${value}`).getAttribute('aria-pressed'), 'true');
    assert.equal(new URL(page.url()).searchParams.get('tags'), value);
  });
  const chosen = await boxOf(facetButton(page, `tag:${value}`));
  assert.ok(chosen.left >= 0 && chosen.right <= PHONE.width, `chosen tag at ${JSON.stringify(chosen)}`);
  assert.ok(await scrollWidth(page) <= PHONE.width, 'still no sideways scrolling of the page');
}, { viewport: PHONE });

test('phone (360px): without JavaScript, the static list lays out the filters the same way', { timeout: 60_000 }, async () => {
  const context = await browser().newContext({ javaScriptEnabled: false, viewport: PHONE });
  try {
    const page = await context.newPage();
    await page.goto(appUrl(''));
    assert.ok(await page.locator('nav.facets a.facet').count() >= 30, 'the static filter links');
    const box = await boxOf(page.locator('input[type="search"]'));
    assert.ok(box.bottom <= PHONE.height / 2, `static search box ends at ${box.bottom}px`);
    const title = await boxOf(page.locator('article.post-card h2').first());
    assert.ok(title.bottom <= PHONE.height, `first post's title ends at ${title.bottom}px`);
    assert.ok(await scrollWidth(page) <= PHONE.width, `static page is ${await scrollWidth(page)}px wide`);
    // The app's mode switch is in the copy only so that nothing moves when the app takes
    // over; without JavaScript it could do nothing, so it is not shown.
    assert.equal(await page.locator('.mode-switch').isVisible(), false, 'no inert mode switch without JavaScript');
  } finally {
    await context.close();
  }
});
