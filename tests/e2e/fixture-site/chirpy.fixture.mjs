// A post moved from a Jekyll/Chirpy blog, on the fixture site's build
// (tests/fixture-site/posts/2024-04-10-moving-from-chirpy.md): its callouts, highlighted
// code, embed, footnotes and Liquid links read as a reader expects, on the static page and
// in the app.

import assert from 'node:assert/strict';

import {
  appTest, appUrl, eventually, expectProblems, gotoApp, norm, useBrowser, waitForView, watcherOf,
} from '../helpers.mjs';

const browser = useBrowser();
const SLUG = 'moving-from-chirpy';
const PLAYER = 'https://www.youtube-nocookie.com/embed/H-B46URT4mg?autoplay=1';
const RUST = 'fn main() {\n    // 인사\n    println!("안녕, {}", "geul");\n}\n';

const openPost = (page) => gotoApp(page, `posts/${SLUG}/`, { view: 'post' });
const body = (page) => page.locator('#geul article.post .post__body');

appTest(browser, 'callouts are labelled notes, code is highlighted and numbered, and Liquid is gone', async (page) => {
  await openPost(page);
  const tip = body(page).locator('.callout--tip');
  assert.equal(await tip.getAttribute('role'), 'note');
  assert.equal(norm(await tip.locator('.callout__label').innerText()), '팁');
  assert.match(norm(await tip.innerText()), /설정 파일은 _config\.yml 하나뿐이다/);
  assert.equal(await tip.locator('code.filepath').innerText(), '_config.yml');
  assert.equal(norm(await body(page).locator('.callout--danger .callout__label').innerText()), '위험');

  const rust = body(page).locator('.code').first();
  assert.equal(norm(await rust.locator('.code__file').innerText()), 'src/main.rs');
  assert.equal(await rust.locator('code').textContent(), RUST);
  assert.ok(await rust.locator('pre.code__body--numbered').count() === 1, 'rust lines are numbered');
  const consoleBlock = body(page).locator('.code').nth(1);
  assert.equal(norm(await consoleBlock.locator('.code__language').innerText()), 'Console');
  assert.equal(await consoleBlock.locator('pre.code__body--numbered').count(), 0, 'a console is not');

  const image = body(page).locator('img[alt="구성도"]');
  assert.equal(await image.getAttribute('width'), '320');
  assert.equal(await image.getAttribute('class'), 'shadow');
  assert.ok(await image.evaluate((img) => img.complete && img.naturalWidth > 0), 'the image loads');

  const text = await body(page).innerText();
  assert.ok(!/\{[:%{]/.test(text.replace('{{ message }}', '')), `no Liquid or attribute list shows: ${text}`);
  assert.ok(text.includes('{{ message }}'), '{% raw %} keeps its text');
  const link = body(page).locator('a', { hasText: '지난 배포 회고' });
  assert.equal(await link.getAttribute('href'), '/geul/posts/first-deploy/');
  await link.click();
  await waitForView(page, 'post');
  assert.equal(new URL(page.url()).pathname, '/geul/posts/first-deploy/');
});

appTest(browser, 'the lead shows the description, the change date, the author and the cover; a caption and a scheme image', async (page) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openPost(page);
  assert.equal(norm(await body(page).locator('.post-lead__description').innerText()), '지킬 문법이 그대로 보이는지 확인한다.');
  assert.equal(norm(await body(page).locator('.post-lead__facts').innerText()), '수정 2024년 4월 12일 글쓴이 기록장 지기');
  const cover = body(page).locator('figure.post-cover img');
  assert.equal(await cover.getAttribute('alt'), '옮겨 온 블로그의 구성도');
  assert.ok(await cover.evaluate((img) => img.complete && img.naturalWidth > 0), 'the cover loads');
  assert.match(await body(page).locator('figure.post-cover').getAttribute('style'), /data:image\/gif/);
  assert.equal(norm(await body(page).locator('figure figcaption').innerText()), '구성도: 글이 옮겨 오는 길');
  const night = body(page).locator('img[alt="밤의 구성도"]');
  // Published under its content's name, with the file's own size (64×64) to hold its place.
  assert.match(await night.getAttribute('src'), /^(\/geul\/)?media\/diagram-[0-9a-f]{16}\.png$/);
  assert.deepEqual([await night.getAttribute('width'), await night.getAttribute('height')], ['64', '64']);
  assert.equal(await night.isVisible(), false, 'a .dark image is hidden in the light scheme');
  await page.emulateMedia({ colorScheme: 'dark' });
  await eventually(async () => assert.equal(await night.isVisible(), true, 'and shown in the dark one'));
  const contents = body(page).locator('nav.toc');
  assert.equal(await contents.getAttribute('aria-label'), '목차');
});

appTest(browser, 'code is coloured in both schemes, by the scheme', async (page) => {
  const colours = async () => page.evaluate(() => {
    const colour = (selector) => getComputedStyle(document.querySelector(`.post__body ${selector}`)).color;
    return { keyword: colour('.code .k'), comment: colour('.code .c'), text: colour('p') };
  });
  await page.emulateMedia({ colorScheme: 'light' });
  await openPost(page);
  const light = await colours();
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await colours();
  for (const scheme of [light, dark]) {
    assert.notEqual(scheme.keyword, scheme.text, `keywords stand out: ${JSON.stringify(scheme)}`);
    assert.notEqual(scheme.keyword, scheme.comment);
  }
  assert.notEqual(light.keyword, dark.keyword, 'each scheme has its palette');
});

appTest(browser, 'the copy button copies the code and says so, in the app after a link from the list', async (page) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(appUrl('')).origin });
  await gotoApp(page, '');
  await page.locator(`article.post-card[data-slug="${SLUG}"] h2 a`).click();
  await waitForView(page, 'post');
  const copy = body(page).locator('.code__copy').first();
  await eventually(async () => assert.ok(await copy.isVisible(), 'the body script ran'));
  await copy.click();
  await eventually(async () => assert.equal(norm(await copy.innerText()), '복사했습니다'));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), RUST);
  assert.equal(norm(await page.locator('[role="status"]').last().innerText()), '복사했습니다');
});

