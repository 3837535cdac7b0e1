// Measures the page against the command line on the same machine in the
// same run (a script, not a test): a generated provider audited in headless
// Chromium and by the native `audit` program, five times each. The page's
// first audit compiles the WebAssembly (cold); later ones reuse it (warm):
// both are printed, with the ratio of the warm median to the native one.
//
//   node bench.mjs DIST WORKBOOK AUDIT_PROGRAM
//
// The page's time is the worker's audit call (read, audit, JSON, report);
// the native time is the whole `audit --json` process. Prints both, their
// ratio, and the .wasm's size and gzipped size. When Debian's Firefox ESR
// is installed, the same five audits run in it too (puppeteer-core, over
// the browser's own WebDriver BiDi).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve, launch, audit } from './harness.mjs';

const [dist, workbook, program] = process.argv.slice(2);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const native = [];
for (let i = 0; i < 5; i += 1) {
  const started = process.hrtime.bigint();
  execFileSync(program, [workbook, '--json', '/dev/null', '-o', '/tmp/homecare-bench-report.xlsx'], { stdio: 'ignore' });
  native.push(Number(process.hrtime.bigint() - started) / 1e6);
}

const server = await serve(dist);
const browser = await launch();
const page = await browser.newPage();
await page.goto(`${server.origin}/`);
await page.waitForSelector('body[data-state="ready"]');
const web = [];
for (let i = 0; i < 5; i += 1) {
  const state = await audit(page, workbook);
  if (state !== 'done') throw new Error(`the page ended in ${state}`);
  web.push(await page.evaluate(() => Number(document.body.dataset.millis)));
}
await browser.close();

// The same in Firefox, when it is there.
const firefox = process.env.FIREFOX || '/usr/bin/firefox-esr';
let fx = null;
if (existsSync(firefox)) {
  const { default: puppeteer } = await import('puppeteer-core');
  const ff = await puppeteer.launch({ browser: 'firefox', executablePath: firefox, headless: true });
  const p = await ff.newPage();
  await p.goto(`${server.origin}/`);
  await p.waitForSelector('body[data-state="ready"]');
  fx = [];
  for (let i = 0; i < 5; i += 1) {
    const input = await p.$('#input');
    await input.uploadFile(workbook);
    await p.click('#run');
    await p.waitForSelector('body[data-state="done"], body[data-state="error"]', { timeout: 300000 });
    const state = await p.evaluate(() => document.body.dataset.state);
    if (state !== 'done') throw new Error(`the page in Firefox ended in ${state}`);
    fx.push(await p.evaluate(() => Number(document.body.dataset.millis)));
  }
  await ff.close();
}
server.close();

const wasm = readFileSync(join(dist, 'pkg', 'homecare_audit_web_bg.wasm'));
const mib = (n) => (n / 1048576).toFixed(2);
console.log(`native audit: ${(median(native) / 1000).toFixed(2)} s (runs ${native.map((x) => (x / 1000).toFixed(2)).join(', ')})`);
const warm = web.slice(1);
console.log(`in Chromium:  ${(median(warm) / 1000).toFixed(2)} s warm (runs ${web.map((x) => (x / 1000).toFixed(2)).join(', ')}; the first, cold)`);
console.log(`ratio browser / native: ${(median(warm) / median(native)).toFixed(2)} warm, ${(web[0] / median(native)).toFixed(2)} cold`);
if (fx) {
  const fxWarm = fx.slice(1);
  console.log(`in Firefox:   ${(median(fxWarm) / 1000).toFixed(2)} s warm (runs ${fx.map((x) => (x / 1000).toFixed(2)).join(', ')}; the first, cold)`);
  console.log(`ratio Firefox / native: ${(median(fxWarm) / median(native)).toFixed(2)} warm, ${(fx[0] / median(native)).toFixed(2)} cold`);
} else {
  console.log(`Firefox: not measured (${firefox} not found)`);
}
console.log(`wasm: ${mib(wasm.length)} MiB, gzipped ${mib(gzipSync(wasm, { level: 9 }).length)} MiB`);
