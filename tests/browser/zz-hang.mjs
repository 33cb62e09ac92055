import { chromium } from 'playwright-core';
import http from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join, extname } from 'node:path';
const DIST = process.argv[2]; const N = +process.argv[3];
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.woff2': 'font/woff2', '.css': 'text/css' };
const s = http.createServer((req, res) => {
  const p = join(DIST, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!existsSync(p)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'content-type': types[extname(p)] || 'application/octet-stream' }); res.end(readFileSync(p));
}).listen(0, '127.0.0.1');
await new Promise((r) => s.once('listening', r));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader'] });
let bad = 0;
for (let i = 0; i < N; i++) {
  const ctx = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await ctx.newPage();
  const log = [];
  page.on('console', (m) => log.push(m.type() + ': ' + m.text()));
  page.on('pageerror', (e) => log.push('pageerror: ' + e.message));
  await page.goto(`http://127.0.0.1:${s.address().port}/index.html`);
  const r = await page.evaluate(() => new Promise((r) => { const w = document.querySelector('versus-widget'); w.addEventListener('versus-ready', (e) => r(e.detail.firstFrameMs)); setTimeout(() => r(-1), 15000); }));
  if (r < 0) { bad++; console.log('TIMEOUT load', i, log.join('\n'));
    console.log(await page.evaluate(() => { const w = document.querySelector('versus-widget'); return JSON.stringify({ state: w.getAttribute('data-state'), attrs: [...w.attributes].map(a => a.name + '=' + a.value), sr: w.shadowRoot ? w.shadowRoot.innerHTML.slice(0, 300) : null }); }));
    await page.screenshot({ path: `/tmp/prof/hang${i}.png` }); }
  await ctx.close();
}
console.log('timeouts', bad, 'of', N);
await browser.close(); s.close();
