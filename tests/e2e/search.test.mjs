// Korean search in the list: substrings, initial consonants, the wrong keyboard layout,
// an IME composition in progress, URL state, and the combination with the filters.

import assert from 'node:assert/strict';

import { HOME_ORDER } from './data.mjs';
import { afterOneKeystroke, appTest, eventually, expectFacets, expectList, facetButton, gotoApp, gotoPost, reloadApp, useBrowser, waitForView } from './helpers.mjs';

const browser = useBrowser();
const box = (page) => page.getByRole('searchbox', { name: '검색' });
const shownSlugs = (page) => page.$$eval('section.post-list article.post-card', (cards) => cards.map((c) => c.dataset.slug));

async function expectIncludes(page, slug) {
  await eventually(async () => assert.ok((await shownSlugs(page)).includes(slug), `${slug} shown`));
}

appTest(browser, 'typing a Korean word finds it inside longer words, in the URL as q', async (page) => {
  await gotoApp(page, '');
  await box(page).pressSequentially('래블업');
  await expectList(page, ['lablup-eight-months']);
  // The address follows once typing pauses.
  await eventually(async () => assert.equal(new URL(page.url()).searchParams.get('q'), '래블업'));
  await reloadApp(page, 'home');
  await expectList(page, ['lablup-eight-months']);
  assert.equal(await box(page).inputValue(), '래블업', 'the box shows the query after a reload');
});

appTest(browser, 'initial consonants and several words', async (page) => {
  await gotoApp(page, '?q=%E3%85%8B%E3%85%8B%E3%85%87'); // ㅋㅋㅇ
  await expectIncludes(page, 'kakao-mlops-interview');
  await gotoApp(page, '?q=' + encodeURIComponent('카카오 면접'));
  await eventually(async () => assert.equal((await shownSlugs(page))[0], 'kakao-mlops-interview', 'the title match first'));
});

appTest(browser, 'Latin typed in the wrong keyboard layout is tried as Hangul, and the page says so', async (page) => {
  await gotoApp(page, '');
  await box(page).pressSequentially('fkdls'); // 라인
  await expectIncludes(page, 'line-developer');
  await eventually(async () => assert.match(await page.locator('.search__notice').innerText(), /라인/));
});

appTest(browser, 'search combines with the tag filter; Escape clears it; back returns to the list', async (page) => {
  await gotoApp(page, '?tags=MLOps&mode=and');
  await box(page).pressSequentially('카카오');
  // Both MLOps posts mention 카카오; the one with it in the title comes first.
  await expectList(page, ['kakao-mlops-interview', 'kraft-technologies-first-year']);
  assert.equal(await facetButton(page, 'tag:MLOps').getAttribute('aria-pressed'), 'true');
  await box(page).press('Escape');
  await expectList(page, ['kraft-technologies-first-year', 'kakao-mlops-interview']);
  await box(page).pressSequentially('없는말없는말');
  await eventually(async () => assert.equal(await page.locator('.empty-state').count(), 1));
  await page.goBack();
  await expectList(page, ['kraft-technologies-first-year', 'kakao-mlops-interview']);
});

appTest(browser, 'a syllable still being composed by the IME already finds results', async (page) => {
  await gotoApp(page, '');
  await box(page).focus();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.insertText', { text: '래블' });
  // ㅇ + ㅓ on the way to 업: the IME shows 어 while composing; the list must not go empty.
  await cdp.send('Input.imeSetComposition', { text: '어', selectionStart: 1, selectionEnd: 1 });
  await expectList(page, ['lablup-eight-months']);
  await cdp.send('Input.imeSetComposition', { text: '업', selectionStart: 1, selectionEnd: 1 });
  await expectList(page, ['lablup-eight-months']);
  await cdp.send('Input.insertText', { text: '업' });
  await expectList(page, ['lablup-eight-months']);
  assert.equal(await box(page).inputValue(), '래블업');
});

