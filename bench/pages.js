// bench/pages: see that script. Each page is loaded once with an empty cache and then WARM times with the browser's
// cache (as an analyst moving between pages would); bytes are what came over the wire for the page and everything it
// loaded (resource timing's transferSize: compressed, and 0 for what the cache served).
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
  const cdp = await context.newCDPSession(page);
  console.log(`page weight and speed, ${WARM} warm loads each (Chromium headless, signed in as analyst)`);
  for (const [name, path] of pages) {
    await cdp.send('Network.clearBrowserCache');
    await page.goto(GATEWAY + path, { waitUntil: 'load' });
    const cold = await measure(page);
    const warm = [];
    for (let i = 0; i < WARM; i++) {
      await page.goto(GATEWAY + path, { waitUntil: 'load' });
      warm.push(await measure(page));
    }
    console.log(`  ${name.padEnd(26)} cold ${String(Math.round(cold.ms)).padStart(5)} ms ${String(Math.round(cold.bytes / 1024)).padStart(5)} KB`
      + ` | warm median ${String(Math.round(median(warm.map((w) => w.ms)))).padStart(4)} ms`
      + ` ${String(Math.round(median(warm.map((w) => w.bytes)) / 1024)).padStart(4)} KB`
      + ` (max ${Math.round(Math.max(...warm.map((w) => w.ms)))} ms)`);
  }
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
