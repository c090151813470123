// Takes the README screenshots from a running preview (not a test):
//   cargo xtask build --public-url /geul/ && cargo xtask preview --base /geul/ --port 4321 &
//   GEUL_BASE_URL=http://127.0.0.1:4321/geul/ node tests/e2e/screenshot.mjs
import { chromium } from 'playwright-core';

const base = process.env.GEUL_BASE_URL;
if (!base) throw new Error('set GEUL_BASE_URL to the served site, e.g. http://127.0.0.1:4321/geul/');
const out = new URL('../../docs/', import.meta.url);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const shots = [
  { file: 'screenshot.png', path: '?tags=MLOps&mode=or', viewport: { width: 1200, height: 860 } },
  { file: 'screenshot-phone.png', path: 'posts/line-developer/', viewport: { width: 360, height: 740 } },
];
for (const { file, path, viewport } of shots) {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1, colorScheme: 'light' });
  await page.goto(new URL(path, base).href);
  await page.locator('.post-card, .post__body').first().waitFor();
  await page.screenshot({ path: new URL(file, out).pathname });
  await page.close();
}
await browser.close();