appTest(browser, 'a double final the IME shows on the way to the next syllable still finds results (앍 → 알고)', async (page) => {
  await gotoApp(page, '');
  await box(page).focus();
  const cdp = await page.context().newCDPSession(page);
  // 알 + ㄱ shows as 앍 until the vowel of 고 arrives; three posts have 알 before a ㄱ syllable.
  for (const step of ['ㅇ', '아', '알', '앍']) {
    await cdp.send('Input.imeSetComposition', { text: step, selectionStart: 1, selectionEnd: 1 });
  }
  await eventually(async () => assert.deepEqual(
    (await shownSlugs(page)).sort(),
    ['data-scientist-job-change', 'kakao-mlops-interview', 'line-developer'],
  ));
  await cdp.send('Input.insertText', { text: '알' });
  await cdp.send('Input.imeSetComposition', { text: '고', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.insertText', { text: '고리즘' });
  await expectList(page, ['line-developer']);
  assert.equal(await box(page).inputValue(), '알고리즘');
});

appTest(browser, 'a final consonant typed toward the next syllable still matches (콛 → 코드)', async (page) => {
  // Only the Kraft post has 에러 and 코드 ("에러 코드를 반환을 안하니").
  await gotoApp(page, '?q=' + encodeURIComponent('에러 콛'));
  await expectList(page, ['kraft-technologies-first-year']);
});

appTest(browser, 'results show the text around the match with the match marked', async (page) => {
  await gotoApp(page, '?q=' + encodeURIComponent('뤼이드'));
  await expectList(page, ['kraft-technologies-first-year']);
  await eventually(async () => {
    const mark = page.locator('article.post-card .post-card__snippet mark');
    assert.equal(await mark.count(), 1);
    assert.equal(await mark.innerText(), '뤼이드');
    assert.match(await page.locator('.post-card__snippet').innerText(), /카카오 모빌리티와 뤼이드에서는/);
  });
});

appTest(browser, 'a snippet marks every match it shows, of every term', async (page) => {
  const marksIn = (slug) => page.locator(`article.post-card[data-slug="${slug}"] .post-card__snippet mark`).allInnerTexts();
  // Only the Kraft post has 뤼이드; its snippet starts at 카카오, nine characters before.
  await gotoApp(page, '?q=' + encodeURIComponent('뤼이드 카카오'));
  await expectList(page, ['kraft-technologies-first-year']);
  await eventually(async () => assert.deepEqual(await marksIn('kraft-technologies-first-year'), ['카카오', '뤼이드']));
  assert.match(await page.locator('.post-card__snippet').innerText(), /카카오 모빌리티와 뤼이드에서는/);
  // The same word twice within the snippet ("서류 합불 연락도 없어서 연락을 3번이나").
  await gotoApp(page, '?q=' + encodeURIComponent('연락'));
  await eventually(async () => assert.deepEqual(await marksIn('kraft-technologies-first-year'), ['연락', '연락']));
  await eventually(async () => assert.deepEqual(await marksIn('lablup-eight-months'), ['연락']));
});

appTest(browser, '"/" focuses the search box', async (page) => {
  await gotoApp(page, '');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input'));
  assert.equal(await box(page).inputValue(), '', 'the slash is not typed into the box');
});

appTest(browser, '↓ and ↑ walk from the box through the results and back; Enter opens one', async (page) => {
  await gotoApp(page, '?q=' + encodeURIComponent('카카오'));
  // Until the search index arrives the list is unfiltered and says search is being prepared.
  await eventually(async () => assert.equal(await page.locator('.search__notice[aria-busy="true"]').count(), 0));
  await eventually(async () => assert.ok((await shownSlugs(page)).length >= 2));
  const slugs = await shownSlugs(page);
  assert.equal(slugs[0], 'kakao-mlops-interview', 'the title match first');
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    return el?.id === 'search-input' ? 'box' : el?.closest('article.post-card')?.dataset.slug ?? el?.tagName;
  });
  await box(page).focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), slugs[0]);
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), slugs[1]);
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(), slugs[0]);
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(), 'box');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await waitForView(page, 'post');
  assert.equal(await page.locator('article.post').getAttribute('data-slug'), slugs[0]);
  assert.equal(new URL(page.url()).searchParams.get('q'), '카카오', 'the post knows what was searched');
});

appTest(browser, 'an opened result marks the matches and scrolls to the first', async (page) => {
  // 진땀 occurs once, far down the LINE post.
  await gotoApp(page, '?q=' + encodeURIComponent('진땀'));
  await expectList(page, ['line-developer']);
  await page.locator('article.post-card h2 a').click();
  await waitForView(page, 'post');
  await eventually(async () => {
    const marks = page.locator('.post__body mark.search-hit');
    assert.equal(await marks.count(), 1);
    assert.equal(await marks.innerText(), '진땀');
    const place = await marks.evaluate((mark) => ({
      top: mark.getBoundingClientRect().top,
      height: innerHeight,
      scrolled: scrollY,
    }));
    assert.ok(place.scrolled > place.height, `scrolled down (${place.scrolled}px)`);
    assert.ok(place.top >= 0 && place.top < place.height, `the match is on screen (top ${place.top}px)`);
  });
  // The same post opened without a search has no marks and starts at the top.
  await gotoPost(page, 'line-developer');
  assert.equal(await page.locator('.post__body mark.search-hit').count(), 0);
  assert.equal(await page.evaluate(() => scrollY), 0);
});

