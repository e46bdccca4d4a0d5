// Issues 12 and 13, the remaining app items: a file opened or dropped on the Analyze page (UTF-16,
// large, .evtx), Clear undone, Back after "Show in the paste" on a phone, copy buttons on the
// commands of a step, the walk's progress, skip and in-place version, the recommendation
// announced once typing pauses, the print of a 6-finding analysis, and script values in the
// link only on request. Screenshots of each page at 1280 and 390, light and dark.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BASE_URL, assertAccessible, fixture, hash, launch, open, shot } from './helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const PHONE = { width: 390, height: 844 };

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function analysed(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid="paste-counts"]')?.textContent.includes('analysed in'));
  await page.locator('[data-testid="page-analyze"][data-complete="true"]').waitFor();
}

function utf16le(text) {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

test('a file opened or dropped is analysed: UTF-16 from Windows, a large one, and an .evtx says how to export it', async () => {
  const { page, done } = await open(browser, '#/analyze');
  const text = fixture('event-details-611-8453');
  // Windows PowerShell's `>` writes UTF-16LE with a BOM.
  await page.getByTestId('paste-file').setInputFiles({ name: 'event-611.txt', mimeType: 'text/plain', buffer: utf16le(text) });
  await analysed(page);
  await page.getByTestId('finding-ad-permissions').waitFor();
  assert.equal(await page.getByTestId('paste').inputValue(), text.replace(/\r\n/g, '\n'));
  assert.match(await page.getByTestId('file-note').innerText(), /Opened event-611\.txt \(\d/);
  assert.equal(await page.getByTestId('file-note').getAttribute('role'), 'status');
  await shot(page, 'ux-analyze-file-opened');

  // An .evtx is binary: a clear message, and the paste is left as it was.
  const evtx = Buffer.concat([Buffer.from('ElfFile\0', 'latin1'), Buffer.alloc(4096, 7)]);
  await page.getByTestId('paste-file').setInputFiles({ name: 'Application.evtx', mimeType: 'application/octet-stream', buffer: evtx });
  const notice = page.getByTestId('not-text');
  await notice.waitFor();
  assert.match(await notice.innerText(), /Event Viewer log file \(\.evtx\)[\s\S]*Save Selected Events[\s\S]*Get-WinEvent -Path[\s\S]*Format-List/);
  await page.getByTestId('finding-ad-permissions').waitFor();
  await shot(page, 'ux-analyze-evtx');
  await assertAccessible(page, 'analyze: evtx notice');

  // A drop (a .log file) takes the same way; a file over 256 KB stays out of the text box.
  const one = fixture('event-616-preferred-dc');
  const big = Array.from({ length: Math.ceil((300 * 1024) / one.length) }, () => one).join('\n\n');
  assert.ok(big.length > 256 * 1024, `${big.length}`);
  await page.evaluate((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'trace.log', { type: 'text/plain' }));
    const box = document.querySelector('.paste-box');
    const over = new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt });
    box.dispatchEvent(over);
    if (!over.defaultPrevented) throw new Error('dragover with a file is not accepted');
    box.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
  }, big);
  await page.getByTestId('large-paste').waitFor();
  await analysed(page);
  assert.match(await page.getByTestId('file-note').innerText(), /Opened trace\.log/);
  assert.equal(await page.getByTestId('paste').inputValue(), '');
  assert.ok(await page.locator('[data-testid="findings"] [data-finding]').count() >= 1);
  await done();
});

test('Clear can be undone: the paste and its findings come back, and both moves are announced', async () => {
  const { page, done } = await open(browser, '#/analyze');
  const text = fixture('event-details-611-8453');
  await page.getByTestId('paste').fill(text);
  await analysed(page);
  const region = page.getByTestId('undo-status');
  assert.equal(await region.getAttribute('role'), 'status');
  assert.equal((await region.innerText()).trim(), '');
  await page.getByTestId('clear').click();
  await page.getByTestId('what-to-paste').waitFor();
  assert.equal(await page.getByTestId('paste').inputValue(), '');
  assert.match(await region.innerText(), /Paste cleared \(1\.\d KB\)/);
  await shot(page, 'ux-analyze-cleared');
  await assertAccessible(page, 'analyze: cleared with undo');
  await page.getByTestId('undo-clear').click();
  await page.getByTestId('finding-ad-permissions').waitFor();
  assert.equal(await page.getByTestId('paste').inputValue(), text);
  assert.match(await region.innerText(), /paste is back/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'paste');
  // A new paste ends the offer.
  await page.getByTestId('clear').click();
  await page.getByTestId('undo-clear').waitFor();
  await page.getByTestId('paste').fill('Event ID: 654');
  await page.waitForFunction(() => !document.querySelector('[data-testid="undo-clear"]'));
  await done();
});

