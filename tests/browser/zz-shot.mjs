import { chromium } from 'playwright-core';
import http from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join, extname } from 'node:path';
const DIST = process.argv[2];
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.woff2': 'font/woff2', '.css': 'text/css' };
const s = http.createServer((req, res) => {
  const p = join(DIST, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!existsSync(p)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'content-type': types[extname(p)] || 'application/octet-stream' }); res.end(readFileSync(p));
}).listen(0, '127.0.0.1');
await new Promise((r) => s.once('listening', r));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader'] });
for (const [w, dpr, name] of [[1000, 1, 'w1000'], [390, 2, 'w390x2']]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: 1100 }, deviceScaleFactor: dpr });
  const page = await ctx.newPage();
  await page.addInitScript(() => { document.addEventListener('versus-ready', () => { window.__ready = true; }, true); });
  await page.goto(`http://127.0.0.1:${s.address().port}/index.html`);
  await page.waitForFunction(() => window.__ready, null, { timeout: 30000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: `/tmp/prof/web-${name}.png` });
  await ctx.close();
}
await browser.close(); s.close();
