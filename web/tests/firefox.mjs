// Drives Debian's Firefox ESR (headless, through puppeteer-core and the
// browser's own WebDriver BiDi, no patched build) against the one-file page
// (web/dist/audit.html) copied alone into an empty folder and opened from
// disk (file://), as an auditor whose town hall runs Firefox would.
// Called by tests/integration/browser.rs, which checks what this writes
// against the command line.
//
//   node firefox.mjs PAGE OUT SAMPLE EXPORTS PROVIDER...
//
// PAGE the built audit.html; OUT a folder for what the page gives; SAMPLE a
// provider's workbook; EXPORTS a folder whose files are one provider's
// exports, chosen together; PROVIDER... the workbooks to compare. The
// downloads are clicked as an auditor clicks them; Firefox saves them into
// a folder of the test's (its page may fetch nothing, not even its own
// blobs: its Content-Security-Policy says so). Exits non-zero with a line
// saying why.
import { copyFile, mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const [page0, out, sample, exportsDir, ...providers] = process.argv.slice(2);
const alone = await mkdtemp(join(tmpdir(), 'audit-html-firefox-'));
const pagePath = join(alone, 'audit.html');
await copyFile(page0, pagePath);
await mkdir(out, { recursive: true });
const downloads = await mkdtemp(join(tmpdir(), 'audit-html-downloads-'));
const browser = await puppeteer.launch({
  browser: 'firefox',
  executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr',
  headless: true,
  // A profile of its own, every outside service off (the machine's
  // network is closed and the page must ask nothing of it anyway).
  extraPrefsFirefox: {
    'app.update.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'network.captive-portal-service.enabled': false,
    // Downloads saved without asking, into the test's folder.
    'browser.download.folderList': 2,
    'browser.download.dir': downloads,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.helperApps.neverAsk.saveToDisk':
      'application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
});
let failed = null;
const fail = (why) => { failed = failed || why; };
const result = { browser: await browser.version() };
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 1400 });
  const elsewhere = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith('file:') && !url.startsWith('data:') && !url.startsWith('blob:')) elsewhere.push(url);
  });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(pathToFileURL(pagePath).href);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 60000 });
  // Clicks a download link and moves what Firefox saved to OUT/name. The
  // folder is emptied each time. Firefox first makes an empty file of the
  // final name, writes NAME.part and renames it over that file at the end:
  // the download is done when there is one file, no .part, not empty, and
  // of the same size on two looks in a row.
  const save = async (selector, name) => {
    await page.click(selector);
    let last = -1;
    for (let i = 0; i < 600; i++) {
      await new Promise((ok) => setTimeout(ok, 100));
      const files = await readdir(downloads);
      if (files.length !== 1 || files[0].endsWith('.part')) continue;
      const size = (await stat(join(downloads, files[0]))).size;
      if (size > 0 && size === last) {
        await rename(join(downloads, files[0]), join(out, name));
        return;
      }
      last = size;
    }
    throw new Error(`${selector} downloaded nothing in 60 s`);
  };
  const waitState = async (attr, timeout = 300000) => {
    await page.waitForSelector(`body[data-${attr}="done"], body[data-${attr}="error"]`, { timeout });
    return page.evaluate((a) => document.body.dataset[a], attr);
  };
  const auditFiles = async (files) => {
    const input = await page.$('#input');
    await input.uploadFile(...files);
    await page.click('#run');
    return waitState('state');
  };

  // 1. One workbook: its JSON, its charts drawn as SVG.
  const one = await auditFiles([sample]);
  if (one !== 'done') fail(`the sample ended in state ${one}`);
  await save('#download-json', 'sample.json');
  result.charts = await page.$$eval('#charts svg.chart', (c) => c.length);

  // 2. A provider's exports, chosen together.
  const names = (await readdir(exportsDir)).sort();
  const five = await auditFiles(names.map((n) => join(exportsDir, n)));
  if (five !== 'done') fail(`the exports ended in state ${five}`);
  await save('#download-json', 'exports.json');

  // 3. The providers compared.
  const compareInput = await page.$('#compare-input');
  await compareInput.uploadFile(...providers);
  await page.click('#compare-run');
  const compared = await waitState('compare');
  if (compared !== 'done') fail(`the comparison ended in state ${compared}`);
  await save('#download-comparison-json', 'comparison.json');

  if (elsewhere.length) fail(`requests elsewhere: ${elsewhere.join(', ')}`);
  if (pageErrors.length) fail(`page errors: ${pageErrors.join('; ')}`);
  result.requestsElsewhere = elsewhere;
  await writeFile(join(out, 'result.json'), JSON.stringify(result, null, 1));
} catch (e) {
  fail(String(e && e.stack ? e.stack.split('\n')[0] : e));
} finally {
  await browser.close();
  await rm(alone, { recursive: true, force: true });
  await rm(downloads, { recursive: true, force: true });
}
if (failed) {
  console.error(`one-file page test in Firefox failed: ${failed}`);
  process.exit(1);
}
console.log(`one-file page test in ${result.browser}: opened from disk, audited, compared`);
