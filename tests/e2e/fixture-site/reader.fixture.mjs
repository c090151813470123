// What a reader finds around the posts (the fixture site's build): the theme switch, the
// keyboard shortcuts, the archive, tags and categories, in a post its contents beside or
// above the text, section links, sharing and the reading progress; and every control
// reached with Tab, its focus seen.

import assert from 'node:assert/strict';

import {
  appTest, appUrl, assertMarker, eventually, gotoApp, norm, PHONE, setMarker, useBrowser, waitForView,
} from '../helpers.mjs';

const browser = useBrowser();
const THEME_KEY = 'geul-theme:/geul/';

const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const LIGHT = 'rgb(255, 255, 255)';
const DARK = 'rgb(21, 24, 28)';

appTest(browser, 'the header switch picks the other theme, remembers it per site, and shows it from the first paint', async (page) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await gotoApp(page, '');
  assert.equal(await background(page), LIGHT);
  await page.locator('#geul .theme-switch').click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await background(page), DARK);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), THEME_KEY), 'dark');

  // The theme is chosen before the parser reaches the body, and the first frame the
  // browser draws (its first animation frame) has it.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.body) {
        window.__themeAtBody = document.documentElement.dataset.theme;
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
    requestAnimationFrame(() => {
      window.__firstFrameBackground = getComputedStyle(document.body).backgroundColor;
    });
  });
  await gotoApp(page, 'posts/first-deploy/', { view: 'post' });
  assert.equal(await page.evaluate(() => window.__themeAtBody), 'dark');
  assert.equal(await page.evaluate(() => window.__firstFrameBackground), DARK, 'no flash of the light theme');
  assert.equal(await background(page), DARK, 'the app keeps it');

  // `t` flips back to the system's theme, and the choice is forgotten.
  await page.locator('body').press('t');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), undefined);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), THEME_KEY), null);
  assert.equal(await background(page), LIGHT);
  // Typing a `t` into the search box is only typing.
  await gotoApp(page, '');
  await page.locator('#geul input[type=search]').pressSequentially('t');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), undefined);
});

appTest(browser, 'the chosen theme, not only the system\'s, colours code, callouts and diagrams and picks scheme images', async (page) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await gotoApp(page, 'posts/moving-from-chirpy/', { view: 'post' });
  const look = () => page.evaluate(() => {
    const style = (selector) => getComputedStyle(document.querySelector(`#geul .post__body ${selector}`));
    return {
      keyword: style('.code .k').color,
      callout: style('.callout').borderLeftColor,
      night: style('img[alt="밤의 구성도"]').display,
    };
  });
  const fill = () => page.locator('#geul .diagram__drawing svg .node rect').first()
    .evaluate((rect) => getComputedStyle(rect).fill);
  await page.waitForSelector('#geul .diagram[data-drawn] svg', { timeout: 15_000 });
  const light = await look();
  const lightDiagram = await fill();
  assert.equal(light.night, 'none', 'a .dark image is hidden in the light theme');
  await page.locator('#geul .theme-switch').click();
  const dark = await look();
  assert.notEqual(dark.keyword, light.keyword);
  assert.notEqual(dark.callout, light.callout);
  assert.notEqual(dark.night, 'none', 'and shown once the reader picks the dark one');
  await eventually(async () => assert.notEqual(await fill(), lightDiagram, 'the diagram redrawn'), { timeout: 15_000 });
  // The same as the system's dark scheme gives.
  await page.locator('#geul .theme-switch').click();
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.deepEqual(await look(), dark);
});

appTest(browser, '"?" lists the keyboard shortcuts, and "/" goes to the search box', async (page) => {
  await gotoApp(page, '');
  await page.locator('body').press('?');
  const dialog = page.locator('dialog#shortcuts');
  assert.ok(await dialog.isVisible());
  assert.deepEqual(
    (await dialog.locator('dt').allInnerTexts()).map(norm),
    ['/', 't', '?'],
  );
  assert.equal(norm(await dialog.locator('h2').innerText()), '단축키');
  await page.keyboard.press('Escape');
  assert.ok(!(await dialog.isVisible()));
  await page.locator('body').press('/');
  assert.equal(await page.evaluate(() => document.activeElement.type), 'search');
  // The footer's button opens the same list.
  await page.locator('.shortcuts-open').click();
  assert.ok(await dialog.isVisible());
});

