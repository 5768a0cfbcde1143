// bench/pages: see that script. Each page is loaded once in a browser context of its own (empty caches, new
// connections; signed in with the saved session) and then WARM times in that context (as an analyst coming back to
// it); each load waits until the network is idle (the entity page's graph included). Bytes are what came over the
// wire for the page and everything it loaded (resource timing's transferSize: compressed; 0 for what a cache served,
// headers only for a revalidation).
const { chromium } = require('playwright-core');

const GATEWAY = process.env.GATEWAY;
const WARM = Number(process.env.WARM || 20);

async function measure(page) {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    const bytes = nav.transferSize + resources.reduce((sum, r) => sum + (r.transferSize || 0), 0);
    return { ms: nav.loadEventEnd - nav.requestStart, bytes };
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(GATEWAY + '/search');
  await page.fill('#username', 'analyst');
  await page.fill('#password', 'dossier');
  await page.click('#kc-login');
  await page.waitForSelector('#q');
  // the pages: a search with results, the first result's document, the first actor's page
  await page.goto(GATEWAY + '/search?q=Kataib+Hezbollah');
  const documentHref = await page.getAttribute('li.hit h2 a', 'href');
  const entityHref = await page.getAttribute('.entity-strip a', 'href');
  const pages = [
    ['search page with results', '/search?q=Kataib+Hezbollah'],
    ['document', documentHref],
    ['entity page', entityHref],
  ];
  const login = await context.storageState();
  console.log(`page weight and speed, ${WARM} warm loads each (Chromium headless, signed in as analyst)`);
  for (const [name, path] of pages) {
    // cold: a browser context of its own (empty cache, memory cache and connections included), signed in
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 }, storageState: login });
    const coldPage = await fresh.newPage();
    await coldPage.goto(GATEWAY + path, { waitUntil: 'networkidle' });
    const cold = await measure(coldPage);
    // warm: the same context loading the page again, as an analyst coming back to it
    const warm = [];
    for (let i = 0; i < WARM; i++) {
      await coldPage.goto(GATEWAY + path, { waitUntil: 'networkidle' });
      warm.push(await measure(coldPage));
    }
    await fresh.close();
    console.log(`  ${name.padEnd(26)} cold ${String(Math.round(cold.ms)).padStart(5)} ms ${String(Math.round(cold.bytes / 1024)).padStart(5)} KB`
      + ` | warm median ${String(Math.round(median(warm.map((w) => w.ms)))).padStart(4)} ms`
      + ` ${String(Math.round(median(warm.map((w) => w.bytes)) / 1024)).padStart(4)} KB`
      + ` (max ${Math.round(Math.max(...warm.map((w) => w.ms)))} ms)`);
  }
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
