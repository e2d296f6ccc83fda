// npm run demo — builds the extension, opens Debian's Chromium with it (a window when a display
// exists, headless otherwise), serves the bundled sample pages at their real URLs, sets a sample
// profile and writes screenshots of the badge, collapsed and expanded, to a folder it prints.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium, openExtensionPage, routeFixtures, sendToBackground } from './lib/chromium';
import { routesOf, type Site } from './lib/fixtures';
import { SAMPLE_PROFILE as PROFILE } from './lib/sample-profiles';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'demo-out');

const FREIDA: Site = {
  origin: 'https://freida.ama-assn.org',
  pages: {
    '/search/list*': 'freida/search-list.html',
    '/program/1403521104*': 'freida/program-1403521104.html',
    '/program/1203811207*': 'freida/program-1203811207.html',
    '/assets/spa-router.js': 'freida/spa-router.js',
  },
};
const HOSPITAL: Site = {
  origin: 'https://www.example-hospital.org',
  pages: {
    '/gme/internal-medicine/faq': 'hospital/im-faq.html',
    '/gme/internal-medicine/international-medical-graduates': 'hospital/im-img.html',
  },
};


async function main() {
  execFileSync(process.execPath, [join(ROOT, 'scripts/ensure-browsers.mjs')], { stdio: 'inherit' });
  if (!process.argv.includes('--no-build')) {
    console.log('Building the extension (npm run build, npm run build:e2e)…');
    execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'ignore' });
    execFileSync('npm', ['run', '-s', 'build:e2e'], { cwd: ROOT, stdio: 'ignore' });
  }
  mkdirSync(OUT, { recursive: true });
  const headed = Boolean(process.env.DISPLAY) && !process.argv.includes('--headless');
  // The e2e build: sample hospital pages are read without asking for site access first.
  const browser = await launchChromium({ build: 'e2e', headed });
  try {
    const { context, extensionId } = browser;
    await routeFixtures(context, routesOf(FREIDA, HOSPITAL));
    const ext = await openExtensionPage(context, extensionId, 'popup.html');
    const set = await sendToBackground(ext, { type: 'profile/set', profile: PROFILE });
    if (!set.ok) throw new Error(`profile/set failed: ${set.error}`);

    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${FREIDA.origin}/program/1403521104`);
    const host = page.locator('smartpick-badge[data-state="ready"]');
    await host.waitFor({ state: 'attached', timeout: 20_000 });
    await page.screenshot({ path: join(OUT, 'badge-collapsed.png') });
    await page.locator('smartpick-badge').getByRole('button', { name: /^SmartPick/ }).first().click();
    await page.locator('smartpick-badge').getByRole('dialog').waitFor();
    await page.screenshot({ path: join(OUT, 'badge-expanded.png') });

    await page.goto(`${HOSPITAL.origin}/gme/internal-medicine/faq`);
    await page.locator('smartpick-badge[data-state="ready"]').waitFor({ state: 'attached', timeout: 20_000 });
    await page.locator('smartpick-badge').getByRole('button', { name: /^SmartPick/ }).first().click();
    await page.screenshot({ path: join(OUT, 'badge-hospital-faq.png') });
    const tier = await page.locator('smartpick-badge').getAttribute('data-tier');

    console.log(`Screenshots written to ${OUT}:`);
    for (const f of ['badge-collapsed.png', 'badge-expanded.png', 'badge-hospital-faq.png']) console.log(`  ${join(OUT, f)}`);
    console.log(`(hospital FAQ read as: ${tier})`);
    if (headed && process.stdin.isTTY) {
      console.log('The browser stays open; press Enter to close it.');
      await new Promise((r) => process.stdin.once('data', r));
    }
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(`demo: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
