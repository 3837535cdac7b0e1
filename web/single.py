#!/usr/bin/env python3
"""Writes dist/audit.html: the whole page in one file that opens from disk.

The page's HTML with its style and script inline, the worker's script (the
WebAssembly's no-modules glue, a bootstrap and the shared worker code) as a
text block the page starts a worker from, and the WebAssembly itself as
base64. Its Content-Security-Policy allows nothing from any address: only
the inline script, the WebAssembly it compiles, and the worker and the
downloads it makes from blobs.

    single.py STATIC NOMOD_DIR OUT
"""
import base64
import sys
from pathlib import Path

static, nomod, out = (Path(a) for a in sys.argv[1:4])
html = (static / "index.html").read_text(encoding="utf-8")
style = (static / "style.css").read_text(encoding="utf-8")
app = (static / "app.js").read_text(encoding="utf-8")
core = (static / "worker-core.js").read_text(encoding="utf-8")
glue = (nomod / "homecare_audit_web.js").read_text(encoding="utf-8")
wasm = base64.b64encode((nomod / "homecare_audit_web_bg.wasm").read_bytes()).decode("ascii")

BOOT = """
// The one-file page's worker: the page sends the WebAssembly's bytes first.
const api = wasm_bindgen;
let gotWasm;
const ready = new Promise((resolve) => { gotWasm = resolve; })
  .then((bytes) => wasm_bindgen({ module_or_path: bytes }));
self.addEventListener('message', (e) => { if (e.data && e.data.type === 'init') gotWasm(e.data.wasm); });
"""

CSP = ("default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval'; "
       "style-src 'unsafe-inline'; img-src data: blob:; worker-src blob:; connect-src 'none'; "
       "object-src 'none'; base-uri 'none'; form-action 'none'")


def inline(text):
    # Nothing inside may close the element it sits in.
    if "</script" in text.lower() or "</style" in text.lower():
        raise SystemExit("single.py: a script or style holds a closing tag")
    return text


def replace_once(text, old, new):
    if text.count(old) != 1:
        raise SystemExit(f"single.py: expected one {old!r} in index.html")
    return text.replace(old, new)


start = html.index('content="', html.index("Content-Security-Policy")) + len('content="')
end = html.index('"', start)
html = html[:start] + CSP + html[end:]
html = replace_once(html, '<link rel="stylesheet" href="style.css">',
                    f"<style>\n{inline(style)}</style>")
html = replace_once(html, '<script type="module" src="app.js"></script>',
                    f'<script type="module">\n{inline(app)}</script>')
worker = inline(glue) + BOOT + inline(core)
blocks = (f'<script type="text/plain" id="worker-src">\n{worker}</script>\n'
          f'<script type="application/octet-stream" id="wasm-b64">{wasm}</script>\n')
html = replace_once(html, "</body>", blocks + "</body>")
out.write_text(html, encoding="utf-8")
