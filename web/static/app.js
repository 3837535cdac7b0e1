// The page: choose a workbook (or drop it), audit it in a worker, show the
// headline indicators, findings and rejected rows, offer the downloads.
// Plain JavaScript, no framework, nothing fetched from elsewhere.

const TEXT = {
  cs: {
    title: 'Audit pečovatelské služby',
    privacy: 'Audit běží ve vašem prohlížeči: sešit se nikam neodesílá.',
    input: 'Sešit poskytovatele (.xlsx, .xlsm, .xlsb, .xls, .ods)',
    drop: 'nebo jej sem přetáhněte',
    benchmarks: 'Srovnávací hodnoty kraje (nepovinné)',
    run: 'Spustit audit',
    'download-report': 'Stáhnout zprávu (.xlsx)',
    'download-json': 'Stáhnout JSON',
    findings: 'Nálezy',
    rows: 'Řádky vstupu',
    rejected: 'Odmítnuté řádky',
    other: 'English',
    otherLabel: 'Switch to English',
    reading: 'Čtu',
    rowsRead: 'řádků',
    auditing: 'Počítám ukazatele…',
    writing: 'Zapisuji zprávu…',
    done: 'Hotovo',
    seconds: 's',
    indicator: 'Ukazatel',
    value: 'Hodnota',
    status: 'Stav',
    kind: 'Druh nálezu',
    count: 'Počet',
    place: 'Místo',
    detail: 'Podrobnosti',
    sheet: 'List',
    read: 'Přečteno',
    accepted: 'Přijato',
    raw: 'Hodnota',
    reason: 'Důvod',
    none: 'žádné',
    firstOf: (n, total) => `prvních ${n} z ${total}; všechny jsou ve zprávě`,
    period: 'Období',
    statuses: { ok: 'v mezích', warn: 'těsně mimo', bad: 'mimo meze', none: '' },
    chooseFile: 'Vyberte sešit poskytovatele.',
  },
  en: {
    title: 'Home-care service audit',
    privacy: 'The audit runs in your browser: the workbook is sent nowhere.',
    input: "The provider's workbook (.xlsx, .xlsm, .xlsb, .xls, .ods)",
    drop: 'or drop it here',
    benchmarks: "A region's benchmarks (optional)",
    run: 'Run the audit',
    'download-report': 'Download the report (.xlsx)',
    'download-json': 'Download the JSON',
    findings: 'Findings',
    rows: 'Input rows',
    rejected: 'Rejected rows',
    other: 'Česky',
    otherLabel: 'Přepnout do češtiny',
    reading: 'Reading',
    rowsRead: 'rows',
    auditing: 'Computing the indicators…',
    writing: 'Writing the report…',
    done: 'Done',
    seconds: 's',
    indicator: 'Indicator',
    value: 'Value',
    status: 'Status',
    kind: 'Kind of finding',
    count: 'Count',
    place: 'Place',
    detail: 'Detail',
    sheet: 'Sheet',
    read: 'Read',
    accepted: 'Accepted',
    raw: 'Value',
    reason: 'Reason',
    none: 'none',
    firstOf: (n, total) => `the first ${n} of ${total}; the report has them all`,
    period: 'Period',
    statuses: { ok: 'within bounds', warn: 'just outside', bad: 'out of bounds', none: '' },
    chooseFile: "Choose the provider's workbook.",
  },
};

let lang = 'cs';
let last = null; // { input, name, benchmarks } of the last audit
const urls = [];
const $ = (id) => document.getElementById(id);
const t = () => TEXT[lang];

function applyLanguage() {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-t]')) {
    el.textContent = t()[el.dataset.t];
  }
  $('lang').textContent = t().other;
  $('lang').setAttribute('aria-label', t().otherLabel);
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith('data-')) e.setAttribute(k, v);
    else e[k] = v;
  }
  for (const c of children) e.append(c);
  return e;
}

function table(caption, headers, rows) {
  const head = el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, h)));
  return el(
    'table', {},
    el('caption', {}, caption),
    el('thead', {}, head),
    el('tbody', {}, ...rows),
  );
}

function progressText(phase, rows) {
  if (phase === 'audit') return t().auditing;
  if (phase === 'report') return t().writing;
  return `${t().reading} ${phase}: ${rows.toLocaleString(lang)} ${t().rowsRead}…`;
}

function showError(message) {
  $('error').textContent = message;
  $('error').hidden = false;
  $('progress').hidden = true;
  $('progress-label').textContent = '';
  $('run').disabled = false;
}

