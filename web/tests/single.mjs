// Drives Debian's Chromium (headless, through playwright-core) against the
// one-file page (web/dist/audit.html) copied alone into an empty folder and
// opened from disk (file://), as an auditor who got it by e-mail would.
// Called by tests/integration/browser.rs, which checks what this writes
// against the command line.
//
//   node single.mjs PAGE OUT SAMPLE EXPORTS MERGER PROVIDER... [--folder=DIR]
//
// PAGE the built audit.html; OUT a folder for what the page gives; SAMPLE a
// provider's workbook; EXPORTS a folder whose files are one provider's
// exports, chosen together; MERGER a merger workbook; PROVIDER... the
// workbooks to compare. Exits non-zero with a line saying why on failure.
import { copyFile, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from './harness.mjs';

const [page0, out, sample, exportsDir, merger, ...rest] = process.argv.slice(2);
// The last argument may be `--folder=DIR`: a folder of providers' subfolders.
const folderArg = rest.find((a) => a.startsWith('--folder='));
const folder = folderArg ? folderArg.slice('--folder='.length) : null;
const ownArg = rest.find((a) => a.startsWith('--own='));
const own = ownArg ? ownArg.slice('--own='.length) : null;
const providers = rest.filter((a) => !a.startsWith('--'));
const alone = await mkdtemp(join(tmpdir(), 'audit-html-'));
const pagePath = join(alone, 'audit.html');
await copyFile(page0, pagePath);
await mkdir(out, { recursive: true });
const browser = await launch();
let failed = null;
const fail = (why) => { failed = failed || why; };
const result = {};
try {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 1400 } });
  const page = await context.newPage();
  const elsewhere = [];
  context.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith('file:') && !url.startsWith('data:') && !url.startsWith('blob:')) elsewhere.push(url);
  });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(pathToFileURL(pagePath).href);
  await page.waitForSelector('body[data-state="ready"]');
  const save = async (selector, name) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
    await download.saveAs(join(out, name));
  };
  const auditFiles = async (files) => {
    await page.setInputFiles('#input', files);
    await page.click('#run');
    await page.waitForSelector('body[data-state="done"], body[data-state="error"]', { timeout: 300000 });
    return page.evaluate(() => document.body.dataset.state);
  };

  // 1. One workbook.
  const one = await auditFiles([sample]);
  if (one !== 'done') fail(`the sample ended in state ${one}: ${await page.textContent('#error')}`);
  // Its charts drawn on the page, the hour cost and the scenarios.
  result.charts = await page.locator('#charts svg.chart').count();
  result.hourLines = await page.locator('#hour tr[data-line]').count();
  result.scenarios = await page.locator('#scenarios details[data-scenario]').count();
  result.sources = await page.locator('#finance tr[data-source]').count();
  result.grantSteps = await page.locator('#finance tr[data-step]').count();
  if (process.env.SCREENSHOTS) {
    await page.locator('#charts').screenshot({ path: join(process.env.SCREENSHOTS, 'web-charts.png') });
  }
  await save('#download-json', 'sample.json');

  // 2. A provider's five exports, chosen together.
  const names = (await readdir(exportsDir)).sort();
  const five = await auditFiles(names.map((n) => join(exportsDir, n)));
  if (five !== 'done') fail(`the exports ended in state ${five}: ${await page.textContent('#error')}`);
  result.exports = names;
  await save('#download-json', 'exports.json');
  const shots = process.env.SCREENSHOTS;
  if (shots) await page.screenshot({ path: join(shots, 'web-exports.png'), fullPage: false });

  // 2b. An export with its own headers: the mapping step, then the audit.
  if (own) {
    const failedFirst = await auditFiles([own]);
    if (failedFirst !== 'error') fail(`the unmapped export ended in state ${failedFirst}`);
    await page.waitForSelector('body[data-mapping="proposed"]', { timeout: 60000 });
    result.mappingGuess = await page.locator('select[data-column="Úkon"]').inputValue();
    for (const [ours, theirs] of [['Datum', 'Den'], ['Pracovník', 'Kdo'], ['Klient', 'Komu'], ['Minuty', 'Minut']]) {
      await page.selectOption(`select[data-column="${ours}"]`, { label: theirs });
    }
    if (process.env.SCREENSHOTS) {
      await page.locator('#mapping-step').screenshot({ path: join(process.env.SCREENSHOTS, 'web-mapping.png') });
    }
    await page.click('#mapping-apply');
    // The mapping is written first; then the audit runs again.
    await page.waitForSelector('body[data-mapping="applied"]', { timeout: 60000 });
    await page.waitForSelector('body[data-state="done"], body[data-state="error"]', { timeout: 300000 });
    const mapped = await page.evaluate(() => document.body.dataset.state);
    if (mapped !== 'done') fail(`the mapped export ended in state ${mapped}: ${await page.textContent('#error')}`);
    await save('#download-json', 'own.json');
    await save('#download-mapping', 'mapping.xlsx');
  }

  // 3. The blank template.
  await save('button.starter[data-kind="template"]', 'template.xlsx');

  // 4. Three providers compared, and their merger studied.
  await page.setInputFiles('#compare-input', providers);
  await page.check('#merge');
  await page.setInputFiles('#merger', merger);
  await page.click('#compare-run');
  await page.waitForSelector('body[data-compare="done"], body[data-compare="error"]', { timeout: 300000 });
  const compared = await page.evaluate(() => document.body.dataset.compare);
  if (compared !== 'done') fail(`the comparison ended in state ${compared}: ${await page.textContent('#compare-error')}`);
  result.compareRows = await page.locator('tr[data-compare-id]').count();
  result.mergerLine = await page.locator('p[data-merger="staff"]').textContent();
  await save('#download-comparison', 'comparison.xlsx');
  await save('#download-comparison-json', 'comparison.json');
  if (shots) {
    await page.locator('#compare-section').scrollIntoViewIfNeeded();
    await page.locator('#compare-section').screenshot({ path: join(shots, 'web-compare.png') });
  }

  // 5. A folder, each subfolder one provider, compared as `compare DIR`.
  if (folder) {
    await page.setInputFiles('#compare-input', []);
    await page.uncheck('#merge');
    await page.setInputFiles('#merger', []);
    await page.setInputFiles('#compare-folder', folder);
    await page.evaluate(() => { document.body.dataset.compare = 'running'; });
    await page.click('#compare-run');
    await page.waitForSelector('body[data-compare="done"], body[data-compare="error"]', { timeout: 300000 });
    const byFolder = await page.evaluate(() => document.body.dataset.compare);
    if (byFolder !== 'done') fail(`the folder comparison ended in state ${byFolder}: ${await page.textContent('#compare-error')}`);
    await save('#download-comparison-json', 'folder.json');
  }

  if (elsewhere.length) fail(`requests elsewhere: ${elsewhere.join(', ')}`);
  if (pageErrors.length) fail(`page errors: ${pageErrors.join('; ')}`);
  result.requestsElsewhere = elsewhere;
  await writeFile(join(out, 'result.json'), JSON.stringify(result, null, 1));
} catch (e) {
  fail(String(e && e.stack ? e.stack.split('\n')[0] : e));
} finally {
  await browser.close();
}
if (failed) {
  console.error(`one-file page test failed: ${failed}`);
  process.exit(1);
}
console.log('one-file page test: opened from disk, audited, compared and downloaded');
