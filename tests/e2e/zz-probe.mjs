import { launch, open } from './helpers.mjs';
const b = await launch();
const [route, scheme, w, h, ...targets] = process.argv.slice(2);
const { page, problems } = await open(b, route, { colorScheme: scheme, viewport: { width: +w, height: +h } });
await page.waitForTimeout(800);
let i = 0;
for (const t of targets) {
  if (t !== 'top') await page.evaluate((s) => document.querySelector(s)?.scrollIntoView(), t);
  await page.waitForTimeout(200);
  await page.screenshot({ path: `/tmp/learn-shot-${i++}.png` });
}
console.log(problems);
await b.close();
