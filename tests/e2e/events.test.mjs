// Event IDs: the table, the filter, one event's page, and the status values.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertAccessible, hash, launch, open, shot } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the event table filters by ID and by words', async () => {
  const { page, done } = await open(browser);
  await page.getByTestId('nav-events').click();
  await page.getByTestId('page-events').waitFor();
  assert.equal(await hash(page), '#/events');
  const rows = page.locator('[data-testid="events-table"] tbody tr');
  assert.equal(await rows.count(), 42, 'the 41 rows of the doc plus event 0');
  assert.match(await page.getByTestId('log-advice').innerText(), /Application log/);
  assert.match(await page.getByTestId('connectivity-rule').innerText(), /0, 611, 652, 655/);
  // The connectivity events are marked.
  for (const id of [0, 611, 652, 655]) {
    assert.equal(await page.getByTestId(`event-${id}`).getByTestId('connectivity').count(), 1, `${id}`);
  }
  assert.equal(await page.getByTestId('event-654').getByTestId('connectivity').count(), 0);
  await shot(page, 'events');
  await assertAccessible(page, 'events');

  await page.getByTestId('event-filter').fill('611');
  assert.equal(await rows.count(), 1);
  assert.equal(await rows.first().getAttribute('data-testid'), 'event-611');
  assert.match(await page.getByTestId('event-count').innerText(), /1 of 42/);
  await shot(page, 'events-611');

  await page.getByTestId('event-filter').fill('heartbeat');
  await page.getByTestId('event-654').waitFor();
  assert.ok(await rows.count() >= 2);
  assert.match(await page.getByTestId('event-654').innerText(), /heartbeat/i);
  await shot(page, 'events-heartbeat');

  // Typed text is shown as text, never as HTML.
  await page.getByTestId('event-filter').fill('<img src=x onerror=alert(1)>');
  await page.getByTestId('events-empty').waitFor();
  assert.equal(await page.locator('main img').count(), 0);
  await shot(page, 'events-none');

  await page.getByTestId('event-filter').fill('');
  assert.equal(await rows.count(), 42);
  await done();
});

test('one event has its own page; an unknown ID suggests the nearest', async () => {
  const { page, done } = await open(browser, '#/events');
  await page.getByTestId('event-filter').fill('611');
  await page.getByTestId('event-611').getByRole('link', { name: '611' }).click();
  await page.getByTestId('page-event').waitFor();
  assert.equal(await hash(page), '#/event/611');
  assert.match(await page.getByTestId('event-title').innerText(), /Event 611/);
  await assert.doesNotReject(page.getByTestId('connectivity-rule').waitFor());
  // What to do next: analyse it, its guided-path step, and the article's Application log advice.
  const next = page.getByTestId('event-next');
  assert.match(await next.getByTestId('event-analyse').innerText(), /Analyze page/);
  assert.match(await next.getByTestId('log-advice').innerText(), /increasing the size of the Application log/);
  assert.equal(await next.getByTestId('log-advice').getByTestId('source').getAttribute('data-source'), 'article');
  await next.getByTestId('event-step').getByRole('link').click();
  await page.waitForSelector('[data-testid="node"][data-reference="manual-all/events"]');
  await page.goBack();
  await page.getByTestId('event-next').waitFor();
  await shot(page, 'event-611');
  await assertAccessible(page, 'event 611');

  await page.goto(page.url().replace(/#.*/, '#/event/608'));
  await page.getByTestId('event-error').waitFor();
  assert.match(await page.getByTestId('event-error').innerText(), /did you mean 607 or 609/);
  await page.getByRole('link', { name: 'Event 609' }).click();
  await page.getByTestId('event-title').waitFor();
  assert.match(await page.getByTestId('event-title').innerText(), /Event 609/);
  await shot(page, 'event-unknown');
  await done();
});

test('status values: all ten with their next step', async () => {
  const { page, done } = await open(browser);
  await page.getByTestId('version').fill('1.6.16.0');
  await page.getByTestId('nav-statuses').click();
  await page.getByTestId('page-statuses').waitFor();
  const cards = page.locator('[data-testid^="status-"]:not([data-testid="status-where"])');
  assert.equal(await cards.count(), 10);
  assert.match(await page.getByTestId('status-where').innerText(), /Search Connector Space/);
  const filtered = page.getByTestId('status-FilteredByTarget');
  assert.match(await filtered.innerText(), /User must change password at next logon/);
  // The version from the start page decides the gate notice.
  assert.equal(await filtered.getByTestId('gate-notice').getAttribute('data-gate'), 'not-met');
  // Where each next step comes from: the article's words, or PHS Doctor's advice with its source.
  assert.equal(await filtered.getByTestId('source').getAttribute('data-source'), 'article');
  assert.match(await filtered.getByTestId('source').innerText(), /Microsoft's article \(section “One object isn't synchronizing passwords: manual troubleshooting steps”\)/);
  const error = page.getByTestId('status-Error').getByTestId('source');
  assert.equal(await error.getAttribute('data-source'), 'inference');
  assert.match(await error.innerText(), /PHS Doctor's advice — Inference: /);
  assert.match(await page.locator('footer').innerText(), /marked “PHS Doctor's advice” goes beyond the article/);
  await shot(page, 'statuses');
  await assertAccessible(page, 'statuses');
  await done();
});
