// The Learn section (issue 13, readable knowledge): the list from the navigation, a page with
// its contents and section routes (scrolled to, heading focused, a title each), Microsoft's
// article as one page with its attribution, "Learn more" from a finding and from a walk step,
// the search to a section, axe on the new pages, screenshots.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertAccessible, fixture, hash, launch, open, shot } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PHONE = { width: 390, height: 844 };

/** The id and text of the focused element. */
async function focused(page) {
  return page.evaluate(() => ({ id: document.activeElement?.id, tag: document.activeElement?.tagName, text: document.activeElement?.textContent }));
}

/** Whether the element's top is within the viewport. */
async function inView(page, selector) {
  return page.evaluate((s) => {
    const r = document.querySelector(s)?.getBoundingClientRect();
    return !!r && r.top >= 0 && r.top < window.innerHeight;
  }, selector);
}

test('Learn from the navigation: the list, a page, a section by its route', async () => {
  const { page, done } = await open(browser, '#/');
  await page.getByTestId('nav-learn').click();
  await page.getByTestId('page-learn-index').waitFor();
  assert.equal(await hash(page), '#/learn');
  assert.equal(await page.getByTestId('nav-learn').getAttribute('aria-current'), 'page');
  assert.equal(await page.title(), 'Learn about password hash sync — PHS Doctor');
  assert.equal((await focused(page)).tag, 'H1');
  await assertAccessible(page, 'learn list');

  await page.getByTestId('learn-page-how-phs-works').click();
  await page.getByTestId('page-learn').waitFor();
  assert.equal(await hash(page), '#/learn/how-phs-works');
  assert.equal(await page.title(), 'How password hash synchronization works — PHS Doctor');
  assert.equal((await focused(page)).tag, 'H1');
  // Each section says where it comes from: the article, or PHS Doctor's summary with its source.
  const sources = await page.locator('.learn-section [data-testid="source"]').evaluateAll((n) => n.map((e) => e.dataset.source));
  assert.ok(sources.includes('article') && sources.includes('public'), sources.join());
  // An explanation beyond the article is PHS Doctor's summary of its source, not advice.
  const labels = await page.locator('.learn-section [data-source="public"] .source-label').allInnerTexts();
  assert.ok(labels.length > 0 && labels.every((l) => l === "PHS Doctor's summary"), labels.join());
  await assertAccessible(page, 'learn page');

  // The contents open a section: its route, its title, scrolled to, its heading focused.
  await page.getByTestId('learn-contents').getByRole('link', { name: 'Staging mode' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 's-staging');
  assert.equal(await hash(page), '#/learn/how-phs-works/staging');
  assert.equal(await page.title(), 'Staging mode · How password hash synchronization works — PHS Doctor');
  assert.ok(await inView(page, '#s-staging'));
  // Back returns to the page's top.
  await page.goBack();
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  assert.equal(await hash(page), '#/learn/how-phs-works');
  // A deep link to a section lands on it; an unknown section shows the page and says so.
  await page.goto(new URL('#/learn/how-phs-works/temporary-passwords', page.url()).href);
  await page.waitForFunction(() => document.activeElement?.id === 's-temporary-passwords');
  await page.goto(new URL('#/learn/how-phs-works/nope', page.url()).href);
  await page.getByTestId('learn-missing').waitFor();
  await done();
});

test("the article as one page: attribution, every heading with its anchor, in-page links", async () => {
  const { page, done } = await open(browser, '#/learn/article');
  await page.getByTestId('page-learn').waitFor();
  const attribution = await page.getByTestId('learn-attribution').innerText();
  assert.match(attribution, /Troubleshoot password hash synchronization with Microsoft Entra Connect Sync/);
  assert.match(attribution, /CC BY 4\.0/);
  assert.match(attribution, /04\/09\/2025/);
  const headings = await page.locator('.learn-heading').count();
  assert.ok(headings >= 27, `${headings} headings`);
  // The event table links each ID to its page.
  assert.equal(await page.locator('.learn-text table a[href="#/event/654"]').count(), 1);
  // A link inside the article goes to the heading's route.
  await page.locator('.learn-lead a[href="#/learn/article/no-passwords-are-synchronized-manual-troubleshooting-steps"]').click();
  await page.waitForFunction(() => document.activeElement?.id === 's-no-passwords-are-synchronized-manual-troubleshooting-steps');
  await assertAccessible(page, 'learn article');
  await done();
});

test('"Learn more" from a finding and from a walk step opens the section', async () => {
  const { page, done } = await open(browser, '#/analyze');
  await page.getByTestId('paste').fill(fixture('event-details-611-8453'));
  const card = page.getByTestId('finding-ad-permissions');
  await card.waitFor();
  const more = card.getByTestId('learn-more');
  assert.match(await more.innerText(), /Learn more: The permissions it needs/);
  await more.getByRole('link').click();
  await page.waitForFunction(() => document.activeElement?.id === 's-permissions');
  assert.equal(await hash(page), '#/learn/how-phs-works/permissions');
  assert.ok(await inView(page, '#s-permissions'));
  await page.goBack();
  await page.getByTestId('finding-ad-permissions').waitFor();

  // The manual path's first step (staging mode) links to its section.
  await page.goto(new URL('#/path/manual-all', page.url()).href);
  await page.getByTestId('node').waitFor();
  await page.getByTestId('node').getByTestId('learn-more').getByRole('link').click();
  await page.waitForFunction(() => document.activeElement?.id === 's-staging');
  // And an event page: 654, the heartbeat.
  await page.goto(new URL('#/event/654', page.url()).href);
  await page.getByTestId('page-event').getByTestId('learn-more').getByRole('link').click();
  await page.waitForFunction(() => document.activeElement?.id === 's-heartbeat');
  await done();
});

test('the search finds a Learn section and opens it', async () => {
  const { page, done } = await open(browser, '#/events');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('heartbeat every 30 minutes');
  const result = page.getByTestId('search-result').filter({ hasText: 'The heartbeat every 30 minutes' });
  await result.first().waitFor();
  assert.match(await result.first().innerText(), /Learn/);
  await result.first().click();
  await page.waitForFunction(() => document.activeElement?.id === 's-heartbeat');
  assert.equal(await hash(page), '#/learn/how-phs-works/heartbeat');
  await done();
});

test('screenshots of the Learn pages: desktop and phone, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const [size, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', PHONE]]) {
      for (const [name, route] of [['learn-index', '#/learn'], ['learn-how', '#/learn/how-phs-works'], ['learn-article', '#/learn/article']]) {
        const { page, done } = await open(browser, route, { colorScheme, viewport });
        await page.locator('[data-testid^="page-learn"]').waitFor();
        await shot(page, `${name}-${size}-${colorScheme}`);
        await done();
      }
    }
  }
});
