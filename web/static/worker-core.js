// The worker's work, shared by the hosted page (worker.js, a module worker
// that imports the WebAssembly's glue) and the one-file page (audit.html,
// whose worker is started from a blob of the glue and this). It needs two
// names: `api` (the library's functions) and `ready` (a promise of the
// WebAssembly initialised). The page keeps this worker between jobs and
// replaces it after an error, so a workbook that stops the module cannot
// leave the next job a broken one.

const arrays = (buffers) => buffers.map((b) => new Uint8Array(b));
const maybe = (b) => (b ? new Uint8Array(b) : undefined);
// The files' SHA-256 in hex, by the browser's own WebCrypto (in hardware:
// the library's, compiled to WebAssembly, took a tenth of an audit's time);
// '' where the page has none (a page served over plain http from another
// computer has no crypto.subtle), and the library hashes those bytes.
// One file after another: WebCrypto copies what it hashes, so all at once
// would hold a second copy of every file.
const digests = async (buffers) => {
  const out = [];
  for (const b of buffers) {
    let hex = '';
    if (self.crypto && self.crypto.subtle) {
      try {
        const d = new Uint8Array(await self.crypto.subtle.digest('SHA-256', b));
        hex = Array.from(d, (x) => x.toString(16).padStart(2, '0')).join('');
      } catch {
        hex = '';
      }
    }
    out.push(hex);
  }
  return out;
};

self.onmessage = async (event) => {
  const m = event.data;
  if (m.type === 'init') return; // the one-file page's WebAssembly bytes
  try {
    await ready;
    const started = performance.now();
    if (m.type === 'audit') {
      const out = api.audit_files(
        m.names,
        arrays(m.files),
        await digests(m.files),
        maybe(m.mapping),
        maybe(m.law),
        maybe(m.benchmarks),
        maybe(m.financing),
        JSON.stringify(m.options),
        (phase, rows) => self.postMessage({ type: 'progress', phase, rows }),
      );
      const report = out.report;
      self.postMessage({
        type: 'done', report, json: out.json, summary: out.summary, view: out.view,
        millis: performance.now() - started,
      }, [report.buffer]);
    } else if (m.type === 'compare') {
      const out = api.compare_files(
        m.names, arrays(m.files), await digests(m.files), Uint32Array.from(m.groups), m.providers, m.merge, maybe(m.merger),
        maybe(m.benchmarks), m.lang,
      );
      const workbook = out.workbook;
      self.postMessage({
        type: 'compared', workbook, json: out.json, lines: out.lines,
        millis: performance.now() - started,
      }, [workbook.buffer]);
    } else if (m.type === 'propose') {
      self.postMessage({
        type: 'proposal',
        proposal: api.propose_mapping(m.names, arrays(m.files), await digests(m.files), maybe(m.mapping)),
      });
    } else if (m.type === 'mapping') {
      const bytes = api.mapping_bytes(JSON.stringify(m.rows));
      self.postMessage({ type: 'mapping', bytes }, [bytes.buffer]);
    } else if (m.type === 'starter') {
      const bytes = api.starter(m.kind);
      self.postMessage({ type: 'starter', kind: m.kind, name: api.starter_name(m.kind, m.lang), bytes },
        [bytes.buffer]);
    }
  } catch (e) {
    const message = (e && e.message) ? e.message : String(e);
    self.postMessage({ type: 'error', job: m.type, message: message.split('\n')[0] });
  }
};
