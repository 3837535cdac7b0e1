// The audit runs here, off the page's thread. The page keeps this worker
// between audits and replaces it after an error, so a workbook that stops
// the WebAssembly module (a bug we would want to hear of) cannot leave the
// next audit a broken one.
import init, { audit } from './pkg/homecare_audit_web.js';

const ready = init();

self.onmessage = async (event) => {
  const { input, name, benchmarks, lang } = event.data;
  try {
    await ready;
    const started = performance.now();
    const out = audit(
      new Uint8Array(input),
      name,
      benchmarks ? new Uint8Array(benchmarks) : undefined,
      lang,
      (phase, rows) => self.postMessage({ type: 'progress', phase, rows }),
    );
    const report = out.report;
    self.postMessage(
      {
        type: 'done',
        report,
        json: out.json,
        summary: out.summary,
        view: out.view,
        millis: performance.now() - started,
      },
      [report.buffer],
    );
  } catch (e) {
    const message = (e && e.message) ? e.message : String(e);
    self.postMessage({ type: 'error', message: message.split('\n')[0] });
  }
};
