// One source of markup: every page's static copy is the app's own view, rendered at build
// time. For every page of the site under test (the fixture's and the demo site's five
// posts, their tags and categories, the list and 404), on a phone and a desktop, the static copy's DOM
// and the DOM the app renders once it has taken over are the same elements, attributes and
// text, but for the differences listed here, which the static copy needs because it works
// without JavaScript.

import assert from 'node:assert/strict';

import { DESKTOP, PHONE, allowMissing, appTest, appUrl, useBrowser } from '../helpers.mjs';
import { sitePages } from './pages.mjs';

const browser = useBrowser();

/**
 * Where the static copy may differ from the app, and how both are brought to one form:
 * `tag` renames the element, `drop` removes attributes, `selected` maps the attribute that
 * says "chosen" to one name, `remove` leaves the element out.
 */
const DIFFERENCES = [
  {
    why: 'the skip link names the page itself: a bare #main would resolve against <base href>; the app follows the click instead',
    selector: '.skip-link', drop: ['href'],
  },
  {
    why: 'a facet is a link to its own page without JavaScript, a toggle button in the app',
    selector: '.facet', tag: 'facet-control', drop: ['href', 'type'],
    selected: { 'aria-current': 'page', 'aria-pressed': 'true' },
  },
  {
    why: "clearing a tag page's filter is a link home, a button in the app",
    selector: '.clear-filters', tag: 'clear-control', drop: ['href', 'type'],
  },
  {
    why: 'the mode switch is inert on a static page, which lists one facet at a time',
    selector: '.mode', drop: ['disabled'],
  },
  {
    why: "the search box is a form that reaches the list without JavaScript, the app's searches as the reader types",
    selector: '.search', tag: 'search-box', drop: ['action'],
  },
  {
    why: 'a note that search needs JavaScript, shown only while the app is not running',
    selector: '.search__needs-js', remove: true,
  },
  {
    why: "a card's tags and categories lead to their pages without JavaScript, and add to the list's filters in the app",
    selector: '.tag-link, .category-link', drop: ['href'],
  },
];

/**
 * In the page: the children of `root` as lines of `<tag attr=value …>` and "text", one per
 * element or run of text, indented by depth, with the differences above brought to one form.
 */
function snapshotInPage([html, differences]) {
  const root = html === null
    ? document.getElementById('geul')
    : new DOMParser().parseFromString(html, 'text/html').getElementById('prerendered');
  const lines = [];
  const walk = (node, depth) => {
    let text = '';
    const flush = () => {
      const words = text.replace(/\s+/g, ' ').trim();
      if (words) lines.push(`${'  '.repeat(depth)}"${words}"`);
      text = '';
    };
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        text += child.textContent;
        continue;
      }
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      flush();
      const rule = differences.find((difference) => child.matches(difference.selector));
      if (rule?.remove) continue;
      const attributes = {};
      for (const { name, value } of child.attributes) attributes[name] = value;
      for (const name of rule?.drop ?? []) delete attributes[name];
      if (rule?.selected) {
        let selected = false;
        for (const [name, value] of Object.entries(rule.selected)) {
          selected ||= attributes[name] === value;
          delete attributes[name];
        }
        attributes.selected = String(selected);
      }
      const tag = rule?.tag ?? child.localName;
      const listed = Object.keys(attributes).sort().map((name) => `${name}=${JSON.stringify(attributes[name])}`);
      lines.push(`${'  '.repeat(depth)}<${[tag, ...listed].join(' ')}>`);
      walk(child, depth + 1);
    }
    flush();
  };
  walk(root, 0);
  const title = html === null
    ? document.title
    : new DOMParser().parseFromString(html, 'text/html').title;
  return { lines, title };
}

/**
 * What the bodies' script (static/enhance.js) adds once it runs, on the static page and in
 * the app alike, whenever it gets there: not a difference between the two, so left out of
 * both.
 */
const SCRIPTED = [
  { selector: '.diagram', drop: ['data-drawn', 'data-failed'] },
  { selector: '.diagram__drawing, .comments > script, .comments > iframe', remove: true },
  { selector: '.toc a', drop: ['aria-current'] },
  { selector: '.share__native', drop: ['hidden'] },
];

/** The differences, as plain data the page can receive. */
const RULES = [...DIFFERENCES.map(({ why, ...rule }) => rule), ...SCRIPTED];

for (const [name, viewport] of [['a phone', PHONE], ['a desktop', DESKTOP]]) {
  appTest(browser, `on ${name}, every page's static copy is the app's view but for the listed differences`, async (page) => {
    for (const path of await sitePages(page)) {
      const missing = path === 'no-such-page/';
      if (missing) allowMissing(page, appUrl(path));
      const response = await page.goto(appUrl(path), { waitUntil: 'domcontentloaded' });
      assert.equal(response.status(), missing ? 404 : 200, path);
      const html = await response.text();
      await page.waitForFunction(
        () => !document.getElementById('prerendered') && !!document.querySelector('#geul main#main'),
      );
      if (path.startsWith('posts/')) await page.waitForSelector('#geul .post__body');
      const staticCopy = await page.evaluate(snapshotInPage, [html, RULES]);
      const app = await page.evaluate(snapshotInPage, [null, RULES]);
      assert.ok(staticCopy.lines.length > 10, `${path}: the static copy has the page (${staticCopy.lines.length} lines)`);
      assert.deepEqual(app.lines, staticCopy.lines, `${path}: the app's view and its static copy differ`);
      assert.equal(app.title, staticCopy.title, `${path}: the document's title`);
    }
  }, { viewport, timeout: 120_000 });
}

appTest(browser, 'the listed differences are real: each one is seen on some page', async (page) => {
  const seen = new Set();
  for (const path of ['', 'tags/회고/']) {
    const html = await (await page.request.get(appUrl(path))).text();
    const found = await page.evaluate(([html, selectors]) => {
      const copy = new DOMParser().parseFromString(html, 'text/html').getElementById('prerendered');
      return selectors.filter((selector) => copy.querySelector(selector));
    }, [html, DIFFERENCES.map((difference) => difference.selector)]);
    for (const selector of found) seen.add(selector);
  }
  for (const { selector, why } of DIFFERENCES) assert.ok(seen.has(selector), `unused difference: ${why}`);
});
