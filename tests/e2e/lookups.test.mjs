// Connected look-ups (issue 13): status and error pages by deep link, the statuses and errors
// filters, events outside the article's table, IDs in texts as links, the header's search by
// keyboard (typos, hex, names), a title per route and the focus on the new page's heading, and
// a page that never fails silently (wasm answered 404, JavaScript off).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE_URL, assertAccessible, hash, launch, open, shot } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PHONE = { width: 390, height: 844 };

/** Screenshots of the page as it is now: desktop and phone, light and dark. */
async function shots(browserCtx, hashRoute, name, prepare = async () => {}) {
  for (const colorScheme of ['light', 'dark']) {
    for (const [size, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', PHONE]]) {
      const { page, done } = await open(browserCtx, hashRoute, { colorScheme, viewport });
      await prepare(page);
      await shot(page, `${name}-${size}-${colorScheme}`);
      await done();
    }
  }
}

test('a status value has its own page: meaning, next step, its guided-path step and Analyze', async () => {
  const { page, done } = await open(browser, '#/status/TargetNotExportedToDirectory');
  await page.getByTestId('page-status').waitFor();
  assert.match(await page.getByTestId('status-title').innerText(), /^TargetNotExportedToDirectory$/);
  assert.equal(await page.title(), 'TargetNotExportedToDirectory — PHS Doctor');
  const card = page.getByTestId('status-TargetNotExportedToDirectory');
  assert.match(await card.innerText(), /meaning/i);
  const next = page.getByTestId('lookup-next');
  assert.match(await next.getByTestId('lookup-analyse').innerText(), /Analyze page/);
  await next.getByTestId('lookup-step').getByRole('link').click();
  await page.getByTestId('page-walker').waitFor();
  assert.match(await hash(page), /^#\/path\//);
  await page.goBack();
  await page.getByTestId('page-status').waitFor();
  await assertAccessible(page, 'status page');
  // A misspelt value suggests the right one.
  await page.goto(BASE_URL + '#/status/TargetNotExportedToDirectry');
  await page.getByTestId('status-error').waitFor();
  assert.match(await page.getByTestId('status-error').innerText(), /did you mean TargetNotExportedToDirectory/);
  await done();
  await shots(browser, '#/status/TargetNotExportedToDirectory', 'status-page');
});

test('the statuses page filters (typo-tolerant) and Back restores the filter', async () => {
  const { page, done } = await open(browser, '#/statuses');
  const cards = page.locator('.status-list > li');
  assert.equal(await cards.count(), 10);
  await page.getByTestId('statuses-filter').fill('TargetNotExported');
  await page.waitForFunction(() => document.querySelectorAll('.status-list > li').length === 1);
  assert.match(await page.getByTestId('statuses-count').innerText(), /1 of 10/);
  assert.equal(await hash(page), '#/statuses?q=TargetNotExported');
  // A status's name opens its page; Back comes back to the filtered list.
  await page.getByTestId('status-TargetNotExportedToDirectory').locator('h2 a').click();
  await page.getByTestId('page-status').waitFor();
  await page.goBack();
  await page.getByTestId('page-statuses').waitFor();
  assert.equal(await page.getByTestId('statuses-filter').inputValue(), 'TargetNotExported');
  assert.equal(await cards.count(), 1);
  await page.getByTestId('statuses-filter').fill('FilterdByTarget');
  await page.getByTestId('status-FilteredByTarget').waitFor();
  await page.getByTestId('statuses-filter').fill('zzzqqq');
  await page.getByTestId('statuses-empty').waitFor();
  await assertAccessible(page, 'statuses filtered');
  await done();
});

test('errors: the page filters by number, hex and name; an error page by any of them', async () => {
  const { page, done } = await open(browser, '#/errors');
  await page.getByTestId('errors-table').waitFor();
  const rows = page.locator('[data-testid="errors-table"] tbody tr');
  assert.ok(await rows.count() >= 20);
  await page.getByTestId('error-filter').fill('0x2105');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="errors-table"] tbody tr').length === 1);
  assert.equal(await rows.first().getAttribute('data-testid'), 'error-8453');
  await assertAccessible(page, 'errors filtered');
  await rows.first().getByRole('link').click();
  await page.getByTestId('page-error').waitFor();
  assert.equal(await hash(page), '#/error/8453');
  assert.match(await page.getByTestId('error-title').innerText(), /Error 8453 \(0x2105\) ERROR_DS_DRA_ACCESS_DENIED/);
  assert.equal(await page.title(), 'Error 8453 (0x2105) ERROR_DS_DRA_ACCESS_DENIED — PHS Doctor');
  const next = page.getByTestId('lookup-next');
  assert.match(await next.getByTestId('lookup-finding').innerText(), /reported as/);
  assert.equal(await next.getByTestId('lookup-finding-step').count(), 1);
  assert.match(await next.getByTestId('lookup-analyse').innerText(), /Analyze page/);
  await assertAccessible(page, 'error page');
  for (const code of ['0x2105', 'ERROR_DS_DRA_ACCESS_DENIED', 'error_ds_dra_access_denied']) {
    await page.goto(BASE_URL + `#/error/${code}`);
    await page.waitForFunction(() => /8453/.test(document.querySelector('[data-testid="error-title"]')?.textContent || ''));
  }
  await page.goto(BASE_URL + '#/error/ERROR_DS_DRA_ACCES_DENIED');
  await page.getByTestId('error-error').waitFor();
  assert.match(await page.getByTestId('error-error').innerText(), /did you mean ERROR_DS_DRA_ACCESS_DENIED/);
  await done();
  await shots(browser, '#/errors', 'errors-page');
  await shots(browser, '#/error/8453', 'error-page');
});

test('event 6900 is not in the table: its page says what is known, as the Analyze page reports it', async () => {
  const { page, done } = await open(browser, '#/event/6900');
  await page.getByTestId('event-other').waitFor();
  assert.equal(await page.getByText('Page not found').count(), 0);
  assert.match(await page.getByTestId('event-other').innerText(), /not one of the password hash sync events in Microsoft's article/);
  assert.equal(await page.getByTestId('event-provider').innerText(), 'ADSync');
  assert.match(await page.getByTestId('event-concerns').innerText(), /Sometimes/);
  const reported = (await page.getByTestId('lookup-finding').locator('strong').innerText()).trim();
  await assertAccessible(page, 'event 6900');
  // The same event pasted on the Analyze page gives the same finding.
  await page.getByTestId('lookup-analyse-link').click();
  await page.getByTestId('page-analyze').waitFor();
  await page.getByTestId('paste').fill('Log Name:      Application\nSource:        ADSync\nDate:          3/2/2017 4:30:09 AM\nEvent ID:      6900\nTask Category: None\nLevel:         Error\nDescription:\nSomething went wrong.\n');
  await page.locator('[data-testid="finding"] .finding-title').first().waitFor();
  const titles = await page.locator('[data-testid="finding"] .finding-title').allInnerTexts();
  assert.deepEqual(titles.map((t) => t.trim()), [reported]);
  // 6329 is password writeback's.
  await page.goto(BASE_URL + '#/event/6329');
  await page.getByTestId('event-other').waitFor();
  assert.match(await page.getByTestId('event-concerns').innerText(), /^No/);
  assert.match(await page.getByTestId('event-feature').innerText(), /writeback/);
  await done();
  await shots(browser, '#/event/6900', 'event-6900');
});

test('IDs in texts are links: the connectivity rule and the 611 note lead to their pages', async () => {
  const { page, done } = await open(browser, '#/event/611');
  await page.getByTestId('connectivity-rule').getByRole('link', { name: '655', exact: true }).click();
  await page.waitForFunction(() => window.location.hash === '#/event/655');
  await page.goto(BASE_URL + '#/event/611');
  await page.locator('.event-note a.ref', { hasText: '8453' }).click();
  await page.getByTestId('page-error').waitFor();
  assert.equal(await hash(page), '#/error/8453');
  await done();
});

test('search: / focuses it, typos and hex find, arrows and Enter open, Escape closes', async () => {
  const { page, done } = await open(browser, '#/events');
  const input = page.getByTestId('search-input');
  // `/` outside a field focuses the search.
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-search');
  await page.keyboard.type('hearbeat');
  const results = page.getByTestId('search-result');
  await results.first().waitFor();
  assert.ok((await results.allInnerTexts()).some((t) => /Event\s+654/.test(t)), 'the typo finds the heartbeat event');
  assert.equal(await input.getAttribute('aria-expanded'), 'true');
  await shot(page, 'search-hearbeat');
  await assertAccessible(page, 'search open');
  // Arrows move the choice (aria-activedescendant), Escape closes, a second Escape clears.
  await page.keyboard.press('ArrowDown');
  assert.equal(await input.getAttribute('aria-activedescendant'), 'search-result-1');
  await page.keyboard.press('ArrowUp');
  assert.equal(await input.getAttribute('aria-activedescendant'), 'search-result-0');
  await page.keyboard.press('Escape');
  assert.equal(await input.getAttribute('aria-expanded'), 'false');
  await page.keyboard.press('Escape');
  assert.equal(await input.inputValue(), '');
  // One digit too many still finds 611, exactly typed ids come first.
  await page.keyboard.type('6111');
  await results.first().waitFor();
  assert.ok((await results.allInnerTexts()).some((t) => /Event\s+611\b/.test(t)));
  await input.fill('');
  // Keyboard only, to an error page: the hex value, Enter.
  await page.keyboard.type('0x2105');
  await page.waitForFunction(() => /ERROR_DS_DRA_ACCESS_DENIED/.test(document.querySelector('[data-testid="search-result"]')?.textContent || ''));
  await page.keyboard.press('Enter');
  await page.getByTestId('page-error').waitFor();
  assert.equal(await hash(page), '#/error/8453');
  // The route change moved the focus to the new page's heading.
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
  assert.match(await page.evaluate(() => document.activeElement?.textContent), /8453/);
  // Ctrl+K from anywhere; a name; the second result by arrow.
  await page.keyboard.press('Control+k');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-search');
  await page.keyboard.type('TargetNotExportedToDirectory');
  await page.waitForFunction(() => /TargetNotExportedToDirectory/.test(document.querySelector('[data-testid="search-result"]')?.textContent || ''));
  await page.keyboard.press('Enter');
  await page.getByTestId('page-status').waitFor();
  assert.equal(await hash(page), '#/status/TargetNotExportedToDirectory');
  // Nothing found says so.
  await page.keyboard.press('/');
  await page.keyboard.type('zzzqqqxx');
  await page.getByTestId('search-none').waitFor();
  await done();
  await shots(browser, '#/', 'search', async (p) => {
    await p.getByTestId('search-input').fill('replication');
    await p.getByTestId('search-result').first().waitFor();
  });
});

test('each route has its own title; a route change focuses the new heading', async () => {
  const { page, done } = await open(browser);
  assert.match(await page.title(), /^PHS Doctor — password hash sync troubleshooting$/);
  const seen = new Set([await page.title()]);
  for (const [nav, testid] of [['nav-events', 'page-events'], ['nav-statuses', 'page-statuses'], ['nav-errors', 'page-errors'], ['nav-scripts', 'page-scripts'], ['nav-analyze', 'page-analyze']]) {
    await page.getByTestId(nav).click();
    await page.getByTestId(testid).waitFor();
    await page.waitForFunction((s) => !s.includes(document.title), [...seen]);
    seen.add(await page.title());
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', nav);
  }
  assert.equal(seen.size, 6);
  await done();
});

test('the wasm answered 404 (IIS without the .wasm MIME type): the first screen names the fix', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>404.3 Not Found</h1>' }));
  await page.goto(BASE_URL + '#/events');
  const box = page.getByTestId('load-failed');
  await box.waitFor();
  const text = await box.innerText();
  assert.match(text, /could not start/);
  assert.match(text, /phs-doctor\.html/);
  assert.match(text, /application\/wasm/);
  assert.match(text, /web\.config/);
  assert.equal(await page.locator('html').getAttribute('data-app'), 'failed');
  // It is on the first screen, above the start page preview.
  const top = await box.evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(top < 200, `${top}`);
  await shot(page, 'load-failed');
  await assertAccessible(page, 'load failed');
  await context.close();
  // dist/ ships the IIS MIME map.
  const config = await (await fetch(BASE_URL + 'web.config')).text();
  assert.match(config, /<mimeMap fileExtension="\.wasm" mimeType="application\/wasm" \/>/);
});

test('JavaScript off: the first screen says so', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
  const page = await context.newPage();
  await page.goto(BASE_URL);
  const box = page.getByTestId('noscript');
  assert.match(await box.innerText(), /JavaScript is off/);
  const top = (await box.boundingBox()).y;
  assert.ok(top < 200, `${top}`);
  await shot(page, 'noscript-phone');
  await context.close();
});

