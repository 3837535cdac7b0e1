#!/usr/bin/env bash
# Builds the audit page into web/dist/: the library compiled to WebAssembly
# with its JavaScript glue (wasm-bindgen), and the static page. Serve
# web/dist/ from any static web server, e.g.
#   python3 -m http.server -d web/dist
# It also writes web/dist/audit.html: the whole page in one file (the
# script, the worker and the WebAssembly inside) that opens from disk with
# no server, to e-mail or put on a shared drive (single.py, python3).
# Needs rustup (adds the wasm32-unknown-unknown target if missing) and
# installs wasm-bindgen-cli at the version web/Cargo.toml pins.
set -euo pipefail
cd "$(dirname "$0")"

target=wasm32-unknown-unknown
if ! rustup target list --installed | grep -qx "$target"; then
  rustup target add "$target"
fi

# wasm-bindgen-cli must be the very version of the wasm-bindgen crate.
version=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$version" ]; then
  # Not --locked: the CLI's lock file names a webpki-roots release the
  # registry no longer serves.
  cargo install wasm-bindgen-cli --version "$version"
fi

cargo build --release --target "$target"
rm -rf dist
mkdir -p dist/pkg
wasm="${CARGO_TARGET_DIR:-target}/$target/release/homecare_audit_web.wasm"
wasm-bindgen --target web --no-typescript --out-dir dist/pkg "$wasm"
cp static/index.html static/app.js static/style.css dist/
# The hosted worker: the module glue's import, then the shared work.
cat static/worker.js static/worker-core.js > dist/worker.js
# The one-file page: the no-modules glue runs in a worker started from a blob.
nomod=$(mktemp -d)
wasm-bindgen --target no-modules --no-typescript --out-dir "$nomod" "$wasm"
python3 single.py static "$nomod" dist/audit.html
rm -rf "$nomod"

size=$(wc -c < dist/pkg/homecare_audit_web_bg.wasm)
gz=$(gzip -9 -c dist/pkg/homecare_audit_web_bg.wasm | wc -c)
one=$(wc -c < dist/audit.html)
onegz=$(gzip -9 -c dist/audit.html | wc -c)
echo "web/dist: homecare_audit_web_bg.wasm ${size} bytes, ${gz} gzipped"
echo "web/dist: audit.html ${one} bytes, ${onegz} gzipped"
