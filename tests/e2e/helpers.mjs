// Shared set-up for the end-to-end tests: Debian's Chromium driven by playwright-core.
//
// Base URL: PHS_BASE_URL (default http://127.0.0.1:8080/), serving dist/.
// Every page records console errors, page errors and failed requests; `done()` asserts there
// were none. Screenshots go to tests/e2e/screenshots/ (gitignored).

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export const BASE_URL = (process.env.PHS_BASE_URL || 'http://127.0.0.1:8080/').replace(/\/?$/, '/');
export const SCREENSHOTS = join(here, 'screenshots');
const FIXTURES = join(here, '..', 'fixtures', 'pastes');

/** A fixture's paste (`tests/fixtures/pastes/<name>.txt`): the file without its `# ` header lines. */
export function fixture(name) {
  const lines = readFileSync(join(FIXTURES, `${name}.txt`), 'utf8').split('\n');
  while (lines[0]?.startsWith('# ')) lines.shift();
  return lines.join('\n');
}
mkdirSync(SCREENSHOTS, { recursive: true });

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Starts Chromium. `launch` gives every browser a fresh temporary profile (user data dir). */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/**
 * Opens a page at `hash` (e.g. '#/events') and returns helpers around it.
 * options.colorScheme: 'light' | 'dark'; options.viewport.
 */
export async function open(browser, hash = '', options = {}) {
  const context = await browser.newContext({
    colorScheme: options.colorScheme || 'light',
    viewport: options.viewport || { width: 1280, height: 900 },
    acceptDownloads: true,
    baseURL: BASE_URL,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(BASE_URL).origin });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`http ${r.status()}: ${r.url()}`); });
  // Nothing leaves the page: every request must be for the page's own files.
  page.on('request', (r) => { if (!isOwnFile(r.url())) problems.push(`foreign request: ${r.url()}`); });
  await page.goto(BASE_URL + hash);
  await page.locator('main#content [data-testid^="page-"]').first().waitFor();
  // The start page is in the HTML before the wasm runs (prerendered): wait until the app has
  // taken over (hydrated it or rendered the page), so that what a test types reaches the app.
  await page.locator('html[data-app]').waitFor({ state: 'attached' });
  return {
    page,
    context,
    problems,
    /** Asserts that nothing went wrong on the page, then closes it. */
    async done() {
      assert.deepEqual(problems, [], 'console errors, page errors or failed requests');
      await context.close();
    },
  };
}

/** True for the page's own files (and in-page data: / blob: URLs). */
export function isOwnFile(url) {
  return url.startsWith(BASE_URL) || url.startsWith('data:') || url.startsWith('blob:');
}

/** A full-page screenshot into tests/e2e/screenshots/NAME.png. */
export async function shot(page, name) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Runs axe-core on the page and asserts there are no serious or critical violations. */
export async function assertAccessible(page, label) {
  // Evaluated through the DevTools protocol: the page's CSP (rightly) refuses inline scripts.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `${label}: accessibility violations`);
}

/** The location hash of the page, e.g. '#/path/task-all/0.0?v=1.1.614.0'. */
export async function hash(page) {
  return page.evaluate(() => window.location.hash);
}
