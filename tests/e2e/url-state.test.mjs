// Filters live in the URL: reload, back/forward and pasted links restore the view.

import assert from 'node:assert/strict';

import { HOME_ORDER, expectedFacets } from './data.mjs';
import {
  appTest, appUrl, assertMarker, assertUrlState, eventually, expectFacets, expectList, expectMode,
  facetButton, gotoApp, modeButton, readHome, reloadApp, setMarker, useBrowser, viewState, waitForView,
} from './helpers.mjs';

const browser = useBrowser();

const KRAFT = 'kraft-technologies-first-year';
const KAKAO = 'kakao-mlops-interview';
const LABLUP = 'lablup-eight-months';

appTest(browser, 'selections are written to the URL query in the documented format', async (page) => {
  await gotoApp(page, '');
  assertUrlState(page.url(), [], 'and');

  await facetButton(page, 'tag:MLOps').click();
  await eventually(() => assertUrlState(page.url(), ['tag:MLOps'], 'and'));
  assert.match(new URL(page.url()).search, /^\?(?=.*\btags=MLOps(&|$))(?=.*\bmode=and(&|$))/, `query: ${page.url()}`);

  await facetButton(page, 'tag:이직').click();
  await eventually(() => assertUrlState(page.url(), ['tag:MLOps', 'tag:이직'], 'and'));
  // Korean values travel percent-encoded (UTF-8), joined by a plain comma.
  const tagsRaw = /(?:^\?|&)tags=([^&]*)/.exec(new URL(page.url()).search)[1];
  assert.deepEqual(tagsRaw.split(',').sort(), ['%EC%9D%B4%EC%A7%81', 'MLOps'], `raw tags value: ${tagsRaw}`);

  await modeButton(page, 'or').click();
  await eventually(() => assertUrlState(page.url(), ['tag:MLOps', 'tag:이직'], 'or'));

  await facetButton(page, 'category:career').click();
  await eventually(() => assertUrlState(page.url(), ['tag:MLOps', 'tag:이직', 'category:career'], 'or'));

  await page.locator('button.clear-filters').first().click();
  await eventually(() => {
    const q = new URL(page.url()).searchParams;
    assert.ok(!q.get('tags') && !q.get('categories'), `nothing selected, nothing in the query: ${page.url()}`);
  });
});

appTest(browser, 'reload restores the same view (posts, pressed facets, mode)', async (page) => {
  await gotoApp(page, '');
  await facetButton(page, 'tag:MLOps').click();
  await facetButton(page, 'tag:이직').click();
  await modeButton(page, 'or').click();
  await expectList(page, [LABLUP, KRAFT, KAKAO]);
  await expectMode(page, 'or');
  const before = await viewState(page);
  const urlBefore = page.url();

  await setMarker(page);
  await reloadApp(page, 'home');
  assert.equal(await page.evaluate(() => window.__geulMarker), undefined, 'the page really reloaded');
  assert.equal(page.url(), urlBefore);
  await expectList(page, [LABLUP, KRAFT, KAKAO]);
  assert.deepEqual(await viewState(page), before, 'view after reload');

  // AND with a category, reloaded too.
  await modeButton(page, 'and').click();
  await facetButton(page, 'tag:MLOps').click(); // unselect
  await facetButton(page, 'category:career').click();
  await expectList(page, [LABLUP, KRAFT]);
  const before2 = await viewState(page);
  await reloadApp(page, 'home');
  await expectList(page, [LABLUP, KRAFT]);
  assert.deepEqual(await viewState(page), before2, 'view after second reload');
  await expectFacets(page, expectedFacets(['tag:이직', 'category:career'], 'and'));
});