test('on a phone, Back after "Show in the paste" returns to the finding; on a desktop it adds no history', async () => {
  const { page, done } = await open(browser, '#/analyze', { viewport: PHONE });
  await page.getByTestId('paste').fill(['event-details-611-8453', 'fips-md5'].map(fixture).join('\n\n'));
  await analysed(page);
  const card = page.locator('[data-testid="findings"] [data-finding]').nth(1);
  const id = await card.getAttribute('data-finding');
  const button = card.getByTestId('show-in-paste');
  await button.scrollIntoViewIfNeeded();
  const before = await page.evaluate(() => ({ y: window.scrollY, n: history.length, hash: location.hash }));
  await button.click();
  await page.waitForFunction((y) => window.scrollY > y + 200, before.y);
  assert.equal(await page.evaluate(() => history.length), before.n + 1);
  assert.equal(await hash(page), before.hash, 'same address');
  await shot(page, 'ux-analyze-phone-shown');
  await page.goBack();
  await page.waitForFunction((fid) => document.activeElement?.closest(`[data-finding="${fid}"]`) !== null, id);
  const box = await page.evaluate((fid) => {
    const r = document.querySelector(`[data-finding="${fid}"] [data-testid="show-in-paste"]`).getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, h: window.innerHeight };
  }, id);
  assert.ok(box.top >= 0 && box.bottom <= box.h, `the finding's button is in view: ${JSON.stringify(box)}`);
  assert.equal(await hash(page), before.hash);
  await page.getByTestId('page-analyze').waitFor();
  await done();

  const desk = await open(browser, '#/analyze');
  await desk.page.getByTestId('paste').fill(fixture('event-details-611-8453'));
  await analysed(desk.page);
  const n = await desk.page.evaluate(() => history.length);
  await desk.page.getByTestId('show-in-paste').first().click();
  assert.equal(await desk.page.evaluate(() => history.length), n, 'two columns: nothing to go back to');
  await desk.done();
});

