// The page: choose a workbook or a provider's exports (or drop them),
// audit them in a worker, show the headline indicators, findings and
// rejected rows, offer the downloads; the workbooks to start from; compare
// providers and study a merger. Plain JavaScript, no framework, nothing
// fetched from elsewhere. The same script runs in the hosted page (a
// module worker beside it) and in the one-file page (audit.html: the
// worker and the WebAssembly are inside the file).

const TEXT = {
  cs: {
    title: 'Audit pečovatelské služby',
    privacy: 'Audit běží ve vašem prohlížeči: sešit se nikam neodesílá.',
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
    input: 'Sešit poskytovatele nebo jeho exporty (.xlsx, .xlsm, .xlsb, .xls, .ods, .csv)',
    drop: 'nebo je sem přetáhněte; více souborů dohromady tvoří záznamy jednoho poskytovatele',
    starters: 'Ke stažení',
    'starter-template': 'Prázdná šablona',
    'starter-template-mapping': 'Šablona s mapováním sloupců',
    'starter-law': 'Zákonné limity (vestavěné tabulky)',
    'starter-benchmarks': 'Vzorové benchmarky a financování',
    'more-inputs': 'Další vstupy (nepovinné)',
    mapping: 'Mapování sloupců (list Sloupce)',
    law: 'Zákonné limity (list Limity)',
    financing: 'Metodika financování kraje (list Financování)',
    'caps-date': 'Scénář: limity k datu',
    'retarget-share': 'Scénář přesunu péče: podíl hodin, které skončí',
    'retarget-clients': 'Scénář přesunu péče: noví klienti III a IV',
    public: 'Zpráva ke zveřejnění (bez identifikátorů klientů a pracovníků)',
    print: 'Tisk souhrnu',
    compare: 'Srovnání poskytovatelů a studie sloučení',
    'compare-input': 'Sešity poskytovatelů (každý soubor jeden poskytovatel)',
    'compare-folder': 'Nebo složka: každá podsložka jeden poskytovatel (jeho sešity a CSV)',
    merge: 'Také studie sloučení služeb',
    merger: 'Předpoklady sloučení (sešit s listem Sloučení, nepovinné)',
    'compare-run': 'Srovnat',
    'download-comparison': 'Stáhnout srovnání (.xlsx)',
    'download-comparison-json': 'Stáhnout JSON srovnání',
    comparing: 'Srovnávám…',
    chooseProviders: 'Vyberte aspoň dva sešity poskytovatelů.',
    provider: 'Poskytovatel',
    mergerStaff: 'Sloučení: osobní náklady PSS proti službám zvlášť',
    'mapping-title': 'Mapování sloupců',
    'mapping-apply': 'Použít mapování a spustit audit',
    'download-mapping': 'Stáhnout mapování (list Sloupce)',
    mappingIntro: (sheet, file, missing) => `List ${sheet}${file ? ` (${file})` : ''}: v záhlaví chybí sloupec „${missing}“. Vyberte, který sloupec vstupu je který náš; předvybrané jsou ty, které nástroj poznal. Mapování si stáhněte a příště je přidejte ke vstupům.`,
    ourColumn: 'Náš sloupec',
    inputColumn: 'Sloupec ve vstupu',
    required: 'povinný',
    chartMonths: 'Hodiny přímé péče po měsících',
    chartDegrees: 'Klienti a hodiny podle stupně příspěvku na péči',
    chartHour: 'Z čeho se skládá hodina přímé péče (Kč/h)',
    clientsShare: 'podíl klientů',
    hoursShare: 'podíl hodin',
    hourTitle: 'Cena hodiny',
    perHour: 'Kč na hodinu',
    amount: 'Částka',
    scenariosTitle: 'Scénáře',
    financeTitle: 'Veřejné zdroje a služba',
    source: 'Zdroj',
    publicSource: 'veřejný',
    ownSource: 'vlastní',
    grantTitle: 'Státní dotace proti uznatelným nákladům',
    ineligibleTitle: 'Náklady, které státní dotace nesmí hradit',
    why: 'Proč',
    reachTitle: 'Dosah služby podle obcí',
    municipality: 'Obec',
    residents65: 'Obyvatel 65+',
    clients65: 'Klientů 65+',
    refused: 'Odmítnuto',
    sources: { user_fees: 'úhrady', mpsv: 'MPSV', region: 'kraj', municipality: 'obce', unattributed_public_grant: 'veřejná dotace bez určení zdroje', other: 'jiné' },
    notAvailable: 'nelze spočítat',
    noDegree: 'bez PnP',
    unknownDegree: 'neznámý',
    mergerToday: 'proti dnešku',
  },
  en: {
    title: 'Home-care service audit',
    privacy: 'The audit runs in your browser: the workbook is sent nowhere.',
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
    input: "The provider's workbook or exports (.xlsx, .xlsm, .xlsb, .xls, .ods, .csv)",
    drop: "or drop them here; several files together are one provider's records",
    starters: 'Downloads',
    'starter-template': 'Blank template',
    'starter-template-mapping': 'Template with a column mapping',
    'starter-law': 'Legal caps (the built-in tables)',
    'starter-benchmarks': 'Example benchmarks and financing',
    'more-inputs': 'More inputs (optional)',
    mapping: 'Column mapping (a Sloupce sheet)',
    law: 'Legal caps (a Limity sheet)',
    financing: "A region's financing method (a Financování sheet)",
    'caps-date': 'Scenario: the caps of a date',
    'retarget-share': 'Retargeting scenario: share of hours that stop',
    'retarget-clients': 'Retargeting scenario: new clients of degrees III and IV',
    public: 'A report fit for publication (no client or worker ids)',
    print: 'Print the summary',
    compare: 'Compare providers and study a merger',
    'compare-input': "The providers' workbooks (one file each)",
    'compare-folder': "Or a folder: each subfolder one provider (its workbooks and CSV files)",
    merge: 'Also study the services merged',
    merger: 'Merger assumptions (a workbook with a Sloučení sheet, optional)',
    'compare-run': 'Compare',
    'download-comparison': 'Download the comparison (.xlsx)',
    'download-comparison-json': 'Download the comparison JSON',
    comparing: 'Comparing…',
    chooseProviders: "Choose at least two providers' workbooks.",
    provider: 'Provider',
    mergerStaff: "Merger: PSS personnel cost against the services apart",
    'mapping-title': 'Column mapping',
    'mapping-apply': 'Apply the mapping and run the audit',
    'download-mapping': 'Download the mapping (a Sloupce sheet)',
    mappingIntro: (sheet, file, missing) => `Sheet ${sheet}${file ? ` (${file})` : ''}: the header lacks the column "${missing}". Pick which input column is which of ours; the ones the tool recognised are preselected. Download the mapping and give it with the records next time.`,
    ourColumn: 'Our column',
    inputColumn: 'Column in the input',
    required: 'required',
    chartMonths: 'Direct hours by month',
    chartDegrees: 'Clients and hours by care-allowance degree',
    chartHour: 'What an hour of direct care is made of (CZK/h)',
    clientsShare: 'share of clients',
    hoursShare: 'share of hours',
    hourTitle: 'Hour cost',
    perHour: 'CZK per hour',
    amount: 'Amount',
    scenariosTitle: 'Scenarios',
    financeTitle: 'Public money against the service',
    source: 'Source',
    publicSource: 'public',
    ownSource: 'own',
    grantTitle: 'The state grant against the eligible costs',
    ineligibleTitle: 'Costs the state grant may not pay',
    why: 'Why',
    reachTitle: "The service's reach by municipality",
    municipality: 'Municipality',
    residents65: 'Residents 65+',
    clients65: 'Clients 65+',
    refused: 'Refused',
    sources: { user_fees: 'user fees', mpsv: 'MPSV', region: 'region', municipality: 'municipalities', unattributed_public_grant: 'unattributed public grant', other: 'other' },
    notAvailable: 'not available',
    noDegree: 'no allowance',
    unknownDegree: 'unknown',
    mergerToday: 'against today',
  },
};

