#!/usr/bin/env bash
# Builds the audit page into web/dist/: the library compiled to WebAssembly
# with its JavaScript glue (wasm-bindgen), and the static page. Serve
# web/dist/ from any static web server, e.g.
#   python3 -m http.server -d web/dist
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
wasm-bindgen --target web --no-typescript --out-dir dist/pkg \
  "${CARGO_TARGET_DIR:-target}/$target/release/homecare_audit_web.wasm"
cp static/* dist/
size=$(wc -c < dist/pkg/homecare_audit_web_bg.wasm)
gz=$(gzip -9 -c dist/pkg/homecare_audit_web_bg.wasm | wc -c)
echo "web/dist: homecare_audit_web_bg.wasm ${size} bytes, ${gz} gzipped"
