// Drives Debian's Chromium (headless, through playwright-core) against the
// built page served on 127.0.0.1, as an auditor would use it. Called by
// tests/browser.rs, which checks what this writes against `audit --json`.
//
//   node browser.mjs DIST OUT SAMPLE BAD [SCREENSHOT]
//
// DIST the built page (web/dist); OUT a folder for what the page gives
// (result.json: what the page showed; the downloaded report and JSON);
// SAMPLE a good workbook; BAD a hostile one. Exits non-zero with a line
// saying why on any failure.
import { writeFile, mkdir } from 'node:fs/promises';
import { join, basename } from 'node:path';
import { serve, launch, audit } from './harness.mjs';

const [dist, out, sample, bad, screenshot] = process.argv.slice(2);
const server = await serve(dist);
const { origin } = server;
const browser = await launch();
let failed = null;
const fail = (why) => { failed = failed || why; };
try {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 1400 } });
  const page = await context.newPage();
  const elsewhere = [];
  context.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) elsewhere.push(url);
  });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`${origin}/`);
  await page.waitForSelector('body[data-state="ready"]');

  const runOn = (file) => audit(page, file);

  // 1. The sample: the page's figures, and both downloads.
  const first = await runOn(sample);
  if (first !== 'done') fail(`the sample ended in state ${first}: ${await page.textContent('#error')}`);
  const shown = await page.evaluate(() => ({
    headline: Object.fromEntries([...document.querySelectorAll('tr[data-id]')]
      .map((tr) => [tr.dataset.id, { exact: tr.dataset.exact, text: tr.querySelector('.value').textContent }])),
    findings: Object.fromEntries([...document.querySelectorAll('tr[data-kind]')]
      .map((tr) => [tr.dataset.kind, Number(tr.querySelector('.value').textContent)])),
    rows: Object.fromEntries([...document.querySelectorAll('tr[data-sheet]')]
      .map((tr) => [tr.dataset.sheet, [...tr.querySelectorAll('.value')].map((td) => Number(td.textContent))])),
    rejected: [...document.querySelectorAll('tr[data-place]')].map((tr) => tr.dataset.place),
    millis: Number(document.body.dataset.millis),
  }));
  await mkdir(out, { recursive: true });
  const save = async (selector, name) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
    await download.saveAs(join(out, name));
  };
  await save('#download-report', 'report.xlsx');
  await save('#download-json', 'report.json');
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: false });

  // 2. The language switch reruns the audit in English.
  await page.click('#lang');
  await page.waitForSelector('body[data-state="done"]', { timeout: 120000 });
  const english = await page.textContent('#run');

  // 3. A hostile file: one line of error, the page still usable.
  const badState = await runOn(bad);
  const error = (await page.textContent('#error')).trim();
  if (badState !== 'error') fail(`the hostile file ended in state ${badState}`);
  if (!error || error.includes('\n')) fail(`the error is not one line: ${JSON.stringify(error)}`);

  // 4. A good file afterwards still works.
  const again = await runOn(sample);
  if (again !== 'done') fail(`the sample after the hostile file ended in state ${again}`);
  const errorHidden = await page.evaluate(() => document.getElementById('error').hidden);

  if (elsewhere.length) fail(`requests outside ${origin}: ${elsewhere.join(', ')}`);
  if (pageErrors.length) fail(`page errors: ${pageErrors.join('; ')}`);
  await writeFile(join(out, 'result.json'), JSON.stringify({
    ...shown, english, error, errorHidden, bad: basename(bad), requestsElsewhere: elsewhere,
  }, null, 1));
} catch (e) {
  fail(String(e && e.stack ? e.stack.split('\n')[0] : e));
} finally {
  await browser.close();
  server.close();
}
if (failed) {
  console.error(`browser test failed: ${failed}`);
  process.exit(1);
}
console.log('browser test: the page audited the sample, refused the hostile file and stayed usable');
