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
// ratio, and the .wasm's size and gzipped size.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
server.close();

const wasm = readFileSync(join(dist, 'pkg', 'homecare_audit_web_bg.wasm'));
const mib = (n) => (n / 1048576).toFixed(2);
console.log(`native audit: ${(median(native) / 1000).toFixed(2)} s (runs ${native.map((x) => (x / 1000).toFixed(2)).join(', ')})`);
const warm = web.slice(1);
console.log(`in Chromium:  ${(median(warm) / 1000).toFixed(2)} s warm (runs ${web.map((x) => (x / 1000).toFixed(2)).join(', ')}; the first, cold)`);
console.log(`ratio browser / native: ${(median(warm) / median(native)).toFixed(2)} warm, ${(web[0] / median(native)).toFixed(2)} cold`);
console.log(`wasm: ${mib(wasm.length)} MiB, gzipped ${mib(gzipSync(wasm, { level: 9 }).length)} MiB`);
