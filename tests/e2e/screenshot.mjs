// Takes the README screenshots (the list in both themes, a post on a phone, a post with its
// contents beside it) from a served build; `cargo xtask screenshots` builds, serves and
// runs this. Not a test.
import { chromium } from 'playwright-core';

const base = process.env.GEUL_BASE_URL;
if (!base) throw new Error('set GEUL_BASE_URL to the served site, e.g. http://127.0.0.1:4321/geul/');
const out = new URL('../../docs/', import.meta.url);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const DESKTOP = { width: 1280, height: 860 };
const shots = [
  { file: 'screenshot.png', path: '?tags=MLOps&mode=or', viewport: DESKTOP, colorScheme: 'light' },
  { file: 'screenshot-dark.png', path: '?tags=MLOps&mode=or', viewport: DESKTOP, colorScheme: 'dark' },
  { file: 'screenshot-phone.png', path: 'posts/line-developer/', viewport: { width: 360, height: 740 }, colorScheme: 'light' },
  // Scrolled to the second section, so the contents beside the text mark where the reader is.
  { file: 'screenshot-post.png', path: 'posts/line-developer/', viewport: DESKTOP, colorScheme: 'light', section: 1 },
];
for (const { file, path, viewport, colorScheme, section } of shots) {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1, colorScheme });
  await page.goto(new URL(path, base).href);
  await page.locator('#geul .post-card, #geul .post__body p').first().waitFor();
  if (section !== undefined) {
    await page.evaluate((at) => document.querySelectorAll('.post__body h2')[at].scrollIntoView(), section);
    await page.waitForSelector('.toc a[aria-current="true"]');
  }
  await page.screenshot({ path: new URL(file, out).pathname });
  await page.close();
}
await browser.close();
