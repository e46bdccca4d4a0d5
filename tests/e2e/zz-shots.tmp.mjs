// Ad-hoc screenshots for the session (not committed).
import { launch, fixture } from './helpers.mjs';
const BASE = process.env.PHS_BASE_URL;
const browser = await launch();
const cases = [
  ['lang-nl-health-mail-resolved-status', 'nl-resolved'],
  ['lang-de-health-mail-heartbeat-active', 'de-active'],
  ['adjacent-mim-pcns-rpc-unavailable', 'mim'],
  ['binary-bytes-not-text', 'binary'],
];
for (const [name, tag] of cases) {
  for (const [w, h, wtag] of [[1280, 900, 'desktop'], [390, 844, 'phone']]) {
    for (const scheme of ['light', 'dark']) {
      const ctx = await browser.newContext({ colorScheme: scheme, viewport: { width: w, height: h } });
      const page = await ctx.newPage();
      await page.goto(BASE + '#/analyze');
      await page.getByTestId('paste').waitFor();
      await page.getByTestId('paste').fill(fixture(name));
      await page.waitForFunction(() => document.querySelector('[data-testid="paste-counts"]')?.textContent.includes('analysed in'));
      await page.locator('[data-testid="page-analyze"][data-complete="true"]').waitFor();
      const f = page.locator('[data-testid="findings"]');
      await f.scrollIntoViewIfNeeded();
      await f.screenshot({ path: `/work/eval/shots/${tag}-${wtag}-${scheme}.png` });
      await ctx.close();
    }
  }
}
await browser.close();
console.log('ok');
