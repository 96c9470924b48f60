// What the page tests share: a static server for a page folder and Debian's
// chromium, headless, driven by playwright-core.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const kTypes = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.ts': 'text/plain',
};

// A static file server for `dir`, on a free loopback port.
export function serve(dir) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const name = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    const file = path.join(dir, path.normalize(name));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': kTypes[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// {skip, launch}: `skip` is false or why the browser tests cannot run;
// launch() starts the headless browser.
export async function browserSupport() {
  const chromiumPath = process.env.LOUPE_CHROMIUM || '/usr/bin/chromium';
  let playwright = null;
  try {
    playwright = await import('playwright-core');
  } catch {
    playwright = null;
  }
  const skip = !playwright
      ? 'playwright-core is not installed: run `npm ci` in web/'
      : (!fs.existsSync(chromiumPath) ? `no browser at ${chromiumPath}` : false);
  const launch = () => playwright.chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return { skip, launch };
}
