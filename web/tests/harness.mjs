// What the browser test and the browser benchmark share: a static server
// for the built page on 127.0.0.1, and Debian's Chromium, headless.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
};

/// Serves `dist` on an ephemeral port of 127.0.0.1: { origin, close }.
export async function serve(dist) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const file = join(dist, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/// Chromium as the machine's probe started it: headless, no sandbox (root),
/// no background networking (the machine's network is closed).
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/// Gives the page `file` and runs the audit; the final state, `done` or
/// `error`.
export async function audit(page, file) {
  await page.setInputFiles('#input', file);
  await page.click('#run');
  await page.waitForSelector('body[data-state="done"], body[data-state="error"]', { timeout: 300000 });
  return page.evaluate(() => document.body.dataset.state);
}
