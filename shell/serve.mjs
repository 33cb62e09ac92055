#!/usr/bin/env node
// serve.mjs — a tiny static file server for one folder on 127.0.0.1, with the MIME types the
// widget needs (application/wasm lets the browser compile while downloading). No npm packages.
//
//   node shell/serve.mjs DIR [PORT]      PORT 0 (default) = any free port
//                                        first line printed: http://127.0.0.1:PORT/
//   import { serve } from './serve.mjs'; const { url, close } = await serve(dir, 0);
//
// Development and tests only: GET/HEAD, no directory listings, nothing outside DIR.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

function send(res, status, text, headers = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(text);
}

async function handle(root, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'method not allowed\n', { allow: 'GET, HEAD' });
    return;
  }
  let path;
  try {
    path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    send(res, 400, 'bad request\n');
    return;
  }
  let file = resolve(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) {
    send(res, 403, 'forbidden\n');
    return;
  }
  let info = await stat(file).catch(() => null);
  if (info && info.isDirectory()) {
    if (!path.endsWith('/')) {
      res.writeHead(301, { location: path + '/' });
      res.end();
      return;
    }
    file = join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info || !info.isFile()) {
    send(res, 404, `not found: ${path}\n`);
    return;
  }
  res.writeHead(200, {
    'content-type': MIME_TYPES[extname(file).toLowerCase()] || 'application/octet-stream',
    'content-length': info.size,
    'cache-control': 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

/** Serves `dir` on 127.0.0.1:`port` (0 = any free port). Resolves to { url, port, close() }. */
export async function serve(dir, port = 0) {
  const root = resolve(dir);
  const info = await stat(root).catch(() => null);
  if (!info || !info.isDirectory()) throw new Error(`serve: not a folder: ${root}`);
  const server = createServer((req, res) => {
    handle(root, req, res).catch((e) => {
      if (!res.headersSent) send(res, 500, `internal error: ${e.message}\n`);
      else res.destroy();
    });
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    port: actual,
    close: () => new Promise((ok) => {
      server.closeAllConnections?.();
      server.close(() => ok());
    }),
  };
}

// Command line.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, portText = '0'] = process.argv.slice(2);
  const port = Number(portText);
  if (!dir || !Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('usage: node shell/serve.mjs DIR [PORT]   (PORT 0 = any free port)');
    process.exit(2);
  }
  serve(dir, port).then(({ url, close }) => {
    console.log(url);
    const stop = () => close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  }, (e) => {
    console.error(`serve: ${e.message}`);
    process.exit(2);
  });
}
