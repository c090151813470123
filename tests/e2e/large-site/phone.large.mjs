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

  // Each group is one row that scrolls sideways: the last tag starts off screen, can be
  // chosen (scrolled to, clicked), filters the list by it, and the row is not scrolled back
  // when the bar is built again for the new selection.
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

/**
 * Whether the tag row keeps a scrollbar (its computed `scrollbar-width`). Playwright starts
 * headless Chromium with its scrollbars hidden, so the bar's own room cannot be measured.
 */
const tagRowScrollbar = (page) => page.locator('nav.facets ul.facets__list').last()
  .evaluate((list) => getComputedStyle(list).scrollbarWidth);

appTest(browser, 'narrow window with a mouse: the tag row has a scrollbar to drag', async (page) => {
  await gotoApp(page, '');
  assert.equal(await page.evaluate(() => matchMedia('(pointer: fine)').matches), true);
  assert.equal(await tagRowScrollbar(page), 'thin', 'a mouse cannot swipe, so the row keeps its bar');
}, { viewport: PHONE });

test('phone with a touch screen: the tag row scrolls under the finger, with no bar taking room', { timeout: 60_000 }, async () => {
  const context = await browser().newContext({ viewport: PHONE, hasTouch: true });
  try {
    const page = await context.newPage();
    await gotoApp(page, '');
    assert.ok(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), 'the page sees a touch screen');
    assert.equal(await tagRowScrollbar(page), 'none');
  } finally {
    await context.close();
  }
});

appTest(browser, 'phone (360px): a link that chooses the last tag opens with that tag in view', async (page) => {
  await gotoApp(page, '');
  const value = await page.locator('nav.facets button.facet[data-kind="tag"]').last().getAttribute('data-value');
  assert.ok((await boxOf(facetButton(page, `tag:${value}`))).left >= PHONE.width, 'unchosen, it waits off screen');
  await gotoApp(page, `?tags=${encodeURIComponent(value)}`);
  const chosen = facetButton(page, `tag:${value}`);
  assert.equal(await chosen.getAttribute('aria-pressed'), 'true');
  await eventually(async () => {
    const box = await boxOf(chosen);
    assert.ok(box.left >= 0 && box.right <= PHONE.width, `chosen tag at ${JSON.stringify(box)}`);
  });
  assert.ok(await scrollWidth(page) <= PHONE.width, 'no sideways scrolling of the page');
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the page itself stays at the top');
}, { viewport: PHONE });