test('every command in a step has a copy button that copies it and says so', async () => {
  const { page, done } = await open(browser, '#/path/cmdlet-all/v2.s2.s3');
  const buttons = page.locator('#node-text button.copy-cmd');
  assert.equal(await buttons.count(), 1);
  assert.equal(await buttons.first().getAttribute('aria-label'), 'Copy Import-Module ADSyncDiagnostics');
  await buttons.first().click();
  const status = page.locator('#node-text [data-testid="command-status"]');
  await status.filter({ hasText: 'Copied: Import-Module ADSyncDiagnostics' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'Import-Module ADSyncDiagnostics');
  await shot(page, 'ux-walk-command-copied');
  await assertAccessible(page, 'walk: command copy');
  // The step before it has two commands, each copied on its own.
  await page.getByTestId('back').click();
  await page.locator('#node-text button.copy-cmd[data-cmd="1"]').click();
  await page.locator('#node-text [data-testid="command-status"]').filter({ hasText: 'Unrestricted' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'Set-ExecutionPolicy Unrestricted');
  // Commands in a finding's next steps too (Analyze), with the quotes PowerShell needs.
  await page.goto(BASE_URL + '#/analyze');
  await page.getByTestId('paste').fill(fixture('event-details-611-8453'));
  await analysed(page);
  const inCard = page.getByTestId('finding-ad-permissions').locator('button.copy-cmd').first();
  const label = await inCard.getAttribute('aria-label');
  await inCard.click();
  await page.getByTestId('finding-ad-permissions').locator('[data-testid="command-status"]').filter({ hasText: 'Copied:' }).first().waitFor();
  assert.equal(`Copy ${await page.evaluate(() => navigator.clipboard.readText())}`, label);
  await done();
});

test('the walk: step n of at most m, skip to the output question, and a version entered in place', async () => {
  const { page, done } = await open(browser, '#/path/task-all');
  // (textContent: the kicker is upper-cased by the style sheet.)
  const heading = page.getByTestId('node-heading');
  assert.equal(await heading.textContent(), 'Step 1 of at most 10 · Do this');
  await page.getByTestId('next').click();
  assert.equal(await heading.textContent(), 'Step 2 of at most 10 · Do this');
  await shot(page, 'ux-walk-progress');
  await page.getByTestId('skip-to-output').click();
  await page.locator('[data-testid="node"][data-reference="task-all/outcome"]').waitFor();
  assert.equal(await heading.textContent(), 'Step 9 of at most 10 · Question');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'node-heading');
  assert.equal(await page.getByTestId('skip-to-output').count(), 0);
  const position = await hash(page);
  // "Enter it": the field opens here; Apply keeps the step and applies the version.
  assert.match(await page.getByTestId('walk-version').innerText(), /not given/);
  await page.getByTestId('walk-version-edit').click();
  await page.waitForFunction(() => document.activeElement?.id === 'version');
  await page.keyboard.type('1.1.524.0');
  await shot(page, 'ux-walk-version-form');
  await assertAccessible(page, 'walk: version form');
  await page.keyboard.press('Enter');
  await page.getByTestId('walk-version-status').filter({ hasText: 'Version 1.1.524.0 applied' }).waitFor();
  assert.equal(await hash(page), `${position}?v=1.1.524.0`);
  assert.equal(await page.locator('[data-testid="node"]').getAttribute('data-reference'), 'task-all/outcome');
  // The task needs 1.1.614.0: the path's notice now says this version is too old.
  assert.match(await page.locator('.walker').innerText(), /1\.1\.614\.0/);
  // At a result, n is m.
  await page.getByTestId('answer-1').click();
  await page.locator('[data-testid="node"][data-kind="result"]').waitFor();
  assert.match(await page.locator('.node-kicker').textContent(), /^Step 10 of 10 · /);
  await done();
});

test('the recommendation is announced once typing pauses, not on every keystroke', async () => {
  const { page, done } = await open(browser, '#/');
  const region = page.getByTestId('recommendation-announce');
  assert.equal(await region.getAttribute('aria-live'), 'polite');
  const seen = [];
  await page.getByTestId('version').click();
  for (const ch of '2.4.129.0') {
    await page.keyboard.type(ch);
    seen.push(await region.innerText());
    await page.waitForTimeout(60);
  }
  assert.deepEqual(seen.filter((t) => t.trim() !== ''), [], 'nothing said while the version is typed');
  await region.filter({ hasText: 'Recommendation: Troubleshooting task' }).waitFor({ timeout: 3000 });
  // The same recommendation again is not said again; a different one is.
  await page.getByTestId('version').fill('1.1.524.0');
  await region.filter({ hasText: 'Recommendation: Diagnostic cmdlet' }).waitFor({ timeout: 3000 });
  await done();
});

test('a 6-finding analysis prints on two A4 pages, the paste included', async () => {
  const { page, done } = await open(browser, '#/analyze');
  // Six problems, each with its evidence, decoded errors and the article's long fixes.
  const text = ['event-details-611-8453', 'event-616-preferred-dc', 'fips-md5', 'full-sync-failed', 'staging-scheduler', 'event-655-cloud-credentials']
    .map(fixture).join('\n\n');
  await page.getByTestId('paste').fill(text);
  await analysed(page);
  const findings = await page.locator('[data-testid="findings"] [data-finding]').count();
  assert.equal(findings, 6);
  await page.emulateMedia({ media: 'print' });
  // Steps that rest on one source name it once on paper, under the steps (twice on screen).
  const notes = (testid) => page.getByTestId('finding-staging-mode').getByTestId(testid).getByTestId('source')
    .evaluateAll((n) => n.filter((e) => e.checkVisibility()).map((e) => e.textContent));
  const printed = await notes('next-steps');
  assert.equal(printed.length, 1, `staging mode's steps name their source ${printed.length} times on paper`);
  assert.match(printed[0], /^PHS Doctor's advice — Source: Microsoft Entra Connect: Staging server/);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  console.log(`print: ${findings} findings on ${pages} A4 pages`);
  writeFileSync(join(here, 'screenshots', 'ux-print.pdf'), pdf);
  // Measured: 2 pages (three findings on the first; the other three, the overview, the whole paste
  // in two columns and the footer on the second, some 30 px to spare); 3 before the print rules
  // of issue 12's last item (Arial 7.5pt, titles in a column, source notes run on), 5 before
  // the first compact ones.
  assert.ok(pages <= 2, `${findings} findings take ${pages} A4 pages`);
  await page.setViewportSize({ width: 794, height: 1123 });
  await shot(page, 'ux-print-preview');
  await page.emulateMedia({ media: 'screen' });
  assert.equal((await notes('next-steps')).length, 2, 'on screen each step names its source');
  await done();
});

test('script values go into the link only when asked, and a link with them fills them in', async () => {
  const { page, done } = await open(browser, '#/scripts/single-object');
  await page.getByTestId('field-ad-connector').fill('contoso.com');
  await page.getByTestId('field-dn').fill("CN=Jane O'Neil,OU=Users,DC=contoso,DC=com");
  assert.doesNotMatch(await hash(page), /contoso/, 'never by default');
  const box = page.getByTestId('values-in-link');
  assert.equal(await box.isChecked(), false);
  await box.check();
  await page.waitForFunction(() => location.hash.includes('ad-connector=contoso.com'));
  const link = await hash(page);
  assert.match(link, /^#\/scripts\/single-object\?ad-connector=contoso\.com&dn=CN%3DJane\+O%27Neil/);
  // Typing keeps the link current (replacing the entry, not adding one).
  const n = await page.evaluate(() => history.length);
  await page.getByTestId('field-ad-connector').fill('fabrikam.com');
  await page.waitForFunction(() => location.hash.includes('ad-connector=fabrikam.com'));
  assert.equal(await page.evaluate(() => history.length), n);
  await shot(page, 'ux-scripts-values-in-link');
  await assertAccessible(page, 'scripts: values in link');
  const shared = await open(browser, (await hash(page)));
  await shared.page.getByTestId('field-ad-connector').waitFor();
  await shared.page.waitForFunction(() => document.querySelector('[data-testid="field-ad-connector"]').value === 'fabrikam.com');
  assert.equal(await shared.page.getByTestId('field-dn').inputValue(), "CN=Jane O'Neil,OU=Users,DC=contoso,DC=com");
  assert.equal(await shared.page.getByTestId('values-in-link').isChecked(), true);
  assert.match(await shared.page.locator('pre.script').innerText(), /'fabrikam\.com'/);
  await shared.done();
  await box.uncheck();
  await page.waitForFunction(() => !location.hash.includes('contoso') && !location.hash.includes('fabrikam'));
  await done();
});

test('screenshots of the changed pages at 1280 and 390, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const viewport of [{ width: 1280, height: 900 }, PHONE]) {
      const tag = `${colorScheme}-${viewport.width}`;
      const a = await open(browser, '#/analyze', { colorScheme, viewport });
      await a.page.getByTestId('paste').fill(fixture('event-details-611-8453'));
      await analysed(a.page);
      await a.page.getByTestId('clear').click();
      await a.page.getByTestId('undo-clear').waitFor();
      await shot(a.page, `ux-analyze-undo-${tag}`);
      await a.page.getByTestId('undo-clear').click();
      await a.page.getByTestId('finding-ad-permissions').waitFor();
      await shot(a.page, `ux-analyze-${tag}`);
      await assertAccessible(a.page, `analyze ${tag}`);
      await a.done();
      const w = await open(browser, '#/path/cmdlet-all/v2.s2', { colorScheme, viewport });
      await w.page.getByTestId('walk-version-edit').click();
      await shot(w.page, `ux-walk-${tag}`);
      await assertAccessible(w.page, `walk ${tag}`);
      await w.done();
      const h = await open(browser, '#/?v=2.4.129.0', { colorScheme, viewport });
      await shot(h.page, `ux-home-${tag}`);
      await h.done();
      const s = await open(browser, '#/scripts/single-object?ad-connector=contoso.com', { colorScheme, viewport });
      await s.page.waitForFunction(() => document.querySelector('[data-testid="field-ad-connector"]')?.value === 'contoso.com');
      await shot(s.page, `ux-scripts-${tag}`);
      await assertAccessible(s.page, `scripts ${tag}`);
      await s.done();
    }
  }
});
