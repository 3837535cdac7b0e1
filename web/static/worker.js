// The hosted page's worker: the WebAssembly's glue as a module, then the
// shared work (worker-core.js, appended by web/build.sh).
import init, * as api from './pkg/homecare_audit_web.js';

const ready = init();
