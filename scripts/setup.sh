# Installs what building and testing need, only when it is missing or the wrong version.
# Sourced by scripts/run and scripts/test; every version pin lives here or in the files
# it reads (rust-toolchain.toml, Cargo.lock, package-lock.json).

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# The e2e suite drives Debian's Chromium; no test tool may download a browser.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

TRUNK_VERSION=0.21.14
CARGO_FUZZ_VERSION=0.13.1
WASM_OPT_VERSION=132

say() { printf '\n==> %s\n' "$*"; }
die() { printf '\nerror: %s\n' "$*" >&2; exit 1; }
is_root() { [ "$(id -u)" = 0 ]; }

apt_install() {
  is_root || die "$1 is missing. Install it with: sudo apt-get install $*"
  say "Installing $* with apt"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

toolchain() { sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml; }

ensure_rust() {
  command -v rustup >/dev/null || die "rustup is missing: install the Rust toolchain first (rustup.rs)."
  local tc
  tc="$(toolchain)"
  if ! rustup target list --installed --toolchain "$tc" 2>/dev/null | grep -qx wasm32-unknown-unknown \
    || ! rustup component list --installed --toolchain "$tc" 2>/dev/null | grep -q '^clippy'; then
    say "Installing Rust $tc with the wasm32 target, rustfmt and clippy"
    rustup toolchain install "$tc" --profile minimal --component rustfmt,clippy --target wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "Installing Trunk $TRUNK_VERSION (about 12 minutes on 2 cores)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

ensure_wasm_bindgen() {
  # The CLI must equal the wasm-bindgen crate in Cargo.lock, and Trunk.toml's [tools].
  local want
  want="$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')"
  [ -n "$want" ] || die "wasm-bindgen not found in Cargo.lock"
  grep -q "^wasm_bindgen = \"$want\"" Trunk.toml || die "Trunk.toml [tools] wasm_bindgen must be $want (Cargo.lock)"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
    say "Installing wasm-bindgen-cli $want"
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

ensure_cargo_fuzz() {
  # Only scripts/fuzz needs it; the fuzz crate's own Cargo.lock pins libfuzzer-sys.
  if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
    say "Installing cargo-fuzz $CARGO_FUZZ_VERSION (about 2 minutes)"
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
  fi
}

ensure_node() {
  command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
}

ensure_node_modules() {
  # wasm-opt from npm's binaryen (Debian's 108 emits modules Chromium rejects), Playwright,
  # axe-core and Papa Parse (the benchmark's peer), exactly as package-lock.json pins them.
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "Installing npm packages (binaryen, Playwright, axe-core, Papa Parse)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
  wasm-opt --version | grep -q "version $WASM_OPT_VERSION" \
    || die "wasm-opt is not binaryen $WASM_OPT_VERSION: $(command -v wasm-opt)"
}

ensure_chromium() {
  CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
  [ -x "$CHROMIUM_PATH" ] || apt_install chromium
  # The e2e suite reads printed pages' text from Chromium's PDFs with poppler's pdftotext.
  command -v pdftotext >/dev/null || apt_install poppler-utils
  export CHROMIUM_PATH
}

ensure_build_tools() {
  ensure_rust
  ensure_node
  ensure_node_modules
  ensure_trunk
  ensure_wasm_bindgen
}

build_release() {
  say "Building the release into dist/"
  trunk build --release
}
