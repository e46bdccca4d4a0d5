// The collector: its card on the Scripts page (copy, download), and its block pasted on the
// Analyze page: the findings its facts give, the decoded report, and a damaged block refused.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { assertAccessible, fixture, launch, open, shot } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function paste(page, text) {
  await page.getByTestId('paste').fill(text);
  await page.waitForFunction(() => document.querySelector('[data-testid="paste-counts"]')?.textContent.includes('analysed in'));
  await page.locator('[data-testid="page-analyze"][data-complete="true"]').waitFor();
}

async function findingIds(page) {
  return page.locator('[data-testid="findings"] [data-finding]').evaluateAll((cards) => cards.map((c) => c.dataset.finding));
}

test('the collector card: no input, the script with its block, a .ps1 download', async () => {
  const { page, done } = await open(browser, '#/scripts/collector');
  await page.locator('[data-testid="page-scripts"][data-kind="collector"]').waitFor();
  assert.match(await page.getByTestId('script-title').innerText(), /Collect everything in one block/);
  const text = await page.getByTestId('script').innerText();
  assert.ok(text.includes("'-----BEGIN PHS-DOCTOR REPORT v1-----'"), text.slice(0, 200));
  assert.ok(text.includes('[System.Security.Cryptography.SHA256]::Create()'));
  assert.ok(!(await page.getByTestId('copy').isDisabled()));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  assert.equal(download.suggestedFilename(), 'phs-doctor-collector.ps1');
  const bytes = await readFile(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.ok([...bytes.subarray(3)].every((b) => b < 0x80), 'ASCII after the BOM');
  await shot(page, 'scripts-collector');
  await assertAccessible(page, 'scripts collector');
  await done();
});

test('a pasted block: its facts as findings, evidence naming the report field, the decoded report', async () => {
  const { page, done } = await open(browser, '#/analyze');
  await paste(page, fixture('collector-crlf-prompts'));
  const ids = await findingIds(page);
  assert.deepEqual(ids, ['no-heartbeat', 'ad-permissions', 'phs-enabled', 'heartbeat-ok']);
  const card = page.getByTestId('finding-no-heartbeat');
  assert.match(await card.getByTestId('evidence').innerText(), /report heartbeats\[1\]\.count_3h: 0/);
  assert.match(await card.getByTestId('params').innerText(), /fabrikam\.com/);
  const block = page.getByTestId('report-block');
  assert.equal(await block.count(), 1);
  await block.locator('summary').click();
  const json = await page.getByTestId('report-json').innerText();
  assert.match(json, /"schema": "phs-doctor-report\/1"/);
  assert.match(json, /"count_3h": 0/);
  assert.equal(await page.getByTestId('unparsed').count(), 0, 'every line of the paste understood');
  await shot(page, 'analyze-collector');
  await assertAccessible(page, 'analyze collector');
  await done();
});

test('a changed block is refused: one finding, no facts, no decoded report', async () => {
  const { page, done } = await open(browser, '#/analyze');
  await paste(page, fixture('collector-checksum-mismatch'));
  assert.deepEqual(await findingIds(page), ['report-altered']);
  assert.match(await page.getByTestId('finding-report-altered').innerText(), /checksum/i);
  assert.equal(await page.getByTestId('report-block').count(), 0);
  await paste(page, fixture('collector-truncated'));
  assert.deepEqual(await findingIds(page), ['report-truncated']);
  await done();
});
