// Draws the app icons of the web app manifest (www/icons/icon-192.png, icon-512.png)
// from www/favicon.svg in headless Chromium. Run by hand when the icon changes
// (`node scripts/icons.mjs`); the PNGs are committed, so a build needs no browser.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const www = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'www');
const svg = readFileSync(path.join(www, 'favicon.svg'), 'utf8');

const browser = await chromium.launch({
  executablePath: process.env.GREYMATTER_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html, body { margin: 0; background: transparent; } svg { display: block; width: ${size}px; height: ${size}px; }</style>${svg}`,
    );
    await page.screenshot({ path: path.join(www, 'icons', `icon-${size}.png`), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
