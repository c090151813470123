// A site's pages, from its sitemap, for the tests that visit every one of them.

import assert from 'node:assert/strict';

import { appUrl } from '../helpers.mjs';

/** The site's pages, from its sitemap, as paths under the served base; and an address the site lacks. */
export async function sitePages(page) {
  const xml = await (await page.request.get(appUrl('sitemap.xml'))).text();
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => {
    const path = new URL(match[1]).pathname;
    return path.slice(path.indexOf('/', 1) + 1);
  });
  assert.ok(paths.length >= 8, `the sitemap lists the fixture's pages: ${paths}`);
  return [...paths, 'no-such-page/'];
}
