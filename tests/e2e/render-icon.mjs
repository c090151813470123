// Draws static/favicon.png from static/favicon.svg (not a test):
//   node tests/e2e/render-icon.mjs
//
// The site links the PNG, not the SVG: Chromium turns an SVG icon into a document of its
// own, laid out with the Korean font on the page's main thread (about 5 ms), and does so
// again after each new history entry, which a new search makes. A PNG is only decoded.
import { readFileSync } from 'node:fs';

import { chromium } from 'playwright-core';

const SIZE = 64; // a 32 px tab icon on a 2x screen
const svg = readFileSync(new URL('../../static/favicon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
await page.setContent(`<body style="margin:0"><img src="${src}" width="${SIZE}" height="${SIZE}" style="display:block"></body>`);
await page.locator('img').evaluate((img) => img.decode());
await page.screenshot({ path: new URL('../../static/favicon.png', import.meta.url).pathname, omitBackground: true });
await browser.close();