function render(view, reportBytes, json, name, millis) {
  for (const u of urls.splice(0)) URL.revokeObjectURL(u);
  const stem = name.replace(/\.[^.]*$/, '');
  const reportUrl = URL.createObjectURL(new Blob([reportBytes], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }));
  const jsonUrl = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  urls.push(reportUrl, jsonUrl);
  $('download-report').href = reportUrl;
  $('download-report').download = `${stem}-${lang === 'cs' ? 'zprava' : 'report'}.xlsx`;
  $('download-json').href = jsonUrl;
  $('download-json').download = `${stem}.json`;

  $('result-title').textContent = view.provider;
  $('period').textContent = view.period ? `${t().period} ${view.period}` : '';
  $('law-warning').hidden = !view.law_warning;
  $('law-warning').textContent = view.law_warning || '';
  // A timesheet alone: what an added client or staff list would make available.
  $('absent-lists').replaceChildren(...(view.absent_lists || []).map(
    (l) => el('p', { className: 'note', 'data-sheet': l.sheet }, l.text),
  ));

  const families = $('families');
  families.replaceChildren(...view.families.map((f) => table(
    f.name,
    [t().indicator, t().value, t().status],
    f.indicators.map((i) => el(
      'tr',
      { 'data-id': i.id, 'data-exact': i.exact ?? '', className: `status-${i.status}` },
      el('th', { scope: 'row' }, i.label),
      el('td', { className: 'value' }, i.value),
      el('td', {}, t().statuses[i.status]),
    )),
  )));

  const findings = $('findings');
  if (view.findings.length === 0) {
    findings.replaceChildren(el('p', {}, t().none));
  } else {
    findings.replaceChildren(
      table(
        `${t().findings} (${view.findings_total})`,
        [t().kind, t().count],
        view.findings.map((g) => el(
          'tr', { 'data-kind': g.kind },
          el('th', { scope: 'row' }, g.label),
          el('td', { className: 'value' }, String(g.count)),
        )),
      ),
      ...view.findings.map((g) => el(
        'details', {},
        el('summary', {}, `${g.label} (${g.count})`),
        table(
          g.first.length < g.count ? t().firstOf(g.first.length, g.count) : g.label,
          [t().place, t().detail],
          g.first.map((f) => el('tr', {}, el('td', {}, f.place), el('td', {}, f.detail))),
        ),
      )),
    );
  }

  $('rows').replaceChildren(table(
    t().rows,
    [t().sheet, t().read, t().accepted, t().rejected],
    view.rows.map((r) => el(
      'tr', { 'data-sheet': r.sheet },
      el('th', { scope: 'row' }, r.sheet),
      el('td', { className: 'value' }, String(r.read)),
      el('td', { className: 'value' }, String(r.accepted)),
      el('td', { className: 'value' }, String(r.rejected)),
    )),
  ));

  const rejected = $('rejected');
  if (view.rejected_total === 0) {
    rejected.replaceChildren(el('p', {}, t().none));
  } else {
    rejected.replaceChildren(table(
      view.rejected.length < view.rejected_total
        ? t().firstOf(view.rejected.length, view.rejected_total)
        : `${t().rejected} (${view.rejected_total})`,
      [t().place, t().raw, t().reason],
      view.rejected.map((r) => el(
        'tr', { 'data-place': r.place },
        el('td', {}, r.place),
        el('td', {}, r.raw),
        el('td', {}, r.reason),
      )),
    ));
  }
  $('result').hidden = false;
  $('progress').hidden = true;
  $('progress-label').textContent = `${t().done} (${(millis / 1000).toFixed(1)} ${t().seconds})`;
  $('run').disabled = false;
  document.body.dataset.state = 'done';
  document.body.dataset.millis = String(Math.round(millis));
}

// One worker, kept between audits: its WebAssembly is compiled once and
// gets faster as the engine optimises it. After an error it is replaced, so
// a workbook that stops the module cannot leave the next audit a broken one.
let worker = null;

function dropWorker() {
  if (worker) worker.terminate();
  worker = null;
}

function runAudit(job) {
  last = job;
  $('error').hidden = true;
  $('run').disabled = true;
  $('progress').hidden = false;
  $('progress').removeAttribute('value');
  $('progress-label').textContent = t().reading;
  document.body.dataset.state = 'running';
  if (!worker) worker = new Worker('worker.js', { type: 'module' });
  worker.onmessage = (event) => {
    const m = event.data;
    if (m.type === 'progress') {
      $('progress-label').textContent = progressText(m.phase, m.rows);
    } else if (m.type === 'done') {
      render(JSON.parse(m.view), m.report, m.json, job.name, m.millis);
    } else {
      dropWorker();
      $('result').hidden = true;
      showError(m.message);
      document.body.dataset.state = 'error';
    }
  };
  worker.onerror = (e) => {
    dropWorker();
    showError(e.message || 'error');
    document.body.dataset.state = 'error';
  };
  // Copies: the worker takes them, the page keeps its own for a rerun.
  worker.postMessage({
    input: job.input.slice(0),
    name: job.name,
    benchmarks: job.benchmarks ? job.benchmarks.slice(0) : null,
    lang,
  });
}

async function start(file) {
  if (!file) {
    showError(t().chooseFile);
    return;
  }
  // Running from the moment it is asked for (the files are read first).
  document.body.dataset.state = 'running';
  const bench = $('benchmarks').files[0];
  runAudit({
    input: await file.arrayBuffer(),
    name: file.name,
    benchmarks: bench ? await bench.arrayBuffer() : null,
  });
}

$('form').addEventListener('submit', (e) => {
  e.preventDefault();
  start($('input').files[0]);
});

$('lang').addEventListener('click', () => {
  lang = lang === 'cs' ? 'en' : 'cs';
  applyLanguage();
  // The figures and the report in the new language: the same audit again.
  if (last && document.body.dataset.state === 'done') runAudit(last);
});

const drop = $('drop');
for (const type of ['dragenter', 'dragover']) {
  drop.addEventListener(type, (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
}
for (const type of ['dragleave', 'drop']) {
  drop.addEventListener(type, () => drop.classList.remove('over'));
}
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  const file = e.dataTransfer.files[0];
  if (file) start(file);
});

applyLanguage();
document.body.dataset.state = 'ready';
