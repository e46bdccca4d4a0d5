// The single-file build (dist/phs-doctor.html) opened by double-click: a file:// URL, no
// server, no network. Its CSP allows no network access at all; this test also records every
// request and fails on any but the file itself.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BASE_URL, launch, shot } from './helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FILE = resolve(process.env.PHS_SINGLE_FILE || join(here, '..', '..', 'dist', 'phs-doctor.html'));
const URL_ = pathToFileURL(FILE).href;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function openFile(hash = '') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(URL_ + hash);
  await page.locator('main#content [data-testid^="page-"]').first().waitFor();
  return { page, context, problems, requests };
}

test('the single file exists and carries everything inline', async () => {
  assert.ok(existsSync(FILE), `${FILE} is missing: run scripts/build.sh`);
});

test('opened from file:// it runs the main flows with no request beyond itself', async () => {
  const { page, context, problems, requests } = await openFile();
  await shot(page, 'offline-home');

  // Walk: manual path, staging mode -> result.
  await page.getByTestId('start-manual').locator('a').click();
  await page.getByTestId('page-walker').waitFor();
  await page.getByTestId('answer-0').click();
  await page.waitForSelector('[data-testid="node"][data-reference="result:staging-mode"]');

  // Look up an event.
  await page.getByTestId('nav-events').click();
  await page.getByTestId('page-events').waitFor();
  await page.getByTestId('event-filter').fill('654');
  await page.getByTestId('event-654').waitFor();

  // Generate a script with a hostile value.
  await page.getByTestId('nav-scripts').click();
  await page.getByTestId('page-scripts').waitFor();
  await page.getByTestId('field-aad-connector').fill("O'Brien - AAD");
  await page.getByTestId('script').filter({ hasText: "'O''Brien - AAD'" }).waitFor();
  await shot(page, 'offline-scripts');

  const foreign = requests.filter((u) => !(u.startsWith(URL_.split('#')[0]) || u.startsWith('data:') || u.startsWith('blob:')));
  assert.deepEqual(foreign, [], 'requests beyond the file itself');
  assert.deepEqual(problems, [], 'console errors or page errors (CSP violations show here)');
  await context.close();
});

test('its CSP forbids the network: a fetch from the page is refused', async () => {
  const { page, context } = await openFile();
  const result = await page.evaluate(async () => {
    try {
      await fetch('http://127.0.0.1:9/');
      return 'allowed';
    } catch (e) {
      return 'refused';
    }
  });
  assert.equal(result, 'refused');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /connect-src 'none'/);
  assert.match(csp, /default-src 'none'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
  await context.close();
});

test('copy works without the Clipboard API (plain-http hosting), and says so plainly when nothing can copy', async () => {
  const { page, context, problems } = await openFile('#/scripts/full-sync');
  // Outside a secure context (an intranet page over plain http) there is no navigator.clipboard.
  await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }));
  assert.equal(await page.evaluate(() => typeof navigator.clipboard), 'undefined');
  await page.getByTestId('field-ad-connector').fill('contoso.com');
  await page.getByTestId('field-aad-connector').fill('contoso.onmicrosoft.com - AAD');
  await page.getByTestId('copy').click();
  const status = page.getByTestId('copy-status');
  await status.filter({ hasText: 'Copied' }).waitFor();
  assert.equal(await status.getAttribute('role'), 'status', 'announced in a live region');
  const okColor = await status.evaluate((e) => getComputedStyle(e).color);
  // Read the clipboard from a page that may (same browser, secure origin).
  await context.grantPermissions(['clipboard-read'], { origin: new URL(BASE_URL).origin });
  const reader = await context.newPage();
  await reader.goto(BASE_URL);
  const clip = await reader.evaluate(() => navigator.clipboard.readText());
  assert.ok(clip.includes("$aadConnector = 'contoso.onmicrosoft.com - AAD'"), clip);
  await reader.close();
  // Neither the API nor execCommand: the script is selected and the message is neutral.
  await page.evaluate(() => { document.execCommand = () => false; });
  await page.getByTestId('copy').click();
  await status.filter({ hasText: 'Ctrl+C' }).waitFor();
  assert.match(await status.getAttribute('class'), /copy-status-manual/);
  assert.notEqual(await status.evaluate((e) => getComputedStyle(e).color), okColor, 'not the green of success');
  assert.ok((await page.evaluate(() => String(window.getSelection()))).includes('Set-ADSyncAADPasswordSyncConfiguration'));
  await shot(page, 'offline-copy-manual');
  assert.deepEqual(problems, []);
  await context.close();
});
