// Home → guided path → result, with Back, the answers summary, Restart and version gates.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertAccessible, hash, launch, open, shot } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('home validates the version live and recommends a path', async () => {
  const { page, done } = await open(browser);
  await shot(page, 'home-empty');
  // No version: the manual steps, and the reason says why.
  await assert.doesNotReject(page.getByTestId('start-manual').waitFor());
  assert.match(await page.getByTestId('reason').innerText(), /manual steps/i);

  await page.getByTestId('version').fill('1.x.3');
  await assert.doesNotReject(page.getByTestId('version-error').waitFor());
  assert.match(await page.getByTestId('version-error').innerText(), /number 2 of the version, "x", is not a whole number/i);
  assert.equal(await page.getByTestId('version').getAttribute('aria-invalid'), 'true');
  await shot(page, 'home-invalid-version');

  await page.getByTestId('version').fill('v1.1.524');
  assert.match(await page.getByTestId('version-ok').innerText(), /1\.1\.524\.0/);
  assert.match(await page.getByTestId('reason').innerText(), /Invoke-ADSyncDiagnostics/);
  assert.equal(await page.getByTestId('start-task').count(), 0);
  assert.equal(await page.getByTestId('start-cmdlet').count(), 1);
  assert.equal(await page.getByTestId('start-manual').count(), 1);

  await page.getByTestId('version').fill('2.4.129.0');
  assert.match(await page.getByTestId('reason').innerText(), /troubleshooting task/);
  for (const m of ['task', 'cmdlet', 'manual']) assert.equal(await page.getByTestId(`start-${m}`).count(), 1, m);
  await shot(page, 'home');
  await assertAccessible(page, 'home');
  await done();
});