appTest(browser, 'back and forward walk through the selections without reloading', async (page) => {
  await gotoApp(page, '');
  await setMarker(page);
  const states = [];
  const record = async () => states.push({ url: page.url(), view: await viewState(page) });

  await expectList(page, HOME_ORDER);
  await record();
  await facetButton(page, 'tag:MLOps').click();
  await expectList(page, [KRAFT, KAKAO]);
  await record();
  await facetButton(page, 'tag:이직').click();
  await expectList(page, [KRAFT]);
  await record();
  await modeButton(page, 'or').click();
  await expectList(page, [LABLUP, KRAFT, KAKAO]);
  await record();
  assert.equal(new Set(states.map((s) => s.url)).size, 4, 'each change is its own history entry');

  const expectState = async (i, how) => {
    await eventually(async () => {
      assert.equal(page.url(), states[i].url, `${how}: URL of state ${i}`);
      assert.deepEqual(await viewState(page), states[i].view, `${how}: view of state ${i}`);
    });
  };

  for (let i = states.length - 2; i >= 0; i -= 1) {
    await page.goBack();
    await expectState(i, 'back');
  }
  for (let i = 1; i < states.length; i += 1) {
    await page.goForward();
    await expectState(i, 'forward');
  }
  await assertMarker(page, 'back/forward between filter states');

  // And a final step back from the forward end.
  await page.goBack();
  await expectState(2, 'back again');
  await assertMarker(page, 'back/forward between filter states');
});

appTest(browser, 'a pasted link shows the view it describes (percent-encoded or raw Korean)', async (page) => {
  const cases = [
    { path: '?tags=MLOps,%EC%9D%B4%EC%A7%81&mode=or', selected: ['tag:MLOps', 'tag:이직'], mode: 'or', slugs: [LABLUP, KRAFT, KAKAO] },
    { path: '?tags=MLOps,이직&mode=or', selected: ['tag:MLOps', 'tag:이직'], mode: 'or', slugs: [LABLUP, KRAFT, KAKAO] },
    { path: '?mode=or&tags=%EC%9D%B4%EC%A7%81,MLOps', selected: ['tag:MLOps', 'tag:이직'], mode: 'or', slugs: [LABLUP, KRAFT, KAKAO] },
    { path: '?tags=MLOps,%EC%9D%B4%EC%A7%81&mode=and', selected: ['tag:MLOps', 'tag:이직'], mode: 'and', slugs: [KRAFT] },
    { path: '?tags=MLOps', selected: ['tag:MLOps'], mode: 'and', slugs: [KRAFT, KAKAO] }, // AND by default
    { path: '?categories=career&mode=and', selected: ['category:career'], mode: 'and', slugs: ['line-developer', LABLUP, KRAFT, KAKAO] },
    { path: '?tags=jobs&categories=career&mode=and', selected: ['tag:jobs', 'category:career'], mode: 'and', slugs: [] },
  ];
  for (const c of cases) {
    await gotoApp(page, c.path);
    await expectList(page, c.slugs);
    await expectMode(page, c.mode);
    await expectFacets(page, expectedFacets(c.selected, c.mode));
    const s = await readHome(page);
    assert.equal(s.empty, c.slugs.length === 0, `${c.path}: empty state`);
  }
  // The page got there without leaving the list page.
  assert.ok(page.url().startsWith(appUrl('')));
});

appTest(browser, 'a pasted link in a fresh browser context matches the view that produced it', async (page) => {
  await gotoApp(page, '');
  await facetButton(page, 'tag:회고').click();
  await facetButton(page, 'tag:면접').click();
  await modeButton(page, 'or').click();
  await expectList(page, [LABLUP, KRAFT, KAKAO]);
  const link = page.url();
  const view = await viewState(page);

  const other = await page.context().browser().newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const fresh = await other.newPage();
    const errors = [];
    fresh.on('pageerror', (e) => errors.push(e.message));
    fresh.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
    fresh.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`); });
    const res = await fresh.goto(link, { waitUntil: 'domcontentloaded' });
    assert.equal(res.status(), 200);
    await waitForView(fresh, 'home');
    await expectList(fresh, [LABLUP, KRAFT, KAKAO]);
    assert.deepEqual(await viewState(fresh), view, 'pasted link reproduces the view');
    assert.deepEqual(errors, []);
  } finally {
    await other.close();
  }
});

appTest(browser, 'a link with a tag no post has shows that tag pressed, and removing it shows the list', async (page) => {
  await gotoApp(page, '?tags=%EC%97%86%EB%8A%94%ED%83%9C%EA%B7%B8&mode=and'); // 없는태그
  await expectList(page, []);
  const stale = facetButton(page, 'tag:없는태그');
  assert.equal(await stale.getAttribute('aria-pressed'), 'true', 'the unknown tag is shown as selected');
  assert.match(await stale.innerText(), /0/);
  await stale.click();
  await expectList(page, HOME_ORDER);
  assert.equal(await facetButton(page, 'tag:없는태그').count(), 0, 'once removed it is gone');
});
