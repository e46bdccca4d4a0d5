// Script generators: live validation, hostile values, copy and download.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { assertAccessible, hash, launch, open, shot } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const script = (page) => page.getByTestId('script').innerText();

test('status script: the doc\'s script, optionally with a connector name quoted safely', async () => {
  const { page, done } = await open(browser);
  await page.getByTestId('nav-scripts').click();
  await page.getByTestId('page-scripts').waitFor();
  assert.equal(await page.getByTestId('page-scripts').getAttribute('data-kind'), 'status');
  assert.match(await script(page), /More than one Azure AD Connectors found/);
  await shot(page, 'scripts-status');
  await assertAccessible(page, 'scripts');

  await page.getByTestId('field-aad-connector').fill("O'Brien - AAD");
  const text = await script(page);
  assert.ok(text.includes("$aadConnectorName = 'O''Brien - AAD'"), text);
  assert.ok(!text.includes('More than one Azure AD Connectors found') || text.includes('-ceq $aadConnectorName'));
  // Typed values never go into the URL.
  assert.ok(!(await hash(page)).includes('Brien'));
  assert.ok(!page.url().includes('Brien'));
  await done();
});

test('full sync script: both names, every quote spelling doubled, copy to the clipboard', async () => {
  const { page, done } = await open(browser, '#/scripts/full-sync');
  // Nothing typed yet: no script, no error shown, buttons disabled.
  await page.getByTestId('script-pending').waitFor();
  assert.equal(await page.locator('.field-error').count(), 0);
  assert.ok(await page.getByTestId('copy').isDisabled());
  await shot(page, 'scripts-full-sync-empty');

  await page.getByTestId('field-ad-connector').fill("contoso.com'; Remove-Item C:\\ -Recurse; '");
  // The other name is still missing: the field tells so once touched.
  await page.getByTestId('field-aad-connector').fill('x');
  await page.getByTestId('field-aad-connector').fill('');
  await page.getByTestId('field-aad-connector-error').waitFor();
  await page.getByTestId('field-aad-connector').fill('O\u2019Brien.onmicrosoft.com - AAD');
  const text = await script(page);
  assert.ok(text.includes("$adConnector = 'contoso.com''; Remove-Item C:\\ -Recurse; '''"), text);
  // Non-ASCII characters, the typographic quotes among them, are spelled as code units.
  assert.ok(text.includes("$aadConnector = ('O' + [char]0x2019 + 'Brien.onmicrosoft.com - AAD')"), text);
  assert.match(await page.getByTestId('script-note').innerText(), /written as \[char\]0xNNNN/);
  assert.match(text, /Run this script only once/);
  await shot(page, 'scripts-full-sync');

  await page.getByTestId('copy').click();
  await page.getByTestId('copy-status').filter({ hasText: 'Copied' }).waitFor();
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(clip, text.endsWith('\n') ? clip : clip.replace(/\n$/, ''));
  assert.ok(clip.includes("('O' + [char]0x2019 + 'Brien.onmicrosoft.com - AAD')"));
  assert.ok(/^[\x00-\x7f]*$/.test(clip), 'the copied script is pure ASCII');
  await done();
});