let lang = 'cs';
let last = null; // the last audit's job, rerun in the other language
// The downloads' blob URLs, one list per view: a new audit revokes the
// last audit's, a new comparison the last comparison's.
const urls = [];
const compareUrls = [];
const mappingUrls = [];
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
  setBusy(false);
}

// Charts drawn on the page as SVG from the report's own figures (the
// JSON the library wrote): nothing is computed here but the bars' sizes.
const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs = {}, ...children) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  for (const c of children) e.append(c);
  return e;
}
const fmt = (v, digits = 1) => Number(v).toLocaleString(lang, { maximumFractionDigits: digits });

/// A bar chart: `labels` along the bottom, one bar a series per label.
function barChart(title, labels, series, digits = 1) {
  const w = 520; const h = 240; const left = 56; const bottom = 44; const top = 16;
  const max = Math.max(1e-9, ...series.flatMap((s) => s.values.map(Number)));
  const band = (w - left - 8) / Math.max(1, labels.length);
  const bar = (band * 0.8) / series.length;
  const y = (v) => top + (h - top - bottom) * (1 - Number(v) / max);
  const chart = svg('svg', {
    viewBox: `0 0 ${w} ${h}`, role: 'img', 'aria-label': title, class: 'chart',
  }, svg('title', {}, title));
  chart.append(svg('line', { x1: left, y1: h - bottom, x2: w - 4, y2: h - bottom, class: 'axis' }));
  for (const frac of [0, 0.5, 1]) {
    const v = max * frac;
    chart.append(svg('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'tick' }, fmt(v, digits)));
  }
  labels.forEach((label, i) => {
    const x0 = left + i * band + band * 0.1;
    series.forEach((s, j) => {
      const v = Number(s.values[i]);
      chart.append(svg('rect', {
        x: x0 + j * bar, y: y(v), width: Math.max(1, bar - 1), height: h - bottom - y(v), class: `bar s${j}`,
      }, svg('title', {}, `${label} ${s.name}: ${fmt(v, digits)}`)));
    });
    chart.append(svg('text', { x: x0 + band * 0.4, y: h - bottom + 16, 'text-anchor': 'middle', class: 'tick' }, label));
  });
  series.forEach((s, j) => {
    chart.append(svg('rect', { x: left + j * 150, y: h - 14, width: 10, height: 10, class: `bar s${j}` }));
    chart.append(svg('text', { x: left + j * 150 + 14, y: h - 5, class: 'tick' }, s.name));
  });
  return el('figure', {}, chart, el('figcaption', {}, title));
}

/// The charts, the hour cost and the scenarios, from the report's JSON.
function renderDetail(report) {
  const months = report.months || [];
  const charts = [];
  if (months.length) {
    charts.push(barChart(
      t().chartMonths,
      months.map((m) => m.month.slice(5, 7)),
      [{ name: t().chartMonths, values: months.map((m) => m.direct_seconds / 3600) }],
      0,
    ));
  }
  const degrees = ['none', 'I', 'II', 'III', 'IV', 'unknown'];
  const ind = report.indicators || {};
  const share = (id) => (ind[id] && ind[id].value !== undefined && ind[id].value !== null ? 100 * Number(ind[id].value) : 0);
  if (ind['target.clients_by_degree.I']) {
    charts.push(barChart(
      t().chartDegrees,
      degrees.map((d) => (d === 'none' ? t().noDegree : d === 'unknown' ? t().unknownDegree : d)),
      [
        { name: `${t().clientsShare} (%)`, values: degrees.map((d) => share(`target.clients_by_degree.${d}`)) },
        { name: `${t().hoursShare} (%)`, values: degrees.map((d) => share(`target.hours_by_degree.${d}`)) },
      ],
    ));
  }
  const build = report.hour_buildup && report.hour_buildup.lines;
  if (build && build.length) {
    charts.push(barChart(
      t().chartHour,
      build.map((_, i) => String(i + 1)),
      [{ name: t().perHour, values: build.map((l) => l.per_hour) }],
      0,
    ));
    $('hour').replaceChildren(table(
      t().hourTitle,
      ['', t().indicator, t().perHour, t().amount],
      build.map((l, i) => el(
        'tr', { 'data-line': l.id },
        el('td', {}, String(i + 1)),
        el('th', { scope: 'row' }, lang === 'cs' ? l.label_cs : l.label_en),
        el('td', { className: 'value' }, fmt(l.per_hour, 2)),
        el('td', { className: 'value' }, fmt(l.amount, 0)),
      )),
    ));
  } else {
    $('hour').replaceChildren();
  }
  $('charts').replaceChildren(...charts);
  renderFinance(report.finance);
  renderReach(report.reach);
  const scenarios = report.scenarios || [];
  $('scenarios').replaceChildren(...(scenarios.length ? [el('h2', {}, t().scenariosTitle)] : []),
    ...scenarios.map((sc) => el(
      'details', { 'data-scenario': sc.id },
      el('summary', {}, lang === 'cs' ? sc.name_cs : sc.name_en),
      el('ul', {}, ...(lang === 'cs' ? sc.assumptions_cs : sc.assumptions_en).map((a) => el('li', {}, a))),
      sc.unavailable
        ? el('p', {}, `${t().notAvailable}: ${typeof sc.unavailable === 'string'
          ? sc.unavailable : (sc.unavailable[lang] || sc.unavailable.en)}`)
        : table(
          lang === 'cs' ? sc.name_cs : sc.name_en,
          [t().indicator, t().value],
          sc.effects.map((e) => el(
            'tr', {},
            el('th', { scope: 'row' }, lang === 'cs' ? e.label_cs : e.label_en),
            el('td', { className: 'value' }, e.value === null ? '–' : fmt(e.value, 2)),
          )),
        ),
    )));
}

/// Public money in detail, from the report's `finance`: the sources, the
/// state grant step by step, the costs it may not pay.
function renderFinance(f) {
  const parts = [];
  if (f && f.by_source && f.by_source.length) {
    parts.push(table(t().financeTitle, [t().source, t().amount, ''], f.by_source.map((x) => el(
      'tr', { 'data-source': x.source },
      el('th', { scope: 'row' }, t().sources[x.source] || x.source),
      el('td', { className: 'value' }, fmt(x.amount, 2)),
      el('td', {}, x.public ? t().publicSource : t().ownSource),
    ))));
  }
  if (f && f.grant_steps && f.grant_steps.length) {
    parts.push(table(t().grantTitle, ['', t().amount], f.grant_steps.map((st) => el(
      'tr', { 'data-step': '' },
      el('th', { scope: 'row' }, st.label),
      el('td', { className: 'value' }, fmt(st.amount, 2)),
    ))));
  }
  if (f && f.ineligible && f.ineligible.length) {
    parts.push(table(t().ineligibleTitle, ['', t().amount, t().why], f.ineligible.map((x) => el(
      'tr', { 'data-ineligible': '' },
      el('th', { scope: 'row' }, x.account ? `${x.category} (${x.account})` : x.category),
      el('td', { className: 'value' }, fmt(x.amount, 2)),
      el('td', {}, x.why),
    ))));
  }
  $('finance').replaceChildren(...parts);
}

/// The reach by municipality, from the report's `reach`.
function renderReach(r) {
  if (!r || !r.municipalities || !r.municipalities.length) {
    $('reach').replaceChildren();
    return;
  }
  $('reach').replaceChildren(table(
    t().reachTitle,
    [t().municipality, t().residents65, t().clients65, t().refused],
    r.municipalities.map((m) => el(
      'tr', { 'data-municipality': m.municipality },
      el('th', { scope: 'row' }, m.municipality),
      el('td', { className: 'value' }, String(m.residents_65)),
      el('td', { className: 'value' }, String(m.clients_65)),
      el('td', { className: 'value' }, String(m.refused)),
    )),
  ));
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

  try {
    renderDetail(JSON.parse(json));
  } catch (e) {
    $('charts').replaceChildren();
  }

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
  setBusy(false);
  document.body.dataset.state = 'done';
  document.body.dataset.millis = String(Math.round(millis));
}

// One worker, kept between audits: its WebAssembly is compiled once and
// gets faster as the engine optimises it. After an error it is replaced, so
// a workbook that stops the module cannot leave the next audit a broken one.
let worker = null;

// One job at a time: the worker is one, and each job listens for its own
// answer. While one runs, every button that starts another is disabled.
let busy = false;
function setBusy(b) {
  busy = b;
  for (const id of ['run', 'compare-run', 'mapping-apply', 'lang']) $(id).disabled = b;
  for (const s of document.querySelectorAll('button.starter')) s.disabled = b;
}

// The one-file page carries the worker's script and the WebAssembly inside
// it (a module script or worker from file:// would be blocked): the worker
// starts from a blob of its source and gets the module's bytes.
let wasmBytes = null;
function newWorker() {
  const source = document.getElementById('worker-src');
  if (!source) return new Worker('worker.js', { type: 'module' });
  const url = URL.createObjectURL(new Blob([source.textContent], { type: 'text/javascript' }));
  const w = new Worker(url);
  // Revoked once the worker has surely fetched its script (some browsers
  // fetch it after the constructor returns).
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  if (!wasmBytes) {
    const b64 = document.getElementById('wasm-b64').textContent.trim();
    const bin = atob(b64);
    wasmBytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i += 1) wasmBytes[i] = bin.charCodeAt(i);
  }
  w.postMessage({ type: 'init', wasm: wasmBytes.slice(0) });
  return w;
}

function dropWorker() {
  if (worker) worker.terminate();
  worker = null;
}

function getWorker() {
  if (!worker) worker = newWorker();
  return worker;
}

function runAudit(job) {
  last = job;
  $('error').hidden = true;
  setBusy(true);
  $('progress').hidden = false;
  $('progress').removeAttribute('value');
  $('progress-label').textContent = t().reading;
  document.body.dataset.state = 'running';
  const w = getWorker();
  w.onmessage = (event) => {
    const m = event.data;
    if (m.type === 'progress') {
      $('progress-label').textContent = progressText(m.phase, m.rows);
    } else if (m.type === 'done') {
      render(JSON.parse(m.view), m.report, m.json, job.names[0], m.millis);
    } else if (m.type === 'error') {
      dropWorker();
      $('result').hidden = true;
      showError(m.message);
      document.body.dataset.state = 'error';
      propose(job);
    }
  };
  w.onerror = (e) => {
    dropWorker();
    showError(e.message || 'error');
    document.body.dataset.state = 'error';
  };
  const copy = (b) => (b ? b.slice(0) : null);
  // Copies: the worker takes them, the page keeps its own for a rerun.
  w.postMessage({
    type: 'audit',
    names: job.names,
    files: job.files.map(copy),
    mapping: copy(job.mapping),
    law: copy(job.law),
    benchmarks: copy(job.benchmarks),
    financing: copy(job.financing),
    options: { ...job.options, lang },
  });
}

// The mapping step: a header without one of our columns. The library
// says what the header holds and what it recognised; the auditor picks the
// rest; the picks become a Sloupce workbook given with the records.
let mappingJob = null;
function propose(job) {
  setBusy(true);
  const w = getWorker();
  w.onmessage = (event) => {
    const m = event.data;
    if (m.type === 'error') dropWorker();
    setBusy(false);
    if (m.type === 'proposal' && m.proposal) showProposal(job, JSON.parse(m.proposal));
  };
  const copy = (b) => (b ? b.slice(0) : null);
  w.postMessage({ type: 'propose', names: job.names, files: job.files.map(copy), mapping: copy(job.mapping) });
}

function showProposal(job, p) {
  mappingJob = { job, proposal: p };
  $('mapping-intro').textContent = t().mappingIntro(p.sheet, p.file, p.missing);
  $('mapping-table').replaceChildren(table(
    t()['mapping-title'],
    [t().ourColumn, t().inputColumn],
    p.columns.map((c) => {
      const select = el('select', { 'data-column': c.column, 'aria-label': c.column },
        el('option', { value: '' }, '—'),
        ...p.headers.map((h, i) => el('option', { value: String(i) }, h || `(${i + 1})`)));
      if (c.guess !== null && c.guess !== undefined) select.value = String(c.guess);
      return el('tr', {},
        el('th', { scope: 'row' }, c.required ? `${c.column} (${t().required})` : c.column),
        el('td', {}, select));
    }),
  ));
  $('mapping-step').hidden = false;
  document.body.dataset.mapping = 'proposed';
}

$('mapping-apply').addEventListener('click', () => {
  if (!mappingJob || busy) return;
  setBusy(true);
  const { job, proposal: p } = mappingJob;
  const rows = (job.mappingRows || []).filter((r) => r.sheet !== p.sheet);
  for (const select of document.querySelectorAll('#mapping-table select')) {
    if (select.value === '') continue;
    rows.push({ sheet: p.sheet, column: select.dataset.column, header: p.headers[Number(select.value)] });
  }
  const w = getWorker();
  w.onmessage = (event) => {
    const m = event.data;
    if (m.type === 'error') {
      dropWorker();
      showError(m.message);
      return;
    }
    if (m.type !== 'mapping') return;
    const url = URL.createObjectURL(new Blob([m.bytes], {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }));
    for (const u of mappingUrls.splice(0)) URL.revokeObjectURL(u);
    mappingUrls.push(url);
    $('download-mapping').href = url;
    $('download-mapping').download = lang === 'cs' ? 'mapovani-sloupcu.xlsx' : 'column-mapping.xlsx';
    $('download-mapping').hidden = false;
    $('mapping-step').hidden = true;
    document.body.dataset.mapping = 'applied';
    runAudit({ ...job, mapping: m.bytes, mappingRows: rows });
  };
  w.postMessage({ type: 'mapping', rows });
});

const bytesOf = async (id) => {
  const f = $(id).files[0];
  return f ? f.arrayBuffer() : null;
};

async function start(files) {
  if (busy) return;
  // A new audit of the auditor's own choosing: the last mapping step's
  // download belongs to the last records.
  $('download-mapping').hidden = true;
  $('mapping-step').hidden = true;
  if (!files || files.length === 0) {
    showError(t().chooseFile);
    return;
  }
  // Running from the moment it is asked for (the files are read first).
  document.body.dataset.state = 'running';
  runAudit({
    names: files.map((f) => f.name),
    files: await Promise.all(files.map((f) => f.arrayBuffer())),
    mapping: await bytesOf('mapping'),
    law: await bytesOf('law'),
    benchmarks: await bytesOf('benchmarks'),
    financing: await bytesOf('financing'),
    options: {
      public: $('public').checked,
      caps_date: $('caps-date').value,
      retarget_share: $('retarget-share').value,
      retarget_clients: $('retarget-clients').value,
    },
  });
}

function showChosen(files) {
  $('chosen').replaceChildren(...files.map((f) => el('li', {}, f.name)));
}

$('input').addEventListener('change', () => showChosen([...$('input').files]));

// The workbooks to start from, written by the library in the worker.
function download(bytes, name) {
  const url = URL.createObjectURL(new Blob([bytes], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }));
  const a = $('download-starter');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

for (const b of document.querySelectorAll('button.starter')) {
  b.addEventListener('click', () => {
    if (busy) return;
    setBusy(true);
    const w = getWorker();
    w.onmessage = (event) => {
      const m = event.data;
      if (m.type === 'starter') {
        download(m.bytes, m.name);
        document.body.dataset.starter = m.kind;
        setBusy(false);
      } else if (m.type === 'error') {
        dropWorker();
        showError(m.message);
      }
    };
    w.postMessage({ type: 'starter', kind: b.dataset.kind, lang });
  });
}

$('print').addEventListener('click', () => window.print());

// Several providers: their figures side by side (the comparison
// workbook holds the quartiles and ranks), and the merger study.
function renderComparison(m) {
  for (const u of compareUrls.splice(0)) URL.revokeObjectURL(u);
  const wbUrl = URL.createObjectURL(new Blob([m.workbook], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }));
  const jsonUrl = URL.createObjectURL(new Blob([m.json], { type: 'application/json' }));
  compareUrls.push(wbUrl, jsonUrl);
  $('download-comparison').href = wbUrl;
  $('download-comparison').download = lang === 'cs' ? 'srovnani.xlsx' : 'comparison.xlsx';
  $('download-comparison-json').href = jsonUrl;
  $('download-comparison-json').download = lang === 'cs' ? 'srovnani.json' : 'comparison.json';
  $('compare-lines').replaceChildren(...m.lines.split('\n').filter(Boolean).map((l) => el('li', {}, l)));
  const c = JSON.parse(m.json);
  const providers = c.providers.map((p) => p.provider.name);
  const shown = (v) => (v === null || v === undefined ? '–'
    : Number(v).toLocaleString(lang, { maximumFractionDigits: 2 }));
  const ids = ['cost.per_direct_hour', 'fees.per_direct_hour', 'staff.utilization',
    'target.high_dependency_share', 'finance.compensation_balance'];
  const peers = c.peers && c.peers.indicators;
  const rows = ids.filter((id) => peers && peers[id]).map((id) => el(
    'tr', { 'data-compare-id': id },
    el('th', { scope: 'row' }, id),
    ...peers[id].standings.map((st) => el(
      'td', { className: 'value' },
      st ? `${shown(st.value)} (${st.rank}.)` : '–',
    )),
  ));
  const parts = [];
  if (rows.length) parts.push(table(t().compare, [t().indicator, ...providers], rows));
  if (c.trend) {
    const periods = c.providers.map((p) => (p.provider.period ? `${p.provider.period.from} – ${p.provider.period.to}` : p.file));
    parts.push(table(t().compare, [t().indicator, ...periods], ids.filter((id) => c.trend[id]).map((id) => el(
      'tr', { 'data-trend-id': id },
      el('th', { scope: 'row' }, id),
      ...c.trend[id].map((v) => el('td', { className: 'value' }, shown(v))),
    ))));
  }
  const staff = c.merger && c.merger.staff;
  if (staff && staff.cost_change_vs_separate !== undefined) {
    parts.push(el('p', { 'data-merger': 'staff' },
      `${t().mergerStaff}: ${shown(staff.cost_change_vs_separate)} Kč; `
      + `${t().mergerToday}: ${shown(staff.cost_change_vs_today)} Kč`));
  }
  $('compare-table').replaceChildren(...parts);
  $('compare-result').hidden = false;
  setBusy(false);
  document.body.dataset.compare = 'done';
}