/** `{ year: count }` as the archive shows them, and the posts it links. */
async function readArchive(page) {
  return page.evaluate(() => ({
    years: [...document.querySelectorAll('#geul .archives__year > h2')].map((h) => h.textContent),
    posts: [...document.querySelectorAll('#geul .archives__posts a')].map((a) => new URL(a.href).pathname),
  }));
}

appTest(browser, 'the archive lists every dated post by year and month, and the app opens it from the header', async (page) => {
  await gotoApp(page, 'posts/first-deploy/', { view: 'post' });
  await setMarker(page);
  await page.locator('#geul .site-nav a', { hasText: '아카이브' }).click();
  await waitForView(page, 'overview');
  assert.equal(new URL(page.url()).pathname, '/geul/archives/');
  await assertMarker(page, 'the header link');
  assert.match(await page.title(), /^아카이브 · /);
  const archive = await readArchive(page);
  assert.deepEqual(archive.years, ['2024년 3개', '2023년 2개']);
  assert.deepEqual(archive.posts, [
    '/geul/posts/moving-from-chirpy/', '/geul/posts/first-deploy/', '/geul/posts/rust-cli/',
    '/geul/posts/pipeline-incident/', '/geul/posts/interview-notes/',
  ]);
  // The static page shows the same, without the app.
  const context = await browser().newContext({ javaScriptEnabled: false });
  const still = await context.newPage();
  await still.goto(appUrl('archives/'));
  assert.deepEqual(
    await still.evaluate(() => [...document.querySelectorAll('.archives__posts a')].length),
    archive.posts.length,
  );
  await context.close();
});

appTest(browser, 'the tags and categories pages count what each one\'s own page lists', async (page) => {
  for (const overview of ['tags', 'categories']) {
    await gotoApp(page, `${overview}/`, { view: 'overview' });
    const entries = await page.evaluate(() => [...document.querySelectorAll('#geul section.overview li > a')]
      .map((a) => ({ href: a.getAttribute('href'), count: a.nextElementSibling.firstChild.textContent })));
    assert.ok(entries.length >= 3, `${overview}: ${entries.length}`);
    for (const { href, count } of entries.slice(0, 3)) {
      await page.goto(new URL(href, page.url()).href);
      await waitForView(page, 'home');
      const cards = await page.locator('#geul article.post-card').count();
      assert.equal(String(cards), count, href);
    }
  }
});

appTest(browser, 'on a wide screen the contents stand open beside the text and follow the reading', async (page) => {
  await gotoApp(page, 'posts/moving-from-chirpy/', { view: 'post' });
  const toc = page.locator('#geul .toc');
  const [tocBox, textBox] = [await toc.boundingBox(), await page.locator('#geul .post__body > p').first().boundingBox()];
  assert.ok(tocBox.x >= textBox.x + textBox.width, `beside the text: ${JSON.stringify([tocBox, textBox])}`);
  const links = toc.locator('a');
  assert.ok(await links.first().isVisible(), 'open');
  const last = links.last();
  const target = decodeURIComponent(new URL(await last.evaluate((a) => a.href)).hash.slice(1));
  await page.evaluate((id) => document.getElementById(id).scrollIntoView(), target);
  await page.waitForFunction(() => document.querySelector('#geul .toc a[aria-current="true"]'));
  assert.equal(await last.getAttribute('aria-current'), 'true', 'the section in view is marked');
  assert.ok((await toc.boundingBox()).y >= 0, 'still in view');
});

appTest(browser, 'on a phone the contents are a closed list above the text', async (page) => {
  await gotoApp(page, 'posts/moving-from-chirpy/', { view: 'post' });
  const toc = page.locator('#geul .toc');
  assert.ok(!(await toc.locator('a').first().isVisible()), 'closed');
  await toc.locator('summary').click();
  assert.ok(await toc.locator('a').first().isVisible(), 'opens');
}, { viewport: PHONE });

