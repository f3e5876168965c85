// A tiny static file server for the browser tests: serves www/ (or the folder in
// GREYMATTER_WWW) on a free port of 127.0.0.1, with the MIME types the page needs
// (application/wasm lets the browser compile the core while it downloads). A second
// one serves the host pages of tests/e2e/fixtures/ on another port — another origin —
// with `{{GREYMATTER}}` in them replaced by the first one's address. With a `prefix`
// (`/greymatter/`, as GitHub Pages serves a project's site) the folder is served below
// that path only, and every other path is not found; `onRequest` hears every path asked for.
// A test may also have chosen paths answered its own way (a 404, an HTML page where the
// core should be), as a badly set-up host would.

import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const WWW = path.resolve(process.env.GREYMATTER_WWW ?? path.join(here, '..', '..', 'www'));
export const FIXTURES = path.join(here, 'fixtures');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ts': 'text/plain; charset=utf-8',
};

async function resolveFile(root, urlPath) {
  const relative = decodeURIComponent(urlPath).replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  const info = await stat(file).catch(() => null);
  if (info?.isDirectory()) return resolveFile(root, path.posix.join(urlPath, 'index.html'));
  return info?.isFile() ? file : null;
}

/**
 * Starts the server; resolves to `{url, close}` once it listens (`url` is the server's
 * root, not the prefix). In the HTML files it serves, each key of `substitute` is
 * replaced by its value; `cors(pathname)` says whether a file is sent with
 * `Access-Control-Allow-Origin: *` (default: every file). `answers` maps a path
 * (`/pkg/greymatter_bg.wasm`) to the answer it gets instead of its file, `{status, type, body}`.
 */
export async function startServer(root = WWW, { substitute = {}, cors = () => true, prefix = '/', onRequest = () => {}, answers = {} } = {}) {
  const server = http.createServer(async (request, response) => {
    try {
      const { pathname } = new URL(request.url, 'http://localhost');
      onRequest(pathname);
      if (Object.hasOwn(answers, pathname)) {
        const { status = 200, type = 'text/plain', body = '' } = answers[pathname];
        const allowed = cors(pathname) ? { 'access-control-allow-origin': '*' } : {};
        response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...allowed }).end(body);
        return;
      }
      const file = pathname.startsWith(prefix) ? await resolveFile(root, pathname.slice(prefix.length - 1)) : null;
      if (!file) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      let body = await readFile(file);
      if (path.extname(file) === '.html' && Object.keys(substitute).length) {
        let text = body.toString('utf8');
        for (const [key, value] of Object.entries(substitute)) text = text.replaceAll(key, value);
        body = Buffer.from(text);
      }
      response.writeHead(200, {
        'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        // Like GitHub Pages and the npm CDNs: pages of other origins may load greymatter from here.
        ...(cors(pathname) ? { 'access-control-allow-origin': '*' } : {}),
      });
      response.end(body);
    } catch (error) {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
