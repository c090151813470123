// Filtering the list by tags and categories, AND / OR, facet counts, empty state.

import assert from 'node:assert/strict';

import { HOME_ORDER, expectedFacets, shownFor } from './data.mjs';
import {
  appTest, assertMarker, assertUrlState, eventually, expectFacets, expectList, expectMode,
  facetButton, gotoApp, modeButton, readHome, setMarker, useBrowser,
} from './helpers.mjs';

const browser = useBrowser();

const KRAFT = 'kraft-technologies-first-year';
const KAKAO = 'kakao-mlops-interview';
const LABLUP = 'lablup-eight-months';

/** Asserts list, live region and every facet's pressed state and count for `selected` in `mode`. */
async function expectSelection(page, selected, mode, slugs) {
  const model = shownFor(selected, mode);
  if (model !== null) assert.deepEqual(slugs, model, 'test data sanity');
  await expectList(page, slugs);
  await expectFacets(page, expectedFacets(selected, mode));
  await expectMode(page, mode);
  await eventually(() => assertUrlState(page.url(), selected, mode));
}

appTest(browser, 'facets: every tag and category offered, counts equal the posts each would show', async (page) => {
  await gotoApp(page, '');
  await expectSelection(page, [], 'and', HOME_ORDER);
  const s = await readHome(page);
  // Spot-check the numbers a reader sees, independent of the model.
  assert.equal(s.facets['category:career'].count, 4);
  assert.equal(s.facets['tag:MLOps'].count, 2);
  assert.equal(s.facets['tag:이직'].count, 2);
  assert.equal(s.facets['tag:jobs'].count, 1);
  for (const [key, f] of Object.entries(s.facets)) {
    assert.ok(f.label.startsWith(key.slice(key.indexOf(':') + 1)), `facet ${key} is labelled with its value: "${f.label}"`);
  }
  assert.deepEqual(s.mode, { and: 'true', or: 'false' }, 'AND is the default mode');
});

appTest(browser, 'AND then OR with tags: list, live region and counts follow each click', async (page) => {
  await gotoApp(page, '');
  await setMarker(page);

  await facetButton(page, 'tag:MLOps').click();
  await expectSelection(page, ['tag:MLOps'], 'and', [KRAFT, KAKAO]);
  const s1 = await readHome(page);
  assert.equal(s1.facets['tag:이직'].count, 1, '이직 would leave 1 post');
  assert.equal(s1.facets['tag:면접'].count, 1, '면접 would leave 1 post');
  assert.equal(s1.facets['tag:회고'].count, 1, '회고 would leave 1 post');
  assert.equal(s1.facets['tag:jobs'].count, 0, 'jobs would leave no post');
  assert.equal(s1.facets['tag:MLOps'].count, 2, 'selected MLOps is carried by both shown posts');
  assert.ok(await page.locator('button.clear-filters').first().isVisible(), 'clear-filters offered once something is selected');

  await facetButton(page, 'tag:이직').click();
  await expectSelection(page, ['tag:MLOps', 'tag:이직'], 'and', [KRAFT]);

  await modeButton(page, 'or').click();
  await expectSelection(page, ['tag:MLOps', 'tag:이직'], 'or', [LABLUP, KRAFT, KAKAO]);
  const s2 = await readHome(page);
  assert.equal(s2.facets['tag:이직'].count, 2, 'selected 이직: shown posts carrying it');
  assert.equal(s2.facets['tag:MLOps'].count, 2, 'selected MLOps: shown posts carrying it');
  assert.equal(s2.facets['tag:jobs'].count, 4, 'OR: adding jobs would show 4');

  // Unselecting a pressed facet takes it out again.
  await facetButton(page, 'tag:MLOps').click();
  await expectSelection(page, ['tag:이직'], 'or', [LABLUP, KRAFT]);

  await modeButton(page, 'and').click();
  await expectSelection(page, ['tag:이직'], 'and', [LABLUP, KRAFT]);

  await assertMarker(page, 'changing filters');
});