test('forced colours (Windows High Contrast): the current page and the chosen result stay marked', async () => {
  const context = await browser.newContext({ forcedColors: 'active', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(BASE_URL + '#/errors');
  await page.locator('html[data-app]').waitFor({ state: 'attached' });
  await page.getByTestId('page-errors').waitFor();
  const outline = (sel) => page.locator(sel).first().evaluate((el) => getComputedStyle(el).outlineStyle);
  assert.equal(await outline('.site-nav a.current'), 'solid');
  await page.getByTestId('search-input').fill('8453');
  await page.getByTestId('search-result').first().waitFor();
  assert.equal(await outline('.search-result.active'), 'solid');
  await shot(page, 'forced-colors-search');
  await context.close();
});

test('a deep link opened before the app has started shows a loading state, not the start page', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  let release;
  const released = new Promise((r) => { release = r; });
  await page.route('**/*.wasm', async (route) => { await released; await route.continue(); });
  await page.goto(BASE_URL + '#/error/8453');
  await page.getByTestId('app-loading').waitFor();
  assert.equal(await page.getByTestId('page-home').isVisible(), false, 'the prerendered start page is hidden');
  release();
  await page.getByTestId('page-error').waitFor();
  assert.equal(await page.getByTestId('app-loading').isVisible(), false);
  await context.close();
});