appTest(browser, 'a post opened directly with ?q= marks the matches too, in Korean ways', async (page) => {
  await gotoApp(page, 'posts/lablup-eight-months/?q=' + encodeURIComponent('ㄹㅂㅇ'), { view: 'post', missing: true });
  await eventually(async () => {
    const marks = await page.locator('.post__body mark.search-hit').allInnerTexts();
    assert.ok(marks.length > 1, `${marks.length} marks`);
    assert.ok(marks.includes('래블업'), marks.join(','));
    // ㄹㅂㅇ also finds the post's misspelling 레블업; nothing else has those initials.
    assert.ok(marks.every((text) => /^[래레]블업$/.test(text)), marks.join(','));
  });
});

appTest(browser, 'under a search, the filter counts only count the posts found', async (page) => {
  await gotoApp(page, '?q=' + encodeURIComponent('래블업'));
  await expectList(page, ['lablup-eight-months']);
  await expectFacets(page, {
    'tag:회고': { pressed: false, count: 1 },
    'tag:스타트업': { pressed: false, count: 1 },
    'tag:MLOps': { pressed: false, count: 0 },
    'category:career': { pressed: false, count: 1 },
  });
  await box(page).fill('');
  await expectFacets(page, { 'tag:회고': { pressed: false, count: 2 } });
});

appTest(browser, 'a keystroke changes the list; the filter counts follow when typing pauses', async (page) => {
  await gotoApp(page, '?q=' + encodeURIComponent('회고'));
  await eventually(async () => assert.match(await page.locator('.result-count').textContent(), /전체/));
  await expectFacets(page, { 'tag:회고': { pressed: false, count: 2 } });
  // One keystroke and the task after it: the list has changed, the counts not yet.
  const rightAfter = await afterOneKeystroke(page, '래블업');
  assert.deepEqual(rightAfter.slugs, ['lablup-eight-months']);
  assert.equal(rightAfter.facetCounts['tag:회고'], '2');
  assert.equal(new URL(rightAfter.url).searchParams.get('q'), '회고', 'the address follows the pause');
  await expectFacets(page, { 'tag:회고': { pressed: false, count: 1 } });
  await eventually(async () => assert.equal(new URL(page.url()).searchParams.get('q'), '래블업'));
  // A card's tag links filter by the tag; the search text is not part of them.
  const hrefs = await page.locator('main#main article.post-card a.tag-link').evaluateAll((links) => links.map((a) => a.href));
  assert.ok(hrefs.length > 0 && hrefs.every((href) => !new URL(href).searchParams.has('q')), hrefs.join(' '));
});

appTest(browser, 'a result opened before typing pauses still leaves the search in the history', async (page) => {
  await gotoApp(page, '?q=' + encodeURIComponent('회고'));
  await eventually(async () => assert.match(await page.locator('.result-count').textContent(), /전체/));
  await afterOneKeystroke(page, '래블업');
  await page.locator('main#main article.post-card h2 a').first().click();
  await waitForView(page, 'post');
  await page.goBack();
  await waitForView(page, 'home');
  assert.equal(new URL(page.url()).searchParams.get('q'), '래블업');
  await expectList(page, ['lablup-eight-months']);
  assert.equal(await page.locator('#search-input').inputValue(), '래블업');
});

appTest(browser, 'while the search index is on its way the list stays and says so, then narrows', async (page) => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/content/search-*.bin', async (route) => {
    await held;
    await route.continue();
  });
  await gotoApp(page, '?q=' + encodeURIComponent('래블업'));
  const notice = page.locator('.search__notice[aria-busy="true"]');
  await eventually(async () => assert.match(await notice.innerText(), /검색을 준비하는 중/));
  await expectList(page, HOME_ORDER);
  release();
  await expectList(page, ['lablup-eight-months']);
  assert.equal(await notice.count(), 0);
});

appTest(browser, 'when the search index cannot be fetched the list stays, says so, and typing tries again', async (page) => {
  // Aborted, as a dropped connection would (the page watcher only tolerates this kind).
  await page.route('**/content/search-*.bin', (route) => route.abort('aborted'));
  await gotoApp(page, '?q=' + encodeURIComponent('래블업'));
  const alert = page.locator('.search__notice[role="alert"]');
  await eventually(async () => assert.match(await alert.innerText(), /불러오지 못했습니다/));
  await expectList(page, HOME_ORDER);
  await page.unroute('**/content/search-*.bin');
  await box(page).press('End');
  await page.keyboard.type(' ');
  await expectList(page, ['lablup-eight-months']);
  assert.equal(await alert.count(), 0);
});
