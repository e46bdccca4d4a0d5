// The start page is prerendered into index.html at build time (prerender/, Yew SSR) and the
// wasm hydrates it: the page is readable and its links work before the wasm has arrived, and
// once the app has taken over (<html data-app="hydrated">) it behaves as if it had rendered the
// page itself, with what the reader typed in the meantime kept.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BASE_URL, hash, isOwnFile, launch, shot } from './helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const SINGLE_FILE = resolve(process.env.PHS_SINGLE_FILE || join(here, '..', '..', 'dist', 'phs-doctor.html'));

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/**
 * Opens the served page at `hash` with the wasm held back until `release()` is called.
 * Records console errors and warnings, page errors, failed and foreign requests.
 */
async function openHeld(hashPart = '') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`http ${r.status()}: ${r.url()}`); });
  page.on('request', (r) => { if (!isOwnFile(r.url())) problems.push(`foreign request: ${r.url()}`); });
  let release;
  const released = new Promise((r) => { release = r; });
  await page.route('**/*.wasm', async (route) => { await released; await route.continue(); });
  await page.goto(BASE_URL + hashPart);
  return {
    page,
    problems,
    release,
    async done() {
      assert.deepEqual(problems, [], 'console errors or warnings, page errors or failed requests');
      await context.close();
    },
  };
}

const appState = (page) => page.evaluate(() => document.documentElement.getAttribute('data-app'));

test('the start page is there before the wasm runs, and its links are hash routes', async () => {
  const { page, release, done } = await openHeld();
  await page.getByTestId('page-home').waitFor();
  // Give a wasm that did arrive time to run: it must not have.
  await page.waitForTimeout(300);
  assert.equal(await appState(page), null, 'the app must not have started');
  assert.match(await page.locator('h1').innerText(), /passwords/);
  assert.equal(await page.getByTestId('version').count(), 1);
  assert.match(await page.getByTestId('reason').innerText(), /manual steps/);
  assert.equal(await page.getByTestId('nav-events').getAttribute('href'), '#/events');
  assert.equal(await page.getByTestId('nav-home').getAttribute('aria-current'), 'page');
  assert.equal(await page.getByTestId('start-manual').locator('a').getAttribute('href'), '#/path/manual-all');
  const hrefs = await page.locator('#app a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length >= 10, `${hrefs}`);
  for (const h of hrefs) assert.match(h, /^#/, 'every link works without the app');
  await shot(page, 'prerendered-home');
  // Enter in the version field before the app runs submits nothing (no form for the CSP to refuse).
  await page.getByTestId('version').press('Enter');
  assert.equal(await page.locator('#app form').count(), 0);
  release();
  await page.locator('html[data-app="hydrated"]').waitFor({ state: 'attached' });
  await done();
});

test('the wasm hydrates the prerendered nodes; typing a version then works', async () => {
  const { page, release, done } = await openHeld();
  await page.getByTestId('page-home').waitFor();
  // Hydration adopts the nodes that are there; a fresh render would replace them.
  await page.evaluate(() => { document.querySelector('h1').dataset.mark = 'prerendered'; });
  release();
  await page.locator('html[data-app="hydrated"]').waitFor({ state: 'attached' });
  assert.equal(await page.locator('h1').getAttribute('data-mark'), 'prerendered');
  assert.equal(await page.locator('#app').getAttribute('data-prerendered'), null);
  await page.getByTestId('version').fill('2.4.129.0');
  await page.getByTestId('version-ok').waitFor();
  await page.getByTestId('start-task').waitFor();
  assert.equal(await page.getByTestId('start-task').locator('a').getAttribute('href'), '#/path/task-all?v=2.4.129.0');
  await page.getByTestId('version').fill('1.x.3');
  await page.getByTestId('version-error').waitFor();
  await shot(page, 'hydrated-home');
  // Links go through the router.
  await page.getByTestId('start-manual').locator('a').click();
  await page.getByTestId('page-walker').waitFor();
  assert.match(await hash(page), /^#\/path\/manual-all/);
  await page.getByTestId('nav-home').click();
  await page.getByTestId('page-home').waitFor();
  await done();
});

test('what was typed before the wasm arrived is kept', async () => {
  const { page, release, done } = await openHeld();
  await page.getByTestId('page-home').waitFor();
  await page.getByTestId('version').fill('2.4.129.0');
  await page.getByTestId('scope-object').check();
  release();
  await page.locator('html[data-app="hydrated"]').waitFor({ state: 'attached' });
  await page.getByTestId('version-ok').waitFor();
  assert.equal(await page.getByTestId('version').inputValue(), '2.4.129.0');
  assert.equal(await page.getByTestId('scope-object').isChecked(), true);
  await page.getByTestId('start-task').waitFor();
  assert.match(await page.getByTestId('start-task').locator('a').getAttribute('href'), /^#\/path\/task-object\?v=2\.4\.129\.0$/);
  await done();
});

test('a link followed before the wasm arrived: the app renders that page instead', async () => {
  const { page, release, done } = await openHeld();
  await page.getByTestId('page-home').waitFor();
  await page.getByTestId('nav-events').click();
  assert.equal(await hash(page), '#/events');
  release();
  await page.locator('html[data-app="rendered"]').waitFor({ state: 'attached' });
  await page.getByTestId('page-events').waitFor();
  assert.equal(await page.getByTestId('page-home').count(), 0);
  assert.equal(await page.locator('#app > header').count(), 1, 'one layout, not the prerendered one beside it');
  await done();
});

test('a page other than the start page is rendered, not hydrated', async () => {
  const { page, release, done } = await openHeld('#/statuses');
  release();
  await page.locator('html[data-app="rendered"]').waitFor({ state: 'attached' });
  await page.getByTestId('page-statuses').waitFor();
  assert.equal(await page.getByTestId('page-home').count(), 0);
  assert.equal(await page.locator('#app > header').count(), 1);
  await done();
});

test('the single file (file://) hydrates its prerendered start page too', async () => {
  assert.ok(existsSync(SINGLE_FILE), `${SINGLE_FILE} is missing: run scripts/build.sh`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(pathToFileURL(SINGLE_FILE).href);
  await page.locator('html[data-app="hydrated"]').waitFor({ state: 'attached' });
  await page.getByTestId('version').fill('1.1.524.0');
  await page.getByTestId('start-cmdlet').waitFor();
  assert.deepEqual(problems, [], 'console errors or warnings, page errors');
  await context.close();
});
