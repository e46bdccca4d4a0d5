// Hostile strings typed into every input of every page: no dialog opens, no script runs, no
// element appears from the input, nothing is requested, and the page keeps working.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, open, shot } from './helpers.mjs';

const HOSTILE = [
  '<script>window.__pwned = 1; alert(1)</script>',
  '<img src=x onerror="window.__pwned = 2; alert(2)">',
  'javascript:alert(3)',
  '**bold** [x](javascript:alert(4)) <b id="injected">b</b>',
  '"><svg onload=alert(5)>',
  '{{constructor.constructor("alert(6)")()}}',
  "'; Remove-Item C:\\ -Recurse; '",
  '\u202Egpj.exe',
  'x'.repeat(20000),
];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Fails on any dialog; counts elements that could only have come from the input. */
async function guard(page) {
  const dialogs = [];
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  return {
    // `inUrl`: the field is kept in the route by design (the events filter): the URL then
    // carries it, encoded, and it must still come back as text only.
    async check(where, { inUrl = false } = {}) {
      const injected = await page.evaluate(() => ({
        pwned: window.__pwned ?? null,
        scripts: [...document.querySelectorAll('script')].filter((s) => !s.src && s.type !== 'module').length,
        imgs: document.querySelectorAll('img').length,
        svgs: document.querySelectorAll('svg[onload]').length,
        bold: document.querySelectorAll('#injected').length,
        jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => a.getAttribute('href').trim().toLowerCase().startsWith('javascript:')).length,
      }));
      assert.deepEqual(dialogs, [], `${where}: a dialog opened`);
      assert.deepEqual(injected, { pwned: null, scripts: 0, imgs: 0, svgs: 0, bold: 0, jsLinks: 0 }, `${where}: something ran or appeared`);
      if (!inUrl) {
        assert.ok(!decodeURIComponent(page.url()).includes('pwned') && !page.url().includes('Remove-Item'), `${where}: input reached the URL`);
      }
    },
  };
}

test('every input on every page takes hostile text as text', async () => {
  const { page, done } = await open(browser);
  const g = await guard(page);
  for (const h of HOSTILE) {
    await page.getByTestId('version').fill(h);
    await page.getByTestId('version-error').waitFor();
    await g.check(`version ${h.slice(0, 20)}`);
  }

  await page.getByTestId('nav-events').click();
  await page.getByTestId('page-events').waitFor();
  for (const h of HOSTILE) {
    await page.getByTestId('event-filter').fill(h);
    await page.getByTestId('events-empty').waitFor();
    await g.check(`event filter ${h.slice(0, 20)}`, { inUrl: true });
    // The filter is in the route (a shared link restores it): opened as a link, still text.
    await page.reload();
    await page.getByTestId('events-empty').waitFor();
    assert.equal(await page.getByTestId('event-filter').inputValue(), h);
    await g.check(`event filter link ${h.slice(0, 20)}`, { inUrl: true });
  }

  for (const kind of ['status', 'full-sync', 'single-object']) {
    await page.goto(new URL(`#/scripts/${kind}`, page.url()).href);
    await page.waitForSelector(`[data-testid="page-scripts"][data-kind="${kind}"]`);
    const fields = await page.locator('[data-testid^="field-"]:is(input, textarea)').all();
    assert.ok(fields.length >= 1, kind);
    for (const h of HOSTILE) {
      for (const f of fields) await f.fill(h);
      await g.check(`script ${kind} ${h.slice(0, 20)}`);
    }
  }
  await shot(page, 'hostile-scripts');

  await page.getByTestId('nav-analyze').click();
  await page.getByTestId('page-analyze').waitFor();
  await page.getByTestId('paste').fill(HOSTILE.join('\n'));
  await page.waitForTimeout(600);
  await g.check('analyze');
  await shot(page, 'hostile-analyze');

  // Still working afterwards.
  await page.getByTestId('nav-statuses').click();
  await page.getByTestId('page-statuses').waitFor();
  await done();
});
