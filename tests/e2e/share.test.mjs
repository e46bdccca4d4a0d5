// Sharing: "Copy link" on the walk, the start page and the events table; the walk's v2 links
// (answer ids), old positional links, stale links and their notice; state kept in the route so
// that Back and a shared link restore it.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertAccessible, hash, launch, open, shot } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Clicks "Copy link", waits for the announcement and returns what the clipboard holds. */
async function copyLink(page) {
  await page.getByTestId('copy-link').click();
  const status = page.getByTestId('copy-link-status');
  await page.waitForFunction(() => document.querySelector('[data-testid="copy-link-status"]')?.textContent.length > 0);
  assert.equal(await status.getAttribute('role'), 'status');
  assert.match(await status.innerText(), /Link copied/);
  return page.evaluate(() => navigator.clipboard.readText());
}

const position = (page) => page.getByTestId('page-walker').getAttribute('data-position');

test('copy link on a walk: the link is v2 (answer ids) and opens the same step', async () => {
  const { page, done } = await open(browser, '#/path/manual-all?v=2.4.129.0');
  await page.waitForSelector('[data-testid="node"][data-reference="manual-all/staging"]');
  await page.getByTestId('answer-1').click();
  await page.waitForSelector('[data-testid="node"][data-reference="manual-all/run-status"]');
  await page.getByTestId('next').click();
  await page.waitForSelector('[data-testid="node"][data-reference="manual-all/feature"]');
  const link = await copyLink(page);
  assert.equal(link, page.url());
  assert.match(link, /#\/path\/manual-all\/v2\.run-status\.feature\?v=2\.4\.129\.0$/);

  const other = await open(browser, new URL(link).hash);
  assert.equal(await position(other.page), 'manual-all/feature');
  assert.equal(await other.page.getByTestId('stale-link').count(), 0);
  assert.match(await other.page.getByTestId('walk-version').innerText(), /2\.4\.129\.0/);
  assert.equal(await other.page.getByTestId('summary').locator('li').count(), 2);
  await other.done();
  await done();
});

test('an old positional link still opens where it did, without a notice, and copies as v2', async () => {
  const { page, done } = await open(browser, '#/path/task-all/0.0.0.0.0.0.0.0?v=2.4.129.0');
  await page.waitForSelector('[data-testid="node"][data-reference="task-all/outcome"]');
  assert.equal(await page.getByTestId('stale-link').count(), 0);
  const link = await copyLink(page);
  assert.match(link, /#\/path\/task-all\/v2\.s2\.s3\.s4\.s5\.s6\.s7\.checks\.outcome\?v=2\.4\.129\.0$/);
  await done();
});

test('a stale link says so and shows the nearest valid step', async () => {
  // Today's example: no first step has a tenth answer.
  const { page, done } = await open(browser, '#/path/task-all/9.9.9');
  await page.getByTestId('stale-link').waitFor();
  assert.equal(await position(page), 'task-all/s1');
  assert.match(await page.getByTestId('stale-link').innerText(), /no longer matches the guide/);
  assert.match(await page.getByTestId('stale-link').innerText(), /first step/);
  await assertAccessible(page, 'stale link');
  await done();

  // A v2 link whose third answer no longer exists: the two before it still lead somewhere.
  const staleV2 = '#/path/manual-all/v2.run-status.feature.renamed-answer?v=2.4.129.0';
  for (const [name, options] of [
    ['stale-link', {}],
    ['dark-stale-link', { colorScheme: 'dark' }],
    ['phone-stale-link', { viewport: { width: 390, height: 844 } }],
    ['dark-phone-stale-link', { colorScheme: 'dark', viewport: { width: 390, height: 844 } }],
  ]) {
    const p = await open(browser, staleV2, options);
    await p.page.getByTestId('stale-link').waitFor();
    assert.equal(await position(p.page), 'manual-all/feature', name);
    assert.match(await p.page.getByTestId('stale-link').innerText(), /2 of its 3 answers still fit/);
    await shot(p.page, name);
    // Going on from the nearest step leaves the stale link behind.
    await p.page.getByTestId('answer-0').click();
    await p.page.waitForSelector('[data-testid="node"][data-reference="manual-all/events"]');
    assert.equal(await p.page.getByTestId('stale-link').count(), 0);
    await p.done();
  }
});

test('the events filter is in the route: Back and a shared link restore it', async () => {
  const { page, done } = await open(browser, '#/events');
  const rows = page.locator('[data-testid="events-table"] tbody tr');
  await page.getByTestId('event-filter').fill('611');
  assert.equal(await rows.count(), 1);
  await page.waitForFunction(() => window.location.hash === '#/events?q=611', null, { timeout: 5000 });
  assert.equal(await hash(page), '#/events?q=611');
  const link = await copyLink(page);
  assert.match(link, /#\/events\?q=611$/);

  await page.getByTestId('event-611').locator('th a').click();
  await page.getByTestId('page-event').waitFor();
  await page.goBack();
  await page.getByTestId('page-events').waitFor();
  assert.equal(await page.getByTestId('event-filter').inputValue(), '611');
  assert.equal(await rows.count(), 1);

  // Words with spaces and characters a URL must encode come back as typed.
  await page.getByTestId('event-filter').fill('no heartbeat & more');
  // The route follows the filter after the render that shows it: wait for it, then share it.
  await page.waitForFunction(() => window.location.hash.startsWith('#/events?q=no'));
  const shared = await open(browser, new URL(page.url()).hash);
  assert.equal(await shared.page.getByTestId('event-filter').inputValue(), 'no heartbeat & more');
  await shared.done();

  // A link to the table without a filter clears it.
  await page.getByTestId('nav-events').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="event-filter"]').value === '');
  assert.equal(await rows.count(), 42);
  await done();
});

test('the start page keeps the version and the symptom in the route', async () => {
  const { page, done } = await open(browser);
  await page.getByTestId('version').fill('2.4.129.0');
  await page.getByTestId('scope-object').check();
  assert.equal(await hash(page), '#/?v=2.4.129.0&symptom=object');
  const link = await copyLink(page);
  assert.match(link, /#\/\?v=2\.4\.129\.0&symptom=object$/);

  await page.getByTestId('start-task').locator('a').click();
  await page.getByTestId('page-walker').waitFor();
  await page.goBack();
  await page.getByTestId('page-home').waitFor();
  assert.equal(await hash(page), '#/?v=2.4.129.0&symptom=object');

  const shared = await open(browser, '#/?v=2.4.129.0&symptom=object');
  assert.equal(await shared.page.getByTestId('version').inputValue(), '2.4.129.0');
  assert.ok(await shared.page.getByTestId('scope-object').isChecked());
  assert.match(await shared.page.getByTestId('start-task').locator('a').getAttribute('href'), /^#\/path\/task-object\?v=2\.4\.129\.0$/);
  await shared.done();
  await done();
});