appTest(browser, 'a section\'s # link copies its address, and the post\'s address can be copied', async (page) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await gotoApp(page, 'posts/moving-from-chirpy/', { view: 'post' });
  const heading = page.locator('#geul .post__body h2').first();
  const anchor = heading.locator('.heading-anchor');
  assert.equal(await anchor.evaluate((a) => getComputedStyle(a).opacity), '0', 'hidden until wanted');
  await anchor.focus();
  assert.equal(await anchor.evaluate((a) => getComputedStyle(a).opacity), '1', 'seen on focus');
  await anchor.click();
  const id = await heading.getAttribute('id');
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  assert.equal(decodeURIComponent(await clipboard()), decodeURIComponent(appUrl(`posts/moving-from-chirpy/#${id}`)));
  assert.equal(norm(await page.locator('.enhanced body, body > p[role=status]').last().innerText()), '링크를 복사했습니다');
  await page.locator('#geul .share__copy').click();
  await page.waitForFunction(() => document.querySelector('#geul .share__copy').textContent === '링크를 복사했습니다');
  assert.equal(await clipboard(), appUrl('posts/moving-from-chirpy/'));
  assert.equal(
    await page.locator('#geul .share__native').isVisible(),
    await page.evaluate(() => 'share' in navigator),
    'the share button shows only where the browser can share',
  );
});

appTest(browser, 'a long post shows how far the reader is; a short one has no bar', async (page) => {
  await gotoApp(page, 'posts/pipeline-incident/', { view: 'post' });
  assert.match(norm(await page.locator('#geul .reading-time').innerText()), /^[5-9]분/, 'a long post');
  const bar = page.locator('#geul .reading-progress');
  assert.equal(await bar.count(), 1);
  const width = () => bar.evaluate((b) => b.getBoundingClientRect().width);
  const before = await width();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  await page.waitForFunction((w) => document.querySelector('#geul .reading-progress').getBoundingClientRect().width > w + 50, before);
  await gotoApp(page, 'posts/interview-notes/', { view: 'post' });
  assert.equal(await page.locator('#geul .reading-progress').count(), 0);
});

/**
 * Tabs through the page from its top and returns, for each control a reader can see, whether
 * the keyboard reached it, and, for each control reached, whether its focus can be seen.
 */
async function walkWithTab(page) {
  const controls = await page.evaluate(() => {
    const seen = (el) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden'
        && !el.closest('[hidden], dialog:not([open]), details:not([open]) > :not(summary)');
    };
    const all = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
      .filter((el) => !el.disabled && seen(el));
    all.forEach((el, at) => { el.dataset.walk = String(at); });
    return all.map((el) => el.outerHTML.slice(0, 80));
  });
  await page.evaluate(() => document.activeElement?.blur());
  const reached = new Map();
  for (let press = 0; press < controls.length + 10; press += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body || !el.dataset.walk) return null;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return {
        at: el.dataset.walk,
        outlined: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none',
        shown: Number(style.opacity) > 0 && box.bottom > 0 && box.top < innerHeight,
      };
    });
    if (focused) reached.set(focused.at, focused);
  }
  return { controls, reached };
}

for (const path of ['', 'posts/moving-from-chirpy/', 'archives/']) {
  appTest(browser, `every control on /${path} is reached with Tab, and its focus is seen`, async (page) => {
    await page.goto(appUrl(path));
    await page.waitForFunction(() => !document.getElementById('prerendered') && !!document.querySelector('#geul main#main'));
    if (path.startsWith('posts/')) await page.waitForSelector('#geul .post__body p');
    const { controls, reached } = await walkWithTab(page);
    assert.ok(controls.length >= 10, `${controls.length} controls`);
    const missed = controls.filter((_, at) => !reached.has(String(at)));
    assert.deepEqual(missed, [], 'reached with the keyboard');
    const unseen = [...reached.values()].filter((f) => !f.outlined || !f.shown).map((f) => controls[f.at]);
    assert.deepEqual(unseen, [], 'a visible focus');
  }, { timeout: 120_000 });
}
