#!/usr/bin/env bash
# Build the npm package `schemashift` into npm/dist and pack it:
#
#   bash npm/build.sh            # -> target/npm/schemashift-<version>.tgz
#
# Steps: cargo build (wasm32, profile `wasm-release`) -> wasm-bindgen twice (nodejs glue for
# Node's synchronous entry, web glue for browsers and bundlers; one shared .wasm) ->
# wasm-opt -Oz (npm binaryen@132 from npm/tools, never Debian's binaryen) -> TypeScript
# declarations -> npm pack. Needs what scripts/setup.sh installs (wasm32 target,
# wasm-bindgen-cli at the version Cargo.lock pins, `npm ci` in npm/tools).
set -euo pipefail
NPM_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$NPM_DIR")"
cd "$NPM_DIR"

PROFILE="${SCHEMASHIFT_WASM_PROFILE:-wasm-release}"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
WASM_OPT="$NPM_DIR/tools/node_modules/.bin/wasm-opt"
OUT="$TARGET_DIR/npm"
log() { printf '[npm/build] %s\n' "$*" >&2; }

[ -x "$WASM_OPT" ] || { log "missing $WASM_OPT: run scripts/setup.sh (npm ci in npm/tools)"; exit 1; }
want="$(awk '$1=="name" && $3=="\"wasm-bindgen\"" {f=1; next} f && $1=="version" {gsub(/"/,"",$3); print $3; exit}' "$ROOT/Cargo.lock")"
have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')"
[ "$want" = "$have" ] || { log "wasm-bindgen-cli $have does not match the library $want (Cargo.lock): run scripts/setup.sh"; exit 1; }

version="$(node -p "require('./package.json').version")"
crate_version="$(cargo metadata --format-version 1 --no-deps --manifest-path "$ROOT/Cargo.toml" \
  | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{console.log(JSON.parse(s).packages.find(p=>p.name==='schemashift-wasm').version)})")"
[ "$version" = "$crate_version" ] || { log "npm/package.json version $version != crate version $crate_version"; exit 1; }

log "cargo build -p schemashift-wasm --profile $PROFILE --target wasm32-unknown-unknown"
cargo build --quiet -p schemashift-wasm --profile "$PROFILE" --target wasm32-unknown-unknown
wasm="$TARGET_DIR/wasm32-unknown-unknown/$PROFILE/schemashift_wasm.wasm"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
log "wasm-bindgen --target nodejs / --target web"
# --experimental-reset-state-function exports __wbg_reset_state: the JS entries use it to replace
# an instance that a trap (not a panic: the panic hook handles those) left unusable.
wasm-bindgen --experimental-reset-state-function --target nodejs --out-dir "$tmp/node" "$wasm"
wasm-bindgen --experimental-reset-state-function --target web --out-dir "$tmp/web" "$wasm"
# Both glues load the same .wasm from the same folder: it must be the same file.
cmp -s "$tmp/node/schemashift_wasm_bg.wasm" "$tmp/web/schemashift_wasm_bg.wasm" \
  || { log "wasm-bindgen produced different .wasm files for nodejs and web"; exit 1; }

rm -rf dist
mkdir -p dist
log "wasm-opt -Oz ($("$WASM_OPT" --version))"
# The features rustc enables by default for wasm32 and that wasm-bindgen's output uses.
"$WASM_OPT" -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-reference-types --enable-multivalue \
  "$tmp/web/schemashift_wasm_bg.wasm" -o dist/schemashift_wasm_bg.wasm
cp "$tmp/node/schemashift_wasm.js" dist/schemashift_wasm.cjs
cp "$tmp/web/schemashift_wasm.js" dist/schemashift_wasm.js
# The glues point at their own declaration file; the package's are index.d.ts / index.d.cts.
sed -i '/^\/\* @ts-self-types=/d' dist/schemashift_wasm.cjs dist/schemashift_wasm.js
cp js/node.cjs js/node.js js/web.js js/verify.mjs dist/
node scripts/types.mjs "$tmp/node/schemashift_wasm.d.ts" dist

raw=$(stat -c %s dist/schemashift_wasm_bg.wasm)
gz=$(gzip -9 -c dist/schemashift_wasm_bg.wasm | wc -c)
log "dist/schemashift_wasm_bg.wasm: $raw bytes raw, $gz bytes gzip -9 (before wasm-opt: $(stat -c %s "$tmp/web/schemashift_wasm_bg.wasm"))"

mkdir -p "$OUT"
rm -f "$OUT"/schemashift-*.tgz
tgz="$(npm pack --silent --pack-destination "$OUT" 2>/dev/null | tail -n 1)"
log "packed $OUT/$tgz ($(stat -c %s "$OUT/$tgz") bytes)"
echo "$OUT/$tgz"