appTest(browser, 'categories, AND across a category and a tag, empty state and clearing', async (page) => {
  await gotoApp(page, '');
  await setMarker(page);

  await facetButton(page, 'category:career').click();
  await expectSelection(page, ['category:career'], 'and', ['line-developer', LABLUP, KRAFT, KAKAO]);

  await facetButton(page, 'tag:jobs').click();
  await expectSelection(page, ['category:career', 'tag:jobs'], 'and', []);

  const empty = page.locator('main#main .empty-state');
  await empty.waitFor();
  const message = (await empty.textContent()).trim();
  assert.match(message, /[가-힣]/, `the empty state speaks Korean: "${message}"`);
  assert.equal(await page.locator('main#main section.post-list article.post-card').count(), 0);

  await empty.locator('button.clear-filters').click();
  await expectSelection(page, [], 'and', HOME_ORDER);
  await eventually(async () => {
    const s = await readHome(page);
    assert.equal(Object.values(s.facets).filter((f) => f.pressed).length, 0, 'no facet pressed after clearing');
  });
  await assertMarker(page, 'selecting and clearing filters');
});

appTest(browser, 'the mode switch never ignores a click: choosing OR before any facet carries over', async (page) => {
  await gotoApp(page, '');
  const or = modeButton(page, 'or');
  const disabled = await or.evaluate((b) => b.disabled || b.getAttribute('aria-disabled') === 'true');
  if (disabled) {
    // Acceptable: the switch says it does not apply yet. It must come alive with a selection.
    await facetButton(page, 'tag:MLOps').click();
    await expectList(page, [KRAFT, KAKAO]);
    assert.equal(await or.evaluate((b) => b.disabled || b.getAttribute('aria-disabled') === 'true'), false, 'mode switch enabled once something is selected');
    return;
  }
  await or.click();
  await expectMode(page, 'or'); // a pressed-looking button that did nothing would mislead
  await expectList(page, HOME_ORDER);
  await facetButton(page, 'tag:MLOps').click();
  await facetButton(page, 'tag:면접').click();
  await expectSelection(page, ['tag:MLOps', 'tag:면접'], 'or', [KRAFT, KAKAO]);
  await modeButton(page, 'and').click();
  await expectSelection(page, ['tag:MLOps', 'tag:면접'], 'and', [KAKAO]);
});

appTest(browser, 'OR with categories', async (page) => {
  await gotoApp(page, '');
  await facetButton(page, 'category:ETC').click();
  await expectSelection(page, ['category:ETC'], 'and', ['data-scientist-job-change']);
  await modeButton(page, 'or').click();
  await expectSelection(page, ['category:ETC'], 'or', ['data-scientist-job-change']);
  await facetButton(page, 'category:LINE').click();
  await expectSelection(page, ['category:ETC', 'category:LINE'], 'or', ['data-scientist-job-change', 'line-developer']);
});

appTest(browser, 'clicking a tag or category link on a card selects that filter', async (page) => {
  await gotoApp(page, '');
  await setMarker(page);

  await page.locator('main#main article.post-card[data-slug="kakao-mlops-interview"] a.tag-link[data-tag="MLOps"]').click();
  await expectSelection(page, ['tag:MLOps'], 'and', [KRAFT, KAKAO]);
  const q = new URL(page.url()).searchParams;
  assert.equal(q.get('tags'), 'MLOps');
  assert.equal(q.get('mode'), 'and');
  await assertMarker(page, 'a tag link');

  // Start over from the plain list, then a category link.
  await page.locator('button.clear-filters').first().click();
  await expectList(page, HOME_ORDER);
  await page.locator('main#main article.post-card[data-slug="data-scientist-job-change"] a.category-link[data-category="Jobs"]').click();
  await expectSelection(page, ['category:Jobs'], 'and', ['data-scientist-job-change']);
  assert.equal(new URL(page.url()).searchParams.get('categories'), 'Jobs');

  // A Korean tag link.
  await page.locator('button.clear-filters').first().click();
  await expectList(page, HOME_ORDER);
  await page.locator('main#main article.post-card[data-slug="lablup-eight-months"] a.tag-link[data-tag="스타트업"]').click();
  await expectSelection(page, ['tag:스타트업'], 'and', [LABLUP]);
  await assertMarker(page, 'tag and category links');
});