$('compare-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  if (busy) return;
  // A folder: each subfolder is one provider's files (as `compare DIR`
  // reads a folder); else each chosen workbook is one provider.
  // In name order, as the command line reads a folder.
  const folder = [...$('compare-folder').files]
    .filter((f) => f.webkitRelativePath.split('/').length > 2)
    .sort((a, b) => (a.webkitRelativePath < b.webkitRelativePath ? -1 : 1));
  const files = folder.length ? folder : [...$('compare-input').files];
  const groupNames = [];
  const groups = files.map((f) => {
    const key = folder.length ? f.webkitRelativePath.split('/')[1] : f.name;
    let i = groupNames.indexOf(key);
    if (i < 0) { groupNames.push(key); i = groupNames.length - 1; }
    return i;
  });
  $('compare-error').hidden = true;
  if (groupNames.length < 2) {
    $('compare-error').textContent = t().chooseProviders;
    $('compare-error').hidden = false;
    document.body.dataset.compare = 'error';
    return;
  }
  document.body.dataset.compare = 'running';
  setBusy(true);
  $('progress-label').textContent = t().comparing;
  const w = getWorker();
  w.onmessage = (event) => {
    const m = event.data;
    if (m.type === 'compared') {
      $('progress-label').textContent = `${t().done} (${(m.millis / 1000).toFixed(1)} ${t().seconds})`;
      renderComparison(m);
    } else if (m.type === 'error') {
      dropWorker();
      $('compare-error').textContent = m.message;
      $('compare-error').hidden = false;
      setBusy(false);
      document.body.dataset.compare = 'error';
    }
  };
  w.onerror = (err) => {
    dropWorker();
    $('compare-error').textContent = err.message || 'error';
    $('compare-error').hidden = false;
    setBusy(false);
    document.body.dataset.compare = 'error';
  };
  w.postMessage({
    type: 'compare',
    names: files.map((f) => f.name),
    files: await Promise.all(files.map((f) => f.arrayBuffer())),
    groups,
    providers: groupNames,
    merge: $('merge').checked,
    merger: await bytesOf('merger'),
    benchmarks: await bytesOf('benchmarks'),
    lang,
  });
});

$('form').addEventListener('submit', (e) => {
  e.preventDefault();
  start([...$('input').files]);
});

$('lang').addEventListener('click', () => {
  if (busy) return;
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
  const files = [...e.dataTransfer.files];
  showChosen(files);
  if (files.length) start(files);
});

applyLanguage();
document.body.dataset.state = 'ready';