appTest(browser, 'the copy button works on the static page, without the app', async (page) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(appUrl('')).origin });
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(appUrl(`posts/${SLUG}/`), { waitUntil: 'load' });
  const copy = page.locator('#prerendered .post__body .code__copy').first();
  await eventually(async () => assert.ok(await copy.isVisible()));
  await copy.click();
  await eventually(async () => assert.equal(await page.evaluate(() => navigator.clipboard.readText()), RUST));
  expectProblems(page, /Failed to fetch|_bg\.wasm/);
});

appTest(browser, 'the video loads nothing from its host until the reader starts it', async (page) => {
  const requested = [];
  await page.route('https://www.youtube-nocookie.com/**', (route) => {
    requested.push(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<p>player</p>' });
  });
  watcherOf(page).allowedOutside.add(PLAYER);
  await openPost(page);
  const embed = body(page).locator('.embed');
  assert.equal(norm(await embed.innerText()), 'YouTube 동영상 재생');
  await page.waitForTimeout(300);
  assert.deepEqual(requested, [], 'nothing from YouTube before the click');
  await embed.locator('a.embed__play').click();
  const frame = embed.locator('iframe');
  await eventually(async () => assert.equal(await frame.getAttribute('src'), PLAYER));
  await eventually(async () => assert.deepEqual(requested, [PLAYER]));
  assert.equal(new URL(page.url()).pathname, `/geul/posts/${SLUG}/`, 'the page stays');
});

appTest(browser, 'formulas are MathML, numbered, and a reference jumps to its equation', async (page) => {
  await openPost(page);
  const inline = body(page).locator('p math:not([display])').first();
  assert.match(norm(await inline.textContent()), /π\s*r\s*2/);
  const equation = body(page).locator('math[display="block"]');
  assert.equal(await equation.count(), 1);
  assert.match(norm(await equation.textContent()), /E=mc2\s*\(1\)/);
  const box = await equation.boundingBox();
  assert.ok(box.height > 10 && box.width > 50, `the equation is drawn: ${JSON.stringify(box)}`);
  await body(page).locator('a', { hasText: '(1)' }).click();
  await eventually(async () => assert.ok(page.url().endsWith('#math-eq:energy'), page.url()));
});

appTest(browser, 'an old address lands on the post', async (page) => {
  for (const old of ['2024/04/10/chirpy-move/', 'old/chirpy.html']) {
    await page.goto(appUrl(old));
    await page.waitForURL(appUrl(`posts/${SLUG}/`));
    await waitForView(page, 'post');
    assert.equal(norm(await page.locator('#geul h1.post__title').innerText()), 'Chirpy에서 옮겨 온 글');
  }
});

appTest(browser, 'a footnote and its reference link to each other', async (page) => {
  await openPost(page);
  const reference = body(page).locator('sup.footnote-ref a');
  await reference.click();
  await eventually(async () => assert.ok(page.url().endsWith('#fn:1'), page.url()));
  const note = body(page).locator('li[id="fn:1"]');
  assert.match(norm(await note.innerText()), /각주의 본문이다/);
  await note.locator('a.footnote-back').click();
  await eventually(async () => assert.ok(page.url().endsWith('#fnref:1'), page.url()));
});

appTest(browser, 'a mermaid diagram is drawn from the site\'s own files, in the reader\'s scheme, and only where there is one', async (page) => {
  const mermaid = [];
  page.on('request', (request) => {
    if (request.url().includes('/mermaid-')) mermaid.push(request.url());
  });
  await page.emulateMedia({ colorScheme: 'light' });
  await gotoApp(page, '');
  await page.locator('article.post-card[data-slug="first-deploy"] h2 a').click();
  await waitForView(page, 'post');
  await page.waitForTimeout(300);
  assert.deepEqual(mermaid, [], 'the list and a post without a diagram load no mermaid');

  await gotoApp(page, '');
  await page.locator(`article.post-card[data-slug="${SLUG}"] h2 a`).click();
  await waitForView(page, 'post');
  const diagram = body(page).locator('figure.diagram');
  const drawing = diagram.locator('.diagram__drawing svg');
  await eventually(async () => assert.equal(await drawing.count(), 1, 'drawn in the app'), { timeout: 15_000 });
  assert.equal(norm(await diagram.locator('.diagram__drawing').innerText()), '지킬 글 geul 빌드 정적 페이지');
  assert.equal(await diagram.locator('.diagram__source').isVisible(), false, 'the source gives way');
  assert.ok(mermaid.length > 0 && mermaid.every((url) => url.startsWith(appUrl('content/'))), mermaid.join('\n'));
  const fill = () => drawing.locator('.node rect').first().evaluate((rect) => getComputedStyle(rect).fill);
  const light = await fill();
  await page.emulateMedia({ colorScheme: 'dark' });
  await eventually(async () => assert.notEqual(await fill(), light, 'redrawn for the dark scheme'), { timeout: 15_000 });
});

appTest(browser, 'without scripts, a diagram shows its source', async (page) => {
  await page.route('**/*.{js,mjs,wasm}', (route) => route.abort());
  await page.goto(appUrl(`posts/${SLUG}/`), { waitUntil: 'load' });
  const source = page.locator('#prerendered .post__body .diagram__source');
  assert.match(norm(await source.innerText()), /^flowchart LR 옛글\[지킬 글\] --> 빌드\{geul 빌드\}/);
  expectProblems(page, /Failed to fetch|ERR_FAILED|_bg\.wasm|\.js/);
});