test('walk the task path to a result, go back, jump from the summary, restart', async () => {
  const { page, done } = await open(browser);
  await page.getByTestId('version').fill('1.1.614.0');
  await page.getByTestId('scope-all').check();
  await page.getByTestId('start-task').locator('a').click();

  await page.getByTestId('page-walker').waitFor();
  assert.equal(await hash(page), '#/path/task-all?v=1.1.614.0');
  assert.match(await page.getByTestId('path-title').innerText(), /No passwords are synchronized/);
  assert.match(await page.getByTestId('walk-version').innerText(), /1\.1\.614\.0/);
  assert.match(await page.locator('#node-text').innerText(), /Run as Administrator/);
  assert.ok(await page.getByTestId('back').isDisabled());
  await shot(page, 'walker-step');

  // Eight steps, then the question.
  for (let i = 0; i < 8; i++) await page.getByTestId('next').click();
  await page.waitForSelector('[data-testid="node"][data-kind="question"]');
  assert.equal(await page.getByTestId('node').getAttribute('data-reference'), 'task-all/outcome');
  assert.equal(await hash(page), '#/path/task-all/v2.s2.s3.s4.s5.s6.s7.checks.outcome?v=1.1.614.0');
  // Focus follows the walk to the new node's heading.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'node-heading');
  await shot(page, 'walker-question');

  await page.getByTestId('answer-1').click();
  await page.waitForSelector('[data-testid="node"][data-kind="result"]');
  assert.equal(await page.getByTestId('node').getAttribute('data-reference'), 'result:staging-mode');
  assert.match(await page.getByTestId('node-heading').innerText(), /staging mode/);
  assert.equal(await page.locator('[data-testid="node"] [data-severity]').getAttribute('data-severity'), 'error');
  assert.ok(await page.getByTestId('fix-list').locator('li').count() >= 1);
  // Staging mode: the article gives the result, the fix is PHS Doctor's advice with its source.
  assert.equal(await page.locator('[data-testid="fix-list"] .advice-group').first().getAttribute('data-source'), 'phs-doctor');
  assert.match(await page.getByTestId('fix-list').innerText(), /PHS Doctor's advice/);
  assert.match(await page.getByTestId('fix-list').getByTestId('source').first().innerText(), /Staging server and disaster recovery/);
  assert.equal(await page.getByTestId('summary').locator('li').count(), 9);
  assert.match(await page.getByTestId('jump-8').innerText(), /staging mode/);
  await shot(page, 'walker-result');
  await assertAccessible(page, 'walker result');

  // Back: the question again.
  await page.getByTestId('back').click();
  await page.waitForSelector('[data-testid="node"][data-reference="task-all/outcome"]');
  assert.equal(await page.getByTestId('summary').locator('li').count(), 8);

  // The browser's own Back and Forward follow the walk too.
  await page.getByTestId('answer-0').click();
  await page.waitForSelector('[data-testid="node"][data-reference="result:phs-disabled-tenant"]');
  await page.goBack();
  await page.waitForSelector('[data-testid="node"][data-reference="task-all/outcome"]');
  await page.goForward();
  await page.waitForSelector('[data-testid="node"][data-reference="result:phs-disabled-tenant"]');
  // This result has a script.
  await assert.doesNotReject(page.getByTestId('script-link').waitFor());

  // Jump from the summary to the third answer: the walk is cut there.
  await page.getByTestId('jump-2').click();
  await page.waitForSelector('[data-testid="node"][data-reference="task-all/s3"]');
  assert.equal(await hash(page), '#/path/task-all/v2.s2.s3?v=1.1.614.0');
  assert.equal(await page.getByTestId('summary').locator('li').count(), 2);

  await page.getByTestId('restart').click();
  await page.waitForSelector('[data-testid="node"][data-reference="task-all/s1"]');
  assert.equal(await hash(page), '#/path/task-all?v=1.1.614.0');
  assert.ok(await page.getByTestId('restart').isDisabled());
  await done();
});

test('a result continues into another path, and the script link opens the generator', async () => {
  // The manual path for all passwords: not in staging mode (1), run status: script step.
  const { page, done } = await open(browser, '#/path/manual-all/1');
  await page.waitForSelector('[data-testid="node"][data-reference="manual-all/run-status"]');
  await shot(page, 'walker-step-with-script');
  await page.getByTestId('script-link').click();
  await page.waitForSelector('[data-testid="page-scripts"][data-kind="status"]');
  assert.equal(await hash(page), '#/scripts/status');
  await page.goBack();
  await page.waitForSelector('[data-testid="node"][data-reference="manual-all/run-status"]');

  // The task path's "All checks passed" result continues with the manual steps.
  await page.goto(page.url().replace(/#.*/, '#/path/task-all/0.0.0.0.0.0.0.0'));
  // A hash-only goto returns before the app re-renders (the script step before it has no
  // answers): wait for the task path's node, or the labels read are the old page's (none).
  await page.waitForSelector('[data-testid="node"][data-reference^="task-all/"]');
  const answers = page.locator('[data-testid^="answer-"]');
  const labels = await answers.allInnerTexts();
  const passed = labels.findIndex((l) => /passed/i.test(l));
  assert.ok(passed >= 0, `an "all checks passed" answer among ${labels}`);
  await answers.nth(passed).click();
  await page.waitForSelector('[data-testid="node"][data-reference="result:checks-passed"]');
  await page.getByTestId('continue-0').click();
  await page.waitForSelector('[data-testid="node"][data-reference="manual-all/staging"]');
  // The heading says which path the admin is on now; the task's check is marked as done by it.
  assert.match(await page.getByTestId('now-on').innerText(), /No passwords are synchronized: manual troubleshooting steps/);
  assert.match(await page.getByTestId('done-by-task').innerText(), /Done by the troubleshooting task: No/);
  await page.getByTestId('next').click();
  await page.waitForSelector('[data-testid="node"][data-reference="manual-all/run-status"]');
  await done();
});

test('a 1.x version: the start page and the path say first that every 1.x build is retired', async () => {
  const { page, done } = await open(browser);
  await page.getByTestId('version').fill('1.6.16.0');
  await page.getByTestId('scope-all').check();
  const retired = page.getByTestId('recommendation').getByTestId('retired');
  assert.match(await retired.innerText(), /Every 1\.x build of Microsoft Entra Connect is retired and no longer synchronizes/);
  assert.match(await retired.getByTestId('source').innerText(), /Version release history/);
  // Said before the path is offered.
  const before = await page.getByTestId('recommendation').evaluate((r) => {
    const notice = r.querySelector('[data-testid="retired"]');
    const start = r.querySelector('[data-testid^="start-"]');
    return Boolean(notice.compareDocumentPosition(start) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  assert.ok(before, 'the notice comes before the start link');
  await page.getByTestId('start-cmdlet').locator('a').click();
  await page.getByTestId('page-walker').waitFor();
  assert.match(await page.getByTestId('retired').innerText(), /retired and no longer synchronizes/);
  await page.goto(page.url().replace('v=1.6.16.0', 'v=2.4.129.0'));
  // A hash-only goto returns before the re-render: wait for the notice to go (a timeout if it stays).
  await page.getByTestId('retired').waitFor({ state: 'detached' });
  await page.waitForSelector('[data-testid="node"]');
  assert.equal(await page.getByTestId('retired').count(), 0);
  await done();
});

/** A real double click on the element: the first click moves the walk, the page re-renders,
 * then the second click (click count 2) lands at the same point on whatever is there now.
 * Returns the test id of the button under that point before the second click. */
async function doubleClickAcrossAMove(page, testid, nextReference) {
  // The version's notices above the step can push the button below the first screen.
  await page.getByTestId(testid).scrollIntoViewIfNeeded();
  const box = await page.getByTestId(testid).boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down({ clickCount: 1 });
  await page.mouse.up({ clickCount: 1 });
  await page.waitForSelector(`[data-testid="node"][data-reference="${nextReference}"]`);
  const under = await page.evaluate(([px, py]) => document.elementFromPoint(px, py)?.closest('button')?.dataset.testid ?? null, [x, y]);
  await page.mouse.down({ clickCount: 2 });
  await page.mouse.up({ clickCount: 2 });
  await page.waitForTimeout(500);
  return under;
}

test('a double click on "Done, next step" moves one step and chooses nothing', async () => {
  // manual-all step 2: after the move, the question's third answer sits where the button was.
  const { page, done } = await open(browser, '#/path/manual-all/1');
  await page.waitForSelector('[data-testid="node"][data-reference="manual-all/run-status"]');
  const under = await doubleClickAcrossAMove(page, 'next', 'manual-all/feature');
  assert.match(String(under), /^answer-\d+$/, 'an answer sits where the Next button was (the case the guard is for)');
  assert.equal(await page.getByTestId('node').getAttribute('data-reference'), 'manual-all/feature');
  assert.equal(await hash(page), '#/path/manual-all/v2.run-status.feature');
  // The task path's step 8, as reported: the next node is the question with "Every check passed".
  await page.goto(page.url().replace(/#.*/, '#/path/task-all/0.0.0.0.0.0.0?v=2.4.129.0'));
  await page.waitForSelector('[data-testid="node"][data-reference="task-all/checks"]');
  await doubleClickAcrossAMove(page, 'next', 'task-all/outcome');
  assert.equal(await page.getByTestId('node').getAttribute('data-reference'), 'task-all/outcome');
  assert.equal(await hash(page), '#/path/task-all/v2.s2.s3.s4.s5.s6.s7.checks.outcome?v=2.4.129.0');
  // A single click on an answer still chooses it.
  await page.getByTestId('answer-7').click();
  await page.waitForSelector('[data-testid="node"][data-reference="result:checks-passed"]');
  await done();
});

test('gate notices follow the version in the route', async () => {
  // manual-object: must change? no → follow → found → a status value → FilteredByTarget.
  const { page, done } = await open(browser, '#/path/manual-object/1.0.0.1.1?v=1.6.16.0');
  await page.waitForSelector('[data-testid="node"][data-reference="status:FilteredByTarget"]');
  const notice = page.locator('[data-testid="node"] [data-testid="gate-notice"]');
  assert.equal(await notice.getAttribute('data-gate'), 'not-met');
  assert.match(await notice.innerText(), /2\.0\.3\.0 or later; you entered 1\.6\.16\.0/);
  await shot(page, 'walker-gate-not-met');
  // A shared link's version and symptom show on the start page.
  await page.locator('#change-start').click();
  await page.getByTestId('page-home').waitFor();
  assert.equal(await page.getByTestId('version').inputValue(), '1.6.16.0');
  assert.ok(await page.getByTestId('scope-object').isChecked());
  await page.goBack();
  await page.waitForSelector('[data-testid="node"][data-reference="status:FilteredByTarget"]');

  await page.goto(page.url().replace('v=1.6.16.0', 'v=2.4.129.0'));
  await page.waitForSelector('[data-testid="gate-notice"][data-gate="met"]');
  await page.goto(page.url().replace('?v=2.4.129.0', ''));
  await page.waitForSelector('[data-testid="gate-notice"][data-gate="unknown"]');
  assert.match(await page.getByTestId('walk-version').innerText(), /not given/);

  // The task path opened with a version that is too old says so.
  await page.goto(page.url().replace(/#.*/, '#/path/task-all?v=1.1.524.0'));
  await page.waitForSelector('[data-testid="page-walker"] > [data-testid="gate-notice"][data-gate="not-met"]');
  await done();
});

test('the walk works from the keyboard alone', async () => {
  const { page, done } = await open(browser, '#/');
  await page.getByTestId('version').focus();
  await page.keyboard.type('2.4.129.0');
  // Tab to the recommended start link and follow it.
  for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Start: Troubleshooting task (wizard)'; i++) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="node"][data-reference="task-all/s1"]');
  for (let step = 2; step <= 3; step++) {
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.id)) !== 'next'; i++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-testid="node"][data-reference="task-all/s${step}"]`);
    // Focus moved to the new step's heading, so Tab continues from there.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'node-heading');
  }
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await shot(page, 'walker-keyboard-focus');
  await done();
});

test('mangled routes degrade instead of failing', async () => {
  const { page, done } = await open(browser, '#/path/manual-all/1.0.x.9');
  await page.waitForSelector('[data-testid="node"][data-reference="manual-all/feature"]');
  await page.goto(page.url().replace(/#.*/, '#/path/no-such-path'));
  await page.getByTestId('unknown-path').waitFor();
  await page.goto(page.url().replace(/#.*/, '#/nowhere'));
  await page.getByTestId('page-not-found').waitFor();
  await shot(page, 'not-found');
  await done();
});

test('dark mode and a narrow screen', async () => {
  const dark = await open(browser, '#/path/task-all/0.0.0.0.0.0.0.0.1?v=2.4.129.0', { colorScheme: 'dark' });
  await dark.page.waitForSelector('[data-testid="node"][data-kind="result"]');
  await shot(dark.page, 'dark-walker-result');
  await dark.page.goto(dark.page.url().replace(/#.*/, '#/'));
  await dark.page.getByTestId('page-home').waitFor();
  await shot(dark.page, 'dark-home');
  await assertAccessible(dark.page, 'dark home');
  await dark.page.getByTestId('nav-scripts').click();
  await dark.page.getByTestId('field-aad-connector').fill('x\u202Egpj.exe');
  await dark.page.getByTestId('field-aad-connector-error').waitFor();
  await shot(dark.page, 'dark-scripts-error');
  await assertAccessible(dark.page, 'dark scripts');
  await dark.page.getByTestId('field-aad-connector').fill('contoso.onmicrosoft.com - AAD');
  await dark.page.getByTestId('script').waitFor();
  await shot(dark.page, 'dark-scripts');
  await dark.page.getByTestId('nav-statuses').click();
  await shot(dark.page, 'dark-statuses');
  await assertAccessible(dark.page, 'dark statuses');
  await dark.done();

  const phone = await open(browser, '#/path/task-all/0.0.0.0.0.0.0.0?v=2.4.129.0', { viewport: { width: 390, height: 844 } });
  await phone.page.waitForSelector('[data-testid="node"][data-kind="question"]');
  await shot(phone.page, 'phone-walker-question');
  await phone.page.getByTestId('nav-events').click();
  await phone.page.getByTestId('event-filter').fill('65');
  await shot(phone.page, 'phone-events');
  await phone.page.getByTestId('nav-scripts').click();
  await phone.page.getByTestId('script').waitFor();
  await shot(phone.page, 'phone-scripts');
  await phone.done();
});

test('a walk copies as a report: the path, the answers and the result with its fix', async () => {
  for (const [name, options] of [['walker-report', {}], ['phone-walker-report', { viewport: { width: 390, height: 844 } }]]) {
    const { page, done } = await open(browser, '#/path/task-all/0.0.0.0.0.0.0.0.1?v=2.4.129.0', options);
    await page.waitForSelector('[data-testid="node"][data-kind="result"]');
    const title = (await page.getByTestId('path-title').innerText()).trim();
    await page.getByTestId('copy-walk-report').click();
    await page.getByTestId('walk-report-status').filter({ hasText: 'Report copied' }).waitFor();
    const md = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(md.startsWith(`# PHS Doctor report: ${title}\n`), md);
    assert.ok(md.includes('2.4.129.0 (typed on the start page)'), md);
    assert.ok(md.includes('\n## Answers so far\n\n1. '), md);
    assert.ok(md.includes('\n## Result: '), md);
    await shot(page, name);
    await done();
  }
});

test('printing a result: the path taken with every answer, no controls, one A4 page', async () => {
  const { page, done } = await open(browser, '#/path/task-all/v2.s2.s3.s4.s5.s6.s7.checks.outcome?v=1.1.614.0');
  await page.getByTestId('answer-1').click();
  await page.waitForSelector('[data-testid="node"][data-reference="result:staging-mode"]');
  await page.emulateMedia({ media: 'print' });
  // The answers are buttons on screen (a jump back): on paper they are the path taken.
  for (let i = 0; i < 9; i++) assert.ok(await page.getByTestId(`jump-${i}`).isVisible(), `answer ${i + 1} is not printed`);
  assert.match(await page.getByTestId('jump-8').innerText(), /What did the task report\?\s+Microsoft Entra Connect server is in staging mode/);
  for (const hidden of ['.site-nav', '.crumb', '#back', '#restart', '[data-testid="copy-walk-report"]']) {
    assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is printed`);
  }
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  assert.equal((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length, 1);
  await page.emulateMedia({ media: 'screen' });
  await done();
});
