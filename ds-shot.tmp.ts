import { launchChromium, serveStatic } from '/work/wt-datasheet/tests/support/browser.ts';
const site = await serveStatic('/work/wt-datasheet/dist', '/datasets/hemorrhage/');
const browser = await launchChromium();
const pages = process.argv.slice(2);
for (const spec of pages) {
  const [path, w, js] = spec.split(',');
  const ctx = await browser.newContext({ viewport: { width: Number(w), height: 900 }, javaScriptEnabled: js !== 'nojs' });
  const page = await ctx.newPage();
  await page.goto(`${site.url}${path}`);
  await page.waitForLoadState('networkidle');
  const name = `${path.replace(/\W+/g, '_')}-${w}-${js ?? 'js'}`;
  await page.screenshot({ path: `/tmp/ds-shots/${name}.png`, fullPage: true });
  console.log(name);
  await ctx.close();
}
await browser.close();
await site.close();