test('single-object script: the DN warning, DN errors, and a .ps1 download with a BOM', async () => {
  const { page, done } = await open(browser, '#/scripts/single-object');
  await page.getByTestId('field-ad-connector').fill('contoso.com');
  await page.getByTestId('field-dn').fill('CN=TestUserCN=Users,DC=contoso,DC=com');
  await page.getByTestId('field-dn-warning').waitFor();
  assert.match(await page.getByTestId('field-dn-warning').innerText(), /comma is probably missing/);
  // A warning doesn't block the script.
  assert.ok((await script(page)).includes(
    "Invoke-ADSyncDiagnostics -PasswordSync -ADConnectorName 'contoso.com' -DistinguishedName 'CN=TestUserCN=Users,DC=contoso,DC=com'"));
  await shot(page, 'scripts-single-object-warning');

  await page.getByTestId('field-dn').fill("CN=Dan O'Brien,OU=Sales,DC=contoso,DC=com");
  assert.equal(await page.getByTestId('field-dn-warning').count(), 0);
  assert.equal(await page.getByTestId('script-note').count(), 0, 'no note for ASCII values');
  const text = await script(page);
  assert.ok(text.includes("-DistinguishedName 'CN=Dan O''Brien,OU=Sales,DC=contoso,DC=com'"), text);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  assert.equal(download.suggestedFilename(), 'phs-single-object.ps1');
  const bytes = await readFile(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Windows PowerShell 5.1');
  const file = bytes.subarray(3).toString('utf8');
  assert.ok(file.includes("'CN=Dan O''Brien,OU=Sales,DC=contoso,DC=com'"));
  assert.ok(file.includes('\r\n') && !/[^\r]\n/.test(file), 'Windows line endings');

  // A Cyrillic DN: the downloaded file is ASCII after its BOM, whatever code page reads it.
  await page.getByTestId('field-dn').fill('CN=Иван,OU=Sales,DC=contoso,DC=com');
  const [download2] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  const bytes2 = await readFile(await download2.path());
  assert.ok(bytes2.subarray(3).every((b) => b < 0x80), 'ASCII after the BOM');
  assert.ok(bytes2.subarray(3).toString('latin1').includes(
    "-DistinguishedName ('CN=' + [char]0x0418 + [char]0x0432 + [char]0x0430 + [char]0x043D + ',OU=Sales,DC=contoso,DC=com')"));

  // An invalid DN: an error on the field, no script, no buttons.
  await page.getByTestId('field-dn').fill('CN=a<b,DC=x');
  await page.getByTestId('field-dn-error').waitFor();
  await page.getByTestId('script-pending').waitFor();
  assert.ok(await page.getByTestId('download').isDisabled());
  assert.equal(await page.getByTestId('field-dn').getAttribute('aria-invalid'), 'true');
  await shot(page, 'scripts-single-object-error');

  // Values stay while moving between scripts (the AD connector is shared).
  await page.locator('#tab-full-sync').click();
  await page.waitForSelector('[data-testid="page-scripts"][data-kind="full-sync"]');
  assert.equal(await page.getByTestId('field-ad-connector').inputValue(), 'contoso.com');
  await done();
});

test('values that hide what runs, and huge values, get one clear message each', async () => {
  const { page, done } = await open(browser, '#/scripts/single-object');
  await page.getByTestId('field-ad-connector').fill('conto\u200Bso.com');
  await page.getByTestId('field-ad-connector-error').waitFor();
  assert.match(await page.getByTestId('field-ad-connector-error').innerText(), /invisible character U\+200B \(character 6\)/);
  await page.getByTestId('script-pending').waitFor();
  await page.getByTestId('field-ad-connector').fill('contoso.com');
  // 200,000 commas: one message that states the limit, not 200,001 paragraphs.
  const started = Date.now();
  await page.getByTestId('field-dn').fill(','.repeat(200000));
  await page.getByTestId('field-dn-error').first().waitFor();
  assert.equal(await page.getByTestId('field-dn-error').count(), 1);
  assert.match(await page.getByTestId('field-dn-error').innerText(), /limit is 8192 characters/);
  console.log(`200,000 commas: message shown after ${Date.now() - started} ms`);
  await page.getByTestId('field-dn').fill(`CN=a${','.repeat(3000)}DC=x`);
  await page.getByTestId('field-dn-error').filter({ hasText: 'more problems' }).waitFor();
  assert.ok(await page.getByTestId('field-dn-error').count() <= 6);
  await shot(page, 'scripts-limits');
  await done();
});

test('an unknown script name', async () => {
  const { page, done } = await open(browser, '#/scripts/nope');
  await page.getByTestId('unknown-script').waitFor();
  await done();
});

test('a script with non-ASCII values, at desktop and phone widths, light and dark', async () => {
  for (const [name, options] of [
    ['scripts-non-ascii', {}],
    ['dark-scripts-non-ascii', { colorScheme: 'dark' }],
    ['phone-scripts-non-ascii', { viewport: { width: 390, height: 844 } }],
    ['phone-dark-scripts-non-ascii', { viewport: { width: 390, height: 844 }, colorScheme: 'dark' }],
  ]) {
    const { page, done } = await open(browser, '#/scripts/full-sync', options);
    await page.getByTestId('field-ad-connector').fill('Ăcme.ru');
    await page.getByTestId('field-aad-connector').fill('Россия.onmicrosoft.com - AAD');
    await page.getByTestId('script-note').waitFor();
    const text = await script(page);
    assert.ok(text.includes("$adConnector = ('' + [char]0x0102 + 'cme.ru')"), text);
    assert.ok(/^[\x00-\x7f]*$/.test(text), 'pure ASCII');
    // The page itself never scrolls sideways; the script box does.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name}: the page is ${overflow}px wider than the window`);
    await shot(page, name);
    await done();
  }
});
