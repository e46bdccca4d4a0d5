// Advice that knows the version (issue 11 §4, §5): the notices under the recommendation on the
// start page, on a guided path and on Analyze (for a version found in the paste), and the
// collector offered as the fastest route. Screenshots at 1280 and 390 widths, light and dark.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertAccessible, fixture, launch, open, shot } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function kinds(page) {
  return page.getByTestId('version-notice').evaluateAll((ns) => ns.map((n) => n.dataset.kind));
}

test('the start page offers the collector first, and no notices without a version', async () => {
  const { page, done } = await open(browser);
  const fast = page.getByTestId('fast-route');
  assert.match(await fast.innerText(), /read-only collector script/);
  assert.equal(await page.locator('#fast-collector').getAttribute('href'), '#/scripts/collector');
  assert.equal(await page.locator('#fast-analyze').getAttribute('href'), '#/analyze');
  assert.equal(await page.getByTestId('version-notices').count(), 0);
  await page.locator('#fast-collector').click();
  await page.locator('[data-testid="page-scripts"][data-kind="collector"]').waitFor();
  await done();
});

test('a retired 1.x build typed on the start page: retired first, then what it lacks', async () => {
  const { page, done } = await open(browser);
  await page.getByTestId('version').fill('1.6.2.4');
  const retired = page.getByTestId('retired');
  await retired.waitFor();
  assert.match(await retired.innerText(), /Every 1\.x build of Microsoft Entra Connect is retired and no longer synchronizes/);
  const notices = page.getByTestId('version-notices');
  await notices.waitFor();
  assert.equal(await notices.getAttribute('data-version'), '1.6.2.4');
  assert.match(await page.getByTestId('notices-lead').innerText(), /Version 1\.6\.2\.4, typed on the start page\. Judged on \d{4}-\d\d-\d\d/);
  const k = await kinds(page);
  assert.ok(!k.includes('retired'), `the retirement is said once: ${k}`);
  assert.ok(k.includes('domain-rename') && k.includes('temporary-passwords'), `${k}`);
  await done();
});

test('a build under the mandatory minimum: the notices, their sources, light and dark, desktop and phone', async () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [1280, 390]) {
      const { page, done } = await open(browser, '', { colorScheme, viewport: { width, height: 900 } });
      await page.getByTestId('version').fill('2.4.129.0');
      await page.getByTestId('version-notices').waitFor();
      const k = await kinds(page);
      assert.equal(k[0], 'below-minimum', `${k}`);
      assert.ok(k.includes('support-ended') && k.includes('tls12'), `${k}`);
      const minimum = page.locator('[data-testid="version-notice"][data-kind="below-minimum"]');
      assert.match(await minimum.innerText(), /below 2\.5\.79\.0/);
      assert.match(await minimum.getByTestId('source').last().innerText(), /Hardening update to Microsoft Entra Connect Sync/);
      // A date from a third-party table says so.
      const ended = page.locator('[data-testid="version-notice"][data-kind="support-ended"]');
      assert.match(await ended.innerText(), /Third-party source, not Microsoft's/);
      // The page never scrolls sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `horizontal overflow ${overflow}px at ${width}`);
      await shot(page, `home-notices-${width}-${colorScheme}`);
      if (width === 1280 && colorScheme === 'light') await assertAccessible(page, 'home with notices');
      await done();
    }
  }
});

test('a guided path opened with a version shows its notices', async () => {
  const { page, done } = await open(browser, '#/path/task-all?v=2.6.84.0');
  await page.getByTestId('version-notices').waitFor();
  assert.match(await page.getByTestId('notices-lead').innerText(), /Version 2\.6\.84\.0, from the link/);
  const k = await kinds(page);
  assert.ok(k.includes('no-self-healing'), `${k}`);
  await done();
});

test('a collector block with an old version: the notices on Analyze, said to come from the paste', async () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [1280, 390]) {
      const { page, done } = await open(browser, '#/analyze', { colorScheme, viewport: { width, height: 900 } });
      await page.getByTestId('paste').fill(fixture('collector-crlf-prompts'));
      await page.locator('[data-testid="page-analyze"][data-complete="true"]').waitFor();
      const notices = page.getByTestId('version-notices');
      await notices.waitFor();
      assert.equal(await notices.getAttribute('data-version'), '2.4.131.0');
      assert.match(await page.getByTestId('notices-lead').innerText(), /Version 2\.4\.131\.0, found in the paste/);
      const k = await kinds(page);
      assert.equal(k[0], 'below-minimum', `${k}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `horizontal overflow ${overflow}px at ${width}`);
      await shot(page, `analyze-notices-${width}-${colorScheme}`);
      if (width === 1280 && colorScheme === 'dark') await assertAccessible(page, 'analyze with notices');
      await done();
    }
  }
});

test('a paste without a version on Analyze: the version typed on the start page, said so', async () => {
  const { page, done } = await open(browser);
  await page.getByTestId('version').fill('2.5.79.0');
  await page.getByTestId('nav-analyze').click();
  await page.getByTestId('page-analyze').waitFor();
  await page.getByTestId('sample-event-611').click();
  await page.locator('[data-testid="page-analyze"][data-complete="true"]').waitFor();
  await page.getByTestId('version-notices').waitFor();
  assert.match(await page.getByTestId('notices-lead').innerText(), /Version 2\.5\.79\.0, typed on the start page/);
  // Folded: the title is in view, the body opens on a click.
  const ended = page.locator('[data-testid="version-notice"][data-kind="support-ended"]');
  assert.ok(!(await ended.locator('.notice-next').isVisible()));
  await ended.locator('summary').click();
  assert.ok(await ended.locator('.notice-next').isVisible());
  await done();
});
